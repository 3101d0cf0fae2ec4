//! `mappingproxy`: a read-only view of a mapping (a class's `__dict__`,
//! `dict.keys().mapping`, `types.MappingProxyType(d)`) whose methods
//! forward to it.

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

/// The mapping the proxy a method was called on shows.
fn receiver_mapping(vm: &Vm, a: &Args) -> crate::vm::PyResult<Value> {
    match a.pos[0]
        .as_obj()
        .filter(|o| matches!(o.kind(), ObjKind::MappingProxy(_)))
    {
        Some(o) => Ok(Value::Obj(namespace(vm, o))),
        None => Err(vm.type_error("expected a mappingproxy")),
    }
}

/// A mappingproxy method: the same method of the class's namespace dict.
macro_rules! forward {
    ($n:literal) => {
        FunctionDef::method($n, |vm: &mut Vm, a: Args| {
            let ns = receiver_mapping(vm, &a)?;
            vm.call_method(&ns, $n, a.pos[1..].to_vec())
        })
    };
}

const METHODS: &[FunctionDef] = &[
    FunctionDef::new("__new__", |vm, a| {
        let b = NEW_PARAMS.bind(vm, "mappingproxy", a, 1)?;
        let mapping = b.given(1).cloned().expect("required");
        let is_mapping = match mapping.kind() {
            Some(ObjKind::Dict(_) | ObjKind::MappingProxy(_)) => true,
            Some(ObjKind::List(_) | ObjKind::Tuple(_)) => false,
            _ => {
                let getitem = vm.intern("__getitem__");
                let cls = vm.class_of(&mapping).clone();
                vm.lookup_type_obj(&cls, &getitem).is_some()
            }
        };
        if !is_mapping {
            return Err(vm.type_error(format!(
                "mappingproxy() argument must be a mapping, not {}",
                vm.type_name(&mapping)
            )));
        }
        let o = mapping.as_obj().expect("mappings are objects").clone();
        Ok(Value::Obj(Obj::new(
            vm.types.mappingproxy.clone(),
            ObjKind::MappingProxy(o),
        )))
    }),
    // `str()` of a proxy is the mapping's.
    FunctionDef::unary("__str__", |vm, a| {
        let ns = receiver_mapping(vm, &a)?;
        vm.str(&ns)
    }),
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
            let r = vm.repr_string(&Value::Obj(ns))?;
            Ok(vm.new_string(format!("mappingproxy({r})")))
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

/// `mappingproxy(mapping)`.
const NEW_PARAMS: crate::api::Params = crate::api::Params::Named {
    names: &["mapping"],
    posonly: 0,
    positional: 1,
    required: 1,
};

/// The mapping a proxy shows: a class's namespace dict, or the mapping
/// it was made of.
fn namespace(vm: &Vm, o: &Obj) -> Obj {
    match o.kind() {
        ObjKind::MappingProxy(m) if matches!(m.kind(), ObjKind::Type(_)) => {
            match m.object().dict() {
                Some(d) => d.clone(),
                None => vm.new_dict_obj(crate::objects::dict::table::Dict::new()),
            }
        }
        ObjKind::MappingProxy(m) => m.clone(),
        _ => unreachable!("mappingproxy slots are installed on mappingproxy"),
    }
}
