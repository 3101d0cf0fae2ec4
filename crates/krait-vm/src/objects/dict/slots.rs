//! The protocol slots of `dict` and of its views (`dict_keys`,
//! `dict_values`, `dict_items`).

use crate::object::{IterState, ObjKind};
use crate::objects::dict::{dict_cell, get, remove, set};
use crate::objects::iterators::new_iterator;
use crate::objects::typeobject::slots::{NativeType, Slots};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_compiler::code::{BinOp, CompareOp};

pub struct DictType;

impl NativeType for DictType {
    const SLOTS: &'static Slots = &Slots {
        hash: Some(crate::objects::typeobject::slots::unhashable),
        richcompare: Some(|vm, op, o, b| match b {
            Value::Obj(y) if matches!(y.kind(), ObjKind::Dict(_)) && !op.is_ordering() => {
                let equal = crate::objects::dict::methods::dict_equal(vm, o, y)?;
                Ok(Some(Value::Bool(equal == (op == CompareOp::Eq))))
            }
            _ => Ok(None),
        }),
        repr: Some(|vm, o| vm.dict_repr(o, o, "{", "}")),
        len: Some(|_, o| Ok(dict_cell(o).borrow().len())),
        getitem: Some(getitem),
        setitem: Some(setitem),
        contains: Some(|vm, o, key| get(vm, o, key).map(|v| v.is_some())),
        iter: Some(|vm, o| Ok(entries_iterator(vm, o, 0))),
        binop: Some(|vm, op, a, b| match (op.base(), a.kind(), b.kind()) {
            (BinOp::Or, Some(ObjKind::Dict(_)), Some(ObjKind::Dict(_))) => {
                super::methods::dict_or(vm, a, b, op.is_inplace()).map(Some)
            }
            _ => Ok(None),
        }),
        ..Slots::NONE
    };
}

pub fn getitem(vm: &mut Vm, o: &Obj, key: &Value) -> PyResult {
    match get(vm, o, key)? {
        Some(v) => Ok(v),
        None => missing(vm, o, key),
    }
}

/// A missing key: a subclass's `__missing__`, or KeyError.
fn missing(vm: &mut Vm, d: &Obj, key: &Value) -> PyResult {
    let cls = d.class().clone();
    if cls.tdata().heap {
        let name = vm.names.missing.clone();
        if let Some(m) = vm.lookup_type_obj(&cls, &name) {
            return vm.call_method_value(&m, Value::Obj(d.clone()), vec![key.clone()]);
        }
    }
    Err(vm.key_error(key.clone()))
}

fn setitem(vm: &mut Vm, o: &Obj, key: Value, value: Option<Value>) -> PyResult<()> {
    match value {
        Some(v) => set(vm, o, key, v),
        None => match remove(vm, o, &key)? {
            Some(_) => Ok(()),
            None => Err(vm.key_error(key)),
        },
    }
}

/// An iterator over a dict's keys (`what` 0), values (1) or items (2).
fn entries_iterator(vm: &Vm, dict: &Obj, what: u8) -> Value {
    let len = dict_cell(dict).borrow().len();
    let class = match what {
        0 => &vm.types.dict_keyiterator,
        1 => &vm.types.dict_valueiterator,
        _ => &vm.types.dict_itemiterator,
    };
    let state = IterState::Dict {
        dict: dict.clone(),
        pos: 0,
        what,
        len,
    };
    new_iterator(class, state)
}

/// The dict a view shows, and which of its parts.
fn view(o: &Obj) -> (&Obj, u8) {
    match o.kind() {
        ObjKind::DictView { dict, what } => (dict, *what),
        _ => unreachable!("dict view slots are installed on dict views"),
    }
}

pub struct KeysType;

impl NativeType for KeysType {
    const SLOTS: &'static Slots = &Slots {
        richcompare: Some(set_like_compare),
        hash: Some(crate::objects::typeobject::slots::unhashable),
        contains: Some(|vm, o, key| get(vm, view(o).0, key).map(|v| v.is_some())),
        binop: Some(set_like_binop),
        ..VIEW_SLOTS
    };
}

pub struct ValuesType;

impl NativeType for ValuesType {
    const SLOTS: &'static Slots = &VIEW_SLOTS;
}

pub struct ItemsType;

impl NativeType for ItemsType {
    const SLOTS: &'static Slots = &Slots {
        richcompare: Some(set_like_compare),
        hash: Some(crate::objects::typeobject::slots::unhashable),
        contains: Some(items_contains),
        binop: Some(set_like_binop),
        ..VIEW_SLOTS
    };
}

/// What the three views share.
const VIEW_SLOTS: Slots = Slots {
    repr: Some(view_repr),
    len: Some(|_, o| Ok(dict_cell(view(o).0).borrow().len())),
    iter: Some(|vm, o| {
        let (dict, what) = view(o);
        Ok(entries_iterator(vm, dict, what))
    }),
    ..Slots::NONE
};

/// `&`, `|`, `^` and `-` of key and item views, as sets.
fn set_like_binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    match op.base() {
        BinOp::And | BinOp::Or | BinOp::Xor | BinOp::Subtract => {
            crate::objects::set::methods::view_binop(vm, op, a, b)
        }
        _ => Ok(None),
    }
}

fn view_repr(vm: &mut Vm, o: &Obj) -> PyResult {
    let (dict, what) = view(o);
    let name = ["dict_keys", "dict_values", "dict_items"][what as usize];
    let entries: Vec<(Value, Value)> = dict_cell(dict)
        .borrow()
        .iter()
        .map(|e| (e.key.clone(), e.value.clone()))
        .collect();
    let items = entries
        .into_iter()
        .map(|(k, v)| match what {
            0 => k,
            1 => v,
            _ => vm.new_tuple(vec![k, v]),
        })
        .collect();
    let open = format!("{name}([");
    vm.seq_repr(o, &open, "])", items)
}

fn items_contains(vm: &mut Vm, o: &Obj, item: &Value) -> PyResult<bool> {
    let Some(ObjKind::Tuple(kv)) = item.kind() else {
        return Ok(false);
    };
    if kv.len() != 2 {
        return Ok(false);
    }
    match get(vm, view(o).0, &kv[0])? {
        Some(v) => vm.eq(&v, &kv[1]),
        None => Ok(false),
    }
}

/// Keys and items views compare as sets with sets, frozensets and the
/// other set-like views.
fn set_like_compare(vm: &mut Vm, op: CompareOp, o: &Obj, b: &Value) -> PyResult<Option<Value>> {
    let set_like = matches!(
        b.kind(),
        Some(ObjKind::Set(_) | ObjKind::FrozenSet(_) | ObjKind::DictView { what: 0 | 2, .. })
    );
    if !set_like {
        return Ok(None);
    }
    let r = vm.set_like_compare(op, &Value::Obj(o.clone()), b)?;
    Ok(Some(Value::Bool(r)))
}
