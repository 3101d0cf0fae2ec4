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
