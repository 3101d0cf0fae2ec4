//! `tuple`, and the dunder methods sequences share.

use crate::bootstrap::{check_method_args, method, static_fn};
use crate::object::ObjKind;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

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
    register_sequence_dunders(vm, &t);
}

/// `__len__`, `__getitem__`, `__contains__`, `__iter__`, comparisons,
/// `__add__`, `__mul__`, `__repr__` applied to the payload.
pub fn register_sequence_dunders(vm: &mut Vm, ty: &Obj) {
    method(vm, ty, "__len__", |vm, a| {
        let o = a.pos[0].as_obj().unwrap();
        let n = crate::protocol::sequence::native_len(o).ok_or_else(|| vm.type_error("bad len"))?;
        Ok(Value::Int(n as i64))
    });
    // Sets are not subscriptable.
    let is_set = ty.is(&vm.types.set) || ty.is(&vm.types.frozenset);
    if !is_set {
        method(vm, ty, "__getitem__", |vm, a| {
            check_method_args(vm, &a, "__getitem__", 1, 1)?;
            let o = a.pos[0].as_obj().unwrap().clone();
            vm.native_getitem(&o, &a.pos[1])
                .unwrap_or_else(|| Err(vm.type_error("not subscriptable")))
        });
    }
    method(vm, ty, "__contains__", |vm, a| {
        check_method_args(vm, &a, "__contains__", 1, 1)?;
        let o = a.pos[0].as_obj().unwrap().clone();
        vm.native_contains(&o, &a.pos[1])
            .unwrap_or(Ok(false))
            .map(Value::Bool)
    });
    method(vm, ty, "__iter__", |vm, a| {
        let o = a.pos[0].as_obj().unwrap().clone();
        vm.native_iter(&o)
            .ok_or_else(|| vm.type_error("not iterable"))
    });
    method(vm, ty, "__repr__", |vm, a| {
        let o = a.pos[0].as_obj().unwrap().clone();
        vm.native_repr(&o)
            .unwrap_or_else(|| Err(vm.type_error("no repr")))
    });
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
