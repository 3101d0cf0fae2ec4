//! Attributes that built-in objects have without a namespace entry:
//! a function's `__name__`, a class's `__mro__`, an exception's
//! `__cause__`, a range's `start`...

use crate::object::ObjKind;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

fn s(vm: &mut Vm, text: &str) -> Value {
    vm.new_str(text)
}

/// The value of a special attribute of a heap object, if it has one.
pub fn special_attr(vm: &mut Vm, o: &Obj, name: &str) -> PyResult<Option<Value>> {
    if name == "__class__" {
        return Ok(Some(Value::Obj(o.class().clone())));
    }
    if name == "__dict__" {
        if let ObjKind::Type(_) = o.kind() {
            return Ok(Some(Value::Obj(Obj::new(
                vm.types.mappingproxy.clone(),
                ObjKind::MappingProxy(o.clone()),
            ))));
        }
        let has_dict = o.class().tdata().instance_dict.get()
            || matches!(o.kind(), ObjKind::Module(_) | ObjKind::Function(_));
        if has_dict {
            let dict_type = vm.types.dict.clone();
            let d = o
                .object()
                .dict_or_init(|| {
                    Obj::new(
                        dict_type,
                        ObjKind::Dict(Box::new(std::cell::RefCell::new(
                            crate::objects::dict::table::Dict::new(),
                        ))),
                    )
                })
                .clone();
            return Ok(Some(Value::Obj(d)));
        }
        return Ok(None);
    }
    let v = match o.kind() {
        ObjKind::Type { .. } => return type_attr(vm, o, name),
        ObjKind::Function { .. } => return function_attr(vm, o, name),
        ObjKind::BoundMethod { func, receiver } => match name {
            "__self__" => receiver.clone(),
            "__func__" => func.clone(),
            "__name__" | "__qualname__" | "__doc__" | "__module__" => {
                let key = vm.intern(name);
                let f = func.clone();
                return vm.getattr(&f, &key).map(Some);
            }
            _ => return Ok(None),
        },
        ObjKind::Builtin { .. } => return builtin_attr(vm, o, name),
        ObjKind::Exception { .. } => return exception_attr(vm, o, name),
        ObjKind::MemoryView(m) => return crate::objects::bytes::memoryview::attr(vm, m, name),
        ObjKind::Generator { .. } => return generator_attr(vm, o, name),
        ObjKind::Property(p) => match name {
            "fget" => p.fget.clone(),
            "fset" => p.fset.clone(),
            "fdel" => p.fdel.clone(),
            "__doc__" => p.doc.clone(),
            "__isabstractmethod__" => Value::Bool(false),
            _ => return Ok(None),
        },
        ObjKind::ClassMethod(f) | ObjKind::StaticMethod(f) => match name {
            "__func__" | "__wrapped__" => f.clone(),
            "__isabstractmethod__" => Value::Bool(false),
            _ => return Ok(None),
        },
        ObjKind::Range { start, stop, step } | ObjKind::Slice { start, stop, step } => match name {
            "start" => start.clone(),
            "stop" => stop.clone(),
            "step" => {
                if matches!(o.kind(), ObjKind::Range { .. }) || !step.is_null() {
                    step.clone()
                } else {
                    Value::None
                }
            }
            _ => return Ok(None),
        },
        ObjKind::Complex(re, im) => match name {
            "real" => Value::Float(*re),
            "imag" => Value::Float(*im),
            _ => return Ok(None),
        },
        ObjKind::Int(_) | ObjKind::Float(_) => {
            let v = Value::Obj(o.clone());
            return value_special(vm, &v, name);
        }
        ObjKind::Code { .. } => return code_attr(vm, o, name),
        ObjKind::Cell(c) => match name {
            "cell_contents" => {
                let v = c.borrow().clone();
                if v.is_null() {
                    return Err(vm.new_exception_msg(&vm.exc.value_error.clone(), "Cell is empty"));
                }
                v
            }
            _ => return Ok(None),
        },
        ObjKind::Traceback {
            lineno,
            next,
            lasti,
            frame_code,
        } => match name {
            "tb_lineno" => Value::Int(*lineno as i64),
            "tb_next" => next.clone(),
            "tb_lasti" => Value::Int(*lasti as i64),
            "tb_frame" => frame_code.clone(),
            _ => return Ok(None),
        },
        ObjKind::Member {
            name: member,
            owner,
            ..
        } => match name {
            "__name__" => vm.new_str(member),
            "__qualname__" => vm.new_string(format!("{}.{member}", owner.tdata().name.borrow())),
            "__objclass__" => Value::Obj(owner.clone()),
            _ => return Ok(None),
        },
        // The frame of a traceback entry: its code and line (frames are
        // not kept alive, so no locals or caller).
        ObjKind::Frame { code, lineno, .. } => match name {
            "f_code" => code.clone(),
            "f_lineno" => Value::Int(*lineno as i64),
            "f_back" | "f_trace" => Value::None,
            _ => return Ok(None),
        },
        ObjKind::Super {
            class,
            obj,
            obj_type,
        } => match name {
            "__thisclass__" => Value::Obj(class.clone()),
            "__self__" => obj.clone(),
            "__self_class__" => Value::Obj(obj_type.clone()),
            _ => return Ok(None),
        },
        ObjKind::DictView { dict, .. } => match name {
            "mapping" => Value::Obj(Obj::new(
                vm.types.mappingproxy.clone(),
                ObjKind::MappingProxy(dict.clone()),
            )),
            _ => return Ok(None),
        },
        _ => return Ok(None),
    };
    Ok(Some(v))
}

/// Attributes of inline values (`(5).real`, `True.imag`...).
pub fn value_special(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    let is_int =
        matches!(v, Value::Int(_) | Value::Truth(_)) || matches!(v.kind(), Some(ObjKind::Int(_)));
    let as_int = |vm: &mut Vm| -> Value {
        match v {
            Value::Truth(b) => Value::Int(*b as i64),
            Value::Obj(o) => match o.kind() {
                ObjKind::Int(b) => vm.new_int(b.clone()),
                _ => v.clone(),
            },
            _ => v.clone(),
        }
    };
    if is_int {
        return Ok(Some(match name {
            "real" | "numerator" => as_int(vm),
            "imag" => Value::Int(0),
            "denominator" => Value::Int(1),
            _ => return Ok(None),
        }));
    }
    let f = match v {
        Value::FloatBits(f) => Some(f64::from_bits(*f)),
        Value::Obj(o) => match o.kind() {
            ObjKind::Float(f) => Some(*f),
            _ => None,
        },
        _ => None,
    };
    if let Some(f) = f {
        return Ok(Some(match name {
            "real" => Value::Float(f),
            "imag" => Value::Float(0.0),
            _ => return Ok(None),
        }));
    }
    Ok(None)
}

/// Assignment to a special attribute; `None` when `name` is not one.
pub fn special_setattr(vm: &mut Vm, o: &Obj, name: &str, value: &Value) -> PyResult<Option<()>> {
    match o.kind() {
        ObjKind::Exception(d) => match name {
            "args" => {
                let items = vm.iterate(value)?;
                d.borrow_mut().args = vm.new_tuple(items);
            }
            "__cause__" | "__context__" => {
                let ok = value.is_none()
                    || value.as_obj().is_some_and(|e| {
                        crate::objects::exceptions::methods::exc_data(e).is_some()
                    });
                if !ok {
                    let what = if name == "__cause__" {
                        "cause"
                    } else {
                        "context"
                    };
                    return Err(vm.type_error(format!(
                        "exception {what} must be None or derive from BaseException"
                    )));
                }
                let mut d = d.borrow_mut();
                if name == "__cause__" {
                    d.cause = value.clone();
                    d.suppress_context = true;
                } else {
                    d.context = value.clone();
                }
            }
            "__suppress_context__" => {
                let b = vm.truthy(value)?;
                d.borrow_mut().suppress_context = b;
            }
            "__traceback__" => {
                let v = Value::Obj(o.clone());
                vm.set_traceback_attr(&v, value.clone())?;
            }
            _ => return Ok(None),
        },
        ObjKind::Function(f) => match name {
            "__name__" | "__qualname__" => {
                if crate::objects::str::value_pystr(value).is_none() {
                    return Err(vm.type_error(format!("{name} must be set to a string object")));
                }
                if name == "__name__" {
                    *f.name.borrow_mut() = value.clone();
                } else {
                    *f.qualname.borrow_mut() = value.clone();
                }
            }
            "__defaults__" => *f.defaults.borrow_mut() = value.clone(),
            "__kwdefaults__" => *f.kwdefaults.borrow_mut() = value.clone(),
            "__doc__" => *f.doc.borrow_mut() = value.clone(),
            "__module__" => *f.module.borrow_mut() = value.clone(),
            "__annotations__" => *f.annotations.borrow_mut() = value.clone(),
            _ => return Ok(None),
        },
        ObjKind::Type(t) if t.heap => match name {
            "__name__" => match crate::objects::str::value_pystr(value) {
                Some(s) => *t.name.borrow_mut() = s.to_string_lossy().into_owned(),
                None => {
                    return Err(vm.type_error(format!(
                        "can only assign string to {}.__name__, not '{}'",
                        t.name.borrow(),
                        vm.type_name(value)
                    )))
                }
            },
            "__qualname__" => match crate::objects::str::value_pystr(value) {
                Some(s) => *t.qualname.borrow_mut() = s.to_string_lossy().into_owned(),
                None => {
                    return Err(vm.type_error(format!(
                        "can only assign string to {}.__qualname__, not '{}'",
                        t.name.borrow(),
                        vm.type_name(value)
                    )))
                }
            },
            _ => return Ok(None),
        },
        _ => return Ok(None),
    }
    Ok(Some(()))
}

/// A class's special attributes (`__name__`, `__mro__`, `__dict__`, ...).
fn type_attr(vm: &mut Vm, o: &Obj, name: &str) -> PyResult<Option<Value>> {
    let ObjKind::Type(t) = o.kind() else {
        unreachable!("called for this kind only")
    };
    Ok(Some(match name {
        "__name__" => {
            // A built-in type's name is its qualified name's last part
            // (`sys.version_info` is named `version_info`).
            let n = t.name.borrow().clone();
            let short = if t.heap {
                &n[..]
            } else {
                n.rsplit('.').next().unwrap_or(&n)
            };
            s(vm, short)
        }
        "__qualname__" => {
            let n = t.qualname.borrow().clone();
            s(vm, &n)
        }
        "__mro__" => {
            let m: Vec<Value> = t
                .mro
                .borrow()
                .iter()
                .map(|c| Value::Obj(c.clone()))
                .collect();
            vm.new_tuple(m)
        }
        "__bases__" => {
            let b: Vec<Value> = t
                .bases
                .borrow()
                .iter()
                .map(|c| Value::Obj(c.clone()))
                .collect();
            vm.new_tuple(b)
        }
        "__base__" => match t.bases.borrow().first() {
            Some(b) => Value::Obj(b.clone()),
            None => Value::None,
        },
        "__basicsize__" => Value::Int(16),
        _ => return Ok(None),
    }))
}

/// A Python function's special attributes (`__code__`, `__defaults__`, ...).
fn function_attr(vm: &mut Vm, o: &Obj, name: &str) -> PyResult<Option<Value>> {
    let ObjKind::Function(f) = o.kind() else {
        unreachable!("called for this kind only")
    };
    Ok(Some(match name {
        "__name__" => f.name.borrow().clone(),
        "__qualname__" => f.qualname.borrow().clone(),
        "__defaults__" => f.defaults.borrow().clone(),
        "__kwdefaults__" => f.kwdefaults.borrow().clone(),
        "__doc__" => f.doc.borrow().clone(),
        "__module__" => f.module.borrow().clone(),
        "__globals__" => Value::Obj(f.globals.clone()),
        "__builtins__" => Value::Obj(f.builtins.clone()),
        "__code__" => Value::Obj(Obj::new(
            vm.types.code.clone(),
            ObjKind::Code(f.code.clone()),
        )),
        "__closure__" => {
            if f.closure.is_empty() {
                Value::None
            } else {
                vm.new_tuple(f.closure.to_vec())
            }
        }
        "__annotations__" => {
            let a = f.annotations.borrow().clone();
            let a = match a {
                Value::None => vm.new_dict(),
                Value::Obj(ref t) if matches!(t.kind(), ObjKind::Tuple(_)) => {
                    let items = crate::eval::tuple_items(&a);
                    let d = vm.new_dict_obj(crate::objects::dict::table::Dict::new());
                    for pair in items.chunks(2) {
                        if let [k, v] = pair {
                            crate::objects::dict::set(vm, &d, k.clone(), v.clone())?;
                        }
                    }
                    Value::Obj(d)
                }
                other => other,
            };
            *f.annotations.borrow_mut() = a.clone();
            a
        }
        _ => return Ok(None),
    }))
}

/// A built-in function's or method's special attributes.
fn builtin_attr(vm: &mut Vm, o: &Obj, name: &str) -> PyResult<Option<Value>> {
    let ObjKind::Builtin(b) = o.kind() else {
        unreachable!("called for this kind only")
    };
    Ok(Some(match name {
        "__name__" => s(vm, b.name),
        "__qualname__" => match &b.owner {
            Some(owner) => {
                let q = format!("{}.{}", owner.tdata().name.borrow(), b.name);
                s(vm, &q)
            }
            None => s(vm, b.name),
        },
        "__self__" => {
            if b.receiver.is_null() {
                Value::None
            } else {
                b.receiver.clone()
            }
        }
        "__doc__" => Value::None,
        "__module__" => match (&b.owner, b.module) {
            (None, Some(m)) => s(vm, m),
            (None, None) => s(vm, "builtins"),
            (Some(_), _) => Value::None,
        },
        "__objclass__" => match &b.owner {
            Some(owner) => Value::Obj(owner.clone()),
            None => return Ok(None),
        },
        _ => return Ok(None),
    }))
}

/// An exception's attributes kept in its payload (`args`, `name`, ...).
fn exception_attr(vm: &mut Vm, o: &Obj, name: &str) -> PyResult<Option<Value>> {
    let ObjKind::Exception(d) = o.kind() else {
        unreachable!("called for this kind only")
    };
    Ok(Some(match name {
        "args" => d.borrow().args.clone(),
        "name" | "obj"
            if o.class().is_subtype(&vm.exc.name_error)
                || o.class().is_subtype(&vm.exc.attribute_error) =>
        {
            let d = d.borrow();
            if name == "name" {
                d.attr_name.clone()
            } else {
                d.attr_obj.clone()
            }
        }
        // Made natively without `__init__` (a generator's return).
        "value" if o.class().is_subtype(&vm.exc.stop_iteration) => {
            crate::eval::tuple_items(&d.borrow().args)
                .into_iter()
                .next()
                .unwrap_or(Value::None)
        }
        "__cause__" => d.borrow().cause.clone(),
        "__context__" => d.borrow().context.clone(),
        "__suppress_context__" => Value::Bool(d.borrow().suppress_context),
        "__traceback__" => {
            let v = Value::Obj(o.clone());
            vm.traceback_value(&v)
        }
        _ => return Ok(None),
    }))
}

/// A generator's or coroutine's `gi_*`/`cr_*`/`ag_*` attributes.
fn generator_attr(vm: &mut Vm, o: &Obj, name: &str) -> PyResult<Option<Value>> {
    let ObjKind::Generator(g) = o.kind() else {
        unreachable!("called for this kind only")
    };
    Ok(Some(match name {
        "__name__" => {
            let n = g.borrow().name.clone();
            s(vm, &n)
        }
        "__qualname__" => {
            let n = g.borrow().qualname.clone();
            s(vm, &n)
        }
        "gi_running" | "cr_running" => Value::Bool(g.borrow().running),
        "ag_running" => Value::Bool(g.borrow().running_async),
        "gi_suspended" | "cr_suspended" => {
            let g = g.borrow();
            Value::Bool(!g.running && !g.finished && g.frame.as_ref().is_some_and(|f| f.pc > 0))
        }
        "gi_frame" | "cr_frame" | "ag_frame" => {
            if g.borrow().finished {
                Value::None
            } else {
                Value::Bool(true)
            }
        }
        "gi_code" | "cr_code" | "ag_code" => match &g.borrow().frame {
            Some(f) => Value::Obj(Obj::new(
                vm.types.code.clone(),
                ObjKind::Code(f.code.clone()),
            )),
            None => Value::None,
        },
        "gi_yieldfrom" | "cr_await" | "ag_await" => Value::None,
        _ => return Ok(None),
    }))
}

/// A code object's `co_*` attributes.
fn code_attr(vm: &mut Vm, o: &Obj, name: &str) -> PyResult<Option<Value>> {
    let ObjKind::Code(c) = o.kind() else {
        unreachable!("called for this kind only")
    };
    Ok(Some(match name {
        "co_name" => s(vm, &c.code.name.clone()),
        "co_qualname" => s(vm, &c.code.qualname.clone()),
        "co_filename" => s(vm, c.code.filename.as_ref()),
        "co_firstlineno" => Value::Int(c.code.first_lineno as i64),
        "co_argcount" => Value::Int(c.code.argcount as i64),
        "co_posonlyargcount" => Value::Int(c.code.posonlyargcount as i64),
        "co_kwonlyargcount" => Value::Int(c.code.kwonlyargcount as i64),
        "co_flags" => Value::Int(c.code.flags as i64),
        "co_nlocals" => Value::Int(c.code.varnames.len() as i64),
        "co_varnames" => {
            let v: Vec<Value> = c.varnames.iter().map(|n| Value::Obj(n.clone())).collect();
            vm.new_tuple(v)
        }
        "co_names" => {
            let v: Vec<Value> = c.names.iter().map(|n| Value::Obj(n.clone())).collect();
            vm.new_tuple(v)
        }
        "co_consts" => vm.new_tuple(c.consts.clone()),
        "co_cellvars" | "co_freevars" => {
            let names = if name == "co_cellvars" {
                &c.code.cellvars
            } else {
                &c.code.freevars
            };
            let v: Vec<Value> = names.clone().iter().map(|n| vm.new_str(n)).collect();
            vm.new_tuple(v)
        }
        _ => return Ok(None),
    }))
}
