//! The instructions that remember what they found: global loads, and
//! attribute loads, stores and method loads on instances. Each cache is
//! keyed by a version (of a dict's keys, or of a class and its MRO) that
//! is never reused, and holds a hint: the position of the entry in the
//! dict to check before hashing.

use crate::code::{cache_kind, InlineCache};
use crate::dictops::{dict_cell, find_str_pos};
use crate::object::ObjKind;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// Bits of `TypeData::plain_protocol`.
const PLAIN_GET: u8 = 1;
const PLAIN_SET: u8 = 2;

impl Vm {
    /// `LOAD_GLOBAL`: the module's namespace, then the builtins.
    #[inline]
    pub fn load_global_cached(
        &self,
        cache: &InlineCache,
        globals: &Obj,
        name: &Obj,
    ) -> Option<Value> {
        let builtins = &self.builtins_dict;
        let hint = cache.hint.get() as usize;
        match cache.kind.get() {
            cache_kind::GLOBAL => {
                let g = dict_cell(globals).borrow();
                if g.version() == cache.key.get() {
                    if let Some(v) = g.value_if_key_at(hint, name) {
                        return Some(v.clone());
                    }
                }
            }
            cache_kind::BUILTIN => {
                let g = dict_cell(globals).borrow();
                let b = dict_cell(builtins).borrow();
                if g.version() == cache.key.get() && b.version() == cache.key2.get() {
                    if let Some(v) = b.value_if_key_at(hint, name) {
                        return Some(v.clone());
                    }
                }
            }
            _ => {}
        }
        if let Some(pos) = find_str_pos(globals, name) {
            let g = dict_cell(globals).borrow();
            cache.kind.set(cache_kind::GLOBAL);
            cache.key.set(g.version());
            cache.hint.set(pos as u32);
            return Some(g.entry(pos).value.clone());
        }
        let pos = find_str_pos(builtins, name)?;
        let b = dict_cell(builtins).borrow();
        cache.kind.set(cache_kind::BUILTIN);
        cache.key.set(dict_cell(globals).borrow().version());
        cache.key2.set(b.version());
        cache.hint.set(pos as u32);
        Some(b.entry(pos).value.clone())
    }

    /// `STORE_GLOBAL` (and `STORE_NAME` at module level): replaces the
    /// value in place when the hint still points at the name.
    #[inline]
    pub fn store_global_cached(
        &mut self,
        cache: &InlineCache,
        globals: &Obj,
        name: &Obj,
        value: Value,
    ) {
        {
            let mut g = dict_cell(globals).borrow_mut();
            if let Some(slot) = g.value_mut_if_key_at(cache.hint.get() as usize, name) {
                let old = std::mem::replace(slot, value);
                drop(g);
                drop(old);
                return;
            }
        }
        crate::dictops::set_str(self, globals, name.clone(), value);
        if let Some(pos) = find_str_pos(globals, name) {
            cache.hint.set(pos as u32);
        }
    }

    /// Whether lookups on instances of `cls` go straight to the instance
    /// dict and the class (no `__getattribute__` or `__setattr__` of its
    /// own).
    fn plain_attribute_protocol(&mut self, cls: &Obj, hook: &Obj) -> bool {
        match self.lookup_type_obj(cls, hook) {
            Some(Value::Obj(f)) => {
                matches!(f.kind(), ObjKind::Builtin(b) if b.owner.as_ref().is_some_and(|o| o.is(&self.types.object)))
            }
            _ => false,
        }
    }

    /// Whether instances of `cls` read (`PLAIN_GET`) or write
    /// (`PLAIN_SET`) attributes by `object`'s own protocol; remembered per
    /// class version.
    fn plain_protocol(&mut self, cls: &Obj, bit: u8) -> bool {
        let t = cls.tdata();
        let (version, bits) = t.plain_protocol.get();
        if version == t.version.get() {
            return bits & bit != 0;
        }
        let get = self.names.getattribute.clone();
        let set = self.names.setattr.clone();
        let mut bits = 0;
        if self.plain_attribute_protocol(cls, &get) {
            bits |= PLAIN_GET;
        }
        if self.plain_attribute_protocol(cls, &set) {
            bits |= PLAIN_SET;
        }
        let t = cls.tdata();
        t.plain_protocol.set((t.version.get(), bits));
        bits & bit != 0
    }

    /// The getter when `name` is a property of `o`'s class whose getter
    /// is a Python function of one plain parameter (the loop runs it as a
    /// frame instead of calling it).
    fn simple_property(&mut self, o: &Obj, name: &Obj) -> Option<Obj> {
        if matches!(o.kind(), ObjKind::Type(_)) {
            return None;
        }
        let cls = o.class().clone();
        // An AttributeError from the getter must reach `__getattr__`, which
        // only the general path calls.
        let getattr_hook = self.names.getattr.clone();
        if !self.plain_protocol(&cls, PLAIN_GET)
            || self.lookup_type_obj(&cls, &getattr_hook).is_some()
        {
            return None;
        }
        let Value::Obj(p) = self.lookup_type_obj(&cls, name)? else {
            return None;
        };
        // Exactly `property` (a subclass may define its own `__get__`).
        let ObjKind::Property(prop) = p.kind() else {
            return None;
        };
        if !p.class().is(&self.types.property) {
            return None;
        }
        let Value::Obj(fget) = &prop.fget else {
            return None;
        };
        match fget.kind() {
            ObjKind::Function(f)
                if f.code.simple_args
                    && f.code.code.argcount == 1
                    && !f.code.code.is_generator_like() =>
            {
                Some(fget.clone())
            }
            _ => None,
        }
    }

    /// The slot index when `name` is a `__slots__` member of `o`'s class
    /// that applies to `o`, under the plain attribute protocol.
    fn slot_member(&mut self, o: &Obj, name: &Obj, bit: u8) -> Option<usize> {
        if !matches!(o.kind(), ObjKind::Slots(_)) {
            return None;
        }
        let cls = o.class().clone();
        if !self.plain_protocol(&cls, bit) {
            return None;
        }
        match self.lookup_type_obj(&cls, name)? {
            Value::Obj(m) => match m.kind() {
                ObjKind::Member { index, owner, .. } if cls.is_subtype(owner) => Some(*index),
                _ => None,
            },
            _ => None,
        }
    }

    /// An attribute of `o` that can only come from its instance dict: the
    /// class reads attributes plainly and has none of that name (so no
    /// descriptor can intervene). The dict position, if the name is there.
    #[inline]
    fn instance_dict_attr(&mut self, o: &Obj, name: &Obj, bit: u8) -> Option<usize> {
        // Other kinds have attributes of their own (an exception's `args`,
        // a function's `__defaults__`) that are not in the class.
        if !matches!(
            o.kind(),
            ObjKind::Plain | ObjKind::Slots(_) | ObjKind::Module(_)
        ) {
            return None;
        }
        let d = o.object().dict()?.clone();
        let cls = o.class().clone();
        if !self.plain_protocol(&cls, bit) || self.lookup_type_obj(&cls, name).is_some() {
            return None;
        }
        find_str_pos(&d, name)
    }

    /// `LOAD_ATTR`.
    #[inline]
    pub fn load_attr_cached(&mut self, cache: &InlineCache, obj: &Value, name: &Obj) -> PyResult {
        if let Value::Obj(o) = obj {
            let version = o.class().tdata().version.get();
            if cache.kind.get() == cache_kind::INSTANCE && cache.key.get() == version {
                if let Some(d) = o.object().dict() {
                    let dict = dict_cell(d).borrow();
                    if let Some(v) = dict.value_if_key_at(cache.hint.get() as usize, name) {
                        return Ok(v.clone());
                    }
                }
            }
            if cache.kind.get() == cache_kind::SLOT && cache.key.get() == version {
                if let ObjKind::Slots(slots) = o.kind() {
                    if let Some(v) = slots.borrow().get(cache.hint.get() as usize) {
                        if !v.is_null() {
                            return Ok(v.clone());
                        }
                    }
                }
            }
            if let Some(index) = self.slot_member(o, name, PLAIN_GET) {
                cache.kind.set(cache_kind::SLOT);
                cache.key.set(version);
                cache.hint.set(index as u32);
            }
            if let Some(fget) = self.simple_property(o, name) {
                cache.kind.set(cache_kind::PROPERTY);
                cache.key.set(version);
                cache.value.set(Value::Obj(fget));
            }
            // Another class at this instruction, or another position in
            // the dict: still plain when the class has no such attribute.
            if let Some(pos) = self.instance_dict_attr(o, name, PLAIN_GET) {
                cache.kind.set(cache_kind::INSTANCE);
                cache.key.set(version);
                cache.hint.set(pos as u32);
                let d = o.object().dict().expect("checked above");
                return Ok(dict_cell(d).borrow().entry(pos).value.clone());
            }
        }
        self.getattr(obj, name)
    }

    /// `STORE_ATTR`.
    #[inline]
    pub fn store_attr_cached(
        &mut self,
        cache: &InlineCache,
        obj: &Value,
        name: &Obj,
        value: Value,
    ) -> PyResult<()> {
        if let Value::Obj(o) = obj {
            let version = o.class().tdata().version.get();
            if cache.kind.get() == cache_kind::INSTANCE && cache.key.get() == version {
                if let Some(d) = o.object().dict() {
                    let mut dict = dict_cell(d).borrow_mut();
                    if let Some(slot) = dict.value_mut_if_key_at(cache.hint.get() as usize, name) {
                        let old = std::mem::replace(slot, value);
                        drop(dict);
                        drop(old);
                        return Ok(());
                    }
                }
            }
            if cache.kind.get() == cache_kind::SLOT && cache.key.get() == version {
                if let ObjKind::Slots(slots) = o.kind() {
                    let mut slots = slots.borrow_mut();
                    if let Some(slot) = slots.get_mut(cache.hint.get() as usize) {
                        let old = std::mem::replace(slot, value);
                        drop(slots);
                        drop(old);
                        return Ok(());
                    }
                }
            }
            if let Some(index) = self.slot_member(o, name, PLAIN_SET) {
                cache.kind.set(cache_kind::SLOT);
                cache.key.set(version);
                cache.hint.set(index as u32);
            }
            // The class says `name` is a plain instance attribute: store
            // straight into the dict (adding it, as in `__init__`).
            if self.plain_instance_store(o, name) {
                let d = self.instance_dict(o);
                let (pos, len) = crate::dictops::set_str_at(d, name.clone(), value);
                cache.kind.set(cache_kind::INSTANCE);
                cache.key.set(version);
                cache.hint.set(pos as u32);
                crate::attr::note_instance_size(o.class(), len);
                return Ok(());
            }
        }
        self.setattr(obj, name, value)
    }

    /// Whether `o.name = v` just stores into `o`'s instance dict: it has
    /// one (or can), its class writes attributes plainly and has no
    /// attribute of that name (so no descriptor or slot intervenes).
    fn plain_instance_store(&mut self, o: &Obj, name: &Obj) -> bool {
        // Other kinds have attributes of their own (an exception's `args`,
        // a function's `__defaults__`) that are not in the class.
        if !matches!(o.kind(), ObjKind::Plain | ObjKind::Slots(_)) {
            return false;
        }
        let cls = o.class().clone();
        (o.object().dict().is_some() || cls.tdata().instance_dict.get())
            && self.plain_protocol(&cls, PLAIN_SET)
            && self.lookup_type_obj(&cls, name).is_none()
    }

    /// `LOAD_METHOD`: the function and the receiver when `name` is a
    /// method of the class not shadowed by the instance.
    #[inline]
    pub fn load_method_cached(
        &mut self,
        cache: &InlineCache,
        obj: Value,
        name: &Obj,
    ) -> PyResult<(Value, Value)> {
        if cache.kind.get() == cache_kind::METHOD
            && cache.key.get() == self.class_of(&obj).tdata().version.get()
        {
            // `key2` is the version of the last instance dict seen without
            // the name: the same object again needs no lookup.
            let shadowed = match &obj {
                Value::Obj(o) => o.object().dict().is_some_and(|d| {
                    let version = dict_cell(d).borrow().version();
                    if version == cache.key2.get() {
                        return false;
                    }
                    let found = find_str_pos(d, name).is_some();
                    if !found {
                        cache.key2.set(version);
                    }
                    found
                }),
                _ => false,
            };
            if !shadowed {
                let f = cache.value.take();
                cache.value.set(f.clone());
                return Ok((f, obj));
            }
        }
        let cls = self.class_of(&obj).clone();
        let (m, recv) = self.load_method(obj, name)?;
        if !m.is_null()
            && !matches!(
                recv.kind(),
                Some(ObjKind::Type(_) | ObjKind::Module(_) | ObjKind::Super { .. })
            )
        {
            cache.kind.set(cache_kind::METHOD);
            cache.key.set(cls.tdata().version.get());
            cache.key2.set(0);
            cache.value.set(m.clone());
        }
        Ok((m, recv))
    }
}
