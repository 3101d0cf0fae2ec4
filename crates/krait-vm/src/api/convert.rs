//! Converting between Python values and Rust ones, with CPython's errors.

use crate::api::BigInt;
use crate::object::ObjKind;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// An int (or bool, or int subclass instance) as i64, if it fits.
pub fn small_int(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Truth(b) => Some(*b as i64),
        Value::Obj(o) => match o.kind() {
            ObjKind::Int(b) => i64::try_from(b).ok(),
            _ => None,
        },
        _ => None,
    }
}

/// Any int (or bool, or int subclass instance) as a big integer.
pub fn big_int(v: &Value) -> Option<BigInt> {
    crate::objects::int::to_big(v)
}

/// A float (or float subclass instance) as f64; ints are not floats here.
pub fn float_value(v: &Value) -> Option<f64> {
    match v {
        Value::FloatBits(f) => Some(f64::from_bits(*f)),
        Value::Obj(o) => match o.kind() {
            ObjKind::Float(f) => Some(*f),
            _ => None,
        },
        _ => None,
    }
}

/// The items of a tuple.
pub fn tuple_items(v: &Value) -> Option<Vec<Value>> {
    match v.kind()? {
        ObjKind::Tuple(items) => Some(items.to_vec()),
        _ => None,
    }
}

/// The items of a list, copied out.
pub fn list_items(v: &Value) -> Option<Vec<Value>> {
    match v.kind()? {
        ObjKind::List(items) => Some(items.borrow().clone()),
        _ => None,
    }
}

/// The (key, value) pairs of a dict (or dict subclass instance), in
/// order, copied out.
pub fn dict_items(v: &Value) -> Option<Vec<(Value, Value)>> {
    match v.kind()? {
        ObjKind::Dict(d) => {
            let d = d.borrow();
            let pairs = (0..d.entries_len())
                .map(|pos| d.entry(pos))
                .filter(|e| !e.key.is_null())
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect();
            Some(pairs)
        }
        _ => None,
    }
}

/// The bytes of a `bytes`, `bytearray` or (unreleased) `memoryview`:
/// copied for the mutable ones, whose contents may change.
pub fn bytes_data(v: &Value) -> Option<std::borrow::Cow<'_, [u8]>> {
    match v.kind()? {
        ObjKind::Bytes(b) => Some(std::borrow::Cow::Borrowed(b)),
        ObjKind::ByteArray(b) => Some(std::borrow::Cow::Owned(b.borrow().clone())),
        ObjKind::MemoryView(m) if !m.released.get() => {
            let window = |b: &[u8]| -> Vec<u8> {
                let start = m.start.min(b.len());
                let end = (m.start + m.len).min(b.len());
                b[start..end].to_vec()
            };
            match m.obj.kind()? {
                ObjKind::Bytes(b) => Some(std::borrow::Cow::Owned(window(b))),
                ObjKind::ByteArray(b) => Some(std::borrow::Cow::Owned(window(&b.borrow()))),
                _ => None,
            }
        }
        _ => None,
    }
}

pub fn str_value(v: &Value) -> Option<String> {
    crate::objects::str::value_pystr(v).map(|s| s.to_string_lossy().into_owned())
}

impl Vm {
    /// `d[key]` of a dict (or of an instance of a subclass, ignoring its
    /// overrides, as `PyDict_GetItem` does), `None` when absent.
    pub fn dict_get(&mut self, d: &Obj, key: &Value) -> PyResult<Option<Value>> {
        self.expect_dict(d)?;
        crate::objects::dict::get(self, d, key)
    }

    /// `d[key] = value` of a dict, as [`Vm::dict_get`] reads it.
    pub fn dict_set(&mut self, d: &Obj, key: Value, value: Value) -> PyResult<()> {
        self.expect_dict(d)?;
        crate::objects::dict::set(self, d, key, value)
    }

    /// Removes `key` from a dict; its value, or `None` when absent.
    pub fn dict_remove(&mut self, d: &Obj, key: &Value) -> PyResult<Option<Value>> {
        self.expect_dict(d)?;
        crate::objects::dict::remove(self, d, key)
    }

    fn expect_dict(&self, d: &Obj) -> PyResult<()> {
        match d.kind() {
            ObjKind::Dict(_) => Ok(()),
            _ => Err(self.type_error(format!(
                "expected a dict, not '{}'",
                self.type_name(&Value::Obj(d.clone()))
            ))),
        }
    }

    /// The bytes of a bytes-like argument, or CPython's TypeError for
    /// anything else ("a bytes-like object is required, not 'str'").
    pub fn bytes_like(&self, v: &Value) -> PyResult<Vec<u8>> {
        match bytes_data(v) {
            Some(b) => Ok(b.into_owned()),
            None => Err(self.type_error(format!(
                "a bytes-like object is required, not '{}'",
                self.type_name(v)
            ))),
        }
    }

    /// A named str argument of a built-in function, if given: "encode()
    /// argument 'encoding' must be str, not int" otherwise, as Argument
    /// Clinic words it.
    pub fn str_param(
        &self,
        v: Option<&Value>,
        func: &str,
        param: &str,
    ) -> PyResult<Option<String>> {
        match v {
            None => Ok(None),
            Some(v) => match str_value(v) {
                Some(s) => Ok(Some(s)),
                None => Err(self.type_error(format!(
                    "{func}() argument '{param}' must be str, not {}",
                    self.arg_type_name(v)
                ))),
            },
        }
    }

    /// An integer argument through `__index__`, as CPython's integer
    /// parameters take one: "'float' object cannot be interpreted as an
    /// integer" otherwise.
    pub fn index_arg(&mut self, v: &Value) -> PyResult<BigInt> {
        match self.index_int(v)?.as_ref().and_then(big_int) {
            Some(b) => Ok(b),
            None => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(v)
            ))),
        }
    }

    /// An integer argument a C function would take as `Py_ssize_t`: an int
    /// or anything with `__index__`, with CPython's TypeError and
    /// OverflowError.
    pub fn ssize_arg(&mut self, v: &Value) -> PyResult<i64> {
        if let Some(i) = small_int(v) {
            return Ok(i);
        }
        let i = self.index_arg(v)?;
        i64::try_from(&i)
            .map_err(|_| self.overflow_error("Python int too large to convert to C ssize_t"))
    }

    /// The int nearest `f` toward zero: ValueError for NaN, OverflowError
    /// for infinities, as `int(f)`.
    pub fn int_from_f64(&mut self, f: f64) -> PyResult {
        crate::objects::int::methods::float_to_int(self, f)
    }

    /// A number as a complex pair, as a C function taking `Py_complex`
    /// reads its argument: complex numbers as they are, then
    /// `__complex__`, then any real number (`float_of`).
    pub fn complex_of(&mut self, v: &Value) -> PyResult<(f64, f64)> {
        if let Some(ObjKind::Complex(re, im)) = v.kind() {
            return Ok((*re, *im));
        }
        if let Some(m) = self.special_method(v, "__complex__") {
            let r = self.call_method_value(&m, v.clone(), vec![])?;
            return match r.kind() {
                Some(ObjKind::Complex(re, im)) => Ok((*re, *im)),
                _ => Err(self.type_error(format!(
                    "__complex__ returned non-complex (type {})",
                    self.type_name(&r)
                ))),
            };
        }
        Ok((self.float_of(v)?, 0.0))
    }

    /// A new complex number.
    pub fn new_complex(&self, re: f64, im: f64) -> Value {
        Value::Obj(crate::value::Obj::new(
            self.types.complex.clone(),
            ObjKind::Complex(re, im),
        ))
    }

    /// The special method `name` of `v`'s type, looked up as the VM looks
    /// up dunders (on the type, not the instance), bound to nothing.
    pub fn special_method(&mut self, v: &Value, name: &str) -> Option<Value> {
        let cls = self.class_of(v).clone();
        self.lookup_type(&cls, name)
    }
}
