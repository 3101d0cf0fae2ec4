//! `bytes` and `bytearray`, and text encoding and decoding.

pub(crate) mod memoryview;
pub(crate) mod methods;
pub(crate) mod slots;

use crate::api::{add_methods, FunctionDef};
use crate::object::ObjKind;
use crate::objects::function::Args;
use crate::objects::str::{value_pystr, PyStr};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

pub fn register(vm: &mut Vm) {
    let b = vm.types.bytes.clone();
    add_methods(vm, &b, &[FunctionDef::new("__new__", bytes_new), DECODE]);
    crate::objects::typeobject::slots::install::<slots::BytesType>(vm, &b);
    let ba = vm.types.bytearray.clone();
    add_methods(
        vm,
        &ba,
        &[FunctionDef::new("__new__", bytearray_new), DECODE],
    );
    crate::objects::typeobject::slots::install::<slots::ByteArrayType>(vm, &ba);
}

const DECODE: FunctionDef =
    FunctionDef::method("decode", bytes_decode).named(&["encoding", "errors"], 0, 2, 0);

pub fn new_bytearray(vm: &Vm, v: Vec<u8>) -> Value {
    Value::Obj(Obj::new(
        vm.types.bytearray.clone(),
        ObjKind::ByteArray(RefCell::new(v)),
    ))
}

/// The bytes of a bytes-like object.
pub fn bytes_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v.kind() {
        Some(ObjKind::Bytes(b)) => Ok(b.to_vec()),
        Some(ObjKind::ByteArray(b)) => Ok(b.borrow().clone()),
        Some(ObjKind::MemoryView(_)) => crate::objects::bytes::memoryview::data(vm, v),
        _ => Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// The bytes for `bytes(x)` or `bytearray(x)` (`what`, for the error):
/// an int count, an iterable of ints, a buffer.
fn bytes_from(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Vec<u8>> {
    if value_pystr(v).is_some() {
        return Err(vm.type_error("string argument without an encoding"));
    }
    if let Ok(b) = bytes_of(vm, v) {
        return Ok(b);
    }
    if let Some(n) = vm.index_i64(v)? {
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        return Ok(vec![0; n as usize]);
    }
    bytes_from_iterable(vm, v, what)
}

/// The bytes of a buffer or an iterable of ints (not a count, not a str):
/// what `int.from_bytes` and the like accept.
pub fn bytes_from_object(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Ok(b) = bytes_of(vm, v) {
        return Ok(b);
    }
    if value_pystr(v).is_some() || matches!(v, Value::Int(_) | Value::Truth(_)) {
        return Err(vm.type_error(format!(
            "cannot convert '{}' object to bytes",
            vm.type_name(v)
        )));
    }
    bytes_from_iterable(vm, v, "bytes")
}

fn bytes_from_iterable(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Vec<u8>> {
    let not_iterable = |vm: &Vm| {
        vm.type_error(format!(
            "cannot convert '{}' object to {what}",
            vm.type_name(v)
        ))
    };
    ints_to_bytes(vm, v, not_iterable, "bytes must be in range(0, 256)")
}

/// The items of an iterable of ints as bytes; `not_iterable` makes the
/// error for anything else, `out_of_range` is the message for an int
/// outside a byte.
fn ints_to_bytes(
    vm: &mut Vm,
    v: &Value,
    not_iterable: impl Fn(&Vm) -> crate::value::Obj,
    out_of_range: &str,
) -> PyResult<Vec<u8>> {
    let items = vm.iterate(v).map_err(|_| not_iterable(vm))?;
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        match vm.index_i64(&it)? {
            Some(x) if (0..256).contains(&x) => out.push(x as u8),
            Some(_) => return Err(vm.value_error(out_of_range)),
            None => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(&it)
                )))
            }
        }
    }
    Ok(out)
}

/// `bytes()`/`bytearray()` argument checks, before any conversion.
fn check_bytes_args(vm: &Vm, args: &Args, name: &str) -> PyResult<()> {
    let n = args.pos.len() - 1;
    if n > 3 {
        return Err(vm.type_error(format!("{name}() takes at most 3 arguments ({n} given)")));
    }
    for (i, what) in [(2, "encoding"), (3, "errors")] {
        if let Some(v) = args.pos.get(i).or(args.kwarg(what)) {
            if crate::objects::str::value_pystr(v).is_none() {
                return Err(vm.type_error(format!(
                    "{name}() argument '{what}' must be str, not {}",
                    vm.arg_type_name(v)
                )));
            }
        }
    }
    Ok(())
}

fn bytes_new(vm: &mut Vm, args: Args) -> PyResult {
    check_bytes_args(vm, &args, "bytes")?;
    let cls = args.pos[0].as_obj().cloned().unwrap();
    let data = match args.pos.get(1) {
        None => Vec::new(),
        Some(v) => match args.pos.get(2).or(args.kwarg("encoding")) {
            Some(enc) => {
                let s = crate::objects::str::value_pystr(v)
                    .ok_or_else(|| vm.type_error("encoding without a string argument"))?;
                let s = PyStr::from_wtf8(s.as_bytes().to_vec());
                let enc = crate::objects::str::value_pystr(enc)
                    .map(|e| e.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let r = encode(vm, &s, &enc, None)?;
                if cls.is(&vm.types.bytes) {
                    return Ok(r);
                }
                bytes_of(vm, &r)?
            }
            None => match bytes_dunder(vm, v)? {
                Some(b) if cls.is(&vm.types.bytes) => return Ok(b),
                Some(b) => bytes_of(vm, &b)?,
                None => bytes_from(vm, v, "bytes")?,
            },
        },
    };
    if cls.is(&vm.types.bytes) {
        return Ok(vm.new_bytes(data));
    }
    // A subclass's instance holds the bytes as its payload.
    Ok(Value::Obj(Obj::new(
        cls,
        ObjKind::Bytes(data.into_boxed_slice()),
    )))
}

/// `x.__bytes__()`, which `bytes(x)` asks before anything else: `None`
/// when `x`'s type has none.
fn bytes_dunder(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    if !matches!(v, Value::Obj(_)) || vm.class_of(v).is(&vm.types.bytes) {
        return Ok(None);
    }
    let Some(m) = vm.special_method(v, "__bytes__") else {
        return Ok(None);
    };
    let r = vm.call_method_value(&m, v.clone(), vec![])?;
    if !matches!(r.kind(), Some(ObjKind::Bytes(_))) {
        return Err(vm.type_error(format!(
            "__bytes__ returned non-bytes (type {})",
            vm.type_name(&r)
        )));
    }
    Ok(Some(r))
}

fn bytearray_new(vm: &mut Vm, args: Args) -> PyResult {
    check_bytes_args(vm, &args, "bytearray")?;
    let cls = args.pos[0].as_obj().cloned().unwrap();
    let has_encoding = args.pos.get(2).or(args.kwarg("encoding")).is_some();
    let data = match args.pos.get(1) {
        None => Vec::new(),
        Some(_) if has_encoding => match bytes_new(vm, with_class(vm, args))? {
            Value::Obj(o) => match o.kind() {
                ObjKind::Bytes(b) => b.to_vec(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        },
        Some(v) => bytes_from(vm, v, "bytearray")?,
    };
    if cls.is(&vm.types.bytearray) {
        return Ok(new_bytearray(vm, data));
    }
    Ok(Value::Obj(Obj::new(
        cls,
        ObjKind::ByteArray(RefCell::new(data)),
    )))
}

/// The arguments of `bytearray(...)` as `bytes(...)` takes them, to encode
/// a str the same way.
fn with_class(vm: &Vm, mut args: Args) -> Args {
    args.pos[0] = Value::Obj(vm.types.bytes.clone());
    args
}

fn bytes_decode(vm: &mut Vm, args: Args) -> PyResult {
    let data = bytes_of(vm, &args.pos[0])?;
    let enc = vm.str_param(args.given(1), "decode", "encoding")?;
    let enc = enc.unwrap_or_else(|| "utf-8".into());
    let errors = vm.str_param(args.given(2), "decode", "errors")?;
    decode(vm, &data, &enc, errors.as_deref())
}

pub fn decode(vm: &mut Vm, data: &[u8], enc: &str, errors: Option<&str>) -> PyResult {
    vm.decode_data(data, enc, errors.unwrap_or("strict"))
}

pub fn encode(vm: &mut Vm, s: &PyStr, enc: &str, errors: Option<&str>) -> PyResult {
    vm.encode_text(s, enc, errors.unwrap_or("strict"))
}

pub fn contains(vm: &mut Vm, o: &Obj, item: &Value) -> PyResult<bool> {
    let hay = bytes_of(vm, &Value::Obj(o.clone()))?;
    if let Some(i) = vm.index_int(item)? {
        return match crate::objects::int::small(&i) {
            Some(i) if (0..256).contains(&i) => Ok(hay.contains(&(i as u8))),
            _ => Err(vm.value_error("byte must be in range(0, 256)")),
        };
    }
    let needle = bytes_of(vm, item)?;
    Ok(needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle.as_slice()))
}

pub fn concat(vm: &mut Vm, a: &Value, b: &Value, inplace: bool) -> PyResult<Option<Value>> {
    let Ok(y) = bytes_of(vm, b) else {
        if vm.class_of(b).tdata().heap {
            return Ok(None);
        }
        let what = if matches!(a.kind(), Some(ObjKind::ByteArray(_))) {
            "bytearray"
        } else {
            "bytes"
        };
        return Err(vm.type_error(format!("can't concat {} to {what}", vm.type_name(b))));
    };
    match a.kind() {
        Some(ObjKind::ByteArray(x)) => {
            if inplace {
                x.borrow_mut().extend_from_slice(&y);
                return Ok(Some(a.clone()));
            }
            let mut v = x.borrow().clone();
            v.extend_from_slice(&y);
            Ok(Some(new_bytearray(vm, v)))
        }
        Some(ObjKind::Bytes(x)) => {
            let mut v = x.to_vec();
            v.extend_from_slice(&y);
            Ok(Some(vm.new_bytes(v)))
        }
        _ => Ok(None),
    }
}

pub fn bytearray_set_item(vm: &mut Vm, o: &Obj, key: Value, value: Option<Value>) -> PyResult<()> {
    let ObjKind::ByteArray(b) = o.kind() else {
        unreachable!()
    };
    let n = b.borrow().len() as i64;
    match vm.index_i64(&key)? {
        Some(i) => {
            let j = if i < 0 { i + n } else { i };
            if j < 0 || j >= n {
                return Err(vm.index_error("bytearray index out of range"));
            }
            match value {
                Some(v) => {
                    let x = vm.index_i64(&v)?.unwrap_or(-1);
                    if !(0..256).contains(&x) {
                        return Err(vm.value_error("byte must be in range(0, 256)"));
                    }
                    // The value's `__index__` may have shrunk the array.
                    match b.borrow_mut().get_mut(j as usize) {
                        Some(slot) => *slot = x as u8,
                        None => return Err(vm.index_error("bytearray index out of range")),
                    }
                }
                None => {
                    let mut bytes = b.borrow_mut();
                    if (j as usize) < bytes.len() {
                        bytes.remove(j as usize);
                    }
                }
            }
            Ok(())
        }
        None => bytearray_set_slice(vm, b, &key, value),
    }
}

/// `b[i:j(:k)] = value` and `del b[i:j(:k)]` on a bytearray.
fn bytearray_set_slice(
    vm: &mut Vm,
    b: &std::cell::RefCell<Vec<u8>>,
    key: &Value,
    value: Option<Value>,
) -> PyResult<()> {
    let Some(slice) = key
        .as_obj()
        .filter(|k| matches!(k.kind(), ObjKind::Slice { .. }))
    else {
        return Err(vm.type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            vm.type_name(key)
        )));
    };
    let s = vm.slice_indices(slice, b.borrow().len())?;
    let Some(value) = value else {
        let mut pos: Vec<usize> = s.positions().collect();
        pos.sort_unstable();
        let mut data = b.borrow_mut();
        for p in pos.into_iter().rev() {
            data.remove(p);
        }
        return Ok(());
    };
    let new = match value.kind() {
        Some(ObjKind::Bytes(_) | ObjKind::ByteArray(_) | ObjKind::MemoryView(_)) => {
            bytes_of(vm, &value)?
        }
        _ if value_pystr(&value).is_some() => return Err(assign_only_bytes(vm)),
        None if value.is_none() => {
            return Err(vm.type_error("cannot convert 'NoneType' object to bytearray"))
        }
        None => return Err(assign_only_bytes(vm)),
        Some(_) => ints_to_bytes(
            vm,
            &value,
            assign_only_bytes,
            "byte must be in range(0, 256)",
        )?,
    };
    let mut data = b.borrow_mut();
    if s.step == 1 {
        let start = s.start as usize;
        let stop = (start + s.len).max(start);
        data.splice(start..stop, new);
        return Ok(());
    }
    if new.len() != s.len {
        drop(data);
        return Err(vm.value_error(format!(
            "attempt to assign bytes of size {} to extended slice of size {}",
            new.len(),
            s.len
        )));
    }
    for (p, x) in s.positions().zip(new) {
        data[p] = x;
    }
    Ok(())
}

fn assign_only_bytes(vm: &Vm) -> crate::value::Obj {
    vm.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
}
