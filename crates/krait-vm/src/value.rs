//! `Value`: what a variable or a stack slot holds.
//!
//! `None`, booleans, integers that fit in 64 bits and floats are held
//! inline, so arithmetic on them allocates nothing. Everything else is an
//! [`Obj`], a reference-counted pointer to a heap object. An integer that
//! does not fit in an `i64` is a heap object; one that fits never is, so
//! that equal ints always have the same representation.

use crate::object::{ObjKind, Object};
use std::rc::Rc;

/// A word-sized tag keeps the payload at offset 8 with no padding between:
/// moves are two plain words, never byte-wise copies of a partly
/// initialised tag word (which stalled store forwarding in the loop).
#[derive(Default)]
#[repr(u64)]
pub enum Value {
    /// Not a Python value: an unbound local, or "no `self`" in a call.
    Null,
    #[default]
    None,
    /// A bool as 0 or 1, and a float by its bits: with every payload a
    /// machine word of the integer class, a value is a pair of words the
    /// compiler passes and returns in two registers (a `bool` or `f64`
    /// payload made it a memory aggregate, written field by field and
    /// reloaded whole). Built with [`Value::Bool`] and [`Value::Float`].
    Truth(u64),
    Int(i64),
    FloatBits(u64),
    Obj(Obj),
}

impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        // Cloning stack slots is the interpreter's most frequent operation:
        // one tag test and a whole-value copy, never a rebuilt enum (which
        // the compiler assembles in memory piecewise and then reloads
        // whole, stalling the store buffer).
        if let Value::Obj(o) = self {
            // SAFETY: `o` is a live `Rc`, so its count is at least one; the
            // increment pays for the second owner the copy below creates.
            unsafe { Rc::increment_strong_count(Rc::as_ptr(&o.0)) };
        }
        // SAFETY: the other variants hold only plain `Copy` data, so a
        // bitwise copy is an independent value; an `Obj` copy owns the
        // count taken above.
        unsafe { std::ptr::read(self) }
    }
}

/// A reference to a heap object.
pub struct Obj(pub(crate) Rc<Object>);

impl Clone for Obj {
    #[inline(always)]
    fn clone(&self) -> Obj {
        Obj(Rc::clone(&self.0))
    }
}

impl Obj {
    pub fn new(class: Obj, kind: ObjKind) -> Obj {
        Obj(Rc::new(Object::new(class, kind)))
    }

    #[inline]
    pub fn kind(&self) -> &ObjKind {
        &self.0.kind
    }

    #[inline]
    pub fn class(&self) -> &Obj {
        self.0.class()
    }

    #[inline]
    pub fn is(&self, other: &Obj) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }

    pub fn addr(&self) -> usize {
        Rc::as_ptr(&self.0) as *const u8 as usize
    }

    pub fn object(&self) -> &Object {
        &self.0
    }

    pub fn strong_count(&self) -> usize {
        Rc::strong_count(&self.0)
    }
}

impl Value {
    #[inline]
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// A bool value.
    #[allow(non_snake_case)]
    #[inline(always)]
    pub const fn Bool(b: bool) -> Value {
        Value::Truth(b as u64)
    }

    /// A float value.
    #[allow(non_snake_case)]
    #[inline(always)]
    pub const fn Float(f: f64) -> Value {
        Value::FloatBits(f.to_bits())
    }

    #[inline]
    pub fn as_obj(&self) -> Option<&Obj> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }

    /// Identity, as Python's `is` sees it.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Null, Value::Null) | (Value::None, Value::None) => true,
            (Value::Truth(a), Value::Truth(b)) => a == b,
            // Small ints and equal floats behave as the same object would.
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::FloatBits(a), Value::FloatBits(b)) => a == b,
            (Value::Obj(a), Value::Obj(b)) => a.is(b),
            _ => false,
        }
    }

    /// The object's payload, for heap values.
    #[inline]
    pub fn kind(&self) -> Option<&ObjKind> {
        match self {
            Value::Obj(o) => Some(o.kind()),
            _ => None,
        }
    }
}

impl From<Obj> for Value {
    fn from(o: Obj) -> Value {
        Value::Obj(o)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::Float(f)
    }
}

#[cfg(test)]
mod tests {
    /// Values are copied everywhere and every heap object carries an
    /// `ObjKind`: keep both small (large payloads go behind a `Box`).
    #[test]
    fn representations_stay_small() {
        assert_eq!(std::mem::size_of::<super::Value>(), 16);
        assert!(std::mem::size_of::<crate::object::ObjKind>() <= 56);
    }
}
