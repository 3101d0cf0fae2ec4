//! `NoneType`, `NotImplementedType` and `ellipsis`: the types of `None`,
//! `NotImplemented` and `...`.

use crate::bootstrap::{method, static_fn};
use crate::objects::typeobject::slots::{install, NativeType, Slots};
use crate::value::Value;
use crate::vm::Vm;

pub fn register(vm: &mut Vm) {
    let none = vm.types.none.clone();
    method(vm, &none, "__repr__", |vm, _| {
        Ok(Value::Obj(vm.intern("None")))
    });
    method(vm, &none, "__bool__", |_, _| Ok(Value::Bool(false)));
    static_fn(vm, &none, "__new__", |vm, a| {
        if a.pos.len() > 1 || !a.kw.is_empty() {
            return Err(vm.type_error("NoneType takes no arguments"));
        }
        Ok(Value::None)
    });
    let ni = vm.types.not_implemented_type.clone();
    method(
        vm,
        &ni,
        "__repr__",
        |vm, _| Ok(vm.new_str("NotImplemented")),
    );
    install::<NotImplementedType>(vm, &ni);
    let el = vm.types.ellipsis_type.clone();
    method(vm, &el, "__repr__", |vm, _| Ok(vm.new_str("Ellipsis")));
    install::<EllipsisType>(vm, &el);
}

pub struct NotImplementedType;

impl NativeType for NotImplementedType {
    const SLOTS: &'static Slots = &Slots::repr(|vm, _| Ok(vm.new_str("NotImplemented")));
}

pub struct EllipsisType;

impl NativeType for EllipsisType {
    const SLOTS: &'static Slots = &Slots::repr(|vm, _| Ok(vm.new_str("Ellipsis")));
}
