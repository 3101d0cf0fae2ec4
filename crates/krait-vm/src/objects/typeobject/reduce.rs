//! `object.__reduce_ex__`, `object.__reduce__` and `object.__getstate__`:
//! how `copy` and `pickle` take an instance apart. Protocol 2 and above
//! give `copyreg.__newobj__` (or `__newobj_ex__`) with the class and the
//! `__getnewargs__` arguments, the state, and the items of a list or dict;
//! older protocols defer to `copyreg._reduce_ex`, as CPython does.

use crate::object::ObjKind;
use crate::objects::function::Args;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `object.__reduce_ex__(protocol)`: a class's own `__reduce__` wins.
pub(crate) fn object_reduce_ex(vm: &mut Vm, args: Args) -> PyResult {
    let obj = args.pos[0].clone();
    let proto = crate::api::small_int(&args.pos[1]).unwrap_or(0);
    let cls = vm.class_of(&obj).clone();
    let key = vm.intern("__reduce__");
    if let Some(reduce) = vm.lookup_type_obj(&cls, &key) {
        let inherited = matches!(reduce.kind(), Some(ObjKind::Builtin(b))
            if b.name == "__reduce__" && b.owner.as_ref().is_some_and(|o| o.is(&vm.types.object)));
        if !inherited {
            return vm.call_method_value(&reduce, obj, vec![]);
        }
    }
    common_reduce(vm, obj, proto)
}

/// `object.__reduce__()`.
pub(crate) fn object_reduce(vm: &mut Vm, args: Args) -> PyResult {
    common_reduce(vm, args.pos[0].clone(), 0)
}

fn common_reduce(vm: &mut Vm, obj: Value, proto: i64) -> PyResult {
    let copyreg = vm.import("copyreg")?;
    if proto >= 2 {
        return reduce_newobj(vm, obj, &copyreg);
    }
    let f = vm.getattr_str(&copyreg, "_reduce_ex")?;
    vm.call(&f, vec![obj, Value::Int(proto)])
}

fn special(vm: &mut Vm, obj: &Value, name: &str) -> Option<Value> {
    let cls = vm.class_of(obj).clone();
    let key = vm.intern(name);
    vm.lookup_type_obj(&cls, &key)
}

fn reduce_newobj(vm: &mut Vm, obj: Value, copyreg: &Value) -> PyResult {
    let cls = Value::Obj(vm.class_of(&obj).clone());
    let (args, kwargs, has_args) = if let Some(f) = special(vm, &obj, "__getnewargs_ex__") {
        let r = vm.call_method_value(&f, obj.clone(), vec![])?;
        let pair = crate::api::tuple_items(&r).filter(|p| p.len() == 2);
        let Some(pair) = pair else {
            return Err(vm.type_error(format!(
                "__getnewargs_ex__ should return a tuple of length 2, not '{}'",
                vm.type_name(&r)
            )));
        };
        (pair[0].clone(), pair[1].clone(), true)
    } else if let Some(f) = special(vm, &obj, "__getnewargs__") {
        let r = vm.call_method_value(&f, obj.clone(), vec![])?;
        if crate::api::tuple_items(&r).is_none() {
            return Err(vm.type_error(format!(
                "__getnewargs__ should return a tuple, not '{}'",
                vm.type_name(&r)
            )));
        }
        (r, Value::None, true)
    } else {
        (vm.new_tuple(vec![]), Value::None, false)
    };
    let no_kwargs = kwargs.is_none()
        || crate::api::small_int(&vm.call_method(&kwargs, "__len__", vec![])?) == Some(0);
    let (newobj, newargs) = if no_kwargs {
        let mut items = vec![cls.clone()];
        items.extend(crate::api::tuple_items(&args).unwrap_or_default());
        (vm.getattr_str(copyreg, "__newobj__")?, vm.new_tuple(items))
    } else {
        let t = vm.new_tuple(vec![cls.clone(), args, kwargs]);
        (vm.getattr_str(copyreg, "__newobj_ex__")?, t)
    };
    let is_list = matches!(obj.kind(), Some(ObjKind::List(_)));
    let is_dict = matches!(obj.kind(), Some(ObjKind::Dict(_)));
    // State the object's built-in part holds cannot be pickled this way.
    let plain = matches!(obj.kind(), Some(ObjKind::Plain | ObjKind::Slots(_)));
    if !plain
        && !has_args
        && !is_list
        && !is_dict
        && special(vm, &obj, "__getstate__").is_some_and(|g| is_object_getstate(vm, &g))
    {
        let name = vm.type_name(&obj);
        return Err(vm.type_error(format!("cannot pickle '{name}' object")));
    }
    let state = vm.call_method(&obj, "__getstate__", vec![])?;
    let listitems = if is_list { vm.iter(&obj)? } else { Value::None };
    let dictitems = if is_dict {
        let items = vm.call_method(&obj, "items", vec![])?;
        vm.iter(&items)?
    } else {
        Value::None
    };
    Ok(vm.new_tuple(vec![newobj, newargs, state, listitems, dictitems]))
}

fn is_object_getstate(vm: &Vm, f: &Value) -> bool {
    matches!(f.kind(), Some(ObjKind::Builtin(b))
        if b.name == "__getstate__" && b.owner.as_ref().is_some_and(|o| o.is(&vm.types.object)))
}

/// `object.__getstate__()`: the instance dict (None when empty), paired
/// with the set `__slots__` values when the class has slots.
pub(crate) fn object_getstate(vm: &mut Vm, args: Args) -> PyResult {
    let obj = args.pos[0].clone();
    let dict = match &obj {
        Value::Obj(o) => o.object().dict().cloned(),
        _ => None,
    };
    let state = match dict {
        Some(d) if !crate::objects::dict::dict_cell(&d).borrow().is_empty() => Value::Obj(d),
        _ => Value::None,
    };
    if !matches!(obj.kind(), Some(ObjKind::Slots(_))) {
        return Ok(state);
    }
    let copyreg = vm.import("copyreg")?;
    let slotnames = vm.getattr_str(&copyreg, "_slotnames")?;
    let cls = Value::Obj(vm.class_of(&obj).clone());
    let names = vm.call(&slotnames, vec![cls])?;
    let slots = vm.new_dict_obj(Default::default());
    let mut any = false;
    for name in vm.iterate(&names)? {
        let Some(key) = name.as_obj().cloned() else {
            continue;
        };
        match vm.getattr(&obj, &key) {
            Ok(v) => {
                crate::objects::dict::set(vm, &slots, name, v)?;
                any = true;
            }
            Err(e) if e.class().is_subtype(&vm.exc.attribute_error) => {}
            Err(e) => return Err(e),
        }
    }
    let slots = if any { Value::Obj(slots) } else { Value::None };
    Ok(vm.new_tuple(vec![state, slots]))
}
