//! Slots made from dunder methods: how a class defined in Python (or a
//! built-in type that implements a protocol as a plain method) takes
//! part in the protocols the generic code reaches through slots.
//!
//! For each slot, the class's MRO is searched for the first class that
//! defines one of the slot's dunders. When that is a built-in type with
//! the slot of its own, the class shares it (a `list` subclass indexes
//! with `list`'s own function, without a dunder lookup); when it is a
//! class defined in Python, or a built-in type's plain method, the slot
//! becomes a function that looks the dunder up and calls it. A class
//! whose MRO defines none of the dunders has no slot.
//!
//! [`fill`] runs when a class is made; [`refill`], for a class and its
//! subclasses, once the built-in types are registered and whenever a
//! dunder is set on or deleted from a class ([`Vm::dunder_changed`]).

use crate::object::ObjKind;
use crate::objects::function::Args;
use crate::objects::str::{as_pystr, value_pystr};
use crate::objects::typeobject::slots::Slots;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_compiler::code::CompareOp;

/// The slots made from dunders, each with the dunders that make it.
#[derive(Clone, Copy)]
enum Group {
    Repr,
    Hash,
    Compare,
    Len,
    GetItem,
    SetItem,
    Contains,
    Iter,
    Next,
    Call,
    DescrGet,
    DescrSet,
    GetAttr,
    SetAttr,
    BinOp,
}

const GROUPS: [Group; 15] = [
    Group::Repr,
    Group::Hash,
    Group::Compare,
    Group::Len,
    Group::GetItem,
    Group::SetItem,
    Group::Contains,
    Group::Iter,
    Group::Next,
    Group::Call,
    Group::DescrGet,
    Group::DescrSet,
    Group::GetAttr,
    Group::SetAttr,
    Group::BinOp,
];

impl Group {
    fn of(dunder: &str) -> Option<Group> {
        Some(match dunder {
            "__repr__" => Group::Repr,
            "__hash__" => Group::Hash,
            "__eq__" | "__ne__" | "__lt__" | "__le__" | "__gt__" | "__ge__" => Group::Compare,
            "__len__" => Group::Len,
            "__getitem__" => Group::GetItem,
            "__setitem__" | "__delitem__" => Group::SetItem,
            "__contains__" => Group::Contains,
            "__iter__" => Group::Iter,
            "__next__" => Group::Next,
            "__call__" => Group::Call,
            "__get__" => Group::DescrGet,
            "__set__" | "__delete__" => Group::DescrSet,
            "__getattribute__" | "__getattr__" => Group::GetAttr,
            "__setattr__" | "__delattr__" => Group::SetAttr,
            _ if is_operator_dunder(dunder) => Group::BinOp,
            _ => return None,
        })
    }

    fn bit(self) -> u32 {
        1 << self as u32
    }

    /// Whether `s` has this slot.
    fn has(self, s: &Slots) -> bool {
        match self {
            Group::Repr => s.repr.is_some(),
            Group::Hash => s.hash.is_some(),
            Group::Compare => s.richcompare.is_some(),
            Group::Len => s.len.is_some(),
            Group::GetItem => s.getitem.is_some(),
            Group::SetItem => s.setitem.is_some(),
            Group::Contains => s.contains.is_some(),
            Group::Iter => s.iter.is_some(),
            Group::Next => s.next.is_some(),
            Group::Call => s.call.is_some(),
            Group::DescrGet => s.descr_get.is_some(),
            Group::DescrSet => s.descr_set.is_some(),
            Group::GetAttr => s.getattr.is_some(),
            Group::SetAttr => s.setattr.is_some(),
            Group::BinOp => s.binop.is_some(),
        }
    }

    /// Sets this slot of `s` from `from`, or to the function calling the
    /// dunder.
    fn set(self, s: &mut Slots, from: Source<'_>) {
        fn choose<F: Copy>(src: Source, get: impl Fn(&Slots) -> Option<F>, dunder: F) -> Option<F> {
            match src {
                Source::Slots(n) => get(n),
                Source::Dunder => Some(dunder),
            }
        }
        match self {
            Group::Repr => s.repr = choose(from, |s| s.repr, repr_by_dunder),
            Group::Hash => s.hash = choose(from, |s| s.hash, hash_by_dunder),
            Group::Compare => {
                s.richcompare = choose(from, |s| s.richcompare, richcompare_by_dunder)
            }
            Group::Len => s.len = choose(from, |s| s.len, len_by_dunder),
            Group::GetItem => s.getitem = choose(from, |s| s.getitem, getitem_by_dunder),
            Group::SetItem => s.setitem = choose(from, |s| s.setitem, setitem_by_dunder),
            Group::Contains => s.contains = choose(from, |s| s.contains, contains_by_dunder),
            Group::Iter => s.iter = choose(from, |s| s.iter, iter_by_dunder),
            Group::Next => s.next = choose(from, |s| s.next, next_by_dunder),
            Group::Call => s.call = choose(from, |s| s.call, call_by_dunder),
            Group::DescrGet => s.descr_get = choose(from, |s| s.descr_get, descr_get_by_dunder),
            Group::DescrSet => s.descr_set = choose(from, |s| s.descr_set, descr_set_by_dunder),
            Group::GetAttr => s.getattr = choose(from, |s| s.getattr, getattr_by_dunder),
            Group::SetAttr => s.setattr = choose(from, |s| s.setattr, setattr_by_dunder),
            Group::BinOp => s.binop = choose(from, |s| s.binop, binop_by_dunder),
        }
    }
}

/// `__add__`, `__radd__`, `__iadd__` and the like for every binary
/// operator.
fn is_operator_dunder(name: &str) -> bool {
    const OPERATORS: [&str; 13] = [
        "add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift",
        "and", "or", "xor",
    ];
    let Some(core) = name.strip_prefix("__").and_then(|n| n.strip_suffix("__")) else {
        return false;
    };
    let base = ["r", "i"]
        .iter()
        .find_map(|p| core.strip_prefix(p).filter(|c| OPERATORS.contains(c)));
    OPERATORS.contains(&base.unwrap_or(core))
}

/// Where a slot of a class comes from.
#[derive(Clone, Copy)]
enum Source<'a> {
    /// This table's slot: a built-in type's declared one, or what a base
    /// has (none, when no class in the MRO provides the slot).
    Slots(&'a Slots),
    /// A class defined in Python defines one of the dunders, or a
    /// built-in type as a plain method: the slot calls the dunder.
    Dunder,
}

/// The slot groups whose dunders the namespace of `cls` itself defines.
fn own_dunders(cls: &Obj) -> u32 {
    let Some(d) = cls.object().dict() else {
        return 0;
    };
    let mut mask = 0;
    for e in crate::objects::dict::dict_cell(d).borrow().iter() {
        let name = e.key.as_obj().and_then(as_pystr).and_then(|s| s.as_str());
        if let Some(g) = name.filter(|n| n.starts_with("__")).and_then(Group::of) {
            mask |= g.bit();
        }
    }
    mask
}

/// What class `c` itself provides for slot `g` (its namespace defining
/// `own` dunders): its declared slot, the dunder, or nothing.
fn provided(c: &Obj, own: u32, g: Group) -> Option<Source<'static>> {
    let t = c.tdata();
    let declared = t.declared_slots.get();
    if !t.heap && g.has(declared) {
        return Some(Source::Slots(declared));
    }
    if own & g.bit() == 0 {
        return None;
    }
    // `object` defines the attribute protocol's dunders without slots:
    // its generic protocol, which an absent slot stands for.
    if !t.heap && t.bases.borrow().is_empty() {
        return Some(Source::Slots(declared));
    }
    Some(Source::Dunder)
}

/// Gives `cls` the slots its MRO's dunders call for: for each slot, what
/// the first class of the MRO providing it provides. With one base, the
/// base's slots already say that for the rest of the MRO.
pub fn fill(cls: &Obj) {
    let t = cls.tdata();
    let mut s = t.slots.get();
    let own = own_dunders(cls);
    let bases = t.bases.borrow();
    if bases.len() <= 1 {
        let base = bases.first().map_or(Slots::NONE, |b| b.tdata().slots.get());
        for g in GROUPS {
            g.set(
                &mut s,
                provided(cls, own, g).unwrap_or(Source::Slots(&base)),
            );
        }
    } else {
        let mro = t.mro.borrow();
        let masks: Vec<u32> = mro.iter().map(own_dunders).collect();
        for g in GROUPS {
            let src = mro
                .iter()
                .zip(&masks)
                .find_map(|(c, &m)| provided(c, m, g))
                .unwrap_or(Source::Slots(&Slots::NONE));
            g.set(&mut s, src);
        }
    }
    drop(bases);
    if t.heap {
        // Repetition works on the payload: the built-in base's.
        s.repeat = crate::objects::typeobject::slots::layout_slots(cls).repeat;
    }
    t.slots.set(s);
}

impl Vm {
    /// After `name` was set on or deleted from the class `cls`: the slots
    /// of `cls` and its subclasses follow, when `name` is a dunder.
    pub fn dunder_changed(&mut self, cls: &Obj, name: &Obj) {
        let is_dunder = as_pystr(name)
            .and_then(|s| s.as_str())
            .is_some_and(|n| n.len() > 4 && n.starts_with("__") && n.ends_with("__"));
        if is_dunder {
            refill(cls);
        }
    }
}

/// Works out the slots of `cls` and of its subclasses again.
pub fn refill(cls: &Obj) {
    fill(cls);
    let subs: Vec<Obj> = cls
        .tdata()
        .subclasses
        .borrow()
        .iter()
        .filter_map(|w| w.upgrade())
        .map(Obj)
        .collect();
    for sub in subs {
        refill(&sub);
    }
}

/// The dunder `name` of `o`'s class.
fn dunder(vm: &mut Vm, o: &Obj, name: &Obj) -> Option<Value> {
    let cls = o.class().clone();
    vm.lookup_type_obj(&cls, name)
}

fn repr_by_dunder(vm: &mut Vm, o: &Obj) -> PyResult {
    let name = vm.names.repr.clone();
    let r = match dunder(vm, o, &name) {
        Some(m) => {
            vm.enter_recursion(" while getting the repr of an object")?;
            let r = vm.call_method_value(&m, Value::Obj(o.clone()), vec![]);
            vm.leave_recursion();
            r?
        }
        None => {
            let s = crate::objects::typeobject::object::default_repr(vm, &Value::Obj(o.clone()));
            vm.new_string(s)
        }
    };
    if value_pystr(&r).is_none() {
        return Err(vm.type_error(format!(
            "__repr__ returned non-string (type {})",
            vm.type_name(&r)
        )));
    }
    Ok(r)
}

fn hash_by_dunder(vm: &mut Vm, o: &Obj) -> PyResult<i64> {
    use crate::protocol::hash;
    let name = vm.names.hash.clone();
    match dunder(vm, o, &name) {
        Some(Value::None) => {
            Err(vm.type_error(format!("unhashable type: '{}'", o.class().type_name())))
        }
        Some(m) => match vm.call_method_value(&m, Value::Obj(o.clone()), vec![])? {
            Value::Int(i) => Ok(hash::fix(i)),
            Value::Truth(b) => Ok(b as i64),
            Value::Obj(r) => match r.kind() {
                ObjKind::Int(b) => Ok(hash::hash_bigint(b)),
                _ => Err(vm.type_error("__hash__ method should return an integer")),
            },
            _ => Err(vm.type_error("__hash__ method should return an integer")),
        },
        None => Ok(hash::hash_pointer(o.addr())),
    }
}

/// A comparison by the receiver's dunder for `op`; `None` when it is
/// missing or returns NotImplemented. Also how ints, floats, bools and
/// `None`, which are not objects, compare with objects.
pub fn compare_by_dunder(
    vm: &mut Vm,
    op: CompareOp,
    a: &Value,
    b: &Value,
) -> PyResult<Option<Value>> {
    let cls = vm.class_of(a).clone();
    let name = vm.names.compare[op as usize].clone();
    let Some(m) = vm.lookup_type_obj(&cls, &name) else {
        return Ok(None);
    };
    let r = vm.call_method_value(&m, a.clone(), vec![b.clone()])?;
    Ok((!vm.is_not_implemented(&r)).then_some(r))
}

fn richcompare_by_dunder(
    vm: &mut Vm,
    op: CompareOp,
    o: &Obj,
    b: &Value,
) -> PyResult<Option<Value>> {
    compare_by_dunder(vm, op, &Value::Obj(o.clone()), b)
}

fn len_by_dunder(vm: &mut Vm, o: &Obj) -> PyResult<usize> {
    let name = vm.names.len.clone();
    match dunder(vm, o, &name) {
        Some(m) => {
            let r = vm.call_method_value(&m, Value::Obj(o.clone()), vec![])?;
            vm.len_result(r)
        }
        None => Err(vm.type_error(format!(
            "object of type '{}' has no len()",
            o.class().type_name()
        ))),
    }
}

fn getitem_by_dunder(vm: &mut Vm, o: &Obj, key: &Value) -> PyResult {
    let name = vm.names.getitem.clone();
    match dunder(vm, o, &name) {
        Some(m) => vm.call_method_value(&m, Value::Obj(o.clone()), vec![key.clone()]),
        None => Err(vm.type_error(format!(
            "'{}' object is not subscriptable",
            o.class().type_name()
        ))),
    }
}

fn setitem_by_dunder(vm: &mut Vm, o: &Obj, key: Value, value: Option<Value>) -> PyResult<()> {
    let (name, args, what) = match value {
        Some(v) => (vm.names.setitem.clone(), vec![key, v], "assignment"),
        None => (vm.names.delitem.clone(), vec![key], "deletion"),
    };
    match dunder(vm, o, &name) {
        Some(m) => vm
            .call_method_value(&m, Value::Obj(o.clone()), args)
            .map(drop),
        None => Err(vm.type_error(format!(
            "'{}' object does not support item {what}",
            o.class().type_name()
        ))),
    }
}

fn contains_by_dunder(vm: &mut Vm, o: &Obj, item: &Value) -> PyResult<bool> {
    let name = vm.names.contains.clone();
    match dunder(vm, o, &name) {
        Some(Value::None) => Err(vm.type_error(format!(
            "'{}' object is not a container",
            o.class().type_name()
        ))),
        Some(m) => {
            let r = vm.call_method_value(&m, Value::Obj(o.clone()), vec![item.clone()])?;
            vm.truthy(&r)
        }
        None => vm.contains_by_iteration(&Value::Obj(o.clone()), item),
    }
}

fn iter_by_dunder(vm: &mut Vm, o: &Obj) -> PyResult {
    let name = vm.names.iter.clone();
    match dunder(vm, o, &name) {
        Some(m) if !m.is_none() => {
            let it = vm.call_method_value(&m, Value::Obj(o.clone()), vec![])?;
            if !vm.is_iterator(&it) {
                return Err(vm.type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    vm.type_name(&it)
                )));
            }
            Ok(it)
        }
        _ => Err(vm.type_error(format!(
            "'{}' object is not iterable",
            o.class().type_name()
        ))),
    }
}

fn next_by_dunder(vm: &mut Vm, o: &Obj) -> PyResult<Option<Value>> {
    let name = vm.names.next.clone();
    let Some(m) = dunder(vm, o, &name) else {
        return Err(vm.type_error(format!(
            "'{}' object is not an iterator",
            o.class().type_name()
        )));
    };
    match vm.call_method_value(&m, Value::Obj(o.clone()), vec![]) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.class().is_subtype(&vm.exc.stop_iteration) => Ok(None),
        Err(e) => Err(e),
    }
}

fn call_by_dunder(vm: &mut Vm, o: &Obj, args: Args) -> PyResult {
    let name = vm.names.call.clone();
    match dunder(vm, o, &name) {
        Some(m) if !m.is_none() => {
            // `__call__` may itself be an instance whose class's
            // `__call__` is that instance again: recursion with no frame.
            vm.enter_recursion(" while calling a Python object")?;
            let r = vm.call_method_value_kw(&m, Value::Obj(o.clone()), args);
            vm.leave_recursion();
            r
        }
        _ => Err(vm.not_callable(&Value::Obj(o.clone()))),
    }
}

fn descr_get_by_dunder(vm: &mut Vm, descr: &Obj, instance: &Value, owner: &Obj) -> PyResult {
    let name = vm.names.get.clone();
    let Some(g) = dunder(vm, descr, &name) else {
        return Ok(Value::Obj(descr.clone()));
    };
    let instance = if instance.is_null() {
        Value::None
    } else {
        instance.clone()
    };
    vm.call_method_value(
        &g,
        Value::Obj(descr.clone()),
        vec![instance, Value::Obj(owner.clone())],
    )
}

fn descr_set_by_dunder(
    vm: &mut Vm,
    descr: &Obj,
    instance: &Value,
    value: Option<Value>,
) -> PyResult<()> {
    let (name, args) = match value {
        Some(v) => (vm.names.set.clone(), vec![instance.clone(), v]),
        None => (vm.names.delete.clone(), vec![instance.clone()]),
    };
    match dunder(vm, descr, &name) {
        Some(m) => vm
            .call_method_value(&m, Value::Obj(descr.clone()), args)
            .map(drop),
        None => Err(vm.attribute_error(&*crate::objects::str::text(&name))),
    }
}

/// A class's `__getattribute__`, then on AttributeError its
/// `__getattr__`.
fn getattr_by_dunder(vm: &mut Vm, obj: &Value, name: &Obj) -> PyResult {
    let cls = vm.class_of(obj).clone();
    let ga = vm.names.getattribute.clone();
    let r = match vm.lookup_type_obj(&cls, &ga) {
        Some(custom) if !is_objects(vm, &custom) => {
            vm.call_method_value(&custom, obj.clone(), vec![Value::Obj(name.clone())])
        }
        _ => vm.generic_getattr(obj, &cls, name),
    };
    match r {
        Err(e) if e.class().is_subtype(&vm.exc.attribute_error) => {
            let hook = vm.names.getattr.clone();
            match vm.lookup_type_obj(&cls, &hook) {
                Some(h) => vm.call_method_value(&h, obj.clone(), vec![Value::Obj(name.clone())]),
                None => Err(e),
            }
        }
        other => other,
    }
}

/// A class's `__setattr__` or `__delattr__`, or `object`'s protocol.
fn setattr_by_dunder(vm: &mut Vm, obj: &Value, name: &Obj, value: Option<Value>) -> PyResult<()> {
    let cls = vm.class_of(obj).clone();
    let hook = match value {
        Some(_) => vm.names.setattr.clone(),
        None => vm.names.delattr.clone(),
    };
    match vm.lookup_type_obj(&cls, &hook) {
        Some(custom) if !is_objects(vm, &custom) => {
            let mut args = vec![Value::Obj(name.clone())];
            args.extend(value);
            vm.call_method_value(&custom, obj.clone(), args).map(drop)
        }
        _ => match value {
            Some(v) => vm.generic_setattr(obj, &cls, name, v),
            None => vm.generic_delattr(obj, name),
        },
    }
}

/// Whether `f` is one of `object`'s own methods.
fn is_objects(vm: &Vm, f: &Value) -> bool {
    matches!(f.kind(), Some(ObjKind::Builtin(b)) if b.owner.as_ref().is_some_and(|o| o.is(&vm.types.object)))
}

/// Whether a `binop` slot is the one calling operator dunders.
pub fn is_binop_by_dunders(f: Option<crate::objects::typeobject::slots::BinOpSlot>) -> bool {
    let by_dunder: crate::objects::typeobject::slots::BinOpSlot = binop_by_dunder;
    f.is_some_and(|f| f as usize == by_dunder as usize)
}

/// `a op b` by the operands' dunders, as CPython orders them: for `a op=
/// b`, `a.__iop__(b)`; then `b.__rop__(a)` first when `b`'s class is a
/// subclass of `a`'s overriding it, `a.__op__(b)`, and `b.__rop__(a)`.
/// `None` when all decline.
pub fn binop_by_dunder(
    vm: &mut Vm,
    op: krait_compiler::code::BinOp,
    a: &Value,
    b: &Value,
) -> PyResult<Option<Value>> {
    if op.is_inplace() {
        let ta = vm.class_of(a).clone();
        let iname = vm.names.binop[op as usize][2].clone();
        if let Some(m) = vm.lookup_type_obj(&ta, &iname) {
            let r = vm.call_method_value(&m, a.clone(), vec![b.clone()])?;
            if !vm.is_not_implemented(&r) {
                return Ok(Some(r));
            }
        }
    }
    let [name, rname, _] = vm.names.binop[op.base() as usize].clone();
    let ta = vm.class_of(a).clone();
    let tb = vm.class_of(b).clone();
    let left = vm.lookup_type_obj(&ta, &name);
    let mut right = if ta.is(&tb) {
        None
    } else {
        vm.lookup_type_obj(&tb, &rname)
    };
    if let Some(r) = &right {
        // (Overriding: the subclass's reflected method is not the one
        // the left operand's class has.)
        let overrides = vm.lookup_type_obj(&ta, &rname).is_none_or(|l| !l.is(r));
        if tb.is_subtype(&ta) && overrides {
            let r = right.take().expect("just matched");
            let res = vm.call_method_value(&r, b.clone(), vec![a.clone()])?;
            if !vm.is_not_implemented(&res) {
                return Ok(Some(res));
            }
        }
    }
    for (m, x, y) in [(left, a, b), (right, b, a)] {
        if let Some(m) = m {
            let res = vm.call_method_value(&m, x.clone(), vec![y.clone()])?;
            if !vm.is_not_implemented(&res) {
                return Ok(Some(res));
            }
        }
    }
    Ok(None)
}
