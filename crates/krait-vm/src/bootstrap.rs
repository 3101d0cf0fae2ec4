//! Start-up: gives every built-in type its base classes, MRO and
//! namespace, creates the exception classes, and fills the namespaces
//! and the `builtins` and `sys` modules.

use crate::object::ObjKind;
use crate::objects::dict::table::Dict;
use crate::objects::function::{Args, BuiltinFunction, NativeFn};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

fn new_namespace(vm: &Vm) -> Obj {
    Obj::new(
        vm.types.dict.clone(),
        ObjKind::Dict(Box::new(RefCell::new(Dict::new()))),
    )
}

/// Sets a built-in type's bases and MRO and gives it a namespace.
pub fn set_bases(vm: &Vm, ty: &Obj, bases: &[Obj]) {
    let t = ty.tdata();
    *t.bases.borrow_mut() = bases.to_vec();
    for base in bases {
        base.tdata()
            .subclasses
            .borrow_mut()
            .push(std::rc::Rc::downgrade(&ty.0));
    }
    let mro = crate::objects::typeobject::c3_mro(ty, bases).unwrap_or_else(|_| vec![ty.clone()]);
    *t.mro.borrow_mut() = mro;
    if let Some(base) = bases.first() {
        crate::objects::typeobject::slots::inherit_from_base(ty, base);
    }
    ty.object().dict_or_init(|| new_namespace(vm));
}

pub fn init_types(vm: &mut Vm) {
    let object = vm.types.object.clone();
    set_bases(vm, &object, &[]);
    let t = &vm.types;
    let simple: Vec<Obj> = vec![
        t.type_.clone(),
        t.none.clone(),
        t.int.clone(),
        t.float.clone(),
        t.complex.clone(),
        t.str_.clone(),
        t.bytes.clone(),
        t.bytearray.clone(),
        t.tuple.clone(),
        t.list.clone(),
        t.dict.clone(),
        t.set.clone(),
        t.frozenset.clone(),
        t.range.clone(),
        t.slice.clone(),
        t.function.clone(),
        t.builtin_function.clone(),
        t.method.clone(),
        t.code.clone(),
        t.cell.clone(),
        t.module.clone(),
        t.generator.clone(),
        t.coroutine.clone(),
        t.async_generator.clone(),
        t.async_generator_asend.clone(),
        t.async_generator_athrow.clone(),
        t.async_generator_wrapped_value.clone(),
        t.anext_awaitable.clone(),
        t.memoryview.clone(),
        t.property.clone(),
        t.classmethod.clone(),
        t.staticmethod.clone(),
        t.super_.clone(),
        t.not_implemented_type.clone(),
        t.ellipsis_type.clone(),
        t.list_iterator.clone(),
        t.tuple_iterator.clone(),
        t.str_iterator.clone(),
        t.range_iterator.clone(),
        t.dict_keyiterator.clone(),
        t.dict_valueiterator.clone(),
        t.dict_itemiterator.clone(),
        t.set_iterator.clone(),
        t.callable_iterator.clone(),
        t.iterator.clone(),
        t.reversed.clone(),
        t.enumerate.clone(),
        t.zip.clone(),
        t.map.clone(),
        t.filter.clone(),
        t.dict_keys.clone(),
        t.dict_values.clone(),
        t.dict_items.clone(),
        t.mappingproxy.clone(),
        t.traceback.clone(),
        t.frame.clone(),
        t.member_descriptor.clone(),
        t.generic_alias.clone(),
        t.union_type.clone(),
    ];
    for ty in &simple {
        set_bases(vm, ty, std::slice::from_ref(&object));
    }
    let (bool_, int) = (vm.types.bool_.clone(), vm.types.int.clone());
    set_bases(vm, &bool_, &[int]);
    // Exception classes.
    let type_ = vm.types.type_.clone();
    let ns_vm: &Vm = vm;
    let exc = crate::objects::exceptions::ExcTypes::create(
        |name, bases| {
            let c = crate::objects::exceptions::exception_class(&type_, name);
            set_bases(ns_vm, &c, bases);
            c
        },
        &object,
    );
    vm.exc = exc;
    for (name, class) in vm.exc.all.clone() {
        let m = vm.intern("builtins");
        set_attr_str(vm, &class, "__module__", Value::Obj(m));
        let _ = name;
    }
    for ty in simple.iter().chain([&object, &bool_]) {
        let m = vm.intern("builtins");
        set_attr_str(vm, ty, "__module__", Value::Obj(m));
    }
    crate::objects::typeobject::object::register(vm);
    crate::objects::typeobject::class::register(vm);
    crate::objects::typeobject::super_::register(vm);
    crate::objects::union::register(vm);
    crate::objects::int::methods::register(vm);
    crate::objects::float::methods::register(vm);
    crate::objects::str::methods::register(vm);
    crate::objects::bytes::register(vm);
    crate::objects::bytes::methods::register(vm);
    crate::objects::exceptions::group::register(vm);
    crate::objects::list::register(vm);
    crate::objects::tuple::register(vm);
    crate::objects::dict::methods::register(vm);
    crate::objects::set::methods::register(vm);
    crate::objects::function::register(vm);
    crate::objects::range::register(vm);
    crate::objects::slice::register(vm);
    crate::objects::descr::register(vm);
    crate::objects::iterators::register(vm);
    crate::objects::generic_alias::register(vm);
    crate::objects::mappingproxy::register(vm);
    crate::objects::module::register(vm);
    crate::objects::code::register(vm);
    crate::objects::singletons::register(vm);
    crate::objects::complex::register(vm);
    crate::objects::exceptions::methods::register(vm);
    crate::objects::generator::register(vm);
    crate::objects::asyncgen::register(vm);
    crate::objects::bytes::memoryview::register(vm);
    crate::modules::builtins::register(vm);
    crate::modules::sys::register(vm);
}

/// Puts a value in a type's (or module's) namespace.
pub fn set_attr_str(vm: &mut Vm, o: &Obj, name: &str, value: Value) {
    let key = vm.intern(name);
    let d = o.object().dict_or_init(|| new_namespace(vm)).clone();
    crate::objects::dict::set_str(vm, &d, key, value);
    vm.type_modified(o);
}

pub fn builtin(
    vm: &Vm,
    name: &'static str,
    func: NativeFn,
    owner: Option<&Obj>,
    is_method: bool,
    is_classmethod: bool,
) -> Value {
    Value::Obj(Obj::new(
        vm.types.builtin_function.clone(),
        ObjKind::Builtin(Box::new(BuiltinFunction {
            name,
            func,
            receiver: Value::Null,
            owner: owner.cloned(),
            is_method,
            is_classmethod,
            module: None,
            params: if is_method && crate::objects::function::NO_ARG_METHODS.contains(&name) {
                crate::api::Params::NoArgs
            } else {
                crate::api::Params::Unchecked
            },
        })),
    ))
}

/// Adds a method (a function taking the instance first) to a type.
pub fn method(vm: &mut Vm, ty: &Obj, name: &'static str, func: NativeFn) {
    let f = builtin(vm, name, func, Some(ty), true, false);
    set_attr_str(vm, ty, name, f);
}

/// Adds a class method (taking the class first) to a type.
pub fn classmethod(vm: &mut Vm, ty: &Obj, name: &'static str, func: NativeFn) {
    let f = builtin(vm, name, func, Some(ty), false, true);
    set_attr_str(vm, ty, name, f);
}

/// Adds a plain function to a type's namespace (`__new__`, static methods).
pub fn static_fn(vm: &mut Vm, ty: &Obj, name: &'static str, func: NativeFn) {
    let f = builtin(vm, name, func, Some(ty), false, false);
    set_attr_str(vm, ty, name, f);
}

// ---- argument checking for native functions --------------------------------

/// Rejects keyword arguments: "f() takes no keyword arguments".
pub fn no_kwargs(vm: &Vm, args: &Args, name: &str) -> PyResult<()> {
    if args.kw.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{name}() takes no keyword arguments")))
    }
}

pub fn check_method_args(vm: &Vm, args: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = args.pos.len().saturating_sub(1);
    if args.kw.is_empty() && n >= min && n <= max {
        return Ok(());
    }
    // Methods taking no or one argument name their type: `list.append()`.
    let qualified = || {
        let cls = args.pos.first().map(|r| vm.class_of(r).clone());
        let owner = cls.and_then(|c| {
            c.tdata()
                .mro
                .borrow()
                .iter()
                .find(|t| !t.tdata().heap)
                .cloned()
        });
        match owner {
            Some(t) => format!("{}.{name}", t.tdata().name.borrow()),
            None => name.to_string(),
        }
    };
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", qualified())));
    }
    let msg = match (min == max, min) {
        (true, 0) => format!("{}() takes no arguments ({n} given)", qualified()),
        (true, 1) => format!("{}() takes exactly one argument ({n} given)", qualified()),
        _ => crate::api::expected_count(name, min, max, n),
    };
    Err(vm.type_error(msg))
}

/// Binds positional and keyword arguments to parameter names (for native
/// functions that accept keywords); `None` for parameters not given.
pub fn bind(
    vm: &Vm,
    args: Args,
    name: &str,
    params: &[&str],
    posonly: usize,
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    let mut out: Vec<Option<Value>> = vec![None; params.len()];
    let n = args.pos.len();
    if n > params.len() {
        let msg = if required == params.len() {
            format!(
                "{name}() takes exactly {} positional argument{} ({n} given)",
                params.len(),
                if params.len() == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{name}() takes at most {} argument{} ({n} given)",
                params.len(),
                if params.len() == 1 { "" } else { "s" }
            )
        };
        return Err(vm.type_error(msg));
    }
    for (i, v) in args.pos.into_iter().enumerate() {
        out[i] = Some(v);
    }
    for (k, v) in args.kw {
        let key = crate::objects::str::text(&k).into_owned();
        match params.iter().position(|p| *p == key) {
            Some(i) if i >= posonly => {
                if out[i].is_some() {
                    return Err(vm.type_error(format!(
                        "argument for {name}() given by name ('{key}') and position ({})",
                        i + 1
                    )));
                }
                out[i] = Some(v);
            }
            _ => {
                return Err(vm.type_error(format!(
                    "{name}() got an unexpected keyword argument '{key}'"
                )))
            }
        }
    }
    for i in 0..required {
        if out[i].is_none() {
            return Err(vm.type_error(if i < posonly || n > 0 && i < n {
                format!(
                    "{name}() takes at least {required} positional argument{} ({n} given)",
                    if required == 1 { "" } else { "s" }
                )
            } else {
                format!(
                    "{name}() missing required argument '{}' (pos {})",
                    params[i],
                    i + 1
                )
            }));
        }
    }
    Ok(out)
}
