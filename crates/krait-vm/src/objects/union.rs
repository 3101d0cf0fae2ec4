//! `types.UnionType`: `int | None`, `int | str` (PEP 604), as annotations
//! and as `isinstance`/`issubclass` targets. Its arguments are kept, in
//! order and without repeats, in the object's `__args__`.

use crate::api::{add_methods, FunctionDef};
use crate::object::ObjKind;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    let ut = vm.types.union_type.clone();
    let m = vm.new_str("types");
    crate::bootstrap::set_attr_str(vm, &ut, "__module__", m);
    for ty in [
        ut.clone(),
        vm.types.type_.clone(),
        vm.types.generic_alias.clone(),
    ] {
        add_methods(vm, &ty, OPERATORS);
    }
    add_methods(vm, &ut, METHODS);
}

/// `X | Y` of classes, None, generic aliases and unions.
const OPERATORS: &[FunctionDef] = &[
    FunctionDef::binary("__or__", |vm, a| make(vm, &a.pos[0], &a.pos[1])),
    FunctionDef::binary("__ror__", |vm, a| make(vm, &a.pos[1], &a.pos[0])),
];

const METHODS: &[FunctionDef] = &[
    FunctionDef::unary("__repr__", |vm, a| {
        let mut parts = Vec::new();
        for arg in args_of(vm, &a.pos[0])? {
            parts.push(arg_repr(vm, &arg)?);
        }
        Ok(vm.new_string(parts.join(" | ")))
    }),
    FunctionDef::binary("__eq__", |vm, a| {
        if !vm.class_of(&a.pos[1]).is(&vm.types.union_type) {
            return Ok(vm.not_implemented());
        }
        let x = args_of(vm, &a.pos[0])?;
        let y = args_of(vm, &a.pos[1])?;
        let (x, y) = (vm.new_tuple(x), vm.new_tuple(y));
        let (x, y) = (as_frozenset(vm, &x)?, as_frozenset(vm, &y)?);
        Ok(Value::Bool(vm.eq(&x, &y)?))
    }),
    FunctionDef::unary("__hash__", |vm, a| {
        let x = args_of(vm, &a.pos[0])?;
        let x = vm.new_tuple(x);
        let x = as_frozenset(vm, &x)?;
        Ok(Value::Int(vm.hash(&x)?))
    }),
    FunctionDef::method("__instancecheck__", |vm, a| {
        for arg in args_of(vm, &a.pos[0])? {
            if vm.isinstance(&a.pos[1], &arg)? {
                return Ok(Value::Bool(true));
            }
        }
        Ok(Value::Bool(false))
    })
    .one(),
    FunctionDef::method("__subclasscheck__", |vm, a| {
        for arg in args_of(vm, &a.pos[0])? {
            if vm.issubclass(&a.pos[1], &arg)? {
                return Ok(Value::Bool(true));
            }
        }
        Ok(Value::Bool(false))
    })
    .one(),
];

/// `left | right` when both are union operands (classes, None, generic
/// aliases, unions); NotImplemented otherwise. Repeats are dropped, and a
/// union of one is that one.
fn make(vm: &mut Vm, left: &Value, right: &Value) -> PyResult {
    let (Some(mut args), Some(more)) = (operand(vm, left)?, operand(vm, right)?) else {
        return Ok(vm.not_implemented());
    };
    for arg in more {
        let mut seen = false;
        for have in &args {
            if have.is(&arg) || vm.eq(have, &arg)? {
                seen = true;
                break;
            }
        }
        if !seen {
            args.push(arg);
        }
    }
    if args.len() == 1 {
        return Ok(args.pop().unwrap_or_default());
    }
    let o = Obj::new(vm.types.union_type.clone(), ObjKind::Plain);
    let d = vm.new_dict_obj(crate::objects::dict::table::Dict::new());
    let _ = o.object().dict_or_init(|| d.clone());
    let k = vm.intern("__args__");
    let t = vm.new_tuple(args);
    crate::objects::dict::set_str(vm, &d, k, t);
    Ok(Value::Obj(o))
}

/// What a `|` operand contributes to a union: a class (None as
/// `NoneType`), a generic alias, or a union's own arguments.
fn operand(vm: &mut Vm, v: &Value) -> PyResult<Option<Vec<Value>>> {
    if v.is_none() {
        return Ok(Some(vec![Value::Obj(vm.types.none.clone())]));
    }
    let cls = vm.class_of(v).clone();
    if cls.is(&vm.types.union_type) {
        return args_of(vm, v).map(Some);
    }
    let class_like = matches!(v.kind(), Some(ObjKind::Type(_))) || cls.is(&vm.types.generic_alias);
    Ok(class_like.then(|| vec![v.clone()]))
}

/// A union's `__args__`.
fn args_of(vm: &mut Vm, u: &Value) -> PyResult<Vec<Value>> {
    let key = vm.intern("__args__");
    let args = vm.getattr(u, &key)?;
    Ok(crate::eval::tuple_items(&args))
}

/// How an argument shows in a union's repr: `None` for `NoneType`, a
/// class by its qualified name (the module unless builtins).
fn arg_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Obj(o) if o.is(&vm.types.none) => Ok("None".into()),
        Value::Obj(o) if o.type_data().is_some() => {
            let qual = o.tdata().qualname.borrow().clone();
            Ok(
                match crate::objects::typeobject::object::class_module(vm, o) {
                    Some(m) if m != "builtins" => format!("{m}.{qual}"),
                    _ => qual,
                },
            )
        }
        _ => vm.repr_string(v),
    }
}

fn as_frozenset(vm: &mut Vm, items: &Value) -> PyResult {
    let fs = Value::Obj(vm.types.frozenset.clone());
    vm.call(&fs, vec![items.clone()])
}
