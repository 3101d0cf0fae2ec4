//! `set` and `frozenset`: constructors, methods and operators, building
//! results in the same insertion order as CPython so they iterate alike.

use crate::api::{add_methods, check_positional, FunctionDef};
use crate::object::ObjKind;
use crate::objects::function::Args;
use crate::objects::set::table::SetTable;
use crate::objects::set::{add_to_table, with_table};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_compiler::code::{BinOp, CompareOp};
use std::cell::RefCell;

pub fn register(vm: &mut Vm) {
    let set = vm.types.set.clone();
    let fs = vm.types.frozenset.clone();
    add_methods(vm, &set, SET_ONLY);
    add_methods(vm, &fs, FROZENSET_ONLY);
    for ty in [&set, &fs] {
        add_methods(vm, ty, SHARED);
        crate::objects::typeobject::slots::install::<super::slots::SetType>(vm, ty);
        add_methods(vm, ty, SHARED_OPERATORS);
    }
    add_methods(vm, &set, SET_IN_PLACE);
    add_methods(
        vm,
        &fs,
        &[FunctionDef::unary("__hash__", |vm, a| {
            let plain = Value::Obj(Obj::new(
                vm.types.frozenset.clone(),
                ObjKind::FrozenSet(table_of(vm, &a.pos[0])?),
            ));
            Ok(Value::Int(vm.hash(&plain)?))
        })],
    );
    let h = vm.intern("__hash__");
    let ns = set.object().dict().unwrap().clone();
    crate::objects::dict::set_str(vm, &ns, h, Value::None);
}

/// Any number of positional arguments, and no keywords.
const ANY: (u8, u8) = (0, u8::MAX);

const SET_ONLY: &[FunctionDef] = &[
    FunctionDef::new("__new__", |_, a| {
        let cls = a.pos[0].as_obj().cloned().unwrap();
        Ok(Value::Obj(Obj::new(
            cls,
            ObjKind::Set(Box::new(RefCell::new(SetTable::new()))),
        )))
    }),
    FunctionDef::method("__init__", |vm, a| {
        check_positional(vm, &a, "set", 1, 0, 1)?;
        let this = a.pos[0].as_obj().unwrap().clone();
        let mut t = SetTable::new();
        if let Some(src) = a.pos.get(1) {
            fill_from(vm, &mut t, src)?;
        }
        if let ObjKind::Set(c) = this.kind() {
            *c.borrow_mut() = t;
        }
        Ok(Value::None)
    }),
    FunctionDef::method("add", |vm, a| {
        let this = mutable(vm, &a.pos[0])?;
        crate::objects::set::add(vm, &this, a.pos[1].clone())?;
        Ok(Value::None)
    })
    .one(),
    FunctionDef::method("discard", |vm, a| {
        let this = mutable(vm, &a.pos[0])?;
        crate::objects::set::discard(vm, &this, &a.pos[1])?;
        Ok(Value::None)
    })
    .one(),
    FunctionDef::method("remove", |vm, a| {
        let this = mutable(vm, &a.pos[0])?;
        if !crate::objects::set::discard(vm, &this, &a.pos[1])? {
            return Err(vm.key_error(a.pos[1].clone()));
        }
        Ok(Value::None)
    })
    .one(),
    FunctionDef::method("pop", |vm, a| {
        let this = mutable(vm, &a.pos[0])?;
        let ObjKind::Set(c) = this.kind() else {
            unreachable!()
        };
        let v = c.borrow_mut().pop();
        v.ok_or_else(|| vm.key_error(vm.new_str("pop from an empty set")))
    })
    .no_args(),
    FunctionDef::method("clear", |vm, a| {
        let this = mutable(vm, &a.pos[0])?;
        let ObjKind::Set(c) = this.kind() else {
            unreachable!()
        };
        let old = std::mem::take(&mut *c.borrow_mut());
        drop(old);
        Ok(Value::None)
    })
    .no_args(),
];

const FROZENSET_ONLY: &[FunctionDef] = &[FunctionDef::new("__new__", |vm, a| {
    check_positional(vm, &a, "frozenset", 1, 0, 1)?;
    let cls = a.pos[0].as_obj().cloned().unwrap();
    if let Some(src) = a.pos.get(1) {
        if cls.is(&vm.types.frozenset) && vm.class_of(src).is(&vm.types.frozenset) {
            return Ok(src.clone());
        }
    }
    let mut t = SetTable::new();
    if let Some(src) = a.pos.get(1) {
        fill_from(vm, &mut t, src)?;
    }
    Ok(Value::Obj(Obj::new(cls, ObjKind::FrozenSet(t))))
})];

const SHARED: &[FunctionDef] = &[
    // `(type(s), (list(s),), s.__dict__ or None)`, as CPython reduces sets.
    FunctionDef::method("__reduce__", |vm, a| {
        let t = table_of(vm, &a.pos[0])?;
        let mut items = Vec::with_capacity(t.len());
        let mut at = 0;
        while let Some((p, v)) = t.next_from(at) {
            items.push(v.clone());
            at = p + 1;
        }
        let cls = Value::Obj(vm.class_of(&a.pos[0]).clone());
        let args = vm.new_tuple(vec![vm.new_list(items)]);
        let state = vm.getattr_str(&a.pos[0], "__dict__").unwrap_or(Value::None);
        Ok(vm.new_tuple(vec![cls, args, state]))
    })
    .no_args(),
    FunctionDef::method("copy", |vm, a| {
        let t = table_of(vm, &a.pos[0])?;
        Ok(new_like(vm, &a.pos[0], copy_table(&t)))
    })
    .no_args(),
    FunctionDef::method("union", |vm, a| combine(vm, &a, BinOp::Or)).tuple_args(ANY.0, ANY.1),
    FunctionDef::method("intersection", |vm, a| combine(vm, &a, BinOp::And))
        .tuple_args(ANY.0, ANY.1),
    FunctionDef::method("difference", |vm, a| combine(vm, &a, BinOp::Subtract))
        .tuple_args(ANY.0, ANY.1),
    FunctionDef::method("symmetric_difference", |vm, a| combine(vm, &a, BinOp::Xor)).one(),
    FunctionDef::method("issubset", |vm, a| {
        let other = as_set(vm, &a.pos[1])?;
        Ok(Value::Bool(subset(vm, &a.pos[0], &other)?))
    })
    .one(),
    FunctionDef::method("issuperset", |vm, a| {
        let other = as_set(vm, &a.pos[1])?;
        Ok(Value::Bool(subset(vm, &other, &a.pos[0])?))
    })
    .one(),
    FunctionDef::method("isdisjoint", |vm, a| {
        let items = vm.iterate(&a.pos[1])?;
        let this = a.pos[0].as_obj().unwrap().clone();
        for it in items {
            if crate::objects::set::contains(vm, &this, &it)? {
                return Ok(Value::Bool(false));
            }
        }
        Ok(Value::Bool(true))
    })
    .one(),
    // CPython's sets have `__contains__` as a one-argument method.
    FunctionDef::method("__contains__", |vm, a| {
        let this = a.pos[0].as_obj().unwrap().clone();
        crate::objects::set::contains(vm, &this, &a.pos[1]).map(Value::Bool)
    })
    .one(),
];

const SHARED_OPERATORS: &[FunctionDef] = &[
    FunctionDef::binary("__or__", |vm, a| operator(vm, &a, BinOp::Or)),
    FunctionDef::binary("__and__", |vm, a| operator(vm, &a, BinOp::And)),
    FunctionDef::binary("__sub__", |vm, a| operator(vm, &a, BinOp::Subtract)),
    FunctionDef::binary("__xor__", |vm, a| operator(vm, &a, BinOp::Xor)),
    // Reflected forms: `other op self` when only `self` is a set.
    FunctionDef::binary("__ror__", |vm, a| reflected(vm, &a, BinOp::Or)),
    FunctionDef::binary("__rand__", |vm, a| reflected(vm, &a, BinOp::And)),
    FunctionDef::binary("__rsub__", |vm, a| reflected(vm, &a, BinOp::Subtract)),
    FunctionDef::binary("__rxor__", |vm, a| reflected(vm, &a, BinOp::Xor)),
    FunctionDef::binary("__eq__", |vm, a| set_compare(vm, &a, CompareOp::Eq)),
    FunctionDef::binary("__ne__", |vm, a| set_compare(vm, &a, CompareOp::Ne)),
    FunctionDef::binary("__lt__", |vm, a| set_compare(vm, &a, CompareOp::Lt)),
    FunctionDef::binary("__le__", |vm, a| set_compare(vm, &a, CompareOp::Le)),
    FunctionDef::binary("__gt__", |vm, a| set_compare(vm, &a, CompareOp::Gt)),
    FunctionDef::binary("__ge__", |vm, a| set_compare(vm, &a, CompareOp::Ge)),
];

const SET_IN_PLACE: &[FunctionDef] = &[
    FunctionDef::binary("__ior__", |vm, a| in_place(vm, &a, BinOp::InplaceOr)),
    FunctionDef::binary("__iand__", |vm, a| in_place(vm, &a, BinOp::InplaceAnd)),
    FunctionDef::binary("__isub__", |vm, a| in_place(vm, &a, BinOp::InplaceSubtract)),
    FunctionDef::binary("__ixor__", |vm, a| in_place(vm, &a, BinOp::InplaceXor)),
    FunctionDef::method("update", |vm, a| update(vm, &a, BinOp::Or)).tuple_args(ANY.0, ANY.1),
    FunctionDef::method("intersection_update", |vm, a| update(vm, &a, BinOp::And))
        .tuple_args(ANY.0, ANY.1),
    FunctionDef::method("difference_update", |vm, a| update(vm, &a, BinOp::Subtract))
        .tuple_args(ANY.0, ANY.1),
    FunctionDef::method("symmetric_difference_update", |vm, a| {
        update(vm, &a, BinOp::Xor)
    })
    .one(),
];

fn mutable(vm: &Vm, v: &Value) -> PyResult<Obj> {
    match v {
        Value::Obj(o) if matches!(o.kind(), ObjKind::Set(_)) => Ok(o.clone()),
        _ => Err(vm.type_error(format!(
            "descriptor requires a 'set' object but received a '{}'",
            vm.type_name(v)
        ))),
    }
}

fn is_set(v: &Value) -> bool {
    matches!(v.kind(), Some(ObjKind::Set(_) | ObjKind::FrozenSet(_)))
}

/// A snapshot of a set's table.
fn table_of(vm: &Vm, v: &Value) -> PyResult<SetTable> {
    v.as_obj()
        .and_then(|o| with_table(o, SetTable::clone))
        .ok_or_else(|| vm.type_error(format!("'{}' object is not a set", vm.type_name(v))))
}

/// A copy laid out as CPython's `set(s)` lays it out.
fn copy_table(t: &SetTable) -> SetTable {
    let mut n = SetTable::new();
    n.merge_into_empty(t);
    n
}

/// Adds every key of `other` to `target`, as CPython's `set_merge`
/// does: one resize up front, then a copy or clean inserts when `target`
/// is empty, else ordinary insertions in `other`'s table order.
fn merge_into(vm: &mut Vm, target: &mut SetTable, other: &SetTable) -> PyResult<()> {
    if target.is_empty() && target.fill() == 0 {
        *target = copy_table(other);
        return Ok(());
    }
    target.reserve_for_merge(other.len());
    for (_, v) in other.iter() {
        add_to_table(vm, target, v.clone())?;
    }
    Ok(())
}

/// Adds the items of any iterable to `target` (CPython's
/// `set_update_internal`).
pub fn update_table(vm: &mut Vm, target: &mut SetTable, src: &Value) -> PyResult<()> {
    if is_set(src) {
        let other = table_of(vm, src)?;
        return merge_into(vm, target, &other);
    }
    if let Some(ObjKind::Dict(d)) = src.kind() {
        let keys: Vec<Value> = d.borrow().iter().map(|e| e.key.clone()).collect();
        target.reserve_for_merge(keys.len());
        for k in keys {
            add_to_table(vm, target, k)?;
        }
        return Ok(());
    }
    let it = vm.iter(src)?;
    while let Some(v) = vm.next(&it)? {
        add_to_table(vm, target, v)?;
    }
    Ok(())
}

fn fill_from(vm: &mut Vm, t: &mut SetTable, src: &Value) -> PyResult<()> {
    update_table(vm, t, src)
}

/// Any iterable as a set value (sets themselves unchanged).
fn as_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if is_set(v) {
        return Ok(v.clone());
    }
    let mut t = SetTable::new();
    fill_from(vm, &mut t, v)?;
    Ok(Value::Obj(Obj::new(
        vm.types.set.clone(),
        ObjKind::Set(Box::new(RefCell::new(t))),
    )))
}

/// A result of the same kind as `like` (set or frozenset).
fn new_like(vm: &Vm, like: &Value, t: SetTable) -> Value {
    let frozen = matches!(like.kind(), Some(ObjKind::FrozenSet(_)));
    Value::Obj(crate::objects::set::new_set_obj(vm, t, frozen))
}

fn contains_in(vm: &mut Vm, set: &Value, key: &Value) -> PyResult<bool> {
    crate::objects::set::contains(vm, set.as_obj().unwrap(), key)
}

/// A table as a temporary set object (for membership tests while
/// building another).
fn temp_set(vm: &Vm, t: SetTable) -> Value {
    Value::Obj(Obj::new(
        vm.types.set.clone(),
        ObjKind::Set(Box::new(RefCell::new(t))),
    ))
}

/// Discards each of `keys` found in `target`, adds the others (CPython's
/// `set_symmetric_difference_update` over a set).
fn xor_into(vm: &mut Vm, target: SetTable, keys: &SetTable) -> PyResult<SetTable> {
    let tmp = temp_set(vm, target);
    for (_, v) in keys.iter() {
        if !crate::objects::set::discard(vm, tmp.as_obj().unwrap(), v)? {
            crate::objects::set::add(vm, tmp.as_obj().unwrap(), v.clone())?;
        }
    }
    table_of(vm, &tmp)
}

/// The table of `a op b`, where `a` is a set and `b` any iterable (a set
/// for the operators), built in the order CPython builds it.
fn compute(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<SetTable> {
    let ta = table_of(vm, a)?;
    Ok(match op {
        BinOp::Or => {
            let mut r = copy_table(&ta);
            update_table(vm, &mut r, b)?;
            r
        }
        BinOp::And => {
            let mut r = SetTable::new();
            if is_set(b) {
                let tb = table_of(vm, b)?;
                // Iterate over the smaller, probing the larger.
                let (small, large) = if tb.len() > ta.len() {
                    (&ta, b)
                } else {
                    (&tb, a)
                };
                for (_, v) in small.iter() {
                    if contains_in(vm, large, v)? {
                        add_to_table(vm, &mut r, v.clone())?;
                    }
                }
            } else {
                let it = vm.iter(b)?;
                while let Some(v) = vm.next(&it)? {
                    if contains_in(vm, a, &v)? {
                        add_to_table(vm, &mut r, v)?;
                    }
                }
            }
            r
        }
        BinOp::Subtract => {
            let other_len = match b.kind() {
                Some(ObjKind::Set(_) | ObjKind::FrozenSet(_)) => Some(table_of(vm, b)?.len()),
                Some(ObjKind::Dict(d)) => Some(d.borrow().len()),
                _ => None,
            };
            match other_len {
                Some(n) if (ta.len() >> 2) <= n => {
                    let mut r = SetTable::new();
                    for (_, v) in ta.iter() {
                        if !vm.contains(b, v)? {
                            add_to_table(vm, &mut r, v.clone())?;
                        }
                    }
                    r
                }
                _ => {
                    let tmp = temp_set(vm, copy_table(&ta));
                    let it = vm.iter(b)?;
                    while let Some(v) = vm.next(&it)? {
                        crate::objects::set::discard(vm, tmp.as_obj().unwrap(), &v)?;
                    }
                    table_of(vm, &tmp)?
                }
            }
        }
        _ => {
            let mut other = SetTable::new();
            update_table(vm, &mut other, b)?;
            xor_into(vm, other, &ta)?
        }
    })
}

/// `a.union(*others)` and friends: any iterables.
fn combine(vm: &mut Vm, a: &Args, op: BinOp) -> PyResult {
    let this = a.pos[0].clone();
    if a.pos.len() == 1 {
        return Ok(new_like(vm, &this, copy_table(&table_of(vm, &this)?)));
    }
    let mut acc = this.clone();
    for other in &a.pos[1..] {
        let t = compute(vm, &acc, other, op)?;
        acc = new_like(vm, &this, t);
    }
    Ok(acc)
}

/// The `*_update` methods: in place, in CPython's order.
fn update(vm: &mut Vm, a: &Args, op: BinOp) -> PyResult {
    let this = mutable(vm, &a.pos[0])?;
    let thisv = Value::Obj(this.clone());
    let ObjKind::Set(cell) = this.kind() else {
        unreachable!()
    };
    for other in &a.pos[1..] {
        let t = match op {
            BinOp::Or => {
                let mut t = std::mem::take(&mut *cell.borrow_mut());
                let r = update_table(vm, &mut t, other);
                *cell.borrow_mut() = t;
                r?;
                continue;
            }
            BinOp::Xor => {
                let mut keys = SetTable::new();
                update_table(vm, &mut keys, other)?;
                let t = std::mem::take(&mut *cell.borrow_mut());
                xor_into(vm, t, &keys)?
            }
            _ => compute(vm, &thisv, other, op)?,
        };
        *cell.borrow_mut() = t;
    }
    Ok(Value::None)
}

fn operator(vm: &mut Vm, a: &Args, op: BinOp) -> PyResult {
    if !is_set(&a.pos[1]) {
        return Ok(vm.not_implemented());
    }
    let t = compute(vm, &a.pos[0], &a.pos[1], op)?;
    Ok(new_like(vm, &a.pos[0], t))
}

fn subset(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let ta = table_of(vm, a)?;
    let tb = table_of(vm, b)?;
    if ta.len() > tb.len() {
        return Ok(false);
    }
    for (_, v) in ta.iter() {
        if !contains_in(vm, b, v)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `set.__ror__(s, other)` and the like: `other op s`.
fn reflected(vm: &mut Vm, a: &Args, op: BinOp) -> PyResult {
    if !is_set(&a.pos[1]) {
        return Ok(vm.not_implemented());
    }
    let swapped = Args::new([a.pos[1].clone(), a.pos[0].clone()]);
    operator(vm, &swapped, op)
}

/// `set.__ior__(s, other)` and the like: `s` updated in place, returned.
fn in_place(vm: &mut Vm, a: &Args, op: BinOp) -> PyResult {
    if !is_set(&a.pos[1]) {
        return Ok(vm.not_implemented());
    }
    Ok(set_binop(vm, op, &a.pos[0], &a.pos[1])?.unwrap_or_else(|| vm.not_implemented()))
}

fn set_compare(vm: &mut Vm, a: &Args, op: CompareOp) -> PyResult {
    let (x, y) = (&a.pos[0], &a.pos[1]);
    if !is_set(y) {
        return Ok(vm.not_implemented());
    }
    let (lx, ly) = (table_of(vm, x)?.len(), table_of(vm, y)?.len());
    let r = match op {
        CompareOp::Eq => lx == ly && subset(vm, x, y)?,
        CompareOp::Ne => !(lx == ly && subset(vm, x, y)?),
        CompareOp::Le => subset(vm, x, y)?,
        CompareOp::Lt => lx < ly && subset(vm, x, y)?,
        CompareOp::Ge => subset(vm, y, x)?,
        CompareOp::Gt => lx > ly && subset(vm, y, x)?,
    };
    Ok(Value::Bool(r))
}

/// `a op b` for two sets from the operator dispatch.
pub fn set_binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if !matches!(
        op.base(),
        BinOp::Or | BinOp::And | BinOp::Subtract | BinOp::Xor
    ) {
        return Ok(None);
    }
    let t = compute(vm, a, b, op.base())?;
    if op.is_inplace() {
        if let Some(ObjKind::Set(c)) = a.kind() {
            *c.borrow_mut() = t;
            return Ok(Some(a.clone()));
        }
    }
    Ok(Some(new_like(vm, a, t)))
}

/// `d.keys() op other`: a set built from the view.
pub fn view_binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let Ok(other) = as_set(vm, b) else {
        return Ok(None);
    };
    let this = as_set(vm, a)?;
    let t = compute(vm, &this, &other, op.base())?;
    Ok(Some(Value::Obj(Obj::new(
        vm.types.set.clone(),
        ObjKind::Set(Box::new(RefCell::new(t))),
    ))))
}
