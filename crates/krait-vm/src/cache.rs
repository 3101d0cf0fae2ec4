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

    /// `LOAD_ATTR`.
    #[inline]
    pub fn load_attr_cached(&mut self, cache: &InlineCache, obj: &Value, name: &Obj) -> PyResult {
        if let Value::Obj(o) = obj {
            if cache.kind.get() == cache_kind::INSTANCE
                && cache.key.get() == o.class().tdata().version.get()
            {
                if let Some(d) = o.object().dict() {
                    let dict = dict_cell(d).borrow();
                    if let Some(v) = dict.value_if_key_at(cache.hint.get() as usize, name) {
                        return Ok(v.clone());
                    }
                }
                if let Some(d) = o.object().dict() {
                    if let Some(pos) = find_str_pos(d, name) {
                        cache.hint.set(pos as u32);
                        return Ok(dict_cell(d).borrow().entry(pos).value.clone());
                    }
                }
            }
        }
        let r = self.getattr(obj, name)?;
        if let Value::Obj(o) = obj {
            self.fill_instance_cache(cache, o, name, false);
        }
        Ok(r)
    }

    /// Records that `name` is a plain instance attribute of `o`'s class.
    fn fill_instance_cache(&mut self, cache: &InlineCache, o: &Obj, name: &Obj, store: bool) {
        if matches!(o.kind(), ObjKind::Type(_)) {
            return;
        }
        let Some(d) = o.object().dict().cloned() else {
            return;
        };
        let cls = o.class().clone();
        let hook = if store {
            self.names.setattr.clone()
        } else {
            self.names.getattribute.clone()
        };
        if !self.plain_attribute_protocol(&cls, &hook) || self.lookup_type_obj(&cls, name).is_some()
        {
            return;
        }
        if let Some(pos) = find_str_pos(&d, name) {
            cache.kind.set(cache_kind::INSTANCE);
            cache.key.set(cls.tdata().version.get());
            cache.hint.set(pos as u32);
        }
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
            if cache.kind.get() == cache_kind::INSTANCE
                && cache.key.get() == o.class().tdata().version.get()
            {
                if let Some(d) = o.object().dict() {
                    let mut dict = dict_cell(d).borrow_mut();
                    if let Some(slot) = dict.value_mut_if_key_at(cache.hint.get() as usize, name) {
                        let old = std::mem::replace(slot, value);
                        drop(dict);
                        drop(old);
                        return Ok(());
                    }
                }
                // The class still says `name` is a plain instance attribute:
                // store straight into the dict (adding it, as in `__init__`).
                let d = self.instance_dict(o);
                let (pos, len) = crate::dictops::set_str_at(d, name.clone(), value);
                cache.hint.set(pos as u32);
                crate::attr::note_instance_size(o.class(), len);
                return Ok(());
            }
        }
        self.setattr(obj, name, value)?;
        if let Value::Obj(o) = obj {
            self.fill_instance_cache(cache, o, name, true);
        }
        Ok(())
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
            let shadowed = match &obj {
                Value::Obj(o) => o
                    .object()
                    .dict()
                    .is_some_and(|d| find_str_pos(d, name).is_some()),
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
            cache.value.set(m.clone());
        }
        Ok((m, recv))
    }
}
