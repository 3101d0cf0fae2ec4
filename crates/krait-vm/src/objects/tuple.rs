//! `tuple`, and the dunder methods sequences share.

use crate::bootstrap::{check_method_args, method, static_fn};
use crate::object::{IterState, ObjKind};
use crate::objects::iterators::new_iterator;
use crate::objects::typeobject::slots::{install, NativeType, Slots};
use crate::protocol::sequence::{concat_error, sequence_binop, Ix};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_compiler::code::BinOp;

pub fn register(vm: &mut Vm) {
    let t = vm.types.tuple.clone();
    static_fn(vm, &t, "__new__", |vm, a| {
        check_method_args(vm, &a, "tuple", 0, 1)?;
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
    });
    method(vm, &t, "index", |vm, a| {
        check_method_args(vm, &a, "index", 1, 3)?;
        let items = crate::eval::tuple_items(&a.pos[0]);
        for (i, it) in items.iter().enumerate() {
            if it.is(&a.pos[1]) || vm.eq(it, &a.pos[1])? {
                return Ok(Value::Int(i as i64));
            }
        }
        Err(vm.value_error("tuple.index(x): x not in tuple"))
    });
    method(vm, &t, "count", |vm, a| {
        check_method_args(vm, &a, "count", 1, 1)?;
        let items = crate::eval::tuple_items(&a.pos[0]);
        let mut n = 0;
        for it in items {
            if it.is(&a.pos[1]) || vm.eq(&it, &a.pos[1])? {
                n += 1;
            }
        }
        Ok(Value::Int(n))
    });
    method(vm, &t, "__hash__", |vm, a| {
        let items = crate::eval::tuple_items(&a.pos[0]);
        let plain = vm.new_tuple(items);
        Ok(Value::Int(vm.hash(&plain)?))
    });
    install::<TupleType>(vm, &t);
    register_sequence_dunders(vm, &t);
}

pub struct TupleType;

impl NativeType for TupleType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(repr),
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
        binop: Some(|vm, op, a, b| sequence_binop(vm, op, a, b, concat, repeat)),
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
        let n = items.len() as i64;
        let j = if *i < 0 { i + n } else { *i };
        if j >= 0 && j < n {
            return Ok(items[j as usize].clone());
        }
        return Err(vm.index_error("tuple index out of range"));
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

/// Comparisons, and for `list` and `tuple` `__add__` and `__mul__`, on
/// the payload.
pub fn register_sequence_dunders(vm: &mut Vm, ty: &Obj) {
    macro_rules! cmp {
        ($($name:literal => $op:expr;)*) => {$(
            method(vm, ty, $name, |vm, a| {
                check_method_args(vm, &a, $name, 1, 1)?;
                let same = match (a.pos[0].kind(), a.pos[1].kind()) {
                    (Some(ObjKind::List(_)), Some(ObjKind::List(_))) | (Some(ObjKind::Tuple(_)), Some(ObjKind::Tuple(_))) => true,
                    _ => false,
                };
                if !same {
                    return Ok(vm.not_implemented());
                }
                let plain = |vm: &Vm, v: &Value| -> Value {
                    match v.kind() {
                        Some(ObjKind::List(l)) => vm.new_list(l.borrow().clone()),
                        _ => vm.new_tuple(crate::eval::tuple_items(v)),
                    }
                };
                let (x, y) = (plain(vm, &a.pos[0]), plain(vm, &a.pos[1]));
                match vm.native_compare($op, &x, &y)? {
                    Some(r) => Ok(Value::Bool(r)),
                    None => Ok(vm.not_implemented()),
                }
            });
        )*};
    }
    use krait_compiler::code::CompareOp;
    cmp! {
        "__eq__" => CompareOp::Eq; "__ne__" => CompareOp::Ne;
        "__lt__" => CompareOp::Lt; "__le__" => CompareOp::Le;
        "__gt__" => CompareOp::Gt; "__ge__" => CompareOp::Ge;
    }
    // Concatenation and repetition are for the sequences only (not the
    // dicts, sets and ranges that share the rest).
    if !(ty.is(&vm.types.list) || ty.is(&vm.types.tuple)) {
        return;
    }
    method(vm, ty, "__add__", |vm, a| {
        check_method_args(vm, &a, "__add__", 1, 1)?;
        let plain = |vm: &Vm, v: &Value| -> Option<Value> {
            match v.kind() {
                Some(ObjKind::List(l)) => Some(vm.new_list(l.borrow().clone())),
                Some(ObjKind::Tuple(_)) => Some(vm.new_tuple(crate::eval::tuple_items(v))),
                _ => None,
            }
        };
        match (plain(vm, &a.pos[0]), plain(vm, &a.pos[1])) {
            (Some(x), Some(y)) => Ok(crate::protocol::sequence::native_binop(
                vm,
                krait_compiler::code::BinOp::Add,
                &x,
                &y,
            )?
            .unwrap_or_else(|| vm.not_implemented())),
            _ => Ok(vm.not_implemented()),
        }
    });
    method(vm, ty, "__mul__", |vm, a| {
        crate::bootstrap::check_repeat_args(vm, &a, "__mul__")?;
        sequence_repeat(vm, a)
    });
    method(vm, ty, "__rmul__", |vm, a| {
        crate::bootstrap::check_repeat_args(vm, &a, "__rmul__")?;
        sequence_repeat(vm, a)
    });
    let _: fn(&mut Vm, crate::objects::function::Args) -> PyResult = |_, _| Ok(Value::None);
}

/// `seq * n` and `n * seq` as methods: the repetition, once the arguments
/// are checked.
fn sequence_repeat(vm: &mut Vm, a: crate::objects::function::Args) -> PyResult {
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
