//! `slice`: construction, `indices`, comparison as tuples of its fields,
//! hashing refused.

use crate::api::{add_methods, check_positional, FunctionDef};
use crate::object::ObjKind;
use crate::objects::function::Args;
use crate::objects::typeobject::slots::{install, NativeType, Slots};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_compiler::code::CompareOp;

pub fn register(vm: &mut Vm) {
    let slice = vm.types.slice.clone();
    install::<SliceType>(vm, &slice);
    add_methods(vm, &slice, METHODS);
    crate::api::add_getsets(vm, &slice, ATTRIBUTES);
    // Unhashable in 3.11: `slice.__hash__` is None.
    crate::api::add_attr(vm, &slice, "__hash__", Value::None);
}

/// A slice's field; a step left out reads as None.
fn field(v: &Value, which: usize) -> Value {
    match v.kind() {
        Some(ObjKind::Slice { start, stop, step }) => {
            let f = [start, stop, step][which];
            if f.is_null() {
                Value::None
            } else {
                f.clone()
            }
        }
        _ => unreachable!("slice attributes are read on slices"),
    }
}

const ATTRIBUTES: &[crate::api::GetSetDef] = &[
    crate::api::GetSetDef::member("start", |_, s| Ok(field(s, 0))),
    crate::api::GetSetDef::member("stop", |_, s| Ok(field(s, 1))),
    crate::api::GetSetDef::member("step", |_, s| Ok(field(s, 2))),
];

const METHODS: &[FunctionDef] = &[
    FunctionDef::new("__new__", |vm, a| {
        check_positional(vm, &a, "slice", 1, 1, 3)?;
        let args = &a.pos[1..];
        let (start, stop, step) = match args {
            [stop] => (Value::None, stop.clone(), Value::None),
            [start, stop] => (start.clone(), stop.clone(), Value::None),
            [start, stop, step] => (start.clone(), stop.clone(), step.clone()),
            _ => unreachable!("checked: 1 to 3 arguments"),
        };
        Ok(Value::Obj(Obj::new(
            vm.types.slice.clone(),
            ObjKind::Slice { start, stop, step },
        )))
    }),
    FunctionDef::method("indices", |vm, a| {
        let n = vm.int_arg(&a.pos[1])?;
        if n < 0 {
            return Err(vm.value_error("length should not be negative"));
        }
        let o = a.pos[0].as_obj().unwrap().clone();
        let s = vm.slice_indices(&o, n as usize)?;
        Ok(vm.new_tuple(vec![
            Value::Int(s.start),
            Value::Int(s.stop),
            Value::Int(s.step),
        ]))
    })
    .one(),
    // Slices compare as the tuples of their fields.
    FunctionDef::binary("__eq__", |vm, a| compare(vm, &a, CompareOp::Eq)),
    FunctionDef::binary("__lt__", |vm, a| compare(vm, &a, CompareOp::Lt)),
    FunctionDef::binary("__le__", |vm, a| compare(vm, &a, CompareOp::Le)),
    FunctionDef::binary("__gt__", |vm, a| compare(vm, &a, CompareOp::Gt)),
    FunctionDef::binary("__ge__", |vm, a| compare(vm, &a, CompareOp::Ge)),
];

fn compare(vm: &mut Vm, a: &Args, op: CompareOp) -> PyResult {
    let (
        Some(ObjKind::Slice { start, stop, step }),
        Some(ObjKind::Slice {
            start: s2,
            stop: e2,
            step: t2,
        }),
    ) = (a.pos[0].kind(), a.pos[1].kind())
    else {
        return Ok(vm.not_implemented());
    };
    let x = vm.new_tuple(vec![start.clone(), stop.clone(), step.clone()]);
    let y = vm.new_tuple(vec![s2.clone(), e2.clone(), t2.clone()]);
    if op == CompareOp::Eq {
        return Ok(Value::Bool(vm.eq(&x, &y)?));
    }
    vm.compare(op, &x, &y)
}

pub struct SliceType;

impl NativeType for SliceType {
    const SLOTS: &'static Slots = &Slots {
        hash: Some(crate::objects::typeobject::slots::unhashable),
        ..Slots::repr(|vm, o| {
            let ObjKind::Slice { start, stop, step } = o.kind() else {
                unreachable!("slice slots are installed on slice")
            };
            let (a, b, c) = (start.clone(), stop.clone(), step.clone());
            let r = format!(
                "slice({}, {}, {})",
                vm.repr_string(&a)?,
                vm.repr_string(&b)?,
                vm.repr_string(&c)?
            );
            Ok(vm.new_string(r))
        })
    };
}
