//! Type objects: name, bases, method resolution order, namespace, and the
//! built-in layout their instances have.

pub(crate) mod call;
pub(crate) mod class;
pub(crate) mod dunder_slots;
pub(crate) mod object;
pub(crate) mod reduce;
pub(crate) mod slots;
pub(crate) mod super_;

use crate::object::{ObjKind, Object};
use crate::value::Obj;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// The built-in payload instances of a type carry (inherited from the
/// nearest built-in base).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Layout {
    Object,
    Int,
    Bool,
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Exception,
    Type,
    /// Built-in types that cannot be subclassed or instantiated directly
    /// from Python in the usual way (functions, iterators, ...).
    Special,
}

pub struct TypeData {
    pub name: RefCell<String>,
    pub qualname: RefCell<String>,
    pub bases: RefCell<Vec<Obj>>,
    pub mro: RefCell<Vec<Obj>>,
    pub layout: Layout,
    /// Defined by a `class` statement (attributes can be set on it).
    pub heap: bool,
    /// Can be used as a base class.
    pub base_ok: bool,
    /// Instances have a `__dict__`.
    pub instance_dict: Cell<bool>,
    /// The class (or a base) defines `__del__`: its instances are
    /// finalized when their last reference goes.
    pub has_del: Cell<bool>,
    /// The name error messages give a built-in type defined in a module
    /// (CPython's `tp_name`: `collections.deque`), where it differs from
    /// `__name__`.
    pub full_name: RefCell<Option<String>>,
    /// Some instance was weakly referenced: dropping one looks for
    /// weak-reference callbacks.
    pub weakly_referenced: Cell<bool>,
    /// Slot names of `__slots__`, for all classes in the MRO.
    pub slot_names: RefCell<Vec<String>>,
    /// Changes (to a number never used before) whenever this class or a
    /// class in its MRO changes: caches of lookups compare it.
    pub version: Cell<u64>,
    /// Direct subclasses, for `__subclasses__`.
    pub subclasses: RefCell<Vec<std::rc::Weak<Object>>>,
    /// How calling the class makes an instance, and the `version` it was
    /// worked out for.
    pub new_plan: RefCell<(u64, NewPlan)>,
    /// The most attributes an instance has held (up to a bound): new
    /// instance dicts start this large.
    pub instance_size: Cell<u32>,
    /// The protocol functions of instances (see `slots`): a built-in
    /// type's own, a class's made from its dunders.
    pub slots: Cell<slots::Slots>,
    /// The slots a built-in type declares itself (its `NativeType`),
    /// which its subclasses share where the slot's dunders come from it.
    pub declared_slots: Cell<&'static slots::Slots>,
}

/// What `cls(...)` does when `type.__call__` is not overridden.
#[derive(Clone)]
pub enum NewPlan {
    /// `object.__new__`, then this Python function as `__init__`.
    PyInit(Obj),
    /// `object.__new__` and `object.__init__`: an empty instance, and no
    /// arguments allowed.
    Bare,
    /// `BaseException.__new__` with the call's arguments, then this Python
    /// function as `__init__` (exception classes with their own
    /// `__init__`).
    ExcInit(Obj),
    /// Anything else: look up and call `__new__` and `__init__`.
    General,
}

impl TypeData {
    /// The direct subclasses still alive, oldest first.
    pub fn live_subclasses(&self) -> Vec<Obj> {
        self.subclasses
            .borrow()
            .iter()
            .filter_map(|w| w.upgrade().map(Obj))
            .collect()
    }

    pub fn new(name: &str, layout: Layout, heap: bool) -> TypeData {
        TypeData {
            name: RefCell::new(name.to_owned()),
            qualname: RefCell::new(name.to_owned()),
            bases: RefCell::new(Vec::new()),
            mro: RefCell::new(Vec::new()),
            layout,
            heap,
            base_ok: true,
            instance_dict: Cell::new(heap),
            has_del: Cell::new(false),
            full_name: RefCell::new(None),
            weakly_referenced: Cell::new(false),
            slot_names: RefCell::new(Vec::new()),
            subclasses: RefCell::new(Vec::new()),
            version: Cell::new(crate::objects::dict::table::fresh_version()),
            new_plan: RefCell::new((0, NewPlan::General)),
            instance_size: Cell::new(0),
            slots: Cell::new(slots::Slots::NONE),
            declared_slots: Cell::new(&slots::Slots::NONE),
        }
    }
}

impl Obj {
    /// The type data of a type object.
    #[inline]
    pub fn type_data(&self) -> Option<&TypeData> {
        match self.kind() {
            ObjKind::Type(t) => Some(t),
            _ => None,
        }
    }

    /// The type data of an object known to be a type.
    #[inline]
    pub fn tdata(&self) -> &TypeData {
        match self.kind() {
            ObjKind::Type(t) => t,
            _ => panic!("not a type object"),
        }
    }

    /// The class's name without its module (`deque`, not
    /// `collections.deque`): how messages about its methods name it.
    pub fn short_type_name(&self) -> String {
        self.type_data()
            .map(|t| t.name.borrow().clone())
            .unwrap_or_default()
    }

    pub fn type_name(&self) -> String {
        self.type_data()
            .map(|t| match &*t.full_name.borrow() {
                Some(full) => full.clone(),
                None => t.name.borrow().clone(),
            })
            .unwrap_or_default()
    }

    /// Whether this type is `other` or a subclass of it.
    pub fn is_subtype(&self, other: &Obj) -> bool {
        if self.is(other) {
            return true;
        }
        match self.type_data() {
            Some(t) => t.mro.borrow().iter().any(|c| c.is(other)),
            None => false,
        }
    }
}

/// Makes the `type` type object, whose class is itself.
pub fn bootstrap_type() -> Obj {
    let obj = Obj(Rc::new(Object::without_class(ObjKind::Type(Box::new(
        TypeData::new("type", Layout::Type, false),
    )))));
    obj.object().set_class(obj.clone());
    obj
}

/// The C3 linearisation of a class with these bases, or the names of the
/// bases whose order cannot be reconciled.
pub fn c3_mro(class: &Obj, bases: &[Obj]) -> Result<Vec<Obj>, Vec<Obj>> {
    let mut seqs: Vec<Vec<Obj>> = bases
        .iter()
        .map(|b| b.tdata().mro.borrow().clone())
        .collect();
    seqs.push(bases.to_vec());
    let mut out = vec![class.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut candidate = None;
        for s in &seqs {
            let head = &s[0];
            let in_tail = seqs.iter().any(|t| t[1..].iter().any(|x| x.is(head)));
            if !in_tail {
                candidate = Some(head.clone());
                break;
            }
        }
        let Some(c) = candidate else {
            let mut heads: Vec<Obj> = Vec::new();
            for s in &seqs {
                if !heads.iter().any(|h| h.is(&s[0])) {
                    heads.push(s[0].clone());
                }
            }
            return Err(heads);
        };
        for s in seqs.iter_mut() {
            if s[0].is(&c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}
