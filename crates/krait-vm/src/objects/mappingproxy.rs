//! `mappingproxy`: a class's `__dict__`, a read-only view whose methods
//! forward to the namespace dict.

use crate::bootstrap::method;
use crate::object::ObjKind;
use crate::objects::function::Args;
use crate::value::Value;
use crate::vm::Vm;

pub fn register(vm: &mut Vm) {
    let proxy = vm.types.mappingproxy.clone();
    for name in [
        "keys",
        "values",
        "items",
        "get",
        "copy",
        "__iter__",
        "__len__",
        "__contains__",
        "__getitem__",
    ] {
        method(vm, &proxy, name, proxy_method(name));
    }
}

/// A mappingproxy method: the same method of the class's namespace dict.
fn proxy_method(name: &str) -> crate::objects::function::NativeFn {
    macro_rules! forward {
        ($n:literal) => {
            |vm: &mut Vm, a: Args| {
                let Some(ObjKind::MappingProxy(cls)) = a.pos[0].kind() else {
                    return Err(vm.type_error("expected a mappingproxy"));
                };
                let ns = match cls.object().dict() {
                    Some(d) => Value::Obj(d.clone()),
                    None => vm.new_dict(),
                };
                vm.call_method(&ns, $n, a.pos[1..].to_vec())
            }
        };
    }
    match name {
        "keys" => forward!("keys"),
        "values" => forward!("values"),
        "items" => forward!("items"),
        "get" => forward!("get"),
        "copy" => forward!("copy"),
        "__iter__" => forward!("__iter__"),
        "__len__" => forward!("__len__"),
        "__contains__" => forward!("__contains__"),
        _ => forward!("__getitem__"),
    }
}
