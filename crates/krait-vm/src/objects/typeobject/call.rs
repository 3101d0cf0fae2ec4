//! Calling a class: `__new__` then `__init__` (with a plan remembered per
//! class version), and `isinstance`/`issubclass` with their hooks.

use super::object::{alloc_instance, inherits_object_method, object_new};
use crate::object::ObjKind;
use crate::objects::function::Args;
use crate::objects::typeobject::{Layout, NewPlan};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use smallvec::SmallVec;

impl Vm {
    /// `cls(*args, **kwargs)`.
    pub fn call_type(&mut self, cls: &Obj, args: Args) -> PyResult {
        let meta = cls.class().clone();
        if meta.tdata().heap {
            let call = self.names.call.clone();
            if let Some(m) = self.lookup_type_obj(&meta, &call) {
                let is_type_call = matches!(m.kind(), Some(ObjKind::Builtin(b)) if b.name == "__call__" && b.owner.as_ref().is_some_and(|o| o.is(&self.types.type_)));
                if !is_type_call {
                    // Bound as any method is: a `__call__` that is no
                    // descriptor (typing's `_TypedDictMeta.__call__ = dict`)
                    // is called without the class.
                    return self.call_method_value_kw(&m, Value::Obj(cls.clone()), args);
                }
            }
        }
        self.type_call(cls, args)
    }

    /// How calling `cls` makes an instance (remembered until the class or
    /// its MRO changes).
    pub fn new_plan(&mut self, cls: &Obj) -> NewPlan {
        let t = cls.tdata();
        {
            let plan = t.new_plan.borrow();
            if plan.0 == t.version.get() {
                return plan.1.clone();
            }
        }
        let plan = self.work_out_new_plan(cls);
        *t.new_plan.borrow_mut() = (t.version.get(), plan.clone());
        plan
    }

    fn work_out_new_plan(&mut self, cls: &Obj) -> NewPlan {
        let new_name = self.names.new.clone();
        let is_native = |v: &Option<Value>, owner: &Obj, name: &str| matches!(v.as_ref().and_then(Value::kind), Some(ObjKind::Builtin(b)) if b.is_named(Some(owner), name));
        let (object, base_exception) = (self.types.object.clone(), self.exc.base_exception.clone());
        let new = self.lookup_type_obj(cls, &new_name);
        if is_native(&new, &base_exception, "__new__") && !cls.is_subtype(&self.exc.os_error) {
            // (`OSError.__new__` may pick a subclass by errno.)
            let init_name = self.names.init.clone();
            return match self.lookup_type_obj(cls, &init_name) {
                Some(Value::Obj(f)) if matches!(f.kind(), ObjKind::Function(_)) => {
                    NewPlan::ExcInit(f)
                }
                _ => NewPlan::General,
            };
        }
        if !is_native(&new, &object, "__new__") {
            return NewPlan::General;
        }
        // object.__new__'s own checks must pass for an argument-less call.
        let t = cls.tdata();
        let layout_ok = matches!(t.layout, Layout::Object)
            && (t.heap || cls.is(&self.types.object) || t.base_ok);
        if !layout_ok
            || cls
                .object()
                .dict()
                .is_some_and(|d| crate::objects::dict::get_str(d, "__abstractmethods__").is_some())
        {
            return NewPlan::General;
        }
        let init_name = self.names.init.clone();
        let init = self.lookup_type_obj(cls, &init_name);
        if is_native(&init, &object, "__init__") {
            return NewPlan::Bare;
        }
        match init {
            Some(Value::Obj(f)) if matches!(f.kind(), ObjKind::Function(_)) => NewPlan::PyInit(f),
            _ => NewPlan::General,
        }
    }

    /// `type.__call__`: `__new__`, then `__init__` when `__new__` returned
    /// an instance of the class.
    pub fn type_call(&mut self, cls: &Obj, args: Args) -> PyResult {
        // `range` has no subclasses and takes no keywords.
        if cls.is(&self.types.range) && args.kw.is_empty() {
            return crate::objects::range::new(self, &args.pos);
        }
        if args.pos.len() == 1 && args.kw.is_empty() {
            let arg = &args.pos[0];
            if cls.is(&self.types.type_) {
                return Ok(Value::Obj(self.class_of(arg).clone()));
            }
            // The conversions programs call most, without the generic
            // `__new__`/`__init__` protocol (these types' own methods do
            // nothing more).
            if cls.is(&self.types.str_) {
                return self.str(arg);
            }
            if cls.is(&self.types.tuple) {
                if let Some(o) = arg.as_obj().filter(|o| o.class().is(&self.types.tuple)) {
                    return Ok(Value::Obj(o.clone()));
                }
                let items = self.iterate(arg)?;
                return Ok(self.new_tuple(items));
            }
            if cls.is(&self.types.list) {
                let items = self.iterate(arg)?;
                return Ok(self.new_list(items));
            }
        }
        match self.new_plan(cls) {
            NewPlan::PyInit(init) => {
                let obj = alloc_instance(self, cls);
                let mut pos: SmallVec<[Value; 6]> = SmallVec::with_capacity(args.pos.len() + 1);
                pos.push(obj.clone());
                pos.extend(args.pos);
                let r = self.call_function(&init, Args { pos, kw: args.kw })?;
                if !r.is_none() {
                    return Err(self.init_returned(&r));
                }
                return Ok(obj);
            }
            NewPlan::Bare if args.pos.is_empty() && args.kw.is_empty() => {
                return Ok(alloc_instance(self, cls));
            }
            _ => {}
        }
        let new_name = self.names.new.clone();
        let new = self.lookup_type_obj(cls, &new_name);
        let obj = match &new {
            Some(Value::Obj(f)) if matches!(f.kind(), ObjKind::Builtin(b) if b.is_named(Some(&self.types.object), "__new__")) =>
            {
                // A native type that makes no instances of its own has
                // only object's `__new__` (CPython's null `tp_new`).
                if cls.tdata().layout == Layout::Special && !cls.tdata().heap {
                    return Err(
                        self.type_error(format!("cannot create '{}' instances", cls.type_name()))
                    );
                }
                // Common case: checks of object.__new__ without the call.
                let excess = !args.pos.is_empty() || !args.kw.is_empty();
                if excess && inherits_object_method(self, cls, "__init__") {
                    return Err(self.type_error(format!(
                        "{}() takes no arguments",
                        cls.tdata().name.borrow()
                    )));
                }
                let mut a = Args {
                    pos: SmallVec::new(),
                    kw: Vec::new(),
                };
                a.pos.push(Value::Obj(cls.clone()));
                object_new(self, a)?
            }
            Some(f) => {
                let f = match f.kind() {
                    Some(ObjKind::StaticMethod(inner)) => inner.clone(),
                    _ => f.clone(),
                };
                let mut pos: SmallVec<[Value; 6]> = SmallVec::with_capacity(args.pos.len() + 1);
                pos.push(Value::Obj(cls.clone()));
                pos.extend(args.pos.iter().cloned());
                self.call_args(
                    &f,
                    Args {
                        pos,
                        kw: args.kw.clone(),
                    },
                )?
            }
            None => {
                return Err(self.type_error(format!(
                    "cannot create '{}' instances",
                    cls.tdata().name.borrow()
                )))
            }
        };
        let ocls = self.class_of(&obj).clone();
        if !ocls.is_subtype(cls) {
            return Ok(obj);
        }
        let init_name = self.names.init.clone();
        if let Some(init) = self.lookup_type_obj(&ocls, &init_name) {
            if let Some(ObjKind::Builtin(b)) = init.kind() {
                if b.is_named(Some(&self.types.object), "__init__") {
                    return Ok(obj);
                }
            }
            let mut pos: SmallVec<[Value; 6]> = SmallVec::with_capacity(args.pos.len() + 1);
            pos.push(obj.clone());
            pos.extend(args.pos);
            let r = match init.kind() {
                Some(ObjKind::Function(_)) => {
                    let f = init.as_obj().unwrap().clone();
                    self.call_function(&f, Args { pos, kw: args.kw })?
                }
                _ => {
                    pos.remove(0);
                    self.call_method_value_kw(&init, obj.clone(), Args { pos, kw: args.kw })?
                }
            };
            if !r.is_none() {
                return Err(self.init_returned(&r));
            }
        }
        Ok(obj)
    }

    /// The TypeError for an `__init__` that returned something.
    pub fn init_returned(&self, r: &Value) -> Obj {
        self.type_error(format!(
            "__init__() should return None, not '{}'",
            self.type_name(r)
        ))
    }

    /// Calls a method found on a type, binding it to `receiver`, with
    /// keyword arguments.
    pub fn call_method_value_kw(&mut self, m: &Value, receiver: Value, args: Args) -> PyResult {
        match m.kind() {
            Some(ObjKind::Function(_)) | Some(ObjKind::Builtin(_)) => {
                let is_plain = match m.kind() {
                    Some(ObjKind::Builtin(b)) => b.is_method && b.receiver.is_null(),
                    _ => true,
                };
                if is_plain {
                    let mut pos: SmallVec<[Value; 6]> = SmallVec::with_capacity(args.pos.len() + 1);
                    pos.push(receiver);
                    pos.extend(args.pos);
                    return self.call_args(m, Args { pos, kw: args.kw });
                }
                let cls = self.class_of(&receiver).clone();
                let bound = self.bind_descriptor(m, &receiver, &cls)?;
                self.call_args(&bound, args)
            }
            _ => {
                let cls = self.class_of(&receiver).clone();
                let bound = self.bind_descriptor(m, &receiver, &cls)?;
                self.call_args(&bound, args)
            }
        }
    }

    // ---- isinstance / issubclass --------------------------------------------

    /// `isinstance(v, cls)` with `__instancecheck__` and tuples.
    pub fn isinstance(&mut self, v: &Value, cls: &Value) -> PyResult<bool> {
        if let Value::Obj(c) = cls {
            if c.type_data().is_some() {
                if self.class_of(v).is_subtype(c) {
                    return Ok(true);
                }
                let meta = c.class().clone();
                if meta.tdata().heap {
                    let name = self.names.instancecheck.clone();
                    if let Some(m) = self.lookup_type_obj(&meta, &name) {
                        let r = self.call_method_value(&m, cls.clone(), vec![v.clone()])?;
                        return self.truthy(&r);
                    }
                }
                // `__class__` may claim another class (proxies, mocks
                // with a spec), as CPython asks after the type check.
                return self.claimed_class_is(v, c);
            }
            if let ObjKind::Tuple(items) = c.kind() {
                for item in items.iter() {
                    if self.isinstance(v, item)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            let name = self.names.instancecheck.clone();
            let ccls = c.class().clone();
            if let Some(m) = self.lookup_type_obj(&ccls, &name) {
                let r = self.call_method_value(&m, cls.clone(), vec![v.clone()])?;
                return self.truthy(&r);
            }
        }
        Err(self.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"))
    }

    /// Whether `v.__class__`, where it differs from `v`'s type, is a
    /// subclass of `cls`. Only a class defined in Python can make it
    /// differ (a `__class__` property, or `__getattribute__`), so other
    /// values are answered without a lookup.
    fn claimed_class_is(&mut self, v: &Value, cls: &Obj) -> PyResult<bool> {
        let ty = self.class_of(v).clone();
        if !ty.tdata().heap {
            return Ok(false);
        }
        let object = self.types.object.clone();
        let class_name = self.intern("__class__");
        let getattribute = self.intern("__getattribute__");
        let plain_class = match (
            self.lookup_type_obj(&ty, &class_name),
            self.lookup_type_obj(&object, &class_name),
        ) {
            (Some(a), Some(b)) => a.is(&b),
            _ => false,
        };
        let plain_getattribute = match (
            self.lookup_type_obj(&ty, &getattribute),
            self.lookup_type_obj(&object, &getattribute),
        ) {
            (Some(a), Some(b)) => a.is(&b),
            _ => false,
        };
        if plain_class && plain_getattribute {
            return Ok(false);
        }
        let claimed = match self.getattr_str(v, "__class__") {
            Ok(c) => c,
            Err(e) if e.class().is_subtype(&self.exc.attribute_error) => return Ok(false),
            Err(e) => return Err(e),
        };
        match claimed {
            Value::Obj(c) if c.type_data().is_some() && !c.is(&ty) => Ok(c.is_subtype(cls)),
            _ => Ok(false),
        }
    }

    pub fn issubclass(&mut self, c: &Value, cls: &Value) -> PyResult<bool> {
        if let Value::Obj(t) = cls {
            if let ObjKind::Tuple(items) = t.kind() {
                for item in items.iter() {
                    if self.issubclass(c, item)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            let meta = t.class().clone();
            if meta.tdata().heap || t.type_data().is_none() {
                let name = self.names.subclasscheck.clone();
                if let Some(m) = self.lookup_type_obj(&meta, &name) {
                    let is_default = matches!(m.kind(), Some(ObjKind::Builtin(b))
                        if b.owner.as_ref().is_some_and(|o| o.is(&self.types.type_)));
                    if !is_default {
                        let r = self.call_method_value(&m, cls.clone(), vec![c.clone()])?;
                        return self.truthy(&r);
                    }
                }
            }
            if t.type_data().is_some() {
                return match c {
                    Value::Obj(co) if co.type_data().is_some() => Ok(co.is_subtype(t)),
                    _ => Err(self.type_error("issubclass() arg 1 must be a class")),
                };
            }
        }
        // The first argument is checked first, as CPython does.
        if !matches!(c, Value::Obj(co) if co.type_data().is_some()) {
            return Err(self.type_error("issubclass() arg 1 must be a class"));
        }
        Err(self.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"))
    }
}
