//! `_functools`: `partial`, `reduce` and `cmp_to_key`, under `functools`
//! (which keeps its pure-Python `lru_cache`).
//!
//! `partial` is native so that calling one adds no frame to tracebacks
//! and a partial of a plain partial is flattened, as CPython's are.

use krait_vm::api::{
    add_attr, dict_items, native_data, tuple_items, Args, CompareOp, FunctionDef as F, GetSetDef,
    ModuleDef, NativeType, Obj, PyResult, Slots, TypeDef, Value, Vm,
};
use std::cell::RefCell;

pub const MODULE: ModuleDef = ModuleDef {
    name: "_functools",
    doc: Some("Tools that operate on functions."),
    functions: &[
        F::new("reduce", reduce).args(2, 3),
        F::new("cmp_to_key", cmp_to_key).named(&["mycmp"], 0, 1, 1),
    ],
    init: Some(init),
};

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    let partial = vm.new_native_base_type::<PartialType>(&PARTIAL_TYPE);
    vm.give_instances_dicts(&partial);
    krait_vm::api::add_getsets(vm, &partial, PARTIAL_ATTRIBUTES);
    krait_vm::api::add_methods(vm, &partial, &[krait_vm::api::GENERIC_CLASS_GETITEM]);
    add_attr(vm, m, "partial", Value::Obj(partial));
    let key = vm.new_native_type::<KeyWrapperType>(&KEY_WRAPPER_TYPE);
    krait_vm::api::add_getsets(vm, &key, KEY_WRAPPER_ATTRIBUTES);
    // Unhashable, as CPython marks it (so not `collections.abc.Hashable`).
    add_attr(vm, &key, "__hash__", Value::None);
    add_attr(vm, m, "KeyWrapper", Value::Obj(key));
    Ok(())
}

// ---- partial -------------------------------------------------------------

struct Partial {
    func: RefCell<Value>,
    /// A tuple.
    args: RefCell<Value>,
    /// A dict.
    keywords: RefCell<Value>,
}

fn partial_of(o: &Obj) -> &Partial {
    native_data::<Partial>(o).expect("partial methods are on partials")
}

fn partial_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = a.pos[0].as_obj().cloned().expect("a class");
    let Some(func) = a.pos.get(1).cloned() else {
        return Err(vm.type_error("type 'partial' takes at least one argument"));
    };
    if !vm.is_callable(&func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let mut args: Vec<Value> = a.pos[2..].to_vec();
    let mut keywords: Vec<(Value, Value)> =
        a.kw.iter()
            .map(|(k, v)| (Value::Obj(k.clone()), v.clone()))
            .collect();
    let mut func = func;
    // A partial of a partial (of this type's call, with no attributes of
    // its own) is flattened into one.
    let inner = func.as_obj().filter(|f| {
        native_data::<Partial>(f).is_some() && f.object().dict().is_none_or(dict_is_empty)
    });
    if let Some(inner) = inner.cloned() {
        let p = partial_of(&inner);
        let mut merged = tuple_items(&p.args.borrow()).unwrap_or_default();
        merged.extend(args);
        args = merged;
        let mut kw = dict_items(&p.keywords.borrow()).unwrap_or_default();
        for (k, v) in keywords {
            kw.retain(|(old, _)| !same_key(old, &k));
            kw.push((k, v));
        }
        keywords = kw;
        let f = p.func.borrow().clone();
        func = f;
    }
    let args = vm.new_tuple(args);
    let kw = vm.new_dict();
    for (k, v) in keywords {
        vm.setitem(&kw, k, v)?;
    }
    Ok(vm.new_native(
        &cls,
        Partial {
            func: RefCell::new(func),
            args: RefCell::new(args),
            keywords: RefCell::new(kw),
        },
    ))
}

fn dict_is_empty(d: &Obj) -> bool {
    dict_items(&Value::Obj(d.clone())).is_none_or(|items| items.is_empty())
}

/// Keyword names are strings: equal text is the same key.
fn same_key(a: &Value, b: &Value) -> bool {
    match (krait_vm::api::str_value(a), krait_vm::api::str_value(b)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

fn partial_call(vm: &mut Vm, o: &Obj, a: Args) -> PyResult {
    let p = partial_of(o);
    let func = p.func.borrow().clone();
    let mut pos = tuple_items(&p.args.borrow()).unwrap_or_default();
    pos.extend(a.pos);
    let mut call = Args::new(pos);
    let stored = dict_items(&p.keywords.borrow()).unwrap_or_default();
    for (k, v) in stored {
        if a.kw
            .iter()
            .any(|(name, _)| same_key(&Value::Obj(name.clone()), &k))
        {
            continue;
        }
        match k {
            Value::Obj(k) if krait_vm::api::str_value(&Value::Obj(k.clone())).is_some() => {
                call.kw.push((k, v))
            }
            _ => return Err(vm.type_error("keywords must be strings")),
        }
    }
    call.kw.extend(a.kw);
    vm.call_args(&func, call)
}

fn partial_repr(vm: &mut Vm, o: &Obj) -> PyResult {
    let name = o.class().type_name();
    if !vm.repr_enter(o) {
        return Ok(vm.new_str("..."));
    }
    let text = partial_repr_inner(vm, o);
    vm.repr_leave(o);
    Ok(vm.new_string(format!("{name}({})", text?)))
}

fn partial_repr_inner(vm: &mut Vm, o: &Obj) -> PyResult<String> {
    let p = partial_of(o);
    let func = p.func.borrow().clone();
    let mut parts = vec![vm.repr_string(&func)?];
    for v in tuple_items(&p.args.borrow()).unwrap_or_default() {
        parts.push(vm.repr_string(&v)?);
    }
    for (k, v) in dict_items(&p.keywords.borrow()).unwrap_or_default() {
        let key = vm.str_string(&k)?;
        parts.push(format!("{key}={}", vm.repr_string(&v)?));
    }
    Ok(parts.join(", "))
}

fn partial_reduce(vm: &mut Vm, a: Args) -> PyResult {
    let o = a.pos[0].as_obj().cloned().expect("a partial");
    let p = partial_of(&o);
    let func = p.func.borrow().clone();
    let args = p.args.borrow().clone();
    let kw = p.keywords.borrow().clone();
    let dict = o
        .object()
        .dict()
        .map_or(Value::None, |d| Value::Obj(d.clone()));
    let cls = Value::Obj(o.class().clone());
    let ctor_args = vm.new_tuple(vec![func.clone()]);
    let state = vm.new_tuple(vec![func, args, kw, dict]);
    Ok(vm.new_tuple(vec![cls, ctor_args, state]))
}

fn partial_setstate(vm: &mut Vm, a: Args) -> PyResult {
    let o = a.pos[0].as_obj().cloned().expect("a partial");
    let state = match tuple_items(&a.pos[1]) {
        Some(items) => items,
        None => return Err(vm.type_error("argument to __setstate__ must be a tuple")),
    };
    let [func, args, kw, dict] = state.as_slice() else {
        return Err(vm.type_error("invalid partial state"));
    };
    let kw_ok = kw.is_none() || dict_items(kw).is_some();
    if !vm.is_callable(func) || tuple_items(args).is_none() || !kw_ok {
        return Err(vm.type_error("invalid partial state"));
    }
    // An exact tuple and an exact dict are kept as they are (so a copy
    // shares them, as CPython's does); others are copied.
    let args = if vm.type_name(args) == "tuple" {
        args.clone()
    } else {
        vm.new_tuple(tuple_items(args).unwrap_or_default())
    };
    let kw = match kw {
        Value::None => vm.new_dict(),
        d if vm.type_name(d) == "dict" => d.clone(),
        d => {
            let copy = vm.new_dict();
            for (k, v) in dict_items(d).unwrap_or_default() {
                vm.setitem(&copy, k, v)?;
            }
            copy
        }
    };
    let p = partial_of(&o);
    *p.func.borrow_mut() = func.clone();
    *p.args.borrow_mut() = args;
    *p.keywords.borrow_mut() = kw;
    let own = vm.getattr_str(&Value::Obj(o.clone()), "__dict__")?;
    vm.call_method(&own, "clear", vec![])?;
    if !dict.is_none() {
        vm.call_method(&own, "update", vec![dict.clone()])?;
    }
    Ok(Value::None)
}

struct PartialType;

impl NativeType for PartialType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(partial_repr),
        call: Some(partial_call),
        ..Slots::NONE
    };
}

const PARTIAL_TYPE: TypeDef = TypeDef {
    name: "partial",
    module: "functools",
    doc: Some("partial(func, *args, **keywords) - new function with partial application\n    of the given arguments and keywords.\n"),
    methods: &[
        F::new("__new__", partial_new),
        F::method("__reduce__", partial_reduce).no_args(),
        F::method("__setstate__", partial_setstate).one(),
    ],
};

fn readonly(vm: &mut Vm, _: &Value, _: Option<Value>) -> PyResult<()> {
    Err(vm.attribute_error("readonly attribute"))
}

const PARTIAL_ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::new("func", |_, o| {
        Ok(partial_of(o.as_obj().expect("a partial"))
            .func
            .borrow()
            .clone())
    })
    .settable(readonly),
    GetSetDef::new("args", |_, o| {
        Ok(partial_of(o.as_obj().expect("a partial"))
            .args
            .borrow()
            .clone())
    })
    .settable(readonly),
    GetSetDef::new("keywords", |_, o| {
        Ok(partial_of(o.as_obj().expect("a partial"))
            .keywords
            .borrow()
            .clone())
    })
    .settable(readonly),
];

// ---- reduce --------------------------------------------------------------

fn reduce(vm: &mut Vm, a: Args) -> PyResult {
    let func = a.pos[0].clone();
    let it = match vm.iter(&a.pos[1]) {
        Ok(it) => it,
        Err(e) => {
            let type_error = vm.exception_class("TypeError");
            if e.class().is_subtype(&type_error) {
                return Err(vm.type_error("reduce() arg 2 must support iteration"));
            }
            return Err(e);
        }
    };
    let mut acc = a.pos.get(2).cloned();
    while let Some(item) = vm.next(&it)? {
        acc = Some(match acc {
            None => item,
            Some(prev) => vm.call(&func, vec![prev, item])?,
        });
    }
    acc.ok_or_else(|| vm.type_error("reduce() of empty iterable with no initial value"))
}

// ---- cmp_to_key ----------------------------------------------------------

struct KeyWrapper {
    cmp: Value,
    obj: Value,
}

fn cmp_to_key(vm: &mut Vm, a: Args) -> PyResult {
    let cmp = a.pos[0].clone();
    let cls = vm.native_class("_functools", "KeyWrapper")?;
    // The key function: a KeyWrapper without an object, which wraps the
    // object it is called with.
    Ok(vm.new_native(
        &cls,
        KeyWrapper {
            cmp,
            obj: Value::Null,
        },
    ))
}

fn key_of(o: &Obj) -> &KeyWrapper {
    native_data::<KeyWrapper>(o).expect("KeyWrapper methods are on KeyWrappers")
}

const KEY_CALL_PARAMS: krait_vm::api::Params = krait_vm::api::Params::Named {
    names: &["obj"],
    posonly: 0,
    positional: 1,
    required: 1,
};

fn key_call(vm: &mut Vm, o: &Obj, a: Args) -> PyResult {
    let b = KEY_CALL_PARAMS.bind(vm, "K", a, 0)?;
    let obj = b.given(0).cloned().unwrap_or(Value::None);
    let cmp = key_of(o).cmp.clone();
    Ok(vm.new_native(o.class(), KeyWrapper { cmp, obj }))
}

fn key_compare(vm: &mut Vm, op: CompareOp, a: &Obj, b: &Value) -> PyResult<Option<Value>> {
    let Some(other) = b.as_obj().and_then(native_data::<KeyWrapper>) else {
        return Err(vm.type_error("other argument must be K instance"));
    };
    let mine = key_of(a);
    let r = vm.call(&mine.cmp, vec![mine.obj.clone(), other.obj.clone()])?;
    vm.compare(op, &r, &Value::Int(0)).map(Some)
}

struct KeyWrapperType;

impl NativeType for KeyWrapperType {
    const SLOTS: &'static Slots = &Slots {
        call: Some(key_call),
        richcompare: Some(key_compare),
        hash: Some(|vm, o| {
            let name = o.class().type_name();
            Err(vm.type_error(format!("unhashable type: '{name}'")))
        }),
        ..Slots::NONE
    };
}

const KEY_WRAPPER_TYPE: TypeDef = TypeDef {
    name: "KeyWrapper",
    module: "functools",
    doc: None,
    methods: &[],
};

const KEY_WRAPPER_ATTRIBUTES: &[GetSetDef] = &[GetSetDef::new("obj", |vm, o| {
    match &key_of(o.as_obj().expect("a KeyWrapper")).obj {
        Value::Null => Err(vm.attribute_error("obj")),
        v => Ok(v.clone()),
    }
})];
