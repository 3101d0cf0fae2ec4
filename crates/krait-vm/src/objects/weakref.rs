//! Weak references: `weakref.ref`, `weakref.proxy` and the `_weakref`
//! module under `weakref`.
//!
//! A weak reference holds an `Rc`'s `Weak` to its referent, so reading it
//! costs an upgrade and nothing keeps the referent alive. To run
//! callbacks, a registry maps each referent's address to the weak
//! references made to it; a referent's class is flagged when any of its
//! instances is weakly referenced, so dropping an object checks the
//! registry only for such classes. Callbacks cannot run inside a Rust
//! `Drop`: they are queued and run by the VM at the next instruction
//! boundary, as `__del__` methods are.

use crate::api::{add_getsets, add_methods, FunctionDef, GetSetDef, ModuleDef, Params};
use crate::object::{ObjKind, Object};
use crate::objects::function::Args;
use crate::objects::typeobject::slots::{install, NativeType, Slots};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_compiler::code::CompareOp;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

/// What kind of weak reference an object is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum WeakKind {
    Ref,
    Proxy,
    CallableProxy,
}

pub struct WeakRef {
    target: Weak<Object>,
    callback: RefCell<Value>,
    /// The referent's hash, kept once computed (it must not change when
    /// the referent dies).
    hash: Cell<Option<i64>>,
    kind: WeakKind,
}

impl WeakRef {
    /// The referent, while it lives.
    pub fn get(&self) -> Option<Obj> {
        self.target.upgrade().map(Obj)
    }
}

thread_local! {
    /// Referent address to the weak reference objects made to it.
    static REFS: RefCell<HashMap<usize, Vec<Weak<Object>>>> = RefCell::new(HashMap::new());
    /// Callbacks of weak references whose referent died: (reference,
    /// callback), run by the VM.
    static CALLBACKS: RefCell<Vec<(Obj, Value)>> = const { RefCell::new(Vec::new()) };
}

/// Called from `Object`'s `Drop` for an instance of a class whose
/// instances were weakly referenced: queues the callbacks of the
/// references to it, the most recently made first, as CPython calls them.
pub(crate) fn referent_dying(addr: usize) {
    let Ok(Some(refs)) = REFS.try_with(|r| r.borrow_mut().remove(&addr)) else {
        return;
    };
    let mut queued = false;
    for r in refs.iter().rev() {
        let Some(r) = r.upgrade().map(Obj) else {
            continue;
        };
        let ObjKind::WeakRef(w) = r.kind() else {
            continue;
        };
        let cb = std::mem::replace(&mut *w.callback.borrow_mut(), Value::None);
        if !cb.is_none() {
            let _ = CALLBACKS.try_with(|c| c.borrow_mut().push((r.clone(), cb)));
            queued = true;
        }
    }
    if queued {
        crate::objects::generator::note_dying();
    }
}

/// The callbacks queued since the last call.
pub(crate) fn take_callbacks() -> Vec<(Obj, Value)> {
    CALLBACKS
        .try_with(|c| std::mem::take(&mut *c.borrow_mut()))
        .unwrap_or_default()
}

/// The live weak reference objects to the object at `addr`.
fn refs_to(addr: usize) -> Vec<Obj> {
    REFS.with(|r| {
        r.borrow()
            .get(&addr)
            .map(|v| v.iter().filter_map(|w| w.upgrade().map(Obj)).collect())
            .unwrap_or_default()
    })
}

/// Whether `o` can be weakly referenced: the built-in kinds CPython gives
/// a weak reference list (also as instances of subclasses: a class made by
/// a metaclass, a set subclass), and instances of classes with a
/// `__weakref__` slot.
fn weakrefable(vm: &Vm, o: &Obj) -> bool {
    let builtin_kind = matches!(
        o.kind(),
        ObjKind::Function(_)
            | ObjKind::Builtin(_)
            | ObjKind::Type(_)
            | ObjKind::Set(_)
            | ObjKind::FrozenSet(_)
            | ObjKind::Generator(_)
            | ObjKind::Module(_)
            | ObjKind::Code(_)
            | ObjKind::BoundMethod { .. }
            | ObjKind::Property(_)
            | ObjKind::Native(_)
    );
    if builtin_kind {
        return true;
    }
    let cls = o.class();
    // Generic aliases keep a weak-reference list, in subclasses too.
    if cls.is_subtype(&vm.types.generic_alias) {
        return true;
    }
    if cls.tdata().heap {
        let name = vm.names.weakref.clone();
        return crate::protocol::attr::mro_lookup(cls, &name).is_some();
    }
    false
}

impl Vm {
    /// A new weak reference of class `cls` to `target`.
    pub fn new_weakref(
        &mut self,
        cls: &Obj,
        target: &Value,
        callback: Value,
        kind: WeakKind,
    ) -> PyResult {
        let Some(o) = target.as_obj().filter(|o| weakrefable(self, o)) else {
            return Err(self.type_error(format!(
                "cannot create weak reference to '{}' object",
                self.type_name(target)
            )));
        };
        let addr = o.addr();
        // A plain `ref(x)` without a callback is shared, as in CPython.
        let plain = callback.is_none() && kind == WeakKind::Ref && cls.is(&self.types.weakref);
        if plain {
            for r in refs_to(addr) {
                if let ObjKind::WeakRef(w) = r.kind() {
                    if r.class().is(cls) && w.kind == kind && w.callback.borrow().is_none() {
                        return Ok(Value::Obj(r));
                    }
                }
            }
        }
        let r = Obj::new(
            cls.clone(),
            ObjKind::WeakRef(Box::new(WeakRef {
                target: Rc::downgrade(&o.0),
                callback: RefCell::new(callback),
                hash: Cell::new(None),
                kind,
            })),
        );
        o.class().tdata().weakly_referenced.set(true);
        REFS.with(|m| {
            let mut m = m.borrow_mut();
            let list = m.entry(addr).or_default();
            list.retain(|w| w.strong_count() > 0);
            list.push(Rc::downgrade(&r.0));
        });
        Ok(Value::Obj(r))
    }

    /// Runs the callbacks of weak references whose referents died; an
    /// error is reported and ignored, as CPython does.
    pub(crate) fn run_weakref_callbacks(&mut self) {
        for (r, cb) in take_callbacks() {
            if let Err(e) = self.call(&cb, vec![Value::Obj(r)]) {
                self.write_unraisable(&e, None, cb);
            }
        }
    }

    fn reference_error(&self) -> Obj {
        let cls = self.exception_class("ReferenceError");
        self.new_exception_msg(&cls, "weakly-referenced object no longer exists")
    }
}

fn weak(o: &Obj) -> &WeakRef {
    match o.kind() {
        ObjKind::WeakRef(w) => w,
        _ => unreachable!("weak reference slots are installed on weak reference types"),
    }
}

/// The referent of a proxy, or ReferenceError.
fn proxied(vm: &Vm, o: &Obj) -> PyResult<Value> {
    weak(o)
        .get()
        .map(Value::Obj)
        .ok_or_else(|| vm.reference_error())
}

/// A value with any proxy replaced by its referent (operands of proxy
/// operators).
fn unwrap(vm: &Vm, v: &Value) -> PyResult<Value> {
    match v.as_obj() {
        Some(o) if matches!(o.kind(), ObjKind::WeakRef(w) if w.kind != WeakKind::Ref) => {
            proxied(vm, o)
        }
        _ => Ok(v.clone()),
    }
}

struct RefType;

impl NativeType for RefType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(|vm, o| {
            let r = match weak(o).get() {
                None => format!("<weakref at {:#x}; dead>", o.addr()),
                Some(t) => {
                    let target = Value::Obj(t.clone());
                    let key = vm.intern("__name__");
                    let name = match vm.getattr(&target, &key) {
                        Ok(n) => Some(n),
                        Err(e) if e.class().is_subtype(&vm.exc.attribute_error) => None,
                        Err(e) => return Err(e),
                    };
                    let name = match name.as_ref().and_then(crate::objects::str::value_pystr) {
                        Some(n) => format!(" ({})", n.to_string_lossy()),
                        None => String::new(),
                    };
                    format!(
                        "<weakref at {:#x}; to '{}' at {:#x}{name}>",
                        o.addr(),
                        t.class().tdata().name.borrow(),
                        t.addr()
                    )
                }
            };
            Ok(vm.new_string(r))
        }),
        hash: Some(|vm, o| {
            let w = weak(o);
            if let Some(h) = w.hash.get() {
                return Ok(h);
            }
            let Some(t) = w.get() else {
                return Err(vm.type_error("weak object has gone away"));
            };
            let h = vm.hash(&Value::Obj(t))?;
            w.hash.set(Some(h));
            Ok(h)
        }),
        richcompare: Some(|vm, op, o, other| {
            if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
                return Ok(None);
            }
            let Some(ObjKind::WeakRef(w2)) = other.kind() else {
                return Ok(None);
            };
            let equal = match (weak(o).get(), w2.get()) {
                (Some(a), Some(b)) => vm.eq(&Value::Obj(a), &Value::Obj(b))?,
                _ => other.as_obj().is_some_and(|b| b.is(o)),
            };
            Ok(Some(Value::Bool(equal == (op == CompareOp::Eq))))
        }),
        call: Some(|vm, o, a| {
            if !a.pos.is_empty() || !a.kw.is_empty() {
                return Err(vm.type_error(format!(
                    "weakref() takes no arguments ({} given)",
                    a.pos.len() + a.kw.len()
                )));
            }
            Ok(weak(o).get().map_or(Value::None, Value::Obj))
        }),
        ..Slots::NONE
    };
}

struct ProxyType;

impl NativeType for ProxyType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(|vm, o| {
            let t = proxied(vm, o)?;
            let r = format!(
                "<weakproxy at {:#x}; to '{}' at {:#x}>",
                o.addr(),
                vm.type_name(&t),
                t.as_obj().map_or(0, Obj::addr)
            );
            Ok(vm.new_string(r))
        }),
        hash: Some(|vm, _| Err(vm.type_error("unhashable type: 'weakref.ProxyType'"))),
        richcompare: Some(|vm, op, o, other| {
            let a = proxied(vm, o)?;
            let b = unwrap(vm, other)?;
            vm.compare(op, &a, &b).map(Some)
        }),
        len: Some(|vm, o| {
            let t = proxied(vm, o)?;
            vm.len(&t)
        }),
        getitem: Some(|vm, o, k| {
            let t = proxied(vm, o)?;
            vm.getitem(&t, k)
        }),
        setitem: Some(|vm, o, k, v| {
            let t = proxied(vm, o)?;
            match v {
                Some(v) => vm.setitem(&t, k, v),
                None => vm.delitem(&t, &k),
            }
        }),
        contains: Some(|vm, o, k| {
            let t = proxied(vm, o)?;
            vm.contains(&t, k)
        }),
        iter: Some(|vm, o| {
            let t = proxied(vm, o)?;
            vm.iter(&t)
        }),
        next: Some(|vm, o| {
            let t = proxied(vm, o)?;
            vm.next(&t)
        }),
        binop: Some(|vm, op, a, b| {
            let (a, b) = (unwrap(vm, a)?, unwrap(vm, b)?);
            vm.binary_op(op, &a, &b).map(Some)
        }),
        getattr: Some(|vm, p, name| {
            let o = p.as_obj().expect("proxies are objects");
            let t = proxied(vm, o)?;
            vm.getattr(&t, name)
        }),
        setattr: Some(|vm, p, name, value| {
            let o = p.as_obj().expect("proxies are objects");
            let t = proxied(vm, o)?;
            match value {
                Some(v) => vm.setattr(&t, name, v),
                None => vm.delattr(&t, name),
            }
        }),
        call: Some(|vm, o, a| {
            let t = proxied(vm, o)?;
            vm.call_args(&t, a)
        }),
        ..Slots::NONE
    };
}

/// `ref(object, callback=None)`; the arguments are read by `__new__`.
const REF_PARAMS: Params = Params::Named {
    names: &["object", "callback"],
    posonly: 2,
    positional: 2,
    required: 1,
};

const REF_METHODS: &[FunctionDef] = &[
    FunctionDef::new("__new__", |vm, a| {
        let cls = a.pos[0].as_obj().cloned().expect("a class");
        let b = REF_PARAMS.bind(
            vm,
            "__new__",
            Args::new(a.pos[..a.pos.len().min(3)].to_vec()),
            1,
        )?;
        let target = b.given(1).cloned().expect("required");
        let cb = b.given(2).cloned().unwrap_or(Value::None);
        vm.new_weakref(&cls, &target, cb, WeakKind::Ref)
    }),
    // Subclasses (`KeyedRef`, `WeakMethod`) take more arguments in
    // `__new__`; `ref.__init__` accepts what `ref.__new__` did.
    FunctionDef::method("__init__", |_, _| Ok(Value::None)),
    crate::objects::generic_alias::CLASS_GETITEM,
];

const REF_ATTRIBUTES: &[GetSetDef] = &[GetSetDef::member("__callback__", |_, r| {
    let o = r.as_obj().expect("references are objects");
    Ok(weak(o).callback.borrow().clone())
})];

const PROXY_METHODS: &[FunctionDef] = &[
    FunctionDef::unary("__str__", |vm, a| {
        let t = proxied(vm, a.pos[0].as_obj().expect("a proxy"))?;
        vm.str(&t)
    }),
    FunctionDef::unary("__bool__", |vm, a| {
        let t = proxied(vm, a.pos[0].as_obj().expect("a proxy"))?;
        Ok(Value::Bool(vm.truthy(&t)?))
    }),
    FunctionDef::unary("__bytes__", |vm, a| {
        let t = proxied(vm, a.pos[0].as_obj().expect("a proxy"))?;
        let bytes = vm.types.bytes.clone();
        vm.call(&Value::Obj(bytes), vec![t])
    }),
    FunctionDef::unary("__reversed__", |vm, a| {
        let t = proxied(vm, a.pos[0].as_obj().expect("a proxy"))?;
        vm.call_method(&t, "__reversed__", vec![])
    }),
];

pub fn register(vm: &mut Vm) {
    let r = vm.types.weakref.clone();
    for ty in [
        &r,
        &vm.types.weakproxy.clone(),
        &vm.types.weakcallableproxy.clone(),
    ] {
        let m = vm.new_str("weakref");
        crate::bootstrap::set_attr_str(vm, ty, "__module__", m);
        let full = format!("weakref.{}", ty.tdata().name.borrow());
        *ty.tdata().full_name.borrow_mut() = Some(full);
    }
    add_methods(vm, &r, REF_METHODS);
    install::<RefType>(vm, &r);
    add_getsets(vm, &r, REF_ATTRIBUTES);
    for p in [
        vm.types.weakproxy.clone(),
        vm.types.weakcallableproxy.clone(),
    ] {
        install::<ProxyType>(vm, &p);
        add_methods(vm, &p, PROXY_METHODS);
    }
}

/// `_weakref`: the module `weakref` and `_weakrefset` build on.
pub const MODULE: ModuleDef = ModuleDef {
    name: "_weakref",
    doc: Some("Weak-reference support module."),
    functions: &[
        FunctionDef::new("getweakrefcount", |_, a| {
            let n = a.pos[0].as_obj().map_or(0, |o| refs_to(o.addr()).len());
            Ok(Value::Int(n as i64))
        })
        .one(),
        FunctionDef::new("getweakrefs", |vm, a| {
            let refs = a.pos[0]
                .as_obj()
                .map_or_else(Vec::new, |o| refs_to(o.addr()));
            Ok(vm.new_list(refs.into_iter().map(Value::Obj).collect()))
        })
        .one(),
        FunctionDef::new("proxy", |vm, a| {
            let target = a.pos[0].clone();
            let cb = a.pos.get(1).cloned().unwrap_or(Value::None);
            let callable = vm.is_callable(&target);
            let (cls, kind) = if callable {
                (vm.types.weakcallableproxy.clone(), WeakKind::CallableProxy)
            } else {
                (vm.types.weakproxy.clone(), WeakKind::Proxy)
            };
            vm.new_weakref(&cls, &target, cb, kind)
        })
        .args(1, 2),
        // Deletes `d[key]` if it is a dead weak reference (the callback of
        // `WeakValueDictionary`).
        FunctionDef::new("_remove_dead_weakref", |vm, a| {
            let (d, key) = (a.pos[0].clone(), a.pos[1].clone());
            let Some(ObjKind::Dict(_)) = d.kind() else {
                return Err(vm.type_error("_remove_dead_weakref() argument 1 must be dict"));
            };
            let dead = match crate::objects::dict::get(vm, d.as_obj().unwrap(), &key)? {
                Some(v) => match v.kind() {
                    Some(ObjKind::WeakRef(w)) => w.get().is_none(),
                    _ => false,
                },
                None => false,
            };
            if dead {
                vm.delitem(&d, &key)?;
            }
            Ok(Value::None)
        })
        .args(2, 2),
    ],
    init: Some(|vm, m| {
        let t = &vm.types;
        let (r, p, c) = (
            t.weakref.clone(),
            t.weakproxy.clone(),
            t.weakcallableproxy.clone(),
        );
        crate::api::add_attr(vm, m, "ref", Value::Obj(r.clone()));
        crate::api::add_attr(vm, m, "ReferenceType", Value::Obj(r));
        crate::api::add_attr(vm, m, "ProxyType", Value::Obj(p));
        crate::api::add_attr(vm, m, "CallableProxyType", Value::Obj(c));
        Ok(())
    }),
};
