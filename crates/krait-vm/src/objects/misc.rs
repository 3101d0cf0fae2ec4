//! The smaller built-in types: `range`, `slice`, `property`,
//! `classmethod`, `staticmethod`, `complex`, the iterator types
//! (`enumerate`, `zip`, `map`, `filter`, `reversed` and the iterators of
//! containers), `NoneType` and `NotImplementedType`.

use crate::bootstrap::{bind, check_method_args, method, static_fn};
use crate::object::{IterState, ObjKind, Property};
use crate::objects::function::Args;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

pub fn register(vm: &mut Vm) {
    // `f.__call__(...)` for the kinds of callables the VM calls directly.
    for ty in [
        vm.types.builtin_function.clone(),
        vm.types.function.clone(),
        vm.types.method.clone(),
    ] {
        method(vm, &ty, "__call__", |vm, a| {
            let f = a.pos[0].clone();
            let args = crate::objects::function::Args {
                pos: a.pos[1..].iter().cloned().collect(),
                kw: a.kw,
            };
            vm.call_args(&f, args)
        });
    }
    let t = &vm.types;
    let range = t.range.clone();
    static_fn(vm, &range, "__new__", |vm, a| {
        crate::bootstrap::no_kwargs(vm, &a, "range")?;
        crate::objects::range::new(vm, &a.pos[1..])
    });
    crate::objects::tuple::register_sequence_dunders(vm, &range);
    method(vm, &range, "__bool__", |vm, a| {
        check_method_args(vm, &a, "__bool__", 0, 0)?;
        match a.pos[0]
            .as_obj()
            .filter(|o| matches!(o.kind(), ObjKind::Range { .. }))
        {
            Some(o) => Ok(Value::Bool(!crate::objects::range::is_empty(o))),
            None => Ok(Value::Bool(vm.len(&a.pos[0])? > 0)),
        }
    });
    method(vm, &range, "__reversed__", |vm, a| {
        let o = a.pos[0].as_obj().unwrap().clone();
        Ok(crate::objects::range::reversed(vm, &o))
    });
    method(vm, &range, "__hash__", |vm, a| {
        let o = a.pos[0].as_obj().unwrap().clone();
        Ok(Value::Int(crate::objects::range::hash(vm, &o)?))
    });
    method(vm, &range, "index", |vm, a| {
        check_method_args(vm, &a, "index", 1, 1)?;
        let o = a.pos[0].as_obj().unwrap().clone();
        crate::objects::range::index(vm, &o, &a.pos[1])
    });
    method(vm, &range, "count", |vm, a| {
        check_method_args(vm, &a, "count", 1, 1)?;
        let o = a.pos[0].as_obj().unwrap().clone();
        let c = crate::objects::range::contains(vm, &o, &a.pos[1])?;
        Ok(Value::Int(c as i64))
    });
    for (name, op) in [("__eq__", true), ("__ne__", false)] {
        let f: crate::objects::function::NativeFn = if op {
            |vm, a| range_eq(vm, &a, true)
        } else {
            |vm, a| range_eq(vm, &a, false)
        };
        method(vm, &range, name, f);
    }

    let slice = vm.types.slice.clone();
    static_fn(vm, &slice, "__new__", |vm, a| {
        crate::bootstrap::no_kwargs(vm, &a, "slice")?;
        let args = &a.pos[1..];
        let (start, stop, step) = match args.len() {
            1 => (Value::None, args[0].clone(), Value::None),
            2 => (args[0].clone(), args[1].clone(), Value::None),
            3 => (args[0].clone(), args[1].clone(), args[2].clone()),
            0 => return Err(vm.type_error("slice expected at least 1 argument, got 0")),
            n => return Err(vm.type_error(format!("slice expected at most 3 arguments, got {n}"))),
        };
        Ok(Value::Obj(Obj::new(
            vm.types.slice.clone(),
            ObjKind::Slice { start, stop, step },
        )))
    });
    method(vm, &slice, "indices", |vm, a| {
        check_method_args(vm, &a, "indices", 1, 1)?;
        let n = vm.index_i64(&a.pos[1])?.unwrap_or(0);
        if n < 0 {
            return Err(vm.value_error("length should not be negative"));
        }
        let o = a.pos[0].as_obj().unwrap().clone();
        let s = vm.slice_indices(&o, n as usize)?;
        Ok(vm.new_tuple(vec![
            Value::Int(s.start),
            Value::Int(s.stop),
            Value::Int(s.step),
        ]))
    });
    method(vm, &slice, "__eq__", |vm, a| {
        crate::bootstrap::check_operand(vm, &a)?;
        let (
            Some(ObjKind::Slice { start, stop, step }),
            Some(ObjKind::Slice {
                start: s2,
                stop: e2,
                step: t2,
            }),
        ) = (a.pos[0].kind(), a.pos[1].kind())
        else {
            return Ok(vm.not_implemented());
        };
        let x = vm.new_tuple(vec![start.clone(), stop.clone(), step.clone()]);
        let y = vm.new_tuple(vec![s2.clone(), e2.clone(), t2.clone()]);
        Ok(Value::Bool(vm.eq(&x, &y)?))
    });
    // Slices order as the tuples of their fields.
    macro_rules! slice_order {
        ($($name:literal => $op:expr;)*) => {$(
            method(vm, &slice, $name, |vm, a| {
                crate::bootstrap::check_operand(vm, &a)?;
                let (
                    Some(ObjKind::Slice { start, stop, step }),
                    Some(ObjKind::Slice { start: s2, stop: e2, step: t2 }),
                ) = (a.pos[0].kind(), a.pos[1].kind())
                else {
                    return Ok(vm.not_implemented());
                };
                let x = vm.new_tuple(vec![start.clone(), stop.clone(), step.clone()]);
                let y = vm.new_tuple(vec![s2.clone(), e2.clone(), t2.clone()]);
                vm.compare($op, &x, &y)
            });
        )*};
    }
    slice_order! {
        "__lt__" => krait_compiler::code::CompareOp::Lt;
        "__le__" => krait_compiler::code::CompareOp::Le;
        "__gt__" => krait_compiler::code::CompareOp::Gt;
        "__ge__" => krait_compiler::code::CompareOp::Ge;
    }

    let prop = vm.types.property.clone();
    // Arguments are bound in `__new__`: property objects are immutable.
    static_fn(vm, &prop, "__new__", |vm, a| {
        let cls = a.pos[0].as_obj().cloned().unwrap();
        let rest = Args {
            pos: a.pos[1..].iter().cloned().collect(),
            kw: a.kw,
        };
        let b = bind(vm, rest, "property", &["fget", "fset", "fdel", "doc"], 0, 0)?;
        let get = |i: usize| b[i].clone().unwrap_or(Value::None);
        let mut doc = get(3);
        if doc.is_none() && !get(0).is_none() {
            let key = vm.names.doc.clone();
            doc = vm.getattr(&get(0), &key).unwrap_or(Value::None);
        }
        Ok(Value::Obj(Obj::new(
            cls,
            ObjKind::Property(Box::new(Property {
                fget: get(0),
                fset: get(1),
                fdel: get(2),
                doc,
                name: RefCell::new(Value::None),
            })),
        )))
    });
    method(vm, &prop, "__init__", |_, _| Ok(Value::None));
    method(vm, &prop, "__set_name__", |vm, a| {
        check_method_args(vm, &a, "__set_name__", 2, 2)?;
        if let Some(ObjKind::Property(p)) = a.pos[0].kind() {
            *p.name.borrow_mut() = a.pos[2].clone();
        }
        Ok(Value::None)
    });
    for (name, which) in [("getter", 0usize), ("setter", 1), ("deleter", 2)] {
        let f: crate::objects::function::NativeFn = match which {
            0 => |vm, a| property_copy(vm, &a, 0),
            1 => |vm, a| property_copy(vm, &a, 1),
            _ => |vm, a| property_copy(vm, &a, 2),
        };
        method(vm, &prop, name, f);
    }
    method(vm, &prop, "__get__", |vm, a| {
        check_method_args(vm, &a, "__get__", 1, 2)?;
        // The getter itself (not `bind_descriptor`, which would find a
        // subclass's own `__get__` again).
        let Some(ObjKind::Property(p)) = a.pos[0].kind() else {
            return Err(vm.type_error("descriptor '__get__' requires a 'property' object"));
        };
        if a.pos[1].is_none() {
            return Ok(a.pos[0].clone());
        }
        if p.fget.is_none() {
            return Err(vm.property_error(p, &a.pos[1], "getter"));
        }
        let g = p.fget.clone();
        vm.call(&g, vec![a.pos[1].clone()])
    });
    method(vm, &prop, "__set__", |vm, a| {
        check_method_args(vm, &a, "__set__", 2, 2)?;
        let Some(ObjKind::Property(p)) = a.pos[0].kind() else {
            return Ok(Value::None);
        };
        if p.fset.is_none() {
            return Err(vm.attribute_error("can't set attribute"));
        }
        let f = p.fset.clone();
        vm.call(&f, vec![a.pos[1].clone(), a.pos[2].clone()])?;
        Ok(Value::None)
    });

    for (ty, is_class) in [
        (vm.types.classmethod.clone(), true),
        (vm.types.staticmethod.clone(), false),
    ] {
        let f: crate::objects::function::NativeFn = if is_class {
            |vm, a| {
                crate::bootstrap::no_kwargs(vm, &a, "classmethod")?;
                if a.pos.len() != 2 {
                    let n = a.pos.len().saturating_sub(1);
                    return Err(vm.type_error(format!("classmethod expected 1 argument, got {n}")));
                }
                let cls = a.pos[0].as_obj().cloned().unwrap();
                let _ = vm;
                Ok(Value::Obj(Obj::new(
                    cls,
                    ObjKind::ClassMethod(a.pos[1].clone()),
                )))
            }
        } else {
            |vm, a| {
                crate::bootstrap::no_kwargs(vm, &a, "staticmethod")?;
                if a.pos.len() != 2 {
                    let n = a.pos.len().saturating_sub(1);
                    return Err(vm.type_error(format!("staticmethod expected 1 argument, got {n}")));
                }
                let cls = a.pos[0].as_obj().cloned().unwrap();
                let _ = vm;
                Ok(Value::Obj(Obj::new(
                    cls,
                    ObjKind::StaticMethod(a.pos[1].clone()),
                )))
            }
        };
        static_fn(vm, &ty, "__new__", f);
        method(vm, &ty, "__init__", |_, _| Ok(Value::None));
        method(vm, &ty, "__get__", |vm, a| {
            check_method_args(vm, &a, "__get__", 1, 2)?;
            let owner = match a.pos.get(2) {
                Some(Value::Obj(o)) if o.type_data().is_some() => o.clone(),
                _ => vm.class_of(&a.pos[1]).clone(),
            };
            vm.bind_descriptor(&a.pos[0], &a.pos[1], &owner)
        });
    }

    // The iterators.
    let iter_types = [
        vm.types.list_iterator.clone(),
        vm.types.tuple_iterator.clone(),
        vm.types.str_iterator.clone(),
        vm.types.range_iterator.clone(),
        vm.types.dict_keyiterator.clone(),
        vm.types.dict_valueiterator.clone(),
        vm.types.dict_itemiterator.clone(),
        vm.types.set_iterator.clone(),
        vm.types.callable_iterator.clone(),
        vm.types.iterator.clone(),
        vm.types.reversed.clone(),
        vm.types.enumerate.clone(),
        vm.types.zip.clone(),
        vm.types.map.clone(),
        vm.types.filter.clone(),
    ];
    for ty in &iter_types {
        method(vm, ty, "__iter__", |_, a| Ok(a.pos[0].clone()));
        method(vm, ty, "__next__", |vm, a| {
            let it = a.pos[0].clone();
            match vm.next(&it)? {
                Some(v) => Ok(v),
                None => Err(vm.stop_iteration(Value::None)),
            }
        });
        method(vm, ty, "__length_hint__", |vm, a| match a.pos[0].kind() {
            Some(ObjKind::Iter(s)) => match crate::objects::iterators::length_hint(&s.borrow()) {
                Some(n) => Ok(Value::Int(n as i64)),
                None => Ok(vm.not_implemented()),
            },
            _ => Ok(vm.not_implemented()),
        });
    }
    let e = vm.types.enumerate.clone();
    static_fn(vm, &e, "__new__", |vm, a| {
        let cls = a.pos[0].as_obj().cloned().unwrap();
        let rest = Args {
            pos: a.pos[1..].iter().cloned().collect(),
            kw: a.kw,
        };
        if rest.pos.is_empty() && rest.kwarg("iterable").is_none() {
            return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
        }
        let b = bind(vm, rest, "enumerate", &["iterable", "start"], 0, 1)?;
        // `start` is checked before the iterable, as in CPython.
        let count = match &b[1] {
            Some(s) => match vm.index_int(s)? {
                Some(v) => v,
                None => {
                    return Err(vm.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        vm.type_name(s)
                    )))
                }
            },
            None => Value::Int(0),
        };
        let it = vm.iter(b[0].as_ref().unwrap())?;
        Ok(new_iter(cls, IterState::Enumerate { it, count }))
    });
    let z = vm.types.zip.clone();
    static_fn(vm, &z, "__new__", |vm, a| {
        let cls = a.pos[0].as_obj().cloned().unwrap();
        let mut strict = false;
        for (k, v) in &a.kw {
            if crate::objects::str::str_eq(k, "strict") {
                strict = vm.truthy(v)?;
            } else {
                return Err(vm.type_error(format!(
                    "zip() got an unexpected keyword argument '{}'",
                    crate::objects::str::text(k)
                )));
            }
        }
        let mut its = Vec::new();
        for v in a.pos[1..].iter() {
            its.push(vm.iter(v)?);
        }
        Ok(new_iter(cls, IterState::Zip { its, strict }))
    });
    let m = vm.types.map.clone();
    static_fn(vm, &m, "__new__", |vm, a| {
        crate::bootstrap::no_kwargs(vm, &a, "map")?;
        let cls = a.pos[0].as_obj().cloned().unwrap();
        if a.pos.len() < 3 {
            return Err(vm.type_error("map() must have at least two arguments."));
        }
        let mut its = Vec::new();
        for v in &a.pos[2..] {
            its.push(vm.iter(v)?);
        }
        Ok(new_iter(
            cls,
            IterState::Map {
                func: a.pos[1].clone(),
                its,
            },
        ))
    });
    let f = vm.types.filter.clone();
    static_fn(vm, &f, "__new__", |vm, a| {
        crate::bootstrap::no_kwargs(vm, &a, "filter")?;
        let cls = a.pos[0].as_obj().cloned().unwrap();
        if a.pos.len() != 3 {
            return Err(vm.type_error(format!(
                "filter expected 2 arguments, got {}",
                a.pos.len() - 1
            )));
        }
        let it = vm.iter(&a.pos[2])?;
        Ok(new_iter(
            cls,
            IterState::Filter {
                func: a.pos[1].clone(),
                it,
            },
        ))
    });
    let r = vm.types.reversed.clone();
    static_fn(vm, &r, "__new__", |vm, a| {
        crate::bootstrap::no_kwargs(vm, &a, "reversed")?;
        if a.pos.len() != 2 {
            return Err(vm.type_error(format!(
                "reversed expected 1 argument, got {}",
                a.pos.len() - 1
            )));
        }
        vm.reversed(&a.pos[1])
    });

    let ga = vm.types.generic_alias.clone();
    let m = vm.new_str("types");
    crate::bootstrap::set_attr_str(vm, &ga, "__module__", m);
    method(vm, &ga, "__repr__", |vm, a| {
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
    });
    method(vm, &ga, "__call__", |vm, a| {
        let key = vm.intern("__origin__");
        let origin = vm.getattr(&a.pos[0], &key)?;
        vm.call_args(
            &origin,
            Args {
                pos: a.pos[1..].iter().cloned().collect(),
                kw: a.kw,
            },
        )
    });
    method(vm, &ga, "__mro_entries__", |vm, a| {
        let key = vm.intern("__origin__");
        let origin = vm.getattr(&a.pos[0], &key)?;
        Ok(vm.new_tuple(vec![origin]))
    });
    method(vm, &ga, "__eq__", |vm, a| {
        if !vm.class_of(&a.pos[1]).is(&vm.types.generic_alias) {
            return Ok(vm.not_implemented());
        }
        let (o, r) = (vm.intern("__origin__"), vm.intern("__args__"));
        let x = vec![vm.getattr(&a.pos[0], &o)?, vm.getattr(&a.pos[0], &r)?];
        let y = vec![vm.getattr(&a.pos[1], &o)?, vm.getattr(&a.pos[1], &r)?];
        let (x, y) = (vm.new_tuple(x), vm.new_tuple(y));
        Ok(Value::Bool(vm.eq(&x, &y)?))
    });
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
        crate::bootstrap::classmethod(vm, ty, "__class_getitem__", |vm, a| {
            check_method_args(vm, &a, "__class_getitem__", 1, 1)?;
            Ok(vm.generic_alias(a.pos[0].clone(), a.pos[1].clone()))
        });
    }
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

    let meth = vm.types.method.clone();
    method(vm, &meth, "__eq__", |vm, a| {
        check_method_args(vm, &a, "__eq__", 1, 1)?;
        match (a.pos[0].kind(), a.pos[1].kind()) {
            (
                Some(ObjKind::BoundMethod {
                    func: f1,
                    receiver: r1,
                }),
                Some(ObjKind::BoundMethod {
                    func: f2,
                    receiver: r2,
                }),
            ) => {
                let (f1, f2) = (f1.clone(), f2.clone());
                Ok(Value::Bool(r1.is(r2) && vm.eq(&f1, &f2)?))
            }
            _ => Ok(vm.not_implemented()),
        }
    });
    method(vm, &meth, "__hash__", |vm, a| match a.pos[0].kind() {
        Some(ObjKind::BoundMethod { func, receiver }) => {
            let (f, r) = (func.clone(), receiver.clone());
            let h = vm.hash(&f)? ^ vm.id_of(&r);
            Ok(Value::Int(crate::protocol::hash::fix(h)))
        }
        _ => Err(vm.type_error("expected a method")),
    });

    let none = vm.types.none.clone();
    method(vm, &none, "__repr__", |vm, _| {
        Ok(Value::Obj(vm.intern("None")))
    });
    method(vm, &none, "__bool__", |_, _| Ok(Value::Bool(false)));
    static_fn(vm, &none, "__new__", |vm, a| {
        if a.pos.len() > 1 || !a.kw.is_empty() {
            return Err(vm.type_error("NoneType takes no arguments"));
        }
        Ok(Value::None)
    });
    let ni = vm.types.not_implemented_type.clone();
    method(
        vm,
        &ni,
        "__repr__",
        |vm, _| Ok(vm.new_str("NotImplemented")),
    );
    let el = vm.types.ellipsis_type.clone();
    method(vm, &el, "__repr__", |vm, _| Ok(vm.new_str("Ellipsis")));

    let c = vm.types.complex.clone();
    static_fn(vm, &c, "__new__", complex_new);
    method(vm, &c, "__repr__", |vm, a| match a.pos[0].kind() {
        Some(ObjKind::Complex(re, im)) => {
            Ok(vm.new_string(crate::protocol::repr::complex_repr(*re, *im)))
        }
        _ => Err(vm.type_error("expected complex")),
    });
    method(vm, &c, "conjugate", |vm, a| match a.pos[0].kind() {
        Some(ObjKind::Complex(re, im)) => Ok(Value::Obj(Obj::new(
            vm.types.complex.clone(),
            ObjKind::Complex(*re, -im),
        ))),
        _ => Err(vm.type_error("expected complex")),
    });
}

fn new_iter(cls: Obj, state: IterState) -> Value {
    Value::Obj(Obj::new(cls, ObjKind::Iter(RefCell::new(state))))
}

fn range_eq(vm: &mut Vm, a: &Args, eq: bool) -> PyResult {
    crate::bootstrap::check_operand(vm, a)?;
    match (a.pos[0].as_obj(), a.pos[1].kind()) {
        (Some(x), Some(ObjKind::Range { .. })) => {
            let r = crate::objects::range::equal(x, a.pos[1].as_obj().unwrap());
            Ok(Value::Bool(r == eq))
        }
        _ => Ok(vm.not_implemented()),
    }
}

fn property_copy(vm: &mut Vm, a: &Args, which: usize) -> PyResult {
    check_method_args(vm, a, "property", 1, 1)?;
    let Some(ObjKind::Property(p)) = a.pos[0].kind() else {
        return Err(vm.type_error("expected a property"));
    };
    let mut parts = [p.fget.clone(), p.fset.clone(), p.fdel.clone()];
    parts[which] = a.pos[1].clone();
    let doc = p.doc.clone();
    let name = RefCell::new(p.name.borrow().clone());
    let [fget, fset, fdel] = parts;
    let cls = vm.class_of(&a.pos[0]).clone();
    Ok(Value::Obj(Obj::new(
        cls,
        ObjKind::Property(Box::new(Property {
            fget,
            fset,
            fdel,
            doc,
            name,
        })),
    )))
}

fn complex_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = a.pos[0].as_obj().cloned().unwrap();
    let rest = Args {
        pos: a.pos[1..].iter().cloned().collect(),
        kw: a.kw,
    };
    let b = bind(vm, rest, "complex", &["real", "imag"], 0, 0)?;
    let is_str =
        |v: &Option<Value>| matches!(v.as_ref().and_then(Value::kind), Some(ObjKind::Str(_)));
    if is_str(&b[0]) && b[1].is_some() {
        return Err(vm.type_error("complex() can't take second arg if first is a string"));
    }
    if is_str(&b[1]) {
        return Err(vm.type_error("complex() second arg can't be a string"));
    }
    let part = |vm: &mut Vm, v: &Option<Value>, first: bool| -> PyResult<(f64, f64, bool)> {
        match v {
            None => Ok((0.0, 0.0, false)),
            Some(v) => match v.kind() {
                Some(ObjKind::Complex(re, im)) => Ok((*re, *im, true)),
                Some(ObjKind::Str(s)) => {
                    let t = s.to_string_lossy().into_owned();
                    parse_complex(&t)
                        .map(|(re, im)| (re, im, true))
                        .ok_or_else(|| vm.value_error("complex() arg is a malformed string"))
                }
                _ => {
                    let cls = vm.class_of(v).clone();
                    let key = vm.intern("__complex__");
                    if let Some(m) = vm.lookup_type_obj(&cls, &key) {
                        let r = vm.call_method_value(&m, v.clone(), vec![])?;
                        return match r.kind() {
                            Some(ObjKind::Complex(re, im)) => Ok((*re, *im, true)),
                            _ => Err(vm.type_error(format!(
                                "__complex__ returned non-complex (type {})",
                                vm.type_name(&r)
                            ))),
                        };
                    }
                    let is_number =
                        ["__float__", "__index__"].iter().any(|n| {
                            let key = vm.intern(n);
                            vm.lookup_type_obj(&cls, &key).is_some()
                        }) || matches!(v, Value::Int(_) | Value::FloatBits(_) | Value::Truth(_));
                    if !is_number {
                        return Err(vm.type_error(if first {
                            format!(
                                "complex() first argument must be a string or a number, not '{}'",
                                vm.type_name(v)
                            )
                        } else {
                            format!(
                                "complex() second argument must be a number, not '{}'",
                                vm.type_name(v)
                            )
                        }));
                    }
                    Ok((vm.float_of(v)?, 0.0, false))
                }
            },
        }
    };
    let (mut re, i1, c1) = part(vm, &b[0], true)?;
    let (mut im, i2, c2) = part(vm, &b[1], false)?;
    // Only complex parts mix (plain reals keep their signed zeros).
    if c2 {
        re -= i2;
    }
    if c1 && b[1].is_some() {
        im += i1;
    } else if c1 {
        im = i1;
    }
    Ok(Value::Obj(Obj::new(cls, ObjKind::Complex(re, im))))
}

fn parse_complex(text: &str) -> Option<(f64, f64)> {
    let t = text.trim();
    let t = t
        .strip_prefix('(')
        .and_then(|x| x.strip_suffix(')'))
        .unwrap_or(t)
        .trim();
    if let Some(body) = t.strip_suffix(['j', 'J']) {
        // Split at the last sign not part of an exponent.
        let bytes = body.as_bytes();
        let mut split = None;
        for i in (1..bytes.len()).rev() {
            if (bytes[i] == b'+' || bytes[i] == b'-') && !matches!(bytes[i - 1], b'e' | b'E') {
                split = Some(i);
                break;
            }
        }
        let (re, im) = match split {
            Some(i) => (&body[..i], &body[i..]),
            None => ("", body),
        };
        let im = match im {
            "" | "+" => 1.0,
            "-" => -1.0,
            x => crate::objects::float::methods::parse_float(x)?,
        };
        let re = if re.is_empty() {
            0.0
        } else {
            crate::objects::float::methods::parse_float(re)?
        };
        return Some((re, im));
    }
    Some((crate::objects::float::methods::parse_float(t)?, 0.0))
}

/// How a type is named inside a generic alias: `int`, `mod.Class`.
fn type_name_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Obj(o) if o.type_data().is_some() => {
            let qual = o.tdata().qualname.borrow().clone();
            Ok(
                match crate::objects::typeobject::class::class_module(vm, o) {
                    Some(m) if m != "builtins" => format!("{m}.{qual}"),
                    _ => qual,
                },
            )
        }
        Value::Obj(o) if matches!(o.kind(), ObjKind::Ellipsis) => Ok("...".into()),
        _ => vm.repr_string(v),
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

impl Vm {
    /// `reversed(v)`.
    pub fn reversed(&mut self, v: &Value) -> PyResult {
        if let Some(o) = v.as_obj() {
            if !o.class().tdata().heap {
                match o.kind() {
                    ObjKind::List(l) => {
                        let n = l.borrow().len() as isize;
                        return Ok(new_iter(
                            self.types.reversed.clone(),
                            IterState::Reversed {
                                seq: v.clone(),
                                index: n - 1,
                            },
                        ));
                    }
                    ObjKind::Range { .. } => return Ok(crate::objects::range::reversed(self, o)),
                    _ => {}
                }
            }
        }
        let cls = self.class_of(v).clone();
        let name = self.names.reversed.clone();
        match self.lookup_type_obj(&cls, &name) {
            Some(Value::None) => {}
            Some(m) => return self.call_method_value(&m, v.clone(), vec![]),
            None => {
                let g = self.names.getitem.clone();
                let l = self.names.len.clone();
                let is_mapping = matches!(v.kind(), Some(ObjKind::Dict(_)));
                if !is_mapping
                    && self.lookup_type_obj(&cls, &g).is_some()
                    && self.lookup_type_obj(&cls, &l).is_some()
                {
                    let n = self.len(v)? as isize;
                    return Ok(new_iter(
                        self.types.reversed.clone(),
                        IterState::Reversed {
                            seq: v.clone(),
                            index: n - 1,
                        },
                    ));
                }
            }
        }
        Err(self.type_error(format!("'{}' object is not reversible", self.type_name(v))))
    }
}
