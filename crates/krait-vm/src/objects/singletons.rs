//! `NoneType`, `NotImplementedType` and `ellipsis`: the types of `None`,
//! `NotImplemented` and `...`.

use crate::api::{add_methods, FunctionDef};
use crate::objects::typeobject::slots::{install, NativeType, Slots};
use crate::value::Value;
use crate::vm::Vm;

pub fn register(vm: &mut Vm) {
    let none = vm.types.none.clone();
    add_methods(vm, &none, NONE);
    let ni = vm.types.not_implemented_type.clone();
    install::<NotImplementedType>(vm, &ni);
    add_methods(vm, &ni, &[REDUCE_NOT_IMPLEMENTED]);
    let el = vm.types.ellipsis_type.clone();
    install::<EllipsisType>(vm, &el);
    add_methods(vm, &el, &[REDUCE_ELLIPSIS]);
}

// The singletons pickle as the names of the globals that hold them.
const REDUCE_NOT_IMPLEMENTED: FunctionDef =
    FunctionDef::method("__reduce__", |vm, _| Ok(vm.new_str("NotImplemented"))).no_args();
const REDUCE_ELLIPSIS: FunctionDef =
    FunctionDef::method("__reduce__", |vm, _| Ok(vm.new_str("Ellipsis"))).no_args();

const NONE: &[FunctionDef] = &[
    FunctionDef::unary("__repr__", |vm, _| Ok(Value::Obj(vm.intern("None")))),
    FunctionDef::unary("__bool__", |_, _| Ok(Value::Bool(false))),
    FunctionDef::new("__new__", |vm, a| {
        if a.pos.len() > 1 || !a.kw.is_empty() {
            return Err(vm.type_error("NoneType takes no arguments"));
        }
        Ok(Value::None)
    }),
];

pub struct NotImplementedType;

impl NativeType for NotImplementedType {
    const SLOTS: &'static Slots = &Slots::repr(|vm, _| Ok(vm.new_str("NotImplemented")));
}

pub struct EllipsisType;

impl NativeType for EllipsisType {
    const SLOTS: &'static Slots = &Slots::repr(|vm, _| Ok(vm.new_str("Ellipsis")));
}
