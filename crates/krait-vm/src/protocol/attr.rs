//! Attribute access: lookups along the MRO (cached per type), descriptors
//! (functions bind, properties compute, data descriptors win over the
//! instance dict), `__getattr__`/`__getattribute__`/`__setattr__`
//! overrides, and the special forms for types and modules.

use crate::object::ObjKind;
use crate::objects::str::text;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// Entries in the VM's cache of MRO lookups (a power of two).
pub const CACHE_SIZE: usize = 4096;

/// One cached lookup. The class and name are held, so their addresses
/// cannot be reused while the entry exists.
#[derive(Clone, Default)]
pub struct CacheSlot {
    class: Option<Obj>,
    name: Option<Obj>,
    epoch: u64,
    value: Option<Value>,
}

/// `name` in the namespaces along the MRO of `cls`, uncached.
pub(crate) fn mro_lookup(cls: &Obj, name: &Obj) -> Option<Value> {
    let t = cls.type_data()?;
    for c in t.mro.borrow().iter() {
        if let Some(d) = c.object().dict() {
            if let Some(v) = crate::objects::dict::get_str_obj(d, name) {
                return Some(v);
            }
        }
    }
    None
}

/// The cache slot of a (class, name) pair: both addresses mixed by
/// multiplication and the top bits taken, so that objects the allocator
/// lays out at regular strides do not pile onto a few slots (with a plain
/// xor of shifted addresses, an unrelated allocation at start-up could
/// make two hot lookups of a program share a slot and miss each time).
#[inline(always)]
fn cache_index(cls: &Obj, name: &Obj) -> usize {
    let h = (cls.addr() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ (name.addr() as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    (h >> (64 - CACHE_SIZE.trailing_zeros())) as usize
}

impl Vm {
    /// `name` found in the namespace of `cls` or a class in its MRO.
    #[inline]
    pub fn lookup_type_obj(&mut self, cls: &Obj, name: &Obj) -> Option<Value> {
        let i = cache_index(cls, name);
        let version = cls.type_data().map(|t| t.version.get()).unwrap_or(0);
        let slot = &self.attr_cache[i];
        if slot.epoch == version {
            if let (Some(c), Some(n)) = (&slot.class, &slot.name) {
                if c.is(cls) && n.is(name) {
                    return slot.value.clone();
                }
            }
        }
        let found = mro_lookup(cls, name);
        self.attr_cache[i] = CacheSlot {
            class: Some(cls.clone()),
            name: Some(name.clone()),
            epoch: version,
            value: found.clone(),
        };
        found
    }

    /// Gives a class and its subclasses new versions after a change to
    /// its namespace.
    pub fn type_modified(&mut self, cls: &Obj) {
        let Some(t) = cls.type_data() else { return };
        t.version.set(crate::objects::dict::table::fresh_version());
        if t.heap {
            let del = self.intern("__del__");
            t.has_del.set(mro_lookup(cls, &del).is_some());
        }
        let subs: Vec<Obj> = t
            .subclasses
            .borrow()
            .iter()
            .filter_map(|w| w.upgrade())
            .map(Obj)
            .collect();
        for s in subs {
            self.type_modified(&s);
        }
    }

    pub fn lookup_type(&mut self, cls: &Obj, name: &str) -> Option<Value> {
        let n = self.intern(name);
        self.lookup_type_obj(cls, &n)
    }

    /// Whether a class attribute is a data descriptor that reads (defines
    /// `__get__` and `__set__` or `__delete__`), which takes precedence
    /// over the instance dict.
    fn is_data_descriptor(&mut self, v: &Value) -> bool {
        let Value::Obj(o) = v else { return false };
        let slots = o.class().tdata().slots.get();
        slots.descr_get.is_some() && slots.descr_set.is_some()
    }

    /// Applies a class attribute's `__get__` for an access on `instance`
    /// (`Value::Null` for access on the class itself) of type `owner`.
    pub fn bind_descriptor(&mut self, attr: &Value, instance: &Value, owner: &Obj) -> PyResult {
        let Value::Obj(o) = attr else {
            return Ok(attr.clone());
        };
        // Methods, the most common class attributes, without a slot call.
        if let ObjKind::Function(_) = o.kind() {
            if instance.is_null() {
                return Ok(attr.clone());
            }
            return Ok(self.bound_method(attr.clone(), instance.clone()));
        }
        match o.class().tdata().slots.get().descr_get {
            Some(f) => f(self, o, instance, owner),
            None => Ok(attr.clone()),
        }
    }

    /// "property 'x' of 'A' object has no setter".
    pub(crate) fn property_error(
        &self,
        p: &crate::object::Property,
        obj: &Value,
        what: &str,
    ) -> Obj {
        let owner = self.type_name(obj);
        match crate::objects::str::value_pystr(&p.name.borrow()) {
            Some(n) => self.attribute_error(format!(
                "property '{}' of '{owner}' object has no {what}",
                n.to_string_lossy()
            )),
            None => self.attribute_error(format!("property of '{owner}' object has no {what}")),
        }
    }

    pub fn bound_method(&self, func: Value, receiver: Value) -> Value {
        Value::Obj(Obj::new(
            self.types.method.clone(),
            ObjKind::BoundMethod { func, receiver },
        ))
    }

    /// `getattr(obj, name)`: the class's attribute slot, or `object`'s
    /// generic lookup.
    pub fn getattr(&mut self, obj: &Value, name: &Obj) -> PyResult {
        let cls = self.class_of(obj);
        match cls.tdata().slots.get().getattr {
            Some(f) => f(self, obj, name),
            None => {
                let cls = cls.clone();
                self.generic_getattr(obj, &cls, name)
            }
        }
    }

    /// `object.__getattribute__` (and its special forms for types and
    /// modules).
    pub fn generic_getattr(&mut self, obj: &Value, cls: &Obj, name: &Obj) -> PyResult {
        if let Value::Obj(o) = obj {
            if let ObjKind::Type(_) = o.kind() {
                return self.type_getattr(o, name);
            }
        }
        let attr = self.lookup_type_obj(cls, name);
        if let Some(a) = &attr {
            if self.is_data_descriptor(a) {
                return self.bind_descriptor(a, obj, cls);
            }
        }
        if let Value::Obj(o) = obj {
            if let Some(d) = o.object().dict() {
                if let Some(v) = crate::objects::dict::get_str_obj(d, name) {
                    return Ok(v);
                }
            }
        }
        if let Some(a) = attr {
            return self.bind_descriptor(&a, obj, cls);
        }
        if let Value::Obj(o) = obj {
            if let ObjKind::Module(_) = o.kind() {
                if let Some(r) = self.module_getattr_hook(o, name) {
                    return r;
                }
            }
        }
        Err(self.no_attribute(obj, name))
    }

    pub fn no_attribute(&self, obj: &Value, name: &Obj) -> Obj {
        let e = self.no_attribute_error(obj, name);
        if let ObjKind::Exception(d) = e.kind() {
            let mut d = d.borrow_mut();
            d.attr_name = Value::Obj(name.clone());
            d.attr_obj = obj.clone();
        }
        e
    }

    /// Whether module `m`'s code is still running: imported by Krait's
    /// own loader, or by importlib's (which marks the module's spec).
    pub(crate) fn is_initializing(&self, m: &Obj) -> bool {
        if self.import_state.initializing.iter().any(|o| o.is(m)) {
            return true;
        }
        let spec = m
            .object()
            .dict()
            .and_then(|d| crate::objects::dict::get_str(d, "__spec__"));
        let flag = spec.as_ref().and_then(|s| s.as_obj()).and_then(|s| {
            s.object()
                .dict()
                .and_then(|d| crate::objects::dict::get_str(d, "_initializing"))
        });
        matches!(flag, Some(Value::Truth(1)))
    }

    fn no_attribute_error(&self, obj: &Value, name: &Obj) -> Obj {
        let n = text(name);
        if let Value::Obj(o) = obj {
            if let ObjKind::Module(_) = o.kind() {
                let m = crate::objects::module::module_name(o);
                if self.is_initializing(o) {
                    return self.attribute_error(format!(
                        "partially initialized module '{m}' has no attribute '{n}' (most likely due to a circular import)"
                    ));
                }
                return self.attribute_error(format!("module '{m}' has no attribute '{n}'"));
            }
            if let ObjKind::Type(t) = o.kind() {
                return self.attribute_error(format!(
                    "type object '{}' has no attribute '{}'",
                    t.name.borrow(),
                    n
                ));
            }
        }
        self.attribute_error(format!(
            "'{}' object has no attribute '{}'",
            self.type_name(obj),
            n
        ))
    }

    /// Attribute access on a class: the metaclass's data descriptors, then
    /// the class's MRO (with `__get__(None, cls)`), then the metaclass.
    pub(crate) fn type_getattr(&mut self, cls: &Obj, name: &Obj) -> PyResult {
        let meta = cls.class().clone();
        let meta_attr = self.lookup_type_obj(&meta, name);
        if let Some(a) = &meta_attr {
            if self.is_data_descriptor(a) {
                return self.bind_descriptor(a, &Value::Obj(cls.clone()), &meta);
            }
        }
        if let Some(v) = self.lookup_type_obj(cls, name) {
            return self.bind_descriptor(&v, &Value::Null, cls);
        }
        if let Some(a) = meta_attr {
            return self.bind_descriptor(&a, &Value::Obj(cls.clone()), &meta);
        }
        Err(self.no_attribute(&Value::Obj(cls.clone()), name))
    }

    /// `setattr(obj, name, value)`: the class's attribute slot, or
    /// `object`'s generic protocol.
    pub fn setattr(&mut self, obj: &Value, name: &Obj, value: Value) -> PyResult<()> {
        let cls = self.class_of(obj).clone();
        match cls.tdata().slots.get().setattr {
            Some(f) => f(self, obj, name, Some(value)),
            None => self.generic_setattr(obj, &cls, name, value),
        }
    }

    /// `obj.__class__ = value`: CPython's checks, then a clear error, as
    /// an object's class cannot change in Krait.
    pub(crate) fn class_assignment_error(&self, cls: &Obj, value: &Value) -> Obj {
        if !matches!(value.kind(), Some(ObjKind::Type(_))) {
            return self.type_error(format!(
                "__class__ must be set to a class, not '{}' object",
                self.type_name(value)
            ));
        }
        if !cls.tdata().heap {
            return self.type_error(
                "__class__ assignment only supported for mutable types or ModuleType subclasses",
            );
        }
        self.new_exception_msg(
            &self.exc.not_implemented_error,
            "assigning to __class__ is not supported by Krait",
        )
    }

    pub fn generic_setattr(
        &mut self,
        obj: &Value,
        cls: &Obj,
        name: &Obj,
        value: Value,
    ) -> PyResult<()> {
        if let Some(a) = self.lookup_type_obj(cls, name) {
            if let Some(r) = self.descriptor_set(&a, obj, Some(value.clone()))? {
                return Ok(r);
            }
        }
        let Value::Obj(o) = obj else {
            return Err(self.setattr_error(obj, name));
        };
        match o.kind() {
            ObjKind::Type(t) => {
                if !t.heap {
                    return Err(self.type_error(format!(
                        "cannot set '{}' attribute of immutable type '{}'",
                        text(name),
                        t.name.borrow()
                    )));
                }
                let d = o.object().dict().expect("a class namespace").clone();
                crate::objects::dict::set_str(self, &d, name.clone(), value);
                self.type_modified(o);
                self.dunder_changed(o, name);
                Ok(())
            }
            _ => {
                if !(cls.tdata().instance_dict.get()
                    || matches!(o.kind(), ObjKind::Module(_) | ObjKind::Function(_)))
                {
                    return Err(self.setattr_error(obj, name));
                }
                let d = self.instance_dict(o).clone();
                let len = crate::objects::dict::set_str_at(&d, name.clone(), value).1;
                note_instance_size(cls, len);
                Ok(())
            }
        }
    }

    /// The attribute dict of an instance, made on first use as large as
    /// its class's instances have needed so far.
    pub fn instance_dict<'o>(&self, o: &'o Obj) -> &'o Obj {
        o.object().dict_or_init(|| {
            let size = o
                .class()
                .type_data()
                .map_or(0, |t| t.instance_size.get() as usize);
            Obj::new(
                self.types.dict.clone(),
                ObjKind::Dict(Box::new(std::cell::RefCell::new(
                    crate::objects::dict::table::Dict::with_capacity(size),
                ))),
            )
        })
    }

    /// Runs a data descriptor's `__set__` (or `__delete__` when `value` is
    /// `None`); `None` when `attr` is not a data descriptor.
    fn descriptor_set(
        &mut self,
        attr: &Value,
        obj: &Value,
        value: Option<Value>,
    ) -> PyResult<Option<()>> {
        let Value::Obj(a) = attr else { return Ok(None) };
        match a.class().tdata().slots.get().descr_set {
            Some(f) => f(self, a, obj, value).map(Some),
            None => Ok(None),
        }
    }

    fn setattr_error(&self, obj: &Value, name: &Obj) -> Obj {
        self.attribute_error(format!(
            "'{}' object has no attribute '{}'",
            self.type_name(obj),
            text(name)
        ))
    }

    /// `delattr(obj, name)`: the class's attribute slot, or `object`'s
    /// generic protocol.
    pub fn delattr(&mut self, obj: &Value, name: &Obj) -> PyResult<()> {
        match self.class_of(obj).tdata().slots.get().setattr {
            Some(f) => f(self, obj, name, None),
            None => self.generic_delattr(obj, name),
        }
    }

    /// `object.__delattr__`.
    pub fn generic_delattr(&mut self, obj: &Value, name: &Obj) -> PyResult<()> {
        let cls = self.class_of(obj).clone();
        if let Some(a) = self.lookup_type_obj(&cls, name) {
            if self.descriptor_set(&a, obj, None)?.is_some() {
                return Ok(());
            }
        }
        if let Value::Obj(o) = obj {
            if let Some(d) = o.object().dict() {
                if crate::objects::dict::remove_str(d, name).is_some() {
                    if let ObjKind::Type(_) = o.kind() {
                        self.type_modified(o);
                        self.dunder_changed(o, name);
                    }
                    return Ok(());
                }
            }
        }
        Err(self.no_attribute(obj, name))
    }

    /// For `obj.name(...)`: the function and `obj` when `name` is a plain
    /// method (no bound method is made), else `Null` and the attribute.
    pub fn load_method(&mut self, obj: Value, name: &Obj) -> PyResult<(Value, Value)> {
        let cls = self.class_of(&obj).clone();
        let plain_instance = match &obj {
            Value::Obj(o) => !matches!(
                o.kind(),
                ObjKind::Type(_) | ObjKind::Module(_) | ObjKind::Super { .. }
            ),
            _ => true,
        };
        let default_protocol = cls.tdata().slots.get().getattr.is_none();
        if plain_instance && default_protocol {
            if let Some(a) = self.lookup_type_obj(&cls, name) {
                let is_method = match &a {
                    Value::Obj(o) => match o.kind() {
                        ObjKind::Function(_) => true,
                        ObjKind::Builtin(b) => {
                            b.is_method && !b.is_classmethod && b.receiver.is_null()
                        }
                        _ => false,
                    },
                    _ => false,
                };
                if is_method {
                    let shadowed = match &obj {
                        Value::Obj(o) => o
                            .object()
                            .dict()
                            .is_some_and(|d| crate::objects::dict::get_str_obj(d, name).is_some()),
                        _ => false,
                    };
                    if !shadowed {
                        return Ok((a, obj));
                    }
                }
            }
        }
        let v = self.getattr(&obj, name)?;
        Ok((Value::Null, v))
    }
}

/// Remembers how many attributes an instance of `cls` came to hold, so
/// later instances get a dict of that size at once.
#[inline]
pub fn note_instance_size(cls: &Obj, len: usize) {
    if let Some(t) = cls.type_data() {
        if len > t.instance_size.get() as usize && len <= 64 {
            t.instance_size.set(len as u32);
        }
    }
}
