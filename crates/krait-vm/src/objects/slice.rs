//! `slice`: construction, `indices`, comparison as tuples of its fields,
//! hashing refused.

use crate::bootstrap::{check_method_args, method, static_fn};
use crate::object::ObjKind;
use crate::objects::typeobject::slots::{install, NativeType, Slots};
use crate::value::{Obj, Value};
use crate::vm::Vm;

pub fn register(vm: &mut Vm) {
    let slice = vm.types.slice.clone();
    install::<SliceType>(vm, &slice);
    static_fn(vm, &slice, "__new__", |vm, a| {
        crate::bootstrap::no_kwargs(vm, &a, "slice")?;
        let args = &a.pos[1..];
        let (start, stop, step) = match args.len() {
            1 => (Value::None, args[0].clone(), Value::None),
            2 => (args[0].clone(), args[1].clone(), Value::None),
            3 => (args[0].clone(), args[1].clone(), args[2].clone()),
            0 => return Err(vm.type_error("slice expected at least 1 argument, got 0")),
            n => return Err(vm.type_error(format!("slice expected at most 3 arguments, got {n}"))),
        };
        Ok(Value::Obj(Obj::new(
            vm.types.slice.clone(),
            ObjKind::Slice { start, stop, step },
        )))
    });
    method(vm, &slice, "indices", |vm, a| {
        check_method_args(vm, &a, "indices", 1, 1)?;
        let n = vm.index_i64(&a.pos[1])?.unwrap_or(0);
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
    });
    method(vm, &slice, "__eq__", |vm, a| {
        crate::bootstrap::check_operand(vm, &a)?;
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
        Ok(Value::Bool(vm.eq(&x, &y)?))
    });
    // Slices order as the tuples of their fields.
    macro_rules! slice_order {
        ($($name:literal => $op:expr;)*) => {$(
            method(vm, &slice, $name, |vm, a| {
                crate::bootstrap::check_operand(vm, &a)?;
                let (
                    Some(ObjKind::Slice { start, stop, step }),
                    Some(ObjKind::Slice { start: s2, stop: e2, step: t2 }),
                ) = (a.pos[0].kind(), a.pos[1].kind())
                else {
                    return Ok(vm.not_implemented());
                };
                let x = vm.new_tuple(vec![start.clone(), stop.clone(), step.clone()]);
                let y = vm.new_tuple(vec![s2.clone(), e2.clone(), t2.clone()]);
                vm.compare($op, &x, &y)
            });
        )*};
    }
    slice_order! {
        "__lt__" => krait_compiler::code::CompareOp::Lt;
        "__le__" => krait_compiler::code::CompareOp::Le;
        "__gt__" => krait_compiler::code::CompareOp::Gt;
        "__ge__" => krait_compiler::code::CompareOp::Ge;
    }
}

pub struct SliceType;

impl NativeType for SliceType {
    const SLOTS: &'static Slots = &Slots::repr(|vm, o| {
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
    });
}
