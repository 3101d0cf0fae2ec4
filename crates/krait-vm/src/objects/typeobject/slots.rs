//! Slots: the protocol functions a built-in type provides, which the
//! generic protocol code (`protocol/`) calls without knowing the type.
//!
//! Each built-in type's file declares its [`Slots`] once, as a
//! [`NativeType`], and [`install`]s them at start-up. That puts the table
//! on the type object and adds the dunder methods CPython derives from
//! its slots (`str.__getitem__`, `dict_keys.__len__`, ...), each a thin
//! wrapper calling the slot, unless the type's own table already has the
//! name (`list.__getitem__` is a plain one-argument method in CPython).
//!
//! Built-in types without slots of their own inherit their base's
//! (exceptions, struct sequences). Classes defined in Python get theirs
//! from their dunders (see `heap_slots`): a built-in base's slot where
//! the base is where the dunder is found, else a slot that calls the
//! dunder.

use crate::api::{add_methods, FunctionDef};
use crate::objects::function::Args;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_compiler::code::{BinOp, CompareOp};

/// `repr(o)`.
pub type ReprSlot = fn(&mut Vm, &Obj) -> PyResult;
/// `a op b` with `a` of this type: `None` when the type does not
/// compare with `b` (NotImplemented), and the reflected slot of `b` is
/// tried next. Built-in types answer with a bool; a class's `__eq__`
/// may answer with any object.
pub type RichCompareSlot = fn(&mut Vm, CompareOp, &Obj, &Value) -> PyResult<Option<Value>>;
/// `hash(o)`.
pub type HashSlot = fn(&mut Vm, &Obj) -> PyResult<i64>;
/// `len(o)`.
pub type LenSlot = fn(&mut Vm, &Obj) -> PyResult<usize>;
/// `o[key]`.
pub type GetItemSlot = fn(&mut Vm, &Obj, &Value) -> PyResult;
/// `o[key] = value`, or `del o[key]` when the value is `None`.
pub type SetItemSlot = fn(&mut Vm, &Obj, Value, Option<Value>) -> PyResult<()>;
/// `item in o`.
pub type ContainsSlot = fn(&mut Vm, &Obj, &Value) -> PyResult<bool>;
/// `iter(o)`.
pub type IterSlot = fn(&mut Vm, &Obj) -> PyResult;
/// `next(o)`: `None` once the iterator is exhausted.
pub type NextSlot = fn(&mut Vm, &Obj) -> PyResult<Option<Value>>;
/// `a op b` (or `a op= b`) with `a` of this type: `None` when the type
/// does not implement the operator for `b` (NotImplemented).
pub type BinOpSlot = fn(&mut Vm, BinOp, &Value, &Value) -> PyResult<Option<Value>>;
/// `seq * n` (in place when asked), for `n` already checked.
pub type RepeatSlot = fn(&mut Vm, &Value, usize, bool) -> PyResult<Value>;
/// `o.name`; without one, `object`'s generic lookup (instance dict,
/// then the class, descriptors first).
pub type GetAttrSlot = fn(&mut Vm, &Value, &Obj) -> PyResult;
/// `o.name = value`, or `del o.name` when the value is `None`; without
/// one, `object`'s generic protocol.
pub type SetAttrSlot = fn(&mut Vm, &Value, &Obj, Option<Value>) -> PyResult<()>;
/// `o(*args, **kwargs)`.
pub type CallSlot = fn(&mut Vm, &Obj, Args) -> PyResult;
/// `descr.__get__(instance, owner)`, for a class attribute found by a
/// lookup on `instance` (`Null` for a lookup on the class `owner`).
pub type DescrGetSlot = fn(&mut Vm, &Obj, &Value, &Obj) -> PyResult;
/// `descr.__set__(instance, value)`, or `descr.__delete__(instance)`
/// when the value is `None`: what makes a data descriptor.
pub type DescrSetSlot = fn(&mut Vm, &Obj, &Value, Option<Value>) -> PyResult<()>;

/// The protocol functions of one built-in type; `None` where the type
/// does not implement the protocol (or implements it as a dunder method).
#[derive(Clone, Copy)]
pub struct Slots {
    pub repr: Option<ReprSlot>,
    pub hash: Option<HashSlot>,
    pub richcompare: Option<RichCompareSlot>,
    pub len: Option<LenSlot>,
    pub getitem: Option<GetItemSlot>,
    pub setitem: Option<SetItemSlot>,
    pub contains: Option<ContainsSlot>,
    pub iter: Option<IterSlot>,
    pub next: Option<NextSlot>,
    pub binop: Option<BinOpSlot>,
    pub repeat: Option<RepeatSlot>,
    pub getattr: Option<GetAttrSlot>,
    pub setattr: Option<SetAttrSlot>,
    pub call: Option<CallSlot>,
    pub descr_get: Option<DescrGetSlot>,
    pub descr_set: Option<DescrSetSlot>,
}

impl Slots {
    /// No slots: the protocols go through dunder lookup.
    pub const NONE: Slots = Slots {
        repr: None,
        hash: None,
        richcompare: None,
        len: None,
        getitem: None,
        setitem: None,
        contains: None,
        iter: None,
        next: None,
        binop: None,
        repeat: None,
        getattr: None,
        setattr: None,
        call: None,
        descr_get: None,
        descr_set: None,
    };

    /// Only a repr (most types that are not containers).
    pub const fn repr(repr: ReprSlot) -> Slots {
        Slots {
            repr: Some(repr),
            ..Slots::NONE
        }
    }

    /// An iterator: `iter` returns it, `next` advances it.
    pub const fn iterator(next: NextSlot) -> Slots {
        Slots {
            iter: Some(iter_self),
            next: Some(next),
            ..Slots::NONE
        }
    }

    fn is_none(&self) -> bool {
        self.same_as(&Slots::NONE)
    }

    /// Whether both tables hold the same functions.
    fn same_as(&self, other: &Slots) -> bool {
        fn a<F: Copy>(f: Option<F>, to: fn(F) -> usize) -> usize {
            f.map_or(0, to)
        }
        let key = |s: &Slots| {
            [
                a(s.repr, |f| f as usize),
                a(s.hash, |f| f as usize),
                a(s.richcompare, |f| f as usize),
                a(s.len, |f| f as usize),
                a(s.getitem, |f| f as usize),
                a(s.setitem, |f| f as usize),
                a(s.contains, |f| f as usize),
                a(s.iter, |f| f as usize),
                a(s.next, |f| f as usize),
                a(s.binop, |f| f as usize),
                a(s.repeat, |f| f as usize),
                a(s.getattr, |f| f as usize),
                a(s.setattr, |f| f as usize),
                a(s.call, |f| f as usize),
                a(s.descr_get, |f| f as usize),
                a(s.descr_set, |f| f as usize),
            ]
        };
        key(self) == key(other)
    }
}

/// A built-in type's slots, known at compile time so that the dunder
/// wrappers made from them call the type's own functions directly (as
/// `tuple.__repr__` does on a struct sequence whose repr differs).
pub trait NativeType {
    const SLOTS: &'static Slots;
    /// The operators the `binop` slot implements: each gets its `__op__`
    /// and `__rop__` wrappers, as CPython derives them from the number
    /// slots (`timedelta.__sub__`, `timedelta.__rmul__`).
    const BINARY_OPERATORS: &'static [BinOp] = &[];
}

/// The slots of the built-in type instances of `cls` are laid out as:
/// `cls`'s own, or for a class defined in Python its nearest built-in
/// base's (what native code reading the payload may use).
pub fn layout_slots(cls: &Obj) -> Slots {
    let t = cls.tdata();
    if !t.heap {
        return t.slots.get();
    }
    let mro = t.mro.borrow();
    mro.iter()
        .map(|c| c.tdata())
        .find(|c| !c.heap)
        .map_or(Slots::NONE, |c| c.slots.get())
}

/// The name of the built-in type instances of `cls` are laid out as.
pub fn layout_name(cls: &Obj) -> String {
    let mro = cls.tdata().mro.borrow();
    mro.iter()
        .find(|c| !c.tdata().heap)
        .map_or_else(String::new, Obj::type_name)
}

/// The length of a built-in container by its payload, without running
/// Python code (`None` for other objects).
pub fn payload_len(vm: &mut Vm, o: &Obj) -> Option<usize> {
    let f = layout_slots(o.class()).len?;
    f(vm, o).ok()
}

/// The hash slot of the mutable built-ins (`list`, `dict`, `set`, ...):
/// "unhashable type: 'list'".
pub fn unhashable(vm: &mut Vm, o: &Obj) -> PyResult<i64> {
    Err(vm.type_error(format!("unhashable type: '{}'", o.class().type_name())))
}

/// `iter(it)` of an iterator: itself.
pub fn iter_self(_: &mut Vm, o: &Obj) -> PyResult {
    Ok(Value::Obj(o.clone()))
}

/// Gives `ty` the slots of `T`, passes them on to built-in subclasses
/// that have none of their own, and adds the dunder wrappers its
/// namespace does not define yet (for the slots that differ from its
/// base's: a struct sequence overrides only `tuple`'s repr).
pub fn install<T: NativeType>(vm: &mut Vm, ty: &Obj) {
    let old = ty.tdata().slots.get();
    ty.tdata().declared_slots.set(T::SLOTS);
    inherit(ty, &old, T::SLOTS);
    let mine = addresses(T::SLOTS);
    let base = match ty.tdata().bases.borrow().first() {
        Some(b) => addresses(&b.tdata().slots.get()),
        None => [0; WRAPPED_SLOTS],
    };
    let ns = ty.object().dict().cloned();
    let mut defs = Vec::new();
    for (i, def) in wrappers::<T>().into_iter().enumerate() {
        let key = vm.intern(def.name);
        let defined = ns
            .as_ref()
            .is_some_and(|d| crate::objects::dict::get_str_obj(d, &key).is_some());
        if mine[i] != 0 && mine[i] != base[i] && !defined {
            defs.push(def);
        }
    }
    if T::SLOTS.binop.is_some() {
        for &op in T::BINARY_OPERATORS {
            for def in binop_wrappers::<T>(op) {
                let key = vm.intern(def.name);
                let defined = ns
                    .as_ref()
                    .is_some_and(|d| crate::objects::dict::get_str_obj(d, &key).is_some());
                if !defined {
                    defs.push(def);
                }
            }
        }
    }
    add_methods(vm, ty, &defs);
}

/// `__op__(other)` (or, `REFLECTED`, `__rop__(other)`) through the
/// `binop` slot, operands in the order the operator sees them.
fn binop_wrapper<T: NativeType, const OP: usize, const REFLECTED: bool>(
    vm: &mut Vm,
    a: Args,
) -> PyResult {
    let f = T::SLOTS.binop.expect("installed with a binop slot");
    let op = BinOp::ALL[OP];
    let (x, y) = if REFLECTED {
        (&a.pos[1], &a.pos[0])
    } else {
        (&a.pos[0], &a.pos[1])
    };
    match f(vm, op, x, y)? {
        Some(r) => Ok(r),
        None => Ok(vm.not_implemented()),
    }
}

fn binop_wrappers<T: NativeType>(op: BinOp) -> [FunctionDef; 2] {
    macro_rules! pair {
        ($i:literal, $name:literal, $rname:literal) => {
            [
                FunctionDef::method($name, binop_wrapper::<T, $i, false>).wrapper(1, false),
                FunctionDef::method($rname, binop_wrapper::<T, $i, true>).wrapper(1, false),
            ]
        };
    }
    match op.base() {
        BinOp::Add => pair!(0, "__add__", "__radd__"),
        BinOp::And => pair!(1, "__and__", "__rand__"),
        BinOp::FloorDivide => pair!(2, "__floordiv__", "__rfloordiv__"),
        BinOp::Lshift => pair!(3, "__lshift__", "__rlshift__"),
        BinOp::MatrixMultiply => pair!(4, "__matmul__", "__rmatmul__"),
        BinOp::Multiply => pair!(5, "__mul__", "__rmul__"),
        BinOp::Remainder => pair!(6, "__mod__", "__rmod__"),
        BinOp::Or => pair!(7, "__or__", "__ror__"),
        BinOp::Power => pair!(8, "__pow__", "__rpow__"),
        BinOp::Rshift => pair!(9, "__rshift__", "__rrshift__"),
        BinOp::Subtract => pair!(10, "__sub__", "__rsub__"),
        BinOp::TrueDivide => pair!(11, "__truediv__", "__rtruediv__"),
        _ => pair!(12, "__xor__", "__rxor__"),
    }
}

/// The dunders CPython derives from the slots, in [`addresses`]' order.
/// How many slots get a dunder wrapper.
const WRAPPED_SLOTS: usize = 18;

fn wrappers<T: NativeType>() -> [FunctionDef; WRAPPED_SLOTS] {
    [
        FunctionDef::method("__repr__", repr_wrapper::<T>).wrapper(0, false),
        FunctionDef::method("__len__", len_wrapper::<T>).wrapper(0, false),
        FunctionDef::method("__getitem__", getitem_wrapper::<T>).wrapper(1, false),
        FunctionDef::method("__setitem__", setitem_wrapper::<T>).wrapper(2, true),
        FunctionDef::method("__delitem__", delitem_wrapper::<T>).wrapper(1, false),
        FunctionDef::method("__contains__", contains_wrapper::<T>).wrapper(1, false),
        FunctionDef::method("__iter__", iter_wrapper::<T>).wrapper(0, false),
        FunctionDef::method("__next__", next_wrapper::<T>).wrapper(0, false),
        FunctionDef::method("__eq__", compare_wrapper::<T, 2>).wrapper(1, false),
        FunctionDef::method("__ne__", compare_wrapper::<T, 3>).wrapper(1, false),
        FunctionDef::method("__lt__", compare_wrapper::<T, 0>).wrapper(1, false),
        FunctionDef::method("__le__", compare_wrapper::<T, 1>).wrapper(1, false),
        FunctionDef::method("__gt__", compare_wrapper::<T, 4>).wrapper(1, false),
        FunctionDef::method("__ge__", compare_wrapper::<T, 5>).wrapper(1, false),
        FunctionDef::method("__get__", get_wrapper::<T>).wrapper_range(1, 2),
        FunctionDef::method("__set__", set_wrapper::<T>).wrapper(2, false),
        FunctionDef::method("__delete__", delete_wrapper::<T>).wrapper(1, false),
        FunctionDef::method("__call__", call_wrapper::<T>),
    ]
}

/// Each slot's function address (0 when unset), to tell which slots a
/// type has and which it shares with its base.
fn addresses(s: &Slots) -> [usize; WRAPPED_SLOTS] {
    let compare = s.richcompare.map_or(0, |f| f as usize);
    [
        s.repr.map_or(0, |f| f as usize),
        s.len.map_or(0, |f| f as usize),
        s.getitem.map_or(0, |f| f as usize),
        s.setitem.map_or(0, |f| f as usize),
        s.setitem.map_or(0, |f| f as usize),
        s.contains.map_or(0, |f| f as usize),
        s.iter.map_or(0, |f| f as usize),
        s.next.map_or(0, |f| f as usize),
        compare,
        compare,
        compare,
        compare,
        compare,
        compare,
        s.descr_get.map_or(0, |f| f as usize),
        s.descr_set.map_or(0, |f| f as usize),
        s.descr_set.map_or(0, |f| f as usize),
        s.call.map_or(0, |f| f as usize),
    ]
}

/// Sets `new` on `ty` and on the built-in subclasses that still have the
/// slots `ty` had before.
fn inherit(ty: &Obj, old: &Slots, new: &Slots) {
    let t = ty.tdata();
    t.slots.set(*new);
    for sub in t.live_subclasses() {
        let s = sub.tdata();
        let theirs = s.slots.get();
        if !s.heap && (theirs.same_as(old) || theirs.is_none()) {
            inherit(&sub, &theirs, new);
        }
    }
}

/// A new built-in type's slots: its first base's.
pub fn inherit_from_base(ty: &Obj, base: &Obj) {
    let t = ty.tdata();
    if !t.heap && t.slots.get().is_none() {
        t.slots.set(base.tdata().slots.get());
    }
}

fn receiver<'a>(vm: &Vm, a: &'a Args) -> PyResult<&'a Obj> {
    a.pos
        .first()
        .and_then(Value::as_obj)
        .ok_or_else(|| vm.type_error("slot wrapper called without its object"))
}

/// `__lt__`, `__le__`, `__eq__`, `__ne__`, `__gt__` and `__ge__` (`OP` in
/// `CompareOp`'s order) through the rich-comparison slot.
fn compare_wrapper<T: NativeType, const OP: u8>(vm: &mut Vm, a: Args) -> PyResult {
    let f = T::SLOTS
        .richcompare
        .expect("installed with a richcompare slot");
    let op = match OP {
        0 => CompareOp::Lt,
        1 => CompareOp::Le,
        2 => CompareOp::Eq,
        3 => CompareOp::Ne,
        4 => CompareOp::Gt,
        _ => CompareOp::Ge,
    };
    match f(vm, op, receiver(vm, &a)?, &a.pos[1])? {
        Some(r) => Ok(r),
        None => Ok(vm.not_implemented()),
    }
}

fn repr_wrapper<T: NativeType>(vm: &mut Vm, a: Args) -> PyResult {
    let f = T::SLOTS.repr.expect("installed with a repr slot");
    f(vm, receiver(vm, &a)?)
}

fn len_wrapper<T: NativeType>(vm: &mut Vm, a: Args) -> PyResult {
    let f = T::SLOTS.len.expect("installed with a len slot");
    let n = f(vm, receiver(vm, &a)?)?;
    Ok(Value::Int(n as i64))
}

fn getitem_wrapper<T: NativeType>(vm: &mut Vm, a: Args) -> PyResult {
    let f = T::SLOTS.getitem.expect("installed with a getitem slot");
    f(vm, receiver(vm, &a)?, &a.pos[1])
}

fn setitem_wrapper<T: NativeType>(vm: &mut Vm, a: Args) -> PyResult {
    let f = T::SLOTS.setitem.expect("installed with a setitem slot");
    f(
        vm,
        receiver(vm, &a)?,
        a.pos[1].clone(),
        Some(a.pos[2].clone()),
    )?;
    Ok(Value::None)
}

fn delitem_wrapper<T: NativeType>(vm: &mut Vm, a: Args) -> PyResult {
    let f = T::SLOTS.setitem.expect("installed with a setitem slot");
    f(vm, receiver(vm, &a)?, a.pos[1].clone(), None)?;
    Ok(Value::None)
}

fn contains_wrapper<T: NativeType>(vm: &mut Vm, a: Args) -> PyResult {
    let f = T::SLOTS.contains.expect("installed with a contains slot");
    f(vm, receiver(vm, &a)?, &a.pos[1]).map(Value::Bool)
}

fn iter_wrapper<T: NativeType>(vm: &mut Vm, a: Args) -> PyResult {
    let f = T::SLOTS.iter.expect("installed with an iter slot");
    f(vm, receiver(vm, &a)?)
}

fn next_wrapper<T: NativeType>(vm: &mut Vm, a: Args) -> PyResult {
    let f = T::SLOTS.next.expect("installed with a next slot");
    match f(vm, receiver(vm, &a)?)? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

/// `descr.__get__(instance, owner=None)`: `None` for the instance means
/// a lookup on the class.
fn get_wrapper<T: NativeType>(vm: &mut Vm, a: Args) -> PyResult {
    let f = T::SLOTS.descr_get.expect("installed with a descr_get slot");
    let descr = receiver(vm, &a)?;
    let instance = match &a.pos[1] {
        Value::None => Value::Null,
        v => v.clone(),
    };
    let owner = match a.pos.get(2) {
        Some(Value::Obj(o)) if o.type_data().is_some() => o.clone(),
        Some(other) if !other.is_none() => {
            return Err(vm.type_error(format!(
                "descriptor owner must be a type, not '{}'",
                vm.type_name(other)
            )))
        }
        _ if instance.is_null() => {
            return Err(vm.type_error("__get__(None, None) is invalid"));
        }
        _ => vm.class_of(&instance).clone(),
    };
    f(vm, descr, &instance, &owner)
}

fn set_wrapper<T: NativeType>(vm: &mut Vm, a: Args) -> PyResult {
    let f = T::SLOTS.descr_set.expect("installed with a descr_set slot");
    f(vm, receiver(vm, &a)?, &a.pos[1], Some(a.pos[2].clone()))?;
    Ok(Value::None)
}

/// `obj.__call__(*args, **kwargs)` through the call slot.
fn call_wrapper<T: NativeType>(vm: &mut Vm, mut a: Args) -> PyResult {
    let f = T::SLOTS.call.expect("installed with a call slot");
    let this = receiver(vm, &a)?.clone();
    a.pos.remove(0);
    f(vm, &this, a)
}

fn delete_wrapper<T: NativeType>(vm: &mut Vm, a: Args) -> PyResult {
    let f = T::SLOTS.descr_set.expect("installed with a descr_set slot");
    f(vm, receiver(vm, &a)?, &a.pos[1], None)?;
    Ok(Value::None)
}
