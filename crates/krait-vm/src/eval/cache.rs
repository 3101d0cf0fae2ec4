//! The instructions that remember what they found: global loads, and
//! attribute loads, stores and method loads on instances. Each cache is
//! keyed by a version (of a dict's keys, or of a class and its MRO) that
//! is never reused, and holds a hint: the position of the entry in the
//! dict to check before hashing.

use crate::object::ObjKind;
use crate::objects::code::{cache_kind, InlineCache};
use crate::objects::dict::{dict_cell, find_str_pos};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// What a class says about an attribute name, for the caches.
enum ClassAttr {
    /// No such attribute on the class: an instance attribute if anything.
    Absent,
    /// A `__slots__` member applying to the object: its slot index.
    Slot(usize),
    /// A plain `property` whose getter can run as a frame of the loop.
    Property(Obj),
    /// Anything else: the general path.
    Other,
}

/// The two directions of attribute access the caches serve.
const PLAIN_GET: u8 = 1;
const PLAIN_SET: u8 = 2;

/// `LOAD_GLOBAL` when the cache still holds: the value, without a lookup.
#[inline(always)]
pub fn global_hit(cache: &InlineCache, globals: &Obj, builtins: &Obj, name: &Obj) -> Option<Value> {
    let hint = cache.hint.get() as usize;
    match cache.kind.get() {
        cache_kind::GLOBAL => {
            let g = dict_cell(globals).borrow();
            if g.version() == cache.key.get() {
                return g.value_if_key_at(hint, name).cloned();
            }
        }
        cache_kind::BUILTIN => {
            let g = dict_cell(globals).borrow();
            let b = dict_cell(builtins).borrow();
            if g.version() == cache.key.get() && b.version() == cache.key2.get() {
                return b.value_if_key_at(hint, name).cloned();
            }
        }
        _ => {}
    }
    None
}

/// `LOAD_ATTR` of an instance attribute or slot when the cache holds for
/// the object's class and the entry is where it was.
#[inline(always)]
pub fn instance_attr_hit(cache: &InlineCache, o: &Obj, name: &Obj) -> Option<Value> {
    let version = o.class().tdata().version.get();
    if cache.instance_of(version) {
        let d = o.object().dict()?;
        let dict = dict_cell(d).borrow();
        return dict
            .value_if_key_at(cache.hint.get() as usize, name)
            .cloned();
    }
    if cache.kind.get() == cache_kind::SLOT && cache.key.get() == version {
        if let ObjKind::Slots(slots) = o.kind() {
            return slots
                .borrow()
                .get(cache.hint.get() as usize)
                .filter(|v| !v.is_null())
                .cloned();
        }
    }
    None
}

/// `STORE_ATTR` of an instance attribute or slot when the cache holds for
/// the object's class and the entry is where it was; gives the value back
/// otherwise.
#[inline(always)]
pub fn instance_store_hit(
    cache: &InlineCache,
    o: &Obj,
    name: &Obj,
    value: Value,
) -> Result<(), Value> {
    let version = o.class().tdata().version.get();
    if cache.instance_of(version) {
        let Some(d) = o.object().dict() else {
            return Err(value);
        };
        let mut dict = dict_cell(d).borrow_mut();
        let Some(slot) = dict.value_mut_if_key_at(cache.hint.get() as usize, name) else {
            return Err(value);
        };
        let old = std::mem::replace(slot, value);
        drop(dict);
        drop(old);
        return Ok(());
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
    Err(value)
}

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
        if let Some(v) = global_hit(cache, globals, builtins, name) {
            return Some(v);
        }
        if let Some(pos) = find_str_pos(globals, name) {
            let g = dict_cell(globals).borrow();
            cache.remember(cache_kind::GLOBAL, g.version(), pos);
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
        crate::objects::dict::set_str(self, globals, name.clone(), value);
        if let Some(pos) = find_str_pos(globals, name) {
            cache.hint.set(pos as u32);
        }
    }

    /// Whether instances of `cls` read (`PLAIN_GET`) or write
    /// (`PLAIN_SET`) attributes by `object`'s own protocol: the class has
    /// no attribute slot of its own.
    fn plain_protocol(&self, cls: &Obj, bit: u8) -> bool {
        let slots = cls.tdata().slots.get();
        if bit == PLAIN_GET {
            slots.getattr.is_none()
        } else {
            slots.setattr.is_none()
        }
    }

    /// What `o`'s class says about `name` for the attribute caches, with
    /// one MRO lookup, when the class reads (`PLAIN_GET`) or writes
    /// (`PLAIN_SET`) attributes by `object`'s own protocol.
    fn class_attr(&mut self, o: &Obj, name: &Obj, bit: u8) -> ClassAttr {
        if matches!(o.kind(), ObjKind::Type(_)) {
            return ClassAttr::Other;
        }
        let cls = o.class().clone();
        if !self.plain_protocol(&cls, bit) || name.is(&self.names.class) {
            return ClassAttr::Other;
        }
        let Some(found) = self.lookup_type_obj(&cls, name) else {
            return ClassAttr::Absent;
        };
        let Value::Obj(a) = found else {
            return ClassAttr::Other;
        };
        match a.kind() {
            ObjKind::Member { index, owner, .. }
                if matches!(o.kind(), ObjKind::Slots(_)) && cls.is_subtype(owner) =>
            {
                ClassAttr::Slot(*index)
            }
            // Exactly `property` (a subclass may define its own `__get__`),
            // with a getter of one plain parameter; and no `__getattr__`,
            // which an AttributeError from the getter must reach through
            // the general path.
            ObjKind::Property(p) if bit == PLAIN_GET && a.class().is(&self.types.property) => {
                let Value::Obj(fget) = &p.fget else {
                    return ClassAttr::Other;
                };
                let simple = matches!(fget.kind(), ObjKind::Function(f)
                    if f.code.simple_args
                        && f.code.code.argcount == 1
                        && !f.code.code.is_generator_like());
                let fget = fget.clone();
                let hook = self.names.getattr.clone();
                if simple && self.lookup_type_obj(&cls, &hook).is_none() {
                    ClassAttr::Property(fget)
                } else {
                    ClassAttr::Other
                }
            }
            _ => ClassAttr::Other,
        }
    }

    /// `LOAD_ATTR` after the loop found no cache hit
    /// ([`instance_attr_hit`]): the moved entry, the class, or the general
    /// lookup.
    #[inline]
    pub fn load_attr_cached(&mut self, cache: &InlineCache, obj: &Value, name: &Obj) -> PyResult {
        if let Value::Obj(o) = obj {
            let version = o.class().tdata().version.get();
            if cache.instance_of(version) {
                if let Some(d) = o.object().dict() {
                    // The class is known to leave `name` to the instance:
                    // only the entry's position changed.
                    if let Some(pos) = find_str_pos(d, name) {
                        cache.hint.set(pos as u32);
                        return Ok(dict_cell(d).borrow().entry(pos).value.clone());
                    }
                }
            }
            // A miss (another class at this instruction, another position in
            // the dict, a first run): fill the cache from what the class says.
            match self.class_attr(o, name, PLAIN_GET) {
                // Other kinds have attributes of their own (an exception's
                // `args`, a function's `__defaults__`) that are not in the
                // class.
                ClassAttr::Absent
                    if matches!(
                        o.kind(),
                        ObjKind::Plain | ObjKind::Slots(_) | ObjKind::Module(_)
                    ) =>
                {
                    if let Some(d) = o.object().dict() {
                        if let Some(pos) = find_str_pos(d, name) {
                            cache.remember_instance(version, pos);
                            return Ok(dict_cell(d).borrow().entry(pos).value.clone());
                        }
                    }
                }
                ClassAttr::Slot(index) => {
                    cache.remember(cache_kind::SLOT, version, index);
                }
                ClassAttr::Property(fget) => {
                    cache.kind.set(cache_kind::PROPERTY);
                    cache.key.set(version);
                    cache.value.set(Value::Obj(fget));
                }
                _ => {}
            }
        }
        self.getattr(obj, name)
    }

    /// `STORE_ATTR` after the loop found no cache hit
    /// ([`instance_store_hit`]).
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
            if cache.instance_of(version) {
                if let Some(d) = o.object().dict() {
                    let (pos, len) = crate::objects::dict::set_str_at(d, name.clone(), value);
                    cache.hint.set(pos as u32);
                    crate::protocol::attr::note_instance_size(o.class(), len);
                    return Ok(());
                }
            }
            match self.class_attr(o, name, PLAIN_SET) {
                // The class says `name` is a plain instance attribute: store
                // straight into the dict (adding it, as in `__init__`). Other
                // kinds have attributes of their own outside the class.
                ClassAttr::Absent
                    if matches!(o.kind(), ObjKind::Plain | ObjKind::Slots(_))
                        && (o.object().dict().is_some()
                            || o.class().tdata().instance_dict.get()) =>
                {
                    let d = self.instance_dict(o);
                    let (pos, len) = crate::objects::dict::set_str_at(d, name.clone(), value);
                    cache.remember_instance(version, pos);
                    crate::protocol::attr::note_instance_size(o.class(), len);
                    return Ok(());
                }
                ClassAttr::Slot(index) => {
                    cache.remember(cache_kind::SLOT, version, index);
                }
                _ => {}
            }
        }
        self.setattr(obj, name, value)
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
