//! `memoryview` over `bytes` and `bytearray`: a window on the object's
//! bytes (format `'B'`, one dimension) that reads, and for a bytearray
//! writes, through to it.

use crate::api::{add_getsets, add_methods, FunctionDef, GetSetDef};
use crate::object::ObjKind;
use crate::objects::function::Args;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use std::cell::Cell;

pub struct MemView {
    /// The exporting object: a `bytes` or `bytearray`.
    pub obj: Value,
    pub start: usize,
    pub len: usize,
    pub released: Cell<bool>,
    /// The item format (`B` unless `cast` chose another).
    pub format: u8,
}

/// The size of an item of struct format `f`, for the native formats
/// `cast` accepts.
fn item_size(f: u8) -> Option<usize> {
    Some(match f {
        b'B' | b'b' | b'c' | b'?' => 1,
        b'H' | b'h' | b'e' => 2,
        b'I' | b'i' | b'f' => 4,
        b'L' | b'l' | b'Q' | b'q' | b'N' | b'n' | b'P' | b'd' => 8,
        _ => return None,
    })
}

impl MemView {
    fn itemsize(&self) -> usize {
        item_size(self.format).unwrap_or(1)
    }

    /// The number of items.
    fn count(&self) -> usize {
        self.len / self.itemsize()
    }
}

/// Item `i` of `data` read as format `f`, in native byte order.
fn decode_item(vm: &Vm, f: u8, b: &[u8]) -> Value {
    let u = |n: usize| {
        let mut w = [0u8; 8];
        w[..n].copy_from_slice(&b[..n]);
        u64::from_ne_bytes(w)
    };
    match f {
        b'B' => Value::Int(b[0] as i64),
        b'b' => Value::Int(b[0] as i8 as i64),
        b'c' => vm.new_bytes(vec![b[0]]),
        b'?' => Value::Bool(b[0] != 0),
        b'H' => Value::Int(u(2) as u16 as i64),
        b'h' => Value::Int(u(2) as u16 as i16 as i64),
        b'I' => Value::Int(u(4) as u32 as i64),
        b'i' => Value::Int(u(4) as u32 as i32 as i64),
        b'f' => Value::Float(f32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as f64),
        b'd' => Value::Float(f64::from_bits(u(8))),
        b'Q' | b'L' | b'N' | b'P' => match i64::try_from(u(8)) {
            Ok(v) => Value::Int(v),
            Err(_) => vm.new_int(dashu_int::IBig::from(u(8))),
        },
        _ => Value::Int(u(8) as i64),
    }
}

pub fn register(vm: &mut Vm) {
    let t = vm.types.memoryview.clone();
    add_methods(vm, &t, METHODS);
    add_getsets(vm, &t, ATTRIBUTES);
    crate::objects::typeobject::slots::install::<MemoryViewType>(vm, &t);
}

pub struct MemoryViewType;

impl crate::objects::typeobject::slots::NativeType for MemoryViewType {
    const SLOTS: &'static crate::objects::typeobject::slots::Slots =
        &crate::objects::typeobject::slots::Slots {
            // The hash of the bytes viewed, for read-only memory only.
            hash: Some(|vm, o| {
                if let ObjKind::MemoryView(m) = o.kind() {
                    if matches!(m.obj.kind(), Some(ObjKind::ByteArray(_))) {
                        return Err(vm.value_error("cannot hash writable memoryview object"));
                    }
                }
                let data = data(vm, &Value::Obj(o.clone()))?;
                Ok(crate::protocol::hash::secret().hash_bytes(&data))
            }),
            ..crate::objects::typeobject::slots::Slots::NONE
        };
}

const METHODS: &[FunctionDef] = &[
    FunctionDef::new("__new__", memoryview_new),
    FunctionDef::unary("__len__", |vm, a| {
        let v = live(vm, &a.pos[0])?;
        Ok(Value::Int(v.count() as i64))
    }),
    FunctionDef::method("cast", cast).args(1, 2),
    FunctionDef::binary("__getitem__", getitem),
    FunctionDef::method("__setitem__", setitem).wrapper(2, true),
    FunctionDef::method("tobytes", |vm, a| {
        let data = data(vm, &a.pos[0])?;
        Ok(vm.new_bytes(data))
    })
    .no_args(),
    FunctionDef::method("tolist", |vm, a| {
        let f = live(vm, &a.pos[0])?.format;
        let data = data(vm, &a.pos[0])?;
        let size = item_size(f).unwrap_or(1);
        let items = data
            .chunks_exact(size)
            .map(|b| decode_item(vm, f, b))
            .collect();
        Ok(vm.new_list(items))
    })
    .no_args(),
    FunctionDef::method("hex", |vm, a| {
        let data = data(vm, &a.pos[0])?;
        let text: String = data.iter().map(|b| format!("{b:02x}")).collect();
        Ok(vm.new_string(text))
    })
    .no_args(),
    FunctionDef::method("release", |_, a| {
        if let Some(ObjKind::MemoryView(v)) = a.pos[0].kind() {
            v.released.set(true);
        }
        Ok(Value::None)
    })
    .no_args(),
    FunctionDef::method("toreadonly", |vm, a| {
        let v = live(vm, &a.pos[0])?;
        let bytes = match v.obj.kind() {
            Some(ObjKind::ByteArray(_)) => {
                let d = data(vm, &a.pos[0])?;
                vm.new_bytes(d)
            }
            _ => v.obj.clone(),
        };
        let (start, len) = match bytes.kind() {
            Some(ObjKind::Bytes(_)) if v.obj.is(&bytes) => (v.start, v.len),
            _ => (0, v.len),
        };
        Ok(new_view(vm, bytes, start, len))
    })
    .no_args(),
    FunctionDef::method("__enter__", |_, a| Ok(a.pos[0].clone())).no_args(),
    FunctionDef::method("__exit__", |_, a| {
        if let Some(ObjKind::MemoryView(v)) = a.pos[0].kind() {
            v.released.set(true);
        }
        Ok(Value::None)
    })
    .tuple_args(0, 255),
    FunctionDef::binary("__eq__", |vm, a| {
        if let Some(ObjKind::MemoryView(v)) = a.pos[0].kind() {
            if v.released.get() {
                return Ok(Value::Bool(a.pos[0].is(&a.pos[1])));
            }
        }
        let mine = data(vm, &a.pos[0])?;
        match crate::objects::bytes::bytes_of(vm, &a.pos[1]) {
            Ok(other) => Ok(Value::Bool(mine == other)),
            Err(_) => Ok(vm.not_implemented()),
        }
    }),
    FunctionDef::unary("__repr__", |vm, a| {
        let addr = a.pos[0].as_obj().map(|o| o.addr()).unwrap_or(0);
        let released = matches!(a.pos[0].kind(), Some(ObjKind::MemoryView(v)) if v.released.get());
        let what = if released {
            "released memory"
        } else {
            "memory"
        };
        Ok(vm.new_string(format!("<{what} at {addr:#x}>")))
    }),
];

fn memoryview_new(vm: &mut Vm, a: Args) -> PyResult {
    if !a.kw.is_empty() {
        return Err(vm.type_error("memoryview() takes no keyword arguments"));
    }
    let n = a.pos.len() - 1;
    if n == 0 {
        return Err(vm.type_error("memoryview() missing required argument 'object' (pos 1)"));
    }
    if n > 1 {
        return Err(vm.type_error(format!("memoryview() takes at most 1 argument ({n} given)")));
    }
    let obj = a.pos[1].clone();
    match obj.kind() {
        Some(ObjKind::Bytes(b)) => {
            let len = b.len();
            Ok(new_view(vm, obj, 0, len))
        }
        Some(ObjKind::ByteArray(b)) => {
            let len = b.borrow().len();
            Ok(new_view(vm, obj, 0, len))
        }
        Some(ObjKind::MemoryView(v)) => {
            if v.released.get() {
                return Err(released(vm));
            }
            let (inner, start, len) = (v.obj.clone(), v.start, v.len);
            Ok(new_view(vm, inner, start, len))
        }
        _ => Err(vm.type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            vm.type_name(&obj)
        ))),
    }
}

fn new_view(vm: &Vm, obj: Value, start: usize, len: usize) -> Value {
    Value::Obj(Obj::new(
        vm.types.memoryview.clone(),
        ObjKind::MemoryView(Box::new(MemView {
            obj,
            start,
            len,
            released: Cell::new(false),
            format: b'B',
        })),
    ))
}

fn released(vm: &Vm) -> crate::value::Obj {
    vm.value_error("operation forbidden on released memoryview object")
}

/// The view of `v`, if it is a memoryview not yet released.
fn live<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a MemView> {
    match v.kind() {
        Some(ObjKind::MemoryView(m)) if m.released.get() => Err(released(vm)),
        Some(ObjKind::MemoryView(m)) => Ok(m),
        _ => Err(vm.type_error(format!(
            "descriptor requires a 'memoryview' object but received a '{}'",
            vm.type_name(v)
        ))),
    }
}

/// The bytes a memoryview shows now.
pub fn data(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    let m = live(vm, v)?;
    let window = |b: &[u8]| -> Vec<u8> {
        let start = m.start.min(b.len());
        let end = (m.start + m.len).min(b.len());
        b[start..end].to_vec()
    };
    Ok(match m.obj.kind() {
        Some(ObjKind::Bytes(b)) => window(b),
        Some(ObjKind::ByteArray(b)) => window(&b.borrow()),
        _ => Vec::new(),
    })
}

fn index(vm: &mut Vm, m: &MemView, key: &Value) -> PyResult<usize> {
    let Some(i) = vm.index_i64(key)? else {
        return Err(vm.type_error("memoryview: invalid slice key"));
    };
    let n = m.len as i64;
    let i = if i < 0 { i + n } else { i };
    if !(0..n).contains(&i) {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    Ok(i as usize)
}

/// A slice key with step 1 as a (start, length) window within `m`.
fn window(vm: &mut Vm, m: &MemView, key: &Value) -> PyResult<Option<(usize, usize)>> {
    let Some(slice) = key
        .as_obj()
        .filter(|o| matches!(o.kind(), ObjKind::Slice { .. }))
    else {
        return Ok(None);
    };
    let ix = vm.slice_indices(slice, m.len)?;
    let (s, e, st) = (ix.start, ix.stop, ix.step);
    if st != 1 {
        return Err(vm.not_implemented_error(
            "memoryview slices with a step other than 1 are not supported yet",
        ));
    }
    Ok(Some((m.start + s as usize, (e - s).max(0) as usize)))
}

/// `m.cast(format)`: the same memory read as items of another native
/// format.
fn cast(vm: &mut Vm, a: Args) -> PyResult {
    let m = live(vm, &a.pos[0])?;
    let f = match crate::objects::str::value_pystr(&a.pos[1]).map(|s| s.to_string_lossy()) {
        Some(f) => f.trim_start_matches('@').to_string(),
        None => return Err(vm.type_error("memoryview: format argument must be a string")),
    };
    let format = match f.as_bytes() {
        [c] if item_size(*c).is_some() => *c,
        _ => {
            return Err(vm.value_error(
                "memoryview: destination format must be a native single character format prefixed with an optional '@'",
            ))
        }
    };
    if m.format != b'B' && format != b'B' {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    if m.len % item_size(format).unwrap_or(1) != 0 {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    Ok(Value::Obj(Obj::new(
        vm.types.memoryview.clone(),
        ObjKind::MemoryView(Box::new(MemView {
            obj: m.obj.clone(),
            start: m.start,
            len: m.len,
            released: Cell::new(false),
            format,
        })),
    )))
}

fn getitem(vm: &mut Vm, a: Args) -> PyResult {
    let m = live(vm, &a.pos[0])?;
    if m.format != b'B' {
        let Some(i) = vm.index_i64(&a.pos[1])? else {
            return Err(
                vm.not_implemented_error("slicing a cast memoryview is not supported by Krait yet")
            );
        };
        let n = m.count() as i64;
        let i = if i < 0 { i + n } else { i };
        if !(0..n).contains(&i) {
            return Err(vm.index_error("index out of bounds on dimension 1"));
        }
        let size = m.itemsize();
        let d = data(vm, &a.pos[0])?;
        let at = i as usize * size;
        return Ok(decode_item(vm, m.format, &d[at..at + size]));
    }
    if let Some((start, len)) = window(vm, m, &a.pos[1])? {
        return Ok(new_view(vm, m.obj.clone(), start, len));
    }
    let i = index(vm, m, &a.pos[1])?;
    let d = data(vm, &a.pos[0])?;
    Ok(Value::Int(d.get(i).copied().unwrap_or(0) as i64))
}

fn setitem(vm: &mut Vm, a: Args) -> PyResult {
    let m = live(vm, &a.pos[0])?;
    if m.format != b'B' {
        return Err(vm.not_implemented_error(
            "assigning to a cast memoryview is not supported by Krait yet",
        ));
    }
    let Some(ObjKind::ByteArray(target)) = m.obj.kind() else {
        return Err(vm.type_error("cannot modify read-only memory"));
    };
    if let Some((start, len)) = window(vm, m, &a.pos[1])? {
        let src = crate::objects::bytes::bytes_of(vm, &a.pos[2])?;
        if src.len() != len {
            return Err(vm.value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let mut t = target.borrow_mut();
        if start + len <= t.len() {
            t[start..start + len].copy_from_slice(&src);
        }
        return Ok(Value::None);
    }
    let i = index(vm, m, &a.pos[1])?;
    let byte = match vm.index_i64(&a.pos[2])? {
        Some(b) if (0..256).contains(&b) => b as u8,
        Some(_) => return Err(vm.value_error("memoryview: invalid value for format 'B'")),
        None => return Err(vm.type_error("memoryview: invalid type for format 'B'")),
    };
    let pos = m.start + i;
    if let Some(slot) = target.borrow_mut().get_mut(pos) {
        *slot = byte;
    }
    Ok(Value::None)
}

const ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::new("obj", |vm, v| Ok(live(vm, v)?.obj.clone())),
    GetSetDef::new("nbytes", |vm, v| Ok(Value::Int(live(vm, v)?.len as i64))),
    GetSetDef::new("readonly", |vm, v| {
        let m = live(vm, v)?;
        Ok(Value::Bool(!matches!(
            m.obj.kind(),
            Some(ObjKind::ByteArray(_))
        )))
    }),
    GetSetDef::new("itemsize", |vm, v| {
        live(vm, v).map(|m| Value::Int(m.itemsize() as i64))
    }),
    GetSetDef::new("ndim", |vm, v| live(vm, v).map(|_| Value::Int(1))),
    GetSetDef::new("format", |vm, v| {
        let f = live(vm, v)?.format;
        Ok(vm.new_string((f as char).to_string()))
    }),
    GetSetDef::new("shape", |vm, v| {
        let n = live(vm, v)?.count() as i64;
        Ok(vm.new_tuple(vec![Value::Int(n)]))
    }),
    GetSetDef::new("strides", |vm, v| {
        let size = live(vm, v)?.itemsize() as i64;
        Ok(vm.new_tuple(vec![Value::Int(size)]))
    }),
    GetSetDef::new("suboffsets", |vm, v| {
        live(vm, v)?;
        Ok(vm.new_tuple(vec![]))
    }),
    GetSetDef::new("c_contiguous", |vm, v| {
        live(vm, v).map(|_| Value::Bool(true))
    }),
    GetSetDef::new("f_contiguous", |vm, v| {
        live(vm, v).map(|_| Value::Bool(true))
    }),
    GetSetDef::new("contiguous", |vm, v| live(vm, v).map(|_| Value::Bool(true))),
];
