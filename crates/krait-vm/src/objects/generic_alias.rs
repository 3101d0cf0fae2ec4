//! `types.GenericAlias`: `list[int]`, `dict[str, int]`, with its repr,
//! equality, `__origin__`/`__args__`, and `__class_getitem__` of the
//! built-in containers.

use crate::api::{add_methods, FunctionDef};
use crate::object::ObjKind;
use crate::objects::function::Args;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    let ga = vm.types.generic_alias.clone();
    let m = vm.new_str("types");
    crate::bootstrap::set_attr_str(vm, &ga, "__module__", m);
    add_methods(vm, &ga, METHODS);
    let generic = [
        vm.types.list.clone(),
        vm.types.dict.clone(),
        vm.types.tuple.clone(),
        vm.types.set.clone(),
        vm.types.frozenset.clone(),
        vm.types.type_.clone(),
        vm.types.enumerate.clone(),
    ];
    for ty in &generic {
        add_methods(vm, ty, &[CLASS_GETITEM]);
    }
}

/// `list[int]` and the like: a generic alias of the class.
const CLASS_GETITEM: FunctionDef = FunctionDef::classmethod("__class_getitem__", |vm, a| {
    Ok(vm.generic_alias(a.pos[0].clone(), a.pos[1].clone()))
})
.one();

const METHODS: &[FunctionDef] = &[
    FunctionDef::unary("__repr__", |vm, a| {
        let get = |vm: &mut Vm, k: &str| {
            let key = vm.intern(k);
            vm.getattr(&a.pos[0], &key)
        };
        let origin = get(vm, "__origin__")?;
        let args = get(vm, "__args__")?;
        let mut out = type_name_repr(vm, &origin)?;
        out.push('[');
        for (i, arg) in crate::eval::tuple_items(&args).iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&type_name_repr(vm, arg)?);
        }
        out.push(']');
        Ok(vm.new_string(out))
    }),
    FunctionDef::method("__call__", |vm, a| {
        let key = vm.intern("__origin__");
        let origin = vm.getattr(&a.pos[0], &key)?;
        vm.call_args(
            &origin,
            Args {
                pos: a.pos[1..].iter().cloned().collect(),
                kw: a.kw,
            },
        )
    }),
    FunctionDef::method("__mro_entries__", |vm, a| {
        let key = vm.intern("__origin__");
        let origin = vm.getattr(&a.pos[0], &key)?;
        Ok(vm.new_tuple(vec![origin]))
    })
    .one(),
    FunctionDef::binary("__eq__", |vm, a| {
        if !vm.class_of(&a.pos[1]).is(&vm.types.generic_alias) {
            return Ok(vm.not_implemented());
        }
        let (o, r) = (vm.intern("__origin__"), vm.intern("__args__"));
        let x = vec![vm.getattr(&a.pos[0], &o)?, vm.getattr(&a.pos[0], &r)?];
        let y = vec![vm.getattr(&a.pos[1], &o)?, vm.getattr(&a.pos[1], &r)?];
        let (x, y) = (vm.new_tuple(x), vm.new_tuple(y));
        Ok(Value::Bool(vm.eq(&x, &y)?))
    }),
];

/// How a type is named inside a generic alias: `int`, `mod.Class`.
fn type_name_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Obj(o) if o.type_data().is_some() => {
            let qual = o.tdata().qualname.borrow().clone();
            Ok(
                match crate::objects::typeobject::object::class_module(vm, o) {
                    Some(m) if m != "builtins" => format!("{m}.{qual}"),
                    _ => qual,
                },
            )
        }
        Value::Obj(o) if matches!(o.kind(), ObjKind::Ellipsis) => Ok("...".into()),
        _ => vm.repr_string(v),
    }
}
