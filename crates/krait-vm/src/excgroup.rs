//! `BaseExceptionGroup` and `ExceptionGroup`: construction with CPython's
//! checks, `message` and `exceptions`, and `split`/`subgroup`/`derive`.

use crate::bootstrap::{check_method_args, method, static_fn};
use crate::function::Args;
use crate::object::ObjKind;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    let beg = vm.exc.base_exception_group.clone();
    static_fn(vm, &beg, "__new__", group_new);
    method(vm, &beg, "__init__", |_, _| Ok(Value::None));
    method(vm, &beg, "__str__", group_str);
    method(vm, &beg, "derive", |vm, a| {
        check_method_args(vm, &a, "derive", 1, 1)?;
        let this = receiver(vm, &a)?;
        derive(vm, &this, a.pos[1].clone())
    });
    method(vm, &beg, "split", |vm, a| {
        check_method_args(vm, &a, "split", 1, 1)?;
        let this = receiver(vm, &a)?;
        let (m, r) = split(vm, &this, &a.pos[1])?;
        let pair = vec![m.unwrap_or(Value::None), r.unwrap_or(Value::None)];
        Ok(vm.new_tuple(pair))
    });
    method(vm, &beg, "subgroup", |vm, a| {
        check_method_args(vm, &a, "subgroup", 1, 1)?;
        let this = receiver(vm, &a)?;
        Ok(split(vm, &this, &a.pos[1])?.0.unwrap_or(Value::None))
    });
}

fn receiver(vm: &Vm, a: &Args) -> PyResult<Obj> {
    match &a.pos[0] {
        Value::Obj(o) if o.class().is_subtype(&vm.exc.base_exception_group) => Ok(o.clone()),
        v => Err(vm.type_error(format!(
            "descriptor requires a 'BaseExceptionGroup' object but received a '{}'",
            vm.type_name(v)
        ))),
    }
}

fn is_exception(vm: &Vm, v: &Value) -> bool {
    matches!(v, Value::Obj(o) if o.class().is_subtype(&vm.exc.base_exception))
}

/// `BaseExceptionGroup(message, exceptions)`: an `ExceptionGroup` when
/// every member is an `Exception`.
fn group_new(vm: &mut Vm, a: Args) -> PyResult {
    let Some(Value::Obj(mut cls)) = a.pos.first().cloned() else {
        return Err(vm.type_error("BaseExceptionGroup.__new__(X): X is not a type object"));
    };
    crate::bootstrap::no_kwargs(vm, &a, &cls.type_name())?;
    let n = a.pos.len() - 1;
    if n != 2 {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({n} given)"
        )));
    }
    let (message, seq) = (a.pos[1].clone(), a.pos[2].clone());
    if crate::strops::value_pystr(&message).is_none() {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            vm.type_name(&message)
        )));
    }
    if !matches!(seq.kind(), Some(ObjKind::List(_) | ObjKind::Tuple(_))) {
        return Err(vm.type_error("second argument (exceptions) must be a sequence"));
    }
    let items = vm.iterate(&seq)?;
    if items.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    for (i, e) in items.iter().enumerate() {
        if !is_exception(vm, e) {
            return Err(vm.value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
    }
    let all_exceptions = items
        .iter()
        .all(|e| vm.class_of(e).is_subtype(&vm.exc.exception));
    if cls.is(&vm.exc.base_exception_group) {
        if all_exceptions {
            cls = vm.exc.exception_group.clone();
        }
    } else if cls.is_subtype(&vm.exc.exception) && !all_exceptions {
        return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
    }
    let obj = crate::objtype::alloc_instance(vm, &cls);
    let Value::Obj(o) = &obj else {
        return Ok(obj);
    };
    if let Some(d) = crate::excmethods::exc_data(o) {
        d.borrow_mut().args = vm.new_tuple(vec![message.clone(), seq]);
    }
    let excs = vm.new_tuple(items);
    crate::bootstrap::set_attr_str(vm, o, "message", message);
    crate::bootstrap::set_attr_str(vm, o, "exceptions", excs);
    Ok(obj)
}

fn attr(vm: &mut Vm, o: &Obj, name: &str) -> PyResult {
    let key = vm.intern(name);
    vm.getattr(&Value::Obj(o.clone()), &key)
}

fn members(vm: &mut Vm, o: &Obj) -> PyResult<Vec<Value>> {
    let excs = attr(vm, o, "exceptions")?;
    Ok(crate::eval::tuple_items(&excs))
}

/// "message (N sub-exceptions)".
fn group_str(vm: &mut Vm, a: Args) -> PyResult {
    let this = receiver(vm, &a)?;
    let message = attr(vm, &this, "message")?;
    let n = members(vm, &this)?.len();
    let text = crate::strops::value_pystr(&message)
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let plural = if n == 1 { "" } else { "s" };
    Ok(vm.new_string(format!("{text} ({n} sub-exception{plural})")))
}

/// `eg.derive(excs)`: a group of the same message around other members.
fn derive(vm: &mut Vm, eg: &Obj, excs: Value) -> PyResult {
    let message = attr(vm, eg, "message")?;
    let cls = Value::Obj(vm.exc.base_exception_group.clone());
    vm.call(&cls, vec![message, excs])
}

/// `derive`, then the original's traceback, cause, context and notes.
fn derive_and_copy(vm: &mut Vm, eg: &Obj, excs: Vec<Value>) -> PyResult {
    let list = vm.new_list(excs);
    let new = derive(vm, eg, list)?;
    if let (Some(src), Some(dst)) = (
        crate::excmethods::exc_data(eg),
        new.as_obj().and_then(crate::excmethods::exc_data),
    ) {
        let s = src.borrow();
        let mut d = dst.borrow_mut();
        d.traceback = s.traceback.clone();
        d.cause = s.cause.clone();
        d.context = s.context.clone();
        d.suppress_context = s.suppress_context;
        d.notes = s.notes.clone();
    }
    Ok(new)
}

/// Whether `exc` meets a split condition: a type, a tuple of types, or a
/// predicate.
fn matches(vm: &mut Vm, exc: &Value, cond: &Value) -> PyResult<bool> {
    let is_type = |v: &Value| matches!(v.kind(), Some(ObjKind::Type(_)));
    let types: Option<Vec<Value>> = match cond.kind() {
        Some(ObjKind::Type(_)) => Some(vec![cond.clone()]),
        Some(ObjKind::Tuple(t)) if t.iter().all(is_type) => Some(t.to_vec()),
        _ => None,
    };
    match types {
        Some(types) => {
            let cls = vm.class_of(exc).clone();
            Ok(types
                .iter()
                .any(|t| t.as_obj().is_some_and(|t| cls.is_subtype(t))))
        }
        None if vm.is_callable(cond) => {
            let r = vm.call(cond, vec![exc.clone()])?;
            vm.truthy(&r)
        }
        None => {
            Err(vm.type_error("expected a function, exception type or tuple of exception types"))
        }
    }
}

/// The parts of `exc` that meet `cond` and the rest, as groups shaped
/// like the original (None for an empty part).
fn split(vm: &mut Vm, exc: &Obj, cond: &Value) -> PyResult<(Option<Value>, Option<Value>)> {
    let v = Value::Obj(exc.clone());
    if matches(vm, &v, cond)? {
        return Ok((Some(v), None));
    }
    if !exc.class().is_subtype(&vm.exc.base_exception_group) {
        return Ok((None, Some(v)));
    }
    let (mut hit, mut miss) = (Vec::new(), Vec::new());
    for member in members(vm, exc)? {
        let Value::Obj(m) = &member else { continue };
        let (h, r) = split(vm, m, cond)?;
        hit.extend(h);
        miss.extend(r);
    }
    let hit = if hit.is_empty() {
        None
    } else {
        Some(derive_and_copy(vm, exc, hit)?)
    };
    let miss = if miss.is_empty() {
        None
    } else {
        Some(derive_and_copy(vm, exc, miss)?)
    };
    Ok((hit, miss))
}
