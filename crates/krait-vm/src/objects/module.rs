//! `module` objects: a name and a namespace (the object's dict).

use crate::object::ObjKind;
use crate::objects::str::value_pystr;
use crate::objects::typeobject::slots::{install, NativeType, Slots};
use crate::vm::Vm;

pub struct ModuleType;

impl NativeType for ModuleType {
    const SLOTS: &'static Slots = &Slots::repr(|vm, o| {
        let ObjKind::Module(m) = o.kind() else {
            unreachable!("module slots are installed on module")
        };
        let file = o
            .object()
            .dict()
            .and_then(|d| crate::objects::dict::get_str(d, "__file__"));
        let r = match file.as_ref().and_then(value_pystr) {
            Some(f) => format!("<module '{}' from '{}'>", m.name, f.to_string_lossy()),
            None => format!("<module '{}' (built-in)>", m.name),
        };
        Ok(vm.new_string(r))
    });
}

pub fn register(vm: &mut Vm) {
    let module = vm.types.module.clone();
    install::<ModuleType>(vm, &module);
    crate::api::add_getsets(vm, &module, MODULE_ATTRIBUTES);
}

const MODULE_ATTRIBUTES: &[crate::api::GetSetDef] =
    &[crate::api::GetSetDef::member("__dict__", |vm, m| {
        let m = m.as_obj().expect("modules are objects");
        Ok(crate::value::Value::Obj(vm.instance_dict(m).clone()))
    })];
