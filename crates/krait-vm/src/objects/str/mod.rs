//! The payload of a `str`: immutable text with its length in code points,
//! an is-ASCII flag (O(1) indexing when set) and a cached hash.
//!
//! Text is stored as "generalised UTF-8" (see `krait_values::text`):
//! UTF-8, except that lone surrogates, legal in Python strings, are
//! stored with UTF-8's three-byte pattern. Without surrogates the bytes
//! are valid UTF-8 and [`PyStr::as_str`] borrows them.

pub(crate) mod format;
pub(crate) mod format_spec;
pub(crate) mod methods;
pub(crate) mod percent;
pub(crate) mod slots;
pub(crate) mod unicode;
pub(crate) mod wtf8;

use crate::object::ObjKind;
use crate::value::{Obj, Value};
use smallvec::SmallVec;
use std::cell::Cell;

/// Short texts (most names, words and numbers) live inside the object:
/// one allocation per str instead of two.
type Bytes = SmallVec<[u8; 16]>;

/// `hash` before it is computed (no str hashes to -1).
const NO_HASH: i64 = -1;

pub struct PyStr {
    bytes: Bytes,
    len: usize,
    ascii: bool,
    surrogates: bool,
    hash: Cell<i64>,
}

/// Bytes of a finished text, without spare capacity.
fn exact(mut v: Vec<u8>) -> Bytes {
    if v.len() > 16 && v.capacity() > v.len() {
        v.shrink_to_fit();
    }
    Bytes::from_vec(v)
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        let ascii = s.is_ascii();
        let len = if ascii { s.len() } else { s.chars().count() };
        PyStr {
            bytes: Bytes::from_slice(s.as_bytes()),
            len,
            ascii,
            surrogates: false,
            hash: Cell::new(NO_HASH),
        }
    }

    pub fn from_string(s: String) -> PyStr {
        let ascii = s.is_ascii();
        let len = if ascii { s.len() } else { s.chars().count() };
        PyStr {
            bytes: exact(s.into_bytes()),
            len,
            ascii,
            surrogates: false,
            hash: Cell::new(NO_HASH),
        }
    }

    /// `self + other`: code points never combine (a lone high surrogate
    /// followed by a lone low one stays two code points, as in CPython),
    /// so the bytes join as they are and the counts add up.
    pub fn concat(&self, other: &PyStr) -> PyStr {
        let mut bytes = Bytes::with_capacity(self.bytes.len() + other.bytes.len());
        bytes.extend_from_slice(&self.bytes);
        bytes.extend_from_slice(&other.bytes);
        PyStr {
            bytes,
            len: self.len + other.len,
            ascii: self.ascii && other.ascii,
            surrogates: self.surrogates || other.surrogates,
            hash: Cell::new(NO_HASH),
        }
    }

    /// A copy of generalised UTF-8 bytes (a slice of another str, cut at
    /// code point boundaries); short ones stay inside the object.
    pub fn from_wtf8_slice(bytes: &[u8]) -> PyStr {
        if bytes.is_ascii() {
            return PyStr {
                bytes: Bytes::from_slice(bytes),
                len: bytes.len(),
                ascii: true,
                surrogates: false,
                hash: Cell::new(NO_HASH),
            };
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => PyStr::new(s),
            Err(_) => PyStr::from_wtf8(bytes.to_vec()),
        }
    }

    /// From generalised UTF-8 bytes that may hold lone surrogates.
    pub fn from_wtf8(bytes: Vec<u8>) -> PyStr {
        match String::from_utf8(bytes) {
            Ok(s) => PyStr::from_string(s),
            Err(e) => {
                let bytes = e.into_bytes();
                let len = WtfChars::of(&bytes).count();
                PyStr {
                    bytes: exact(bytes),
                    len,
                    ascii: false,
                    surrogates: true,
                    hash: Cell::new(NO_HASH),
                }
            }
        }
    }

    pub fn from_code_points(cps: impl IntoIterator<Item = u32>) -> PyStr {
        let mut out = Vec::new();
        for cp in cps {
            push_code_point(&mut out, cp);
        }
        PyStr::from_wtf8(out)
    }

    /// The text, when it has no lone surrogates.
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        if self.surrogates {
            None
        } else {
            // SAFETY: without surrogates the bytes came from a `&str` or
            // `String`, or passed `String::from_utf8` in `from_wtf8`.
            Some(unsafe { std::str::from_utf8_unchecked(&self.bytes) })
        }
    }

    /// The text, with each lone surrogate replaced by U+FFFD (for output
    /// paths that cannot carry surrogates).
    pub fn to_string_lossy(&self) -> std::borrow::Cow<'_, str> {
        match self.as_str() {
            Some(s) => std::borrow::Cow::Borrowed(s),
            None => std::borrow::Cow::Owned(
                self.code_points()
                    .map(|c| char::from_u32(c).unwrap_or('\u{FFFD}'))
                    .collect(),
            ),
        }
    }

    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Length in code points.
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.ascii
    }

    pub fn has_surrogates(&self) -> bool {
        self.surrogates
    }

    pub fn code_points(&self) -> WtfChars<'_> {
        WtfChars::of(&self.bytes)
    }

    /// The code point at index `i` (0 <= i < len).
    pub fn code_point_at(&self, i: usize) -> u32 {
        if self.ascii {
            self.bytes[i] as u32
        } else {
            self.code_points().nth(i).unwrap_or(0)
        }
    }

    /// Byte offset of code point `i` (`i` may equal `len`).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.ascii {
            return i;
        }
        let mut count = 0;
        for (pos, &b) in self.bytes.iter().enumerate() {
            if b & 0xC0 != 0x80 {
                if count == i {
                    return pos;
                }
                count += 1;
            }
        }
        self.bytes.len()
    }

    pub fn cached_hash(&self) -> Option<i64> {
        let h = self.hash.get();
        (h != NO_HASH).then_some(h)
    }

    pub fn set_hash(&self, h: i64) {
        self.hash.set(h);
    }
}

impl PartialEq for PyStr {
    fn eq(&self, other: &PyStr) -> bool {
        self.len == other.len && self.bytes == other.bytes
    }
}

impl Eq for PyStr {}

impl PartialOrd for PyStr {
    fn partial_cmp(&self, other: &PyStr) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PyStr {
    /// Code point order: UTF-8 byte order is code point order, and
    /// generalised UTF-8 keeps surrogates in their place.
    fn cmp(&self, other: &PyStr) -> std::cmp::Ordering {
        self.bytes.cmp(&other.bytes)
    }
}

pub use krait_values::text::push_code_point;

/// Code points of generalised UTF-8: the front end's decoder.
pub type WtfChars<'a> = krait_values::text::CodePoints<'a>;

// ---- helpers on str objects used throughout the VM ----

impl PyStr {
    /// A str object of `class` (`str` or a subclass) holding this text.
    pub fn into_object(self, class: &Obj) -> Obj {
        Obj::new(class.clone(), ObjKind::Str(self))
    }
}

/// Making str objects.
impl crate::vm::Vm {
    pub fn new_str(&self, s: &str) -> Value {
        if s.is_empty() {
            return Value::Obj(self.empty_str.clone());
        }
        Value::Obj(PyStr::new(s).into_object(&self.types.str_))
    }

    pub fn new_string(&self, s: String) -> Value {
        if s.is_empty() {
            return Value::Obj(self.empty_str.clone());
        }
        Value::Obj(PyStr::from_string(s).into_object(&self.types.str_))
    }

    pub fn new_pystr(&self, s: PyStr) -> Value {
        Value::Obj(s.into_object(&self.types.str_))
    }

    /// The one `str` object for this identifier.
    pub fn intern(&mut self, s: &str) -> Obj {
        if let Some(o) = self.interned.get(s) {
            return o.clone();
        }
        let o = PyStr::new(s).into_object(&self.types.str_);
        self.interned.insert(Box::from(s), o.clone());
        o
    }
}

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

/// The text of a str, bytes or bytearray (bytes decoded as UTF-8,
/// lossily), as `int()`, `float()` and `compile()` read their argument.
pub fn lossy_text(v: &Value) -> Option<String> {
    Some(match v.kind()? {
        ObjKind::Str(s) => s.to_string_lossy().into_owned(),
        ObjKind::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
        ObjKind::ByteArray(b) => String::from_utf8_lossy(&b.borrow()).into_owned(),
        _ => return None,
    })
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
    let secret = crate::protocol::hash::secret();
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
