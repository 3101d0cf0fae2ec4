//! `mappingproxy`: a class's `__dict__`, a read-only view whose methods
//! forward to the namespace dict.

use crate::api::{add_methods, FunctionDef};
use crate::object::ObjKind;
use crate::objects::function::Args;
use crate::objects::typeobject::slots::{NativeType, Slots};
use crate::value::{Obj, Value};
use crate::vm::Vm;

pub fn register(vm: &mut Vm) {
    let proxy = vm.types.mappingproxy.clone();
    add_methods(vm, &proxy, METHODS);
    crate::objects::typeobject::slots::install::<MappingProxyType>(vm, &proxy);
}

/// A mappingproxy method: the same method of the class's namespace dict.
macro_rules! forward {
    ($n:literal) => {
        FunctionDef::method($n, |vm: &mut Vm, a: Args| {
            let Some(ObjKind::MappingProxy(cls)) = a.pos[0].kind() else {
                return Err(vm.type_error("expected a mappingproxy"));
            };
            let ns = match cls.object().dict() {
                Some(d) => Value::Obj(d.clone()),
                None => vm.new_dict(),
            };
            vm.call_method(&ns, $n, a.pos[1..].to_vec())
        })
    };
}

const METHODS: &[FunctionDef] = &[
    forward!("keys").no_args(),
    forward!("values").no_args(),
    forward!("items").no_args(),
    forward!("get").args(1, 2),
    forward!("copy").no_args(),
];

pub struct MappingProxyType;

impl NativeType for MappingProxyType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(|vm, o| {
            let ns = namespace(vm, o);
            vm.dict_repr(o, &ns, "mappingproxy({", "})")
        }),
        len: Some(|vm, o| {
            let ns = namespace(vm, o);
            vm.len(&Value::Obj(ns))
        }),
        getitem: Some(|vm, o, key| {
            let ns = namespace(vm, o);
            vm.getitem(&Value::Obj(ns), key)
        }),
        contains: Some(|vm, o, key| {
            let ns = namespace(vm, o);
            vm.contains(&Value::Obj(ns), key)
        }),
        iter: Some(|vm, o| {
            let ns = namespace(vm, o);
            vm.iter(&Value::Obj(ns))
        }),
        ..Slots::NONE
    };
}

/// The namespace dict of the class a proxy shows.
fn namespace(vm: &Vm, o: &Obj) -> Obj {
    match o.kind() {
        ObjKind::MappingProxy(cls) => match cls.object().dict() {
            Some(d) => d.clone(),
            None => vm.new_dict_obj(crate::objects::dict::table::Dict::new()),
        },
        _ => unreachable!("mappingproxy slots are installed on mappingproxy"),
    }
}
