//! `_collections`: `deque` (native) and `defaultdict` (a `dict` subclass
//! written in Python, run when the module is made), under `collections`.
//! `OrderedDict`, `_count_elements` and `_tuplegetter` are left to the
//! pure-Python versions `collections` falls back on.

mod deque;

use krait_vm::api::{add_attr, ModuleDef, Obj, PyResult, Value, Vm};

pub const MODULE: ModuleDef = ModuleDef {
    name: "_collections",
    doc: Some("High performance data structures.\n- deque:        ordered collection accessible from endpoints only\n- defaultdict:  dict subclass with a default value factory\n"),
    functions: &[],
    init: Some(init),
};

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    let d = vm.new_native_base_type::<deque::DequeType>(&deque::DEQUE_TYPE);
    krait_vm::api::add_getsets(vm, &d, deque::DEQUE_ATTRIBUTES);
    // Unhashable, as CPython marks it (so not `collections.abc.Hashable`).
    add_attr(vm, &d, "__hash__", Value::None);
    add_attr(vm, m, "deque", Value::Obj(d));
    let it = vm.new_native_type::<deque::IterType>(&deque::ITER_TYPE);
    add_attr(vm, m, "_deque_iterator", Value::Obj(it));
    let rit = vm.new_native_type::<deque::IterType>(&deque::REVERSE_ITER_TYPE);
    add_attr(vm, m, "_deque_reverse_iterator", Value::Obj(rit));
    vm.exec_in(DEFAULTDICT_SOURCE, m)
}

/// `defaultdict`: a `dict` whose missing keys are made by a factory.
const DEFAULTDICT_SOURCE: &str = r#"
class defaultdict(dict):
    """defaultdict(default_factory=None, /, [...]) --> dict with default factory

The default factory is called without arguments to produce
a new value when a key is not present, in __getitem__ only.
A defaultdict compares equal to a dict with the same items.
All remaining arguments are treated the same as if they were
passed to the dict constructor, including keyword arguments.
"""
    __module__ = 'collections'

    def __init__(self, default_factory=None, /, *args, **kwds):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        dict.__init__(self, *args, **kwds)
        self.default_factory = default_factory

    def __missing__(self, key):
        factory = self.default_factory
        if factory is None:
            raise KeyError(key)
        self[key] = value = factory()
        return value

    def __repr__(self):
        factory = self.default_factory
        if factory is None:
            shown = 'None'
        elif factory is self:
            shown = '...'
        else:
            shown = repr(factory)
        return f'{type(self).__name__}({shown}, {dict.__repr__(self)})'

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        args = (self.default_factory,) if self.default_factory is not None else ()
        return type(self), args, None, None, iter(self.items())

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new

    def __ior__(self, other):
        dict.update(self, other)
        return self
"#;
