//! The descriptor types a class body uses: `property` (with `getter`,
//! `setter`, `deleter` copies), `classmethod` and `staticmethod`.

use crate::api::{add_getsets, add_methods, check_positional, FunctionDef, GetSetDef, Params};
use crate::object::{ObjKind, Property};
use crate::objects::function::Args;
use crate::objects::typeobject::slots::{install, NativeType, Slots};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

pub fn register(vm: &mut Vm) {
    let member = vm.types.member_descriptor.clone();
    install::<MemberType>(vm, &member);
    add_getsets(vm, &member, DESCRIPTOR_ATTRIBUTES);
    let getset = vm.types.getset_descriptor.clone();
    install::<GetSetType>(vm, &getset);
    add_getsets(vm, &getset, DESCRIPTOR_ATTRIBUTES);
    let prop = vm.types.property.clone();
    add_methods(vm, &prop, PROPERTY);
    add_getsets(vm, &prop, PROPERTY_ATTRIBUTES);
    install::<PropertyType>(vm, &prop);
    let cm = vm.types.classmethod.clone();
    add_methods(vm, &cm, CLASSMETHOD);
    add_getsets(vm, &cm, WRAPPER_ATTRIBUTES);
    install::<ClassMethodType>(vm, &cm);
    let sm = vm.types.staticmethod.clone();
    add_methods(vm, &sm, STATICMETHOD);
    add_getsets(vm, &sm, WRAPPER_ATTRIBUTES);
    install::<StaticMethodType>(vm, &sm);
}

fn property(v: &Value) -> &Property {
    match v.kind() {
        Some(ObjKind::Property(p)) => p,
        _ => unreachable!("property attributes are read on properties"),
    }
}

/// Whether `f.__isabstractmethod__` is true (abstract properties and
/// methods are found by `abc` through it).
fn is_abstract(vm: &mut Vm, f: &Value) -> PyResult<bool> {
    if f.is_none() {
        return Ok(false);
    }
    let name = vm.intern("__isabstractmethod__");
    match vm.getattr(f, &name) {
        Ok(v) => vm.truthy(&v),
        Err(e) if e.class().is_subtype(&vm.exc.attribute_error) => Ok(false),
        Err(e) => Err(e),
    }
}

const PROPERTY_ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::member("fget", |_, p| Ok(property(p).fget.clone())),
    GetSetDef::member("fset", |_, p| Ok(property(p).fset.clone())),
    GetSetDef::member("fdel", |_, p| Ok(property(p).fdel.clone())),
    GetSetDef::member("__doc__", |_, p| Ok(property(p).doc.borrow().clone())).settable(
        |_, p, v| {
            *property(p).doc.borrow_mut() = v.unwrap_or(Value::None);
            Ok(())
        },
    ),
    GetSetDef::new("__isabstractmethod__", |vm, p| {
        let p = property(p);
        for f in [p.fget.clone(), p.fset.clone(), p.fdel.clone()] {
            if is_abstract(vm, &f)? {
                return Ok(Value::Bool(true));
            }
        }
        Ok(Value::Bool(false))
    }),
];

/// The function a `classmethod` or `staticmethod` wraps.
fn wrapped(v: &Value) -> &Value {
    match v.kind() {
        Some(ObjKind::ClassMethod(f) | ObjKind::StaticMethod(f)) => f,
        _ => unreachable!("read on classmethod and staticmethod objects"),
    }
}

const WRAPPER_ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::member("__func__", |_, m| Ok(wrapped(m).clone())),
    GetSetDef::member("__wrapped__", |_, m| Ok(wrapped(m).clone())),
    GetSetDef::new("__isabstractmethod__", |vm, m| {
        let f = wrapped(m).clone();
        Ok(Value::Bool(is_abstract(vm, &f)?))
    }),
];

struct PropertyType;

impl NativeType for PropertyType {
    const SLOTS: &'static Slots = &Slots {
        descr_get: Some(property_get),
        descr_set: Some(property_set),
        ..Slots::NONE
    };
}

/// The getter called on the instance.
fn property_get(vm: &mut Vm, o: &Obj, instance: &Value, _: &Obj) -> PyResult {
    let ObjKind::Property(p) = o.kind() else {
        unreachable!("property slots are installed on property")
    };
    if instance.is_null() || instance.is_none() {
        return Ok(Value::Obj(o.clone()));
    }
    if p.fget.is_none() {
        return Err(vm.property_error(p, instance, "getter"));
    }
    let g = p.fget.clone();
    vm.call(&g, vec![instance.clone()])
}

/// The setter (or deleter, without a value) called on the instance.
fn property_set(vm: &mut Vm, o: &Obj, instance: &Value, value: Option<Value>) -> PyResult<()> {
    let ObjKind::Property(p) = o.kind() else {
        unreachable!("property slots are installed on property")
    };
    let f = if value.is_some() {
        p.fset.clone()
    } else {
        p.fdel.clone()
    };
    if f.is_none() {
        let what = if value.is_some() { "setter" } else { "deleter" };
        return Err(vm.property_error(p, instance, what));
    }
    let mut args = vec![instance.clone()];
    args.extend(value);
    vm.call(&f, args).map(drop)
}

struct ClassMethodType;

impl NativeType for ClassMethodType {
    const SLOTS: &'static Slots = &Slots {
        descr_get: Some(|vm, o, _, owner| {
            let ObjKind::ClassMethod(f) = o.kind() else {
                unreachable!("classmethod slots are installed on classmethod")
            };
            Ok(vm.bound_method(f.clone(), Value::Obj(owner.clone())))
        }),
        ..Slots::NONE
    };
}

struct StaticMethodType;

impl NativeType for StaticMethodType {
    const SLOTS: &'static Slots = &Slots {
        descr_get: Some(|_, o, _, _| {
            let ObjKind::StaticMethod(f) = o.kind() else {
                unreachable!("staticmethod slots are installed on staticmethod")
            };
            Ok(f.clone())
        }),
        // Callable since 3.10: calls the function it wraps.
        call: Some(|vm, o, args| vm.call_args(&static_target(o), args)),
        ..Slots::NONE
    };
}

fn static_target(o: &Obj) -> Value {
    let ObjKind::StaticMethod(f) = o.kind() else {
        unreachable!("staticmethod slots are installed on staticmethod")
    };
    f.clone()
}

/// `property(fget=None, fset=None, fdel=None, doc=None)`.
const PROPERTY_PARAMS: Params = Params::Named {
    names: &["fget", "fset", "fdel", "doc"],
    posonly: 0,
    positional: 4,
    required: 0,
};

/// `__get__(instance, owner=None)`, a slot wrapper.
const fn get_wrapper(func: crate::objects::function::NativeFn) -> FunctionDef {
    FunctionDef::method("__get__", func).wrapper_range(1, 2)
}

const PROPERTY: &[FunctionDef] = &[
    // Arguments are bound in `__new__`: property objects are immutable.
    FunctionDef::new("__new__", |vm, a| {
        let cls = a.pos[0].as_obj().cloned().unwrap();
        let b = PROPERTY_PARAMS.bind(vm, "property", a, 1)?;
        let get = |i: usize| b.given(i + 1).cloned().unwrap_or(Value::None);
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
                doc: RefCell::new(doc),
                name: RefCell::new(Value::None),
            })),
        )))
    }),
    FunctionDef::method("__init__", |_, _| Ok(Value::None)),
    FunctionDef::method("__set_name__", |vm, a| {
        // CPython's property.__set_name__ counts like a Python function.
        if a.pos.len() != 3 || !a.kw.is_empty() {
            let n = a.pos.len().saturating_sub(1);
            return Err(vm.type_error(format!(
                "__set_name__() takes 2 positional arguments but {n} were given"
            )));
        }
        if let Some(ObjKind::Property(p)) = a.pos[0].kind() {
            *p.name.borrow_mut() = a.pos[2].clone();
        }
        Ok(Value::None)
    }),
    FunctionDef::method("getter", |vm, a| property_copy(vm, &a, 0)).one(),
    FunctionDef::method("setter", |vm, a| property_copy(vm, &a, 1)).one(),
    FunctionDef::method("deleter", |vm, a| property_copy(vm, &a, 2)).one(),
    get_wrapper(|vm, a| {
        // The getter itself (not `bind_descriptor`, which would find a
        // subclass's own `__get__` again).
        let Some(o) = a.pos[0]
            .as_obj()
            .filter(|o| matches!(o.kind(), ObjKind::Property(_)))
        else {
            return Err(vm.type_error("descriptor '__get__' requires a 'property' object"));
        };
        let owner = vm.class_of(&a.pos[1]).clone();
        property_get(vm, o, &a.pos[1], &owner)
    }),
    FunctionDef::method("__set__", |vm, a| {
        let Some(ObjKind::Property(p)) = a.pos[0].kind() else {
            return Ok(Value::None);
        };
        if p.fset.is_none() {
            return Err(vm.attribute_error("can't set attribute"));
        }
        let f = p.fset.clone();
        vm.call(&f, vec![a.pos[1].clone(), a.pos[2].clone()])?;
        Ok(Value::None)
    })
    .wrapper(2, true),
];

/// `__get__` of `classmethod` and `staticmethod`: what the descriptor
/// binds to, by the type's own slot (a subclass's `__get__` may call it).
fn wrapper_get<T: NativeType>(vm: &mut Vm, a: Args) -> PyResult {
    let owner = match a.pos.get(2) {
        Some(Value::Obj(o)) if o.type_data().is_some() => o.clone(),
        _ => vm.class_of(&a.pos[1]).clone(),
    };
    let get = T::SLOTS.descr_get.expect("a descriptor type");
    match &a.pos[0] {
        Value::Obj(o) => get(vm, o, &a.pos[1], &owner),
        other => Ok(other.clone()),
    }
}

/// `classmethod(f)` and `staticmethod(f)`: the wrapper of one callable,
/// of class `a.pos[0]`.
fn wrap_callable(vm: &mut Vm, a: Args, name: &str, kind: fn(Value) -> ObjKind) -> PyResult {
    check_positional(vm, &a, name, 1, 1, 1)?;
    let cls = a.pos[0].as_obj().cloned().unwrap();
    Ok(Value::Obj(Obj::new(cls, kind(a.pos[1].clone()))))
}

const CLASSMETHOD: &[FunctionDef] = &[
    FunctionDef::new("__new__", |vm, a| {
        wrap_callable(vm, a, "classmethod", ObjKind::ClassMethod)
    }),
    FunctionDef::method("__init__", |_, _| Ok(Value::None)),
    get_wrapper(wrapper_get::<ClassMethodType>),
];

const STATICMETHOD: &[FunctionDef] = &[
    FunctionDef::new("__new__", |vm, a| {
        wrap_callable(vm, a, "staticmethod", ObjKind::StaticMethod)
    }),
    FunctionDef::method("__init__", |_, _| Ok(Value::None)),
    get_wrapper(wrapper_get::<StaticMethodType>),
    FunctionDef::method("__call__", |vm, a| {
        let this = a.pos[0].as_obj().cloned().expect("a staticmethod");
        let args = Args {
            pos: a.pos[1..].iter().cloned().collect(),
            kw: a.kw,
        };
        vm.call_args(&static_target(&this), args)
    }),
];

fn property_copy(vm: &mut Vm, a: &Args, which: usize) -> PyResult {
    let Some(ObjKind::Property(p)) = a.pos[0].kind() else {
        return Err(vm.type_error("expected a property"));
    };
    let mut parts = [p.fget.clone(), p.fset.clone(), p.fdel.clone()];
    parts[which] = a.pos[1].clone();
    let doc = RefCell::new(p.doc.borrow().clone());
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

/// The descriptor of a `__slots__` entry, or of a field of a built-in
/// type (`function.__globals__`).
pub struct MemberType;

impl NativeType for MemberType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(|vm, o| descr_repr(vm, o, "member")),
        descr_get: Some(member_get),
        descr_set: Some(member_set),
        ..Slots::NONE
    };
}

/// The descriptor of an attribute a built-in type computes.
pub struct GetSetType;

impl NativeType for GetSetType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(|vm, o| descr_repr(vm, o, "attribute")),
        descr_get: Some(getset_get),
        descr_set: Some(getset_set),
        ..Slots::NONE
    };
}

/// A member's or computed attribute's name and the class it belongs to.
fn descr_parts(o: &Obj) -> (&str, &Obj) {
    match o.kind() {
        ObjKind::Member { name, owner, .. } => (name.as_str(), owner),
        ObjKind::GetSet { def, owner } => (def.name, owner),
        _ => unreachable!("descriptor slots are installed on the descriptor types"),
    }
}

/// `<member 'x' of 'A' objects>`, `<attribute '__code__' of 'function' objects>`.
fn descr_repr(vm: &mut Vm, o: &Obj, what: &str) -> PyResult {
    let (name, owner) = descr_parts(o);
    let r = format!("<{what} '{name}' of '{}' objects>", owner.type_name());
    Ok(vm.new_string(r))
}

/// `__name__`, `__qualname__` and `__objclass__` of both descriptor types.
const DESCRIPTOR_ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::new("__name__", |vm, d| {
        let name = descr_parts(receiver(d)).0.to_string();
        Ok(vm.new_string(name))
    }),
    GetSetDef::new("__qualname__", |vm, d| {
        let (name, owner) = descr_parts(receiver(d));
        let q = format!("{}.{name}", owner.tdata().qualname.borrow());
        Ok(vm.new_string(q))
    }),
    GetSetDef::new("__objclass__", |_, d| {
        Ok(Value::Obj(descr_parts(receiver(d)).1.clone()))
    }),
];

/// The descriptor a getter of `DESCRIPTOR_ATTRIBUTES` is called on.
fn receiver(v: &Value) -> &Obj {
    v.as_obj().expect("descriptors are objects")
}

/// A computed attribute read on an instance (or the descriptor itself,
/// on the class).
fn getset_get(vm: &mut Vm, o: &Obj, instance: &Value, _: &Obj) -> PyResult {
    let ObjKind::GetSet { def, owner } = o.kind() else {
        return member_get(vm, o, instance, owner_of(o));
    };
    if instance.is_null() {
        return Ok(Value::Obj(o.clone()));
    }
    if !vm.class_of(instance).is_subtype(owner) {
        return Err(member_misapplied(vm, o, instance));
    }
    (def.get)(vm, instance)
}

fn owner_of(o: &Obj) -> &Obj {
    descr_parts(o).1
}

/// A computed attribute set (or deleted) on an instance.
fn getset_set(vm: &mut Vm, o: &Obj, instance: &Value, value: Option<Value>) -> PyResult<()> {
    let ObjKind::GetSet { def, owner } = o.kind() else {
        return member_set(vm, o, instance, value);
    };
    if !vm.class_of(instance).is_subtype(owner) {
        return Err(member_misapplied(vm, o, instance));
    }
    match def.set {
        Some(set) => set(vm, instance, value),
        None if def.member => Err(vm.attribute_error("readonly attribute")),
        None => Err(vm.attribute_error(format!(
            "attribute '{}' of '{}' objects is not writable",
            def.name,
            owner.tdata().name.borrow()
        ))),
    }
}

/// "descriptor 'x' for 'A' objects doesn't apply to a 'B' object".
fn member_misapplied(vm: &Vm, o: &Obj, instance: &Value) -> Obj {
    let (name, owner) = descr_parts(o);
    vm.type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        name,
        owner.tdata().name.borrow(),
        vm.type_name(instance)
    ))
}

/// The instance's value in the slot.
fn member_get(vm: &mut Vm, o: &Obj, instance: &Value, owner: &Obj) -> PyResult {
    let ObjKind::Member { name, index, owner } = o.kind() else {
        return getset_get(vm, o, instance, owner);
    };
    if instance.is_null() {
        return Ok(Value::Obj(o.clone()));
    }
    match instance.kind() {
        Some(ObjKind::Slots(s)) if vm.class_of(instance).is_subtype(owner) => {
            let v = s.borrow().get(*index).cloned().unwrap_or(Value::Null);
            if v.is_null() {
                return Err(vm.attribute_error(format!(
                    "'{}' object has no attribute '{}'",
                    vm.type_name(instance),
                    name
                )));
            }
            Ok(v)
        }
        Some(ObjKind::Tuple(_)) if vm.class_of(instance).is_subtype(owner) => {
            Ok(crate::objects::structseq::field(instance, *index, name).unwrap_or(Value::None))
        }
        _ => Err(member_misapplied(vm, o, instance)),
    }
}

/// Sets (or empties, without a value) the instance's slot.
fn member_set(vm: &mut Vm, o: &Obj, instance: &Value, value: Option<Value>) -> PyResult<()> {
    let ObjKind::Member { name, index, owner } = o.kind() else {
        return getset_set(vm, o, instance, value);
    };
    let s = match instance.kind() {
        Some(ObjKind::Slots(s)) => s,
        Some(ObjKind::Tuple(_)) if vm.class_of(instance).is_subtype(owner) => {
            return Err(vm.attribute_error("readonly attribute"));
        }
        _ => return Err(member_misapplied(vm, o, instance)),
    };
    if !vm.class_of(instance).is_subtype(owner) {
        return Err(member_misapplied(vm, o, instance));
    }
    let deleting = value.is_none();
    let old = std::mem::replace(&mut s.borrow_mut()[*index], value.unwrap_or(Value::Null));
    if deleting && old.is_null() {
        return Err(vm.attribute_error(name.as_str()));
    }
    drop(old);
    Ok(())
}
