//! `tuple`, and the dunder methods sequences share.

use crate::api::{add_methods, check_positional, FunctionDef};
use crate::object::{IterState, ObjKind};
use crate::objects::function::Args;
use crate::objects::iterators::new_iterator;
use crate::objects::typeobject::slots::{install, NativeType, Slots};
use crate::protocol::sequence::wrap_index;
use crate::protocol::sequence::{concat_error, sequence_binop, Ix};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_compiler::code::{BinOp, CompareOp};

pub fn register(vm: &mut Vm) {
    let t = vm.types.tuple.clone();
    add_methods(vm, &t, METHODS);
    install::<TupleType>(vm, &t);
    add_methods(vm, &t, SEQUENCE_DUNDERS);
}

const METHODS: &[FunctionDef] = &[
    FunctionDef::method("__getnewargs__", |vm, a| {
        let copy = vm.new_tuple(crate::eval::tuple_items(&a.pos[0]));
        Ok(vm.new_tuple(vec![copy]))
    })
    .no_args(),
    FunctionDef::new("__new__", |vm, a| {
        check_positional(vm, &a, "tuple", 1, 0, 1)?;
        let cls = a.pos[0].as_obj().cloned().unwrap();
        let items = match a.pos.get(1) {
            Some(v) => {
                if cls.is(&vm.types.tuple)
                    && matches!(v.kind(), Some(ObjKind::Tuple(_)))
                    && vm.class_of(v).is(&vm.types.tuple)
                {
                    return Ok(v.clone());
                }
                vm.iterate(v)?
            }
            None => Vec::new(),
        };
        if cls.is(&vm.types.tuple) {
            return Ok(vm.new_tuple(items));
        }
        Ok(Value::Obj(Obj::new(
            cls,
            ObjKind::Tuple(items.into_boxed_slice()),
        )))
    }),
    FunctionDef::method("index", |vm, a| {
        let items = crate::eval::tuple_items(&a.pos[0]);
        let (start, stop) = vm.search_bounds(&a, 2, items.len())?;
        for (i, it) in items.iter().enumerate().take(stop).skip(start) {
            if it.is(&a.pos[1]) || vm.eq(it, &a.pos[1])? {
                return Ok(Value::Int(i as i64));
            }
        }
        Err(vm.value_error("tuple.index(x): x not in tuple"))
    })
    .args(1, 3),
    FunctionDef::method("count", |vm, a| {
        let items = crate::eval::tuple_items(&a.pos[0]);
        let mut n = 0;
        for it in items {
            if it.is(&a.pos[1]) || vm.eq(&it, &a.pos[1])? {
                n += 1;
            }
        }
        Ok(Value::Int(n))
    })
    .one(),
    FunctionDef::unary("__hash__", |vm, a| {
        let items = crate::eval::tuple_items(&a.pos[0]);
        let plain = vm.new_tuple(items);
        Ok(Value::Int(vm.hash(&plain)?))
    }),
];

pub struct TupleType;

impl NativeType for TupleType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(repr),
        hash: Some(hash),
        richcompare: Some(same_kind_compare),
        len: Some(|_, o| Ok(items(o).len())),
        getitem: Some(getitem),
        contains: Some(contains),
        iter: Some(|vm, o| {
            let state = IterState::Seq {
                seq: Value::Obj(o.clone()),
                index: 0,
            };
            Ok(new_iterator(&vm.types.tuple_iterator, state))
        }),
        binop: Some(|vm, op, a, b| match a.kind() {
            Some(ObjKind::Tuple(_)) => sequence_binop(vm, op, a, b, concat, repeat),
            _ => Ok(None),
        }),
        repeat: Some(repeat),
        ..Slots::NONE
    };
}

fn concat(vm: &mut Vm, _: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let x = crate::eval::tuple_items(a);
    match b.kind() {
        Some(ObjKind::Tuple(y)) => {
            let mut v = x;
            v.extend(y.iter().cloned());
            Ok(Some(vm.new_tuple(v)))
        }
        _ if vm.class_of(b).tdata().heap => Ok(None),
        _ => Err(concat_error(vm, "tuple", b)),
    }
}

fn repeat(vm: &mut Vm, a: &Value, n: usize, _: bool) -> PyResult {
    if n == 1 && vm.class_of(a).is(&vm.types.tuple) {
        return Ok(a.clone());
    }
    let items = crate::eval::tuple_items(a);
    let mut v = Vec::with_capacity(items.len() * n);
    for _ in 0..n {
        v.extend(items.iter().cloned());
    }
    Ok(vm.new_tuple(v))
}

fn items(o: &Obj) -> &[Value] {
    match o.kind() {
        ObjKind::Tuple(t) => t,
        _ => unreachable!("tuple slots are installed on tuple"),
    }
}

fn repr(vm: &mut Vm, o: &Obj) -> PyResult {
    let t = items(o);
    let close = if t.len() == 1 { ",)" } else { ")" };
    vm.seq_repr(o, "(", close, t.to_vec())
}

fn getitem(vm: &mut Vm, o: &Obj, key: &Value) -> PyResult {
    let items = items(o);
    if let Value::Int(i) = key {
        return match wrap_index(*i, items.len()) {
            Some(j) => Ok(items[j].clone()),
            None => Err(vm.index_error("tuple index out of range")),
        };
    }
    vm.seq_subscript(key, items.len(), "tuple", |vm, ix| match ix {
        Ix::One(i) => Ok(items[i].clone()),
        Ix::Slice(s) => {
            if s.step == 1 && s.len == items.len() && o.class().is(&vm.types.tuple) {
                return Ok(Value::Obj(o.clone()));
            }
            Ok(vm.new_tuple(s.positions().map(|p| items[p].clone()).collect()))
        }
    })
}

/// `item in seq` for a list or tuple: identity, then `==`, item by item
/// (a list may change under the comparisons).
pub fn contains(vm: &mut Vm, o: &Obj, item: &Value) -> PyResult<bool> {
    let mut i = 0;
    loop {
        let v = match o.kind() {
            ObjKind::List(l) => l.borrow().get(i).cloned(),
            ObjKind::Tuple(t) => t.get(i).cloned(),
            _ => None,
        };
        let Some(v) = v else { return Ok(false) };
        if v.is(item) || vm.eq(&v, item)? {
            return Ok(true);
        }
        i += 1;
    }
}

/// CPython's tuple hash, over the items' hashes.
fn hash(vm: &mut Vm, o: &Obj) -> PyResult<i64> {
    vm.enter_recursion(" while getting the hash of an object")?;
    let mut hs = Vec::with_capacity(items(o).len());
    for it in items(o).iter() {
        match vm.hash(it) {
            Ok(h) => hs.push(h),
            Err(e) => {
                vm.leave_recursion();
                return Err(e);
            }
        }
    }
    vm.leave_recursion();
    Ok(crate::protocol::hash::hash_tuple(hs.into_iter()))
}

/// The comparison slot of `list` and `tuple`: item by item against the
/// same built-in kind.
pub(crate) fn same_kind_compare(
    vm: &mut Vm,
    op: CompareOp,
    o: &Obj,
    b: &Value,
) -> PyResult<Option<Value>> {
    let same = matches!(
        (o.kind(), b.kind()),
        (ObjKind::List(_), Some(ObjKind::List(_))) | (ObjKind::Tuple(_), Some(ObjKind::Tuple(_)))
    );
    if !same {
        return Ok(None);
    }
    let r = vm.sequence_compare(op, o, b.as_obj().unwrap())?;
    Ok(Some(Value::Bool(r)))
}

/// Whether the operands are two lists or two tuples.
fn same_sequence_kind(a: &Args) -> bool {
    matches!(
        (a.pos[0].kind(), a.pos[1].kind()),
        (Some(ObjKind::List(_)), Some(ObjKind::List(_)))
            | (Some(ObjKind::Tuple(_)), Some(ObjKind::Tuple(_)))
    )
}

/// A comparison of two lists or two tuples, item by item, through the
/// comparison slot.
fn sequence_compare(vm: &mut Vm, a: &Args, op: CompareOp) -> PyResult {
    let r = match a.pos[0].as_obj() {
        Some(o) => same_kind_compare(vm, op, o, &a.pos[1])?,
        None => None,
    };
    Ok(r.unwrap_or_else(|| vm.not_implemented()))
}

/// A list or tuple (or an instance of a subclass) as the plain built-in.
fn plain(vm: &Vm, v: &Value) -> Value {
    match v.kind() {
        Some(ObjKind::List(l)) => vm.new_list(l.borrow().clone()),
        _ => vm.new_tuple(crate::eval::tuple_items(v)),
    }
}

/// The comparisons, concatenation and repetition `list` and `tuple`
/// share, on their payload.
pub(crate) const SEQUENCE_DUNDERS: &[FunctionDef] = &[
    FunctionDef::binary("__eq__", |vm, a| sequence_compare(vm, &a, CompareOp::Eq)),
    FunctionDef::binary("__ne__", |vm, a| sequence_compare(vm, &a, CompareOp::Ne)),
    FunctionDef::binary("__lt__", |vm, a| sequence_compare(vm, &a, CompareOp::Lt)),
    FunctionDef::binary("__le__", |vm, a| sequence_compare(vm, &a, CompareOp::Le)),
    FunctionDef::binary("__gt__", |vm, a| sequence_compare(vm, &a, CompareOp::Gt)),
    FunctionDef::binary("__ge__", |vm, a| sequence_compare(vm, &a, CompareOp::Ge)),
    FunctionDef::binary("__add__", |vm, a| {
        // Declining lets the operator protocol try the right operand's
        // __radd__ (CPython's wrapper raises when called directly).
        if !same_sequence_kind(&a) {
            return Ok(vm.not_implemented());
        }
        let (x, y) = (plain(vm, &a.pos[0]), plain(vm, &a.pos[1]));
        Ok(
            crate::protocol::sequence::native_binop(vm, BinOp::Add, &x, &y)?
                .unwrap_or_else(|| vm.not_implemented()),
        )
    }),
    FunctionDef::method("__mul__", sequence_repeat).wrapper(1, true),
    FunctionDef::method("__rmul__", sequence_repeat).wrapper(1, true),
];

/// `seq * n` and `n * seq` as methods: the repetition, once the arguments
/// are checked.
fn sequence_repeat(vm: &mut Vm, a: Args) -> PyResult {
    let x = match a.pos[0].kind() {
        Some(ObjKind::List(l)) => vm.new_list(l.borrow().clone()),
        _ => vm.new_tuple(crate::eval::tuple_items(&a.pos[0])),
    };
    Ok(crate::protocol::sequence::native_binop(
        vm,
        krait_compiler::code::BinOp::Multiply,
        &x,
        &a.pos[1],
    )?
    .unwrap_or_else(|| vm.not_implemented()))
}
