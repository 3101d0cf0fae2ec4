//! Helpers on `str` objects used throughout the VM.

use crate::object::ObjKind;
use crate::str::PyStr;
use crate::value::{Obj, Value};

/// The payload of a `str` (or `str` subclass) object.
#[inline]
pub fn as_pystr(o: &Obj) -> Option<&PyStr> {
    match o.kind() {
        ObjKind::Str(s) => Some(s),
        _ => None,
    }
}

#[inline]
pub fn value_pystr(v: &Value) -> Option<&PyStr> {
    match v {
        Value::Obj(o) => as_pystr(o),
        _ => None,
    }
}

pub fn str_eq(o: &Obj, s: &str) -> bool {
    as_pystr(o).is_some_and(|p| p.as_bytes() == s.as_bytes())
}

/// The hash of a str, computed once and cached.
#[inline]
pub fn str_hash(s: &PyStr) -> i64 {
    if let Some(h) = s.cached_hash() {
        return h;
    }
    let secret = crate::hash::secret();
    let h = if s.is_ascii() {
        secret.hash_bytes(s.as_bytes())
    } else {
        secret.hash_str(s.code_points(), None)
    };
    s.set_hash(h);
    h
}

/// The text of a str object, lossy for lone surrogates.
pub fn text(o: &Obj) -> std::borrow::Cow<'_, str> {
    match as_pystr(o) {
        Some(s) => s.to_string_lossy(),
        None => std::borrow::Cow::Borrowed(""),
    }
}
