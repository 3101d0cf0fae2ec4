//! Attributes a built-in type computes from its payload, declared as a
//! table as methods are: `function.__code__`, `range.start`,
//! `BaseException.args`. Each becomes a descriptor on the type, so that
//! it is found, listed and overridden as CPython's are.

use crate::object::ObjKind;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// Reads the attribute of an instance (of the owner or a subclass).
pub type Getter = fn(&mut Vm, &Value) -> PyResult;
/// Sets the attribute, or deletes it when the value is `None`.
pub type Setter = fn(&mut Vm, &Value, Option<Value>) -> PyResult<()>;

/// One computed attribute.
#[derive(Clone, Copy)]
pub struct GetSetDef {
    pub name: &'static str,
    pub get: Getter,
    pub set: Option<Setter>,
    /// Shown as a `member_descriptor` (CPython stores it in a struct
    /// field) rather than a `getset_descriptor`.
    pub member: bool,
}

impl GetSetDef {
    /// A read-only computed attribute.
    pub const fn new(name: &'static str, get: Getter) -> GetSetDef {
        GetSetDef {
            name,
            get,
            set: None,
            member: false,
        }
    }

    /// A read-only field (`function.__globals__`).
    pub const fn member(name: &'static str, get: Getter) -> GetSetDef {
        GetSetDef {
            member: true,
            ..GetSetDef::new(name, get)
        }
    }

    /// The same, writable (and deletable, as the setter allows).
    pub const fn settable(self, set: Setter) -> GetSetDef {
        GetSetDef {
            set: Some(set),
            ..self
        }
    }
}

/// Puts a descriptor for each of `defs` in the namespace of `ty`.
pub fn add_getsets(vm: &mut Vm, ty: &Obj, defs: &'static [GetSetDef]) {
    for def in defs {
        let class = if def.member {
            vm.types.member_descriptor.clone()
        } else {
            vm.types.getset_descriptor.clone()
        };
        let descr = Obj::new(
            class,
            ObjKind::GetSet {
                def,
                owner: ty.clone(),
            },
        );
        crate::bootstrap::set_attr_str(vm, ty, def.name, Value::Obj(descr));
    }
}
