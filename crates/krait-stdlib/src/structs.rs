//! `_struct`: packing values into bytes and back by a format string
//! (byte order, sizes and alignment as CPython's `struct`).

use krait_vm::api::{
    bytes_data, float_value, native_data, small_int, value_pystr, Args, BigInt, FunctionDef as F,
    ModuleDef, NativeType, Obj, PyResult, Slots, TypeDef, Value, Vm,
};

pub const MODULE: ModuleDef = ModuleDef {
    name: "_struct",
    doc: Some("Functions to convert between Python values and C structs."),
    functions: FUNCTIONS,
    init: Some(init),
};

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    vm.exec_in(
        "class error(Exception): pass\nerror.__module__ = 'struct'\n",
        m,
    )?;
    let cls = vm.new_native_base_type::<StructType>(&STRUCT_TYPE);
    krait_vm::api::add_getsets(vm, &cls, STRUCT_ATTRIBUTES);
    krait_vm::api::add_attr(vm, m, "Struct", Value::Obj(cls));
    Ok(())
}

fn error(vm: &mut Vm, msg: &str) -> Obj {
    vm.module_exception("_struct", "error", msg)
}

/// One item of a format: its code, repeat count (or string length), and
/// where it starts.
#[derive(Clone, Copy)]
struct Item {
    code: u8,
    count: usize,
    offset: usize,
}

/// A run of `repeat` items of one code, each `size` bytes: a format keeps
/// runs, so that `'2147483647B'` costs no memory until it is used.
#[derive(Clone, Copy)]
struct Run {
    item: Item,
    repeat: usize,
    size: usize,
}

impl Format {
    /// The items one by one, in order.
    fn items(&self) -> impl Iterator<Item = Item> + '_ {
        self.runs.iter().flat_map(|run| {
            (0..run.repeat).map(move |k| Item {
                offset: run.item.offset + k * run.size,
                ..run.item
            })
        })
    }
}

struct Format {
    runs: Vec<Run>,
    size: usize,
    little: bool,
    native: bool,
    /// How many values packing takes.
    nvalues: usize,
}

fn code_size(code: u8, native: bool) -> Option<usize> {
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    })
}

fn parse(vm: &mut Vm, fmt: &str) -> PyResult<Format> {
    if fmt.contains('\0') {
        return Err(error(vm, "embedded null character"));
    }
    let bytes = fmt.as_bytes();
    let (native, little, mut i) = match bytes.first() {
        Some(b'@') => (true, cfg!(target_endian = "little"), 1),
        Some(b'=') => (false, cfg!(target_endian = "little"), 1),
        Some(b'<') => (false, true, 1),
        Some(b'>') | Some(b'!') => (false, false, 1),
        _ => (true, cfg!(target_endian = "little"), 0),
    };
    let mut items = Vec::new();
    let mut size = 0usize;
    let mut nvalues = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count = 1usize;
        if c.is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            count = fmt[start..i]
                .parse()
                .map_err(|_| error(vm, "total struct size too long"))?;
            if i >= bytes.len() {
                return Err(error(vm, "repeat count given without format specifier"));
            }
        }
        let code = bytes[i];
        i += 1;
        let Some(sz) = code_size(code, native) else {
            return Err(error(vm, "bad char in struct format"));
        };
        if native && sz > 1 && !matches!(code, b's' | b'p') {
            size = size.div_ceil(sz) * sz;
        }
        let grown = match code {
            b's' | b'p' => {
                items.push(Run {
                    item: Item {
                        code,
                        count,
                        offset: size,
                    },
                    repeat: 1,
                    size: count,
                });
                nvalues += 1;
                size.checked_add(count)
            }
            b'x' => size.checked_add(count),
            _ => {
                if count > 0 {
                    items.push(Run {
                        item: Item {
                            code,
                            count: 1,
                            offset: size,
                        },
                        repeat: count,
                        size: sz,
                    });
                }
                nvalues += count;
                count.checked_mul(sz).and_then(|b| size.checked_add(b))
            }
        };
        match grown {
            Some(n) if n <= isize::MAX as usize => size = n,
            _ => return Err(error(vm, "total struct size too long")),
        }
    }
    Ok(Format {
        runs: items,
        size,
        little,
        native,
        nvalues,
    })
}

fn format_arg(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(s) = value_pystr(v) {
        return Ok(s.to_string_lossy().into_owned());
    }
    if let Some(b) = bytes_data(v) {
        return Ok(String::from_utf8_lossy(&b).into_owned());
    }
    Err(vm.type_error(format!(
        "Struct() argument 1 must be a str or bytes object, not {}",
        vm.type_name(v)
    )))
}

/// The integer range of code `c` with size `n`.
fn int_range(c: u8, n: usize) -> (i128, i128) {
    let bits = (n * 8) as u32;
    if c.is_ascii_uppercase() {
        (0, (1i128 << bits) - 1)
    } else {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    }
}

fn put_int(out: &mut [u8], v: i128, n: usize, little: bool) {
    let b = v.to_le_bytes();
    for k in 0..n {
        out[if little { k } else { n - 1 - k }] = b[k];
    }
}

fn get_int(data: &[u8], n: usize, little: bool, signed: bool) -> i128 {
    let mut v: u128 = 0;
    for k in 0..n {
        let b = data[if little { n - 1 - k } else { k }];
        v = (v << 8) | b as u128;
    }
    if signed && n < 16 && v & (1u128 << (n * 8 - 1)) != 0 {
        (v as i128) - (1i128 << (n * 8))
    } else {
        v as i128
    }
}

fn pack_into_buf(vm: &mut Vm, f: &Format, values: &[Value], out: &mut [u8]) -> PyResult<()> {
    if values.len() != f.nvalues {
        return Err(error(
            vm,
            &format!(
                "pack expected {} items for packing (got {})",
                f.nvalues,
                values.len()
            ),
        ));
    }
    for (item, v) in f.items().zip(values) {
        let at = item.offset;
        let n = code_size(item.code, f.native).unwrap_or(1);
        match item.code {
            b's' | b'p' => {
                let Some(b) = bytes_data(v) else {
                    let msg = format!(
                        "argument for '{}' must be a bytes object",
                        item.code as char
                    );
                    return Err(error(vm, &msg));
                };
                let len = item.count;
                if item.code == b'p' {
                    // All the bytes that fit are copied; the length byte
                    // says at most 255.
                    let k = b.len().min(len.saturating_sub(1));
                    if len > 0 {
                        out[at] = k.min(255) as u8;
                        out[at + 1..at + 1 + k].copy_from_slice(&b[..k]);
                    }
                } else {
                    let k = b.len().min(len);
                    out[at..at + k].copy_from_slice(&b[..k]);
                }
            }
            b'c' => match bytes_data(v) {
                Some(b) if b.len() == 1 => out[at] = b[0],
                _ => return Err(error(vm, "char format requires a bytes object of length 1")),
            },
            b'?' => out[at] = vm.truthy(v)? as u8,
            b'e' | b'f' | b'd' => {
                let x = match small_int(v) {
                    Some(i) => i as f64,
                    None => match float_value(v) {
                        Some(x) => x,
                        None => match vm.special_method(v, "__float__") {
                            Some(m) => {
                                let r = vm.call(&m, vec![v.clone()])?;
                                float_value(&r).unwrap_or(0.0)
                            }
                            None => return Err(error(vm, "required argument is not a float")),
                        },
                    },
                };
                let bytes: Vec<u8> = match item.code {
                    b'd' => x.to_le_bytes().to_vec(),
                    b'f' => {
                        let y = x as f32;
                        if y.is_infinite() && x.is_finite() {
                            return Err(vm.overflow_error("float too large to pack with f format"));
                        }
                        y.to_le_bytes().to_vec()
                    }
                    _ => half(vm, x)?.to_le_bytes().to_vec(),
                };
                for k in 0..n {
                    out[at + if f.little { k } else { n - 1 - k }] = bytes[k];
                }
            }
            c => {
                let i = match vm.index_int(v) {
                    Ok(Some(i)) => i,
                    _ => return Err(error(vm, "required argument is not an integer")),
                };
                let big: BigInt = krait_vm::api::big_int(&i).unwrap_or_default();
                let (lo, hi) = int_range(c, n);
                let val = i128::try_from(&big).ok().filter(|x| (lo..=hi).contains(x));
                let Some(val) = val else {
                    let fits64 = if c.is_ascii_uppercase() {
                        u64::try_from(&big).is_ok()
                    } else {
                        i64::try_from(&big).is_ok()
                    };
                    let msg = match c {
                        b'b' | b'B' | b'h' | b'H' if i64::try_from(&big).is_ok() => {
                            let name = match c {
                                b'b' => "byte",
                                b'B' => "ubyte",
                                b'h' => "short",
                                _ => "ushort",
                            };
                            format!("{name} format requires {lo} <= number <= {hi}")
                        }
                        _ if !fits64
                            || n == 8
                            || (c.is_ascii_uppercase() && big < BigInt::ZERO) =>
                        {
                            "argument out of range".to_string()
                        }
                        _ => format!("'{}' format requires {lo} <= number <= {hi}", c as char),
                    };
                    return Err(error(vm, &msg));
                };
                put_int(&mut out[at..at + n], val, n, f.little);
            }
        }
    }
    Ok(())
}

/// IEEE half precision, round-half-even, as `struct`'s `e` format.
fn half(vm: &Vm, x: f64) -> PyResult<u16> {
    let bits = (x as f32).to_bits();
    let sign = ((bits >> 16) & 0x8000) as u16;
    if x.is_nan() {
        return Ok(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Ok(sign | 0x7c00);
    }
    if a >= 65520.0 {
        return Err(vm.overflow_error("float too large to pack with e format"));
    }
    let (m, e) = frexp(a);
    if a < 6.103515625e-05 {
        let v = (a / 5.960464477539063e-08).round_ties_even() as u16;
        return Ok(sign | v);
    }
    let mant = ((m * 2.0 - 1.0) * 1024.0).round_ties_even() as u16;
    let mut exp = (e - 1 + 15) as u16;
    let mut mant = mant;
    if mant == 1024 {
        mant = 0;
        exp += 1;
    }
    Ok(sign | (exp << 10) | mant)
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (0.0, 0);
    }
    let e = x.log2().floor() as i32 + 1;
    (x / 2f64.powi(e), e)
}

fn half_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = ((h >> 10) & 0x1f) as i32;
    let mant = (h & 0x3ff) as f64;
    sign * match exp {
        0 => mant * 2f64.powi(-24),
        31 if mant == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        e => (1.0 + mant / 1024.0) * 2f64.powi(e - 15),
    }
}

fn unpack_buf(vm: &mut Vm, f: &Format, data: &[u8]) -> PyResult {
    let mut out = Vec::with_capacity(f.nvalues);
    for item in f.items() {
        let at = item.offset;
        let n = code_size(item.code, f.native).unwrap_or(1);
        let v = match item.code {
            b's' => vm.new_bytes(data[at..at + item.count].to_vec()),
            b'p' => {
                let k = if item.count == 0 {
                    0
                } else {
                    (data[at] as usize).min(item.count - 1)
                };
                vm.new_bytes(data[at + 1..at + 1 + k].to_vec())
            }
            b'c' => vm.new_bytes(vec![data[at]]),
            b'?' => Value::Bool(data[at] != 0),
            b'e' | b'f' | b'd' => {
                let mut b = [0u8; 8];
                for k in 0..n {
                    b[k] = data[at + if f.little { k } else { n - 1 - k }];
                }
                Value::Float(match item.code {
                    b'd' => f64::from_le_bytes(b),
                    b'f' => f32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64,
                    _ => half_to_f64(u16::from_le_bytes([b[0], b[1]])),
                })
            }
            c => {
                let v = get_int(&data[at..at + n], n, f.little, c.is_ascii_lowercase());
                match i64::try_from(v) {
                    Ok(i) => Value::Int(i),
                    Err(_) => vm.new_int(BigInt::from(v)),
                }
            }
        };
        out.push(v);
    }
    Ok(vm.new_tuple(out))
}

fn buffer_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match bytes_data(v) {
        Some(b) => Ok(b.into_owned()),
        None => Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))),
    }
}

fn unpack_with(vm: &mut Vm, f: &Format, buf: &Value) -> PyResult {
    let data = buffer_arg(vm, buf)?;
    if data.len() != f.size {
        return Err(error(
            vm,
            &format!("unpack requires a buffer of {} bytes", f.size),
        ));
    }
    unpack_buf(vm, f, &data)
}

fn unpack_from_with(vm: &mut Vm, f: &Format, buf: &Value, offset: i64) -> PyResult {
    let data = buffer_arg(vm, buf)?;
    let len = data.len() as i128;
    let mut off = offset as i128;
    if off < 0 {
        if off + f.size as i128 > 0 {
            let msg = format!(
                "not enough data to unpack {} bytes at offset {offset}",
                f.size
            );
            return Err(error(vm, &msg));
        }
        if off + len < 0 {
            let msg = format!("offset {offset} out of range for {len}-byte buffer");
            return Err(error(vm, &msg));
        }
        off += len;
    }
    if len - off < f.size as i128 {
        return Err(error(
            vm,
            &format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {} (actual buffer size is {})",
                f.size as i128 + off, f.size, off, len
            ),
        ));
    }
    let off = off as usize;
    unpack_buf(vm, f, &data[off..off + f.size])
}

fn pack_with(vm: &mut Vm, f: &Format, values: &[Value]) -> PyResult {
    let mut out = vec![0u8; f.size];
    pack_into_buf(vm, f, values, &mut out)?;
    Ok(vm.new_bytes(out))
}

fn iter_unpack_with(vm: &mut Vm, f: &Format, buf: &Value) -> PyResult {
    let data = buffer_arg(vm, buf)?;
    if f.size == 0 {
        return Err(error(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    if data.len() % f.size != 0 {
        return Err(error(
            vm,
            &format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                f.size
            ),
        ));
    }
    let mut items = Vec::new();
    for chunk in data.chunks(f.size) {
        items.push(unpack_buf(vm, f, chunk)?);
    }
    let list = vm.new_list(items);
    vm.iter(&list)
}

fn pack_into_with(vm: &mut Vm, f: &Format, a: &[Value]) -> PyResult {
    let (buf, offset, values) = (&a[0], &a[1], &a[2..]);
    if buf.as_obj().is_none() {
        return Err(vm.type_error("argument must be read-write bytes-like object"));
    }
    let offset = small_int(offset).ok_or_else(|| vm.type_error("an integer is required"))?;
    let len = bytes_data(buf).map_or(0, |b| b.len()) as i128;
    let size = f.size as i128;
    let mut off = offset as i128;
    if off < 0 {
        if off + size > 0 {
            let msg = format!("no space to pack {size} bytes at offset {offset}");
            return Err(error(vm, &msg));
        }
        if off + len < 0 {
            let msg = format!("offset {offset} out of range for {len}-byte buffer");
            return Err(error(vm, &msg));
        }
        off += len;
    }
    if len - off < size {
        return Err(error(
            vm,
            &format!(
                "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {off} (actual buffer size is {len})",
                size + off
            ),
        ));
    }
    let offset = off as i64;
    let mut out = vec![0u8; f.size];
    pack_into_buf(vm, f, values, &mut out)?;
    let slice = vm.new_slice(offset, offset + f.size as i64);
    let data = vm.new_bytes(out);
    vm.setitem(buf, slice, data)?;
    Ok(Value::None)
}

fn fmt_of(vm: &mut Vm, v: &Value) -> PyResult<Format> {
    let s = format_arg(vm, v)?;
    parse(vm, &s)
}

const FUNCTIONS: &[F] = &[
    F::new("calcsize", |vm, a| {
        let f = fmt_of(vm, &a.pos[0])?;
        Ok(Value::Int(f.size as i64))
    })
    .one(),
    F::new("pack", |vm, a| {
        if a.pos.is_empty() {
            return Err(vm.type_error("pack expected at least 1 argument, got 0"));
        }
        let f = fmt_of(vm, &a.pos[0])?;
        pack_with(vm, &f, &a.pos[1..])
    }),
    F::new("pack_into", |vm, a| {
        let f = fmt_of(vm, &a.pos[0])?;
        pack_into_with(vm, &f, &a.pos[1..])
    }),
    F::new("unpack", |vm, a| {
        let f = fmt_of(vm, &a.pos[0])?;
        unpack_with(vm, &f, &a.pos[1])
    })
    .args(2, 2),
    F::new("unpack_from", |vm, a| {
        let f = fmt_of(vm, &a.pos[0])?;
        let off = a.given(2).and_then(small_int).unwrap_or(0);
        unpack_from_with(vm, &f, &a.pos[1], off)
    })
    .named(&["format", "buffer", "offset"], 2, 3, 2),
    F::new("iter_unpack", |vm, a| {
        let f = fmt_of(vm, &a.pos[0])?;
        iter_unpack_with(vm, &f, &a.pos[1])
    })
    .args(2, 2),
    F::new("_clearcache", |_, _| Ok(Value::None)).no_args(),
];

// ---- Struct ----------------------------------------------------------------

struct StructObj {
    format: Value,
    parsed: Format,
}

struct StructType;

impl NativeType for StructType {
    const SLOTS: &'static Slots = &Slots::NONE;
}

fn this(a: &Args) -> &StructObj {
    a.pos[0]
        .as_obj()
        .and_then(native_data::<StructObj>)
        .expect("Struct methods are on Struct objects")
}

const STRUCT_TYPE: TypeDef = TypeDef {
    name: "Struct",
    module: "_struct",
    doc: Some("Struct(fmt) --> compiled struct object"),
    methods: &[
        F::new("__new__", |vm, a| {
            let cls = a.pos[0].as_obj().cloned().expect("a class");
            let Some(fmt) = a.pos.get(1).cloned().or_else(|| a.kwarg("format").cloned()) else {
                return Err(vm.type_error("Struct() missing required argument 'format' (pos 1)"));
            };
            let parsed = fmt_of(vm, &fmt)?;
            let format = match bytes_data(&fmt) {
                Some(b) => vm.new_string(String::from_utf8_lossy(&b).into_owned()),
                None => fmt,
            };
            Ok(vm.new_native(&cls, StructObj { format, parsed }))
        }),
        F::method("__init__", |_, _| Ok(Value::None)),
        F::method("pack", |vm, a| {
            let s = this(&a);
            pack_with(vm, &s.parsed, &a.pos[1..])
        }),
        F::method("pack_into", |vm, a| {
            let s = this(&a);
            pack_into_with(vm, &s.parsed, &a.pos[1..])
        }),
        F::method("unpack", |vm, a| {
            let s = this(&a);
            unpack_with(vm, &s.parsed, &a.pos[1])
        })
        .one(),
        F::method("unpack_from", |vm, a| {
            let s = this(&a);
            let off = a.given(2).and_then(small_int).unwrap_or(0);
            unpack_from_with(vm, &s.parsed, &a.pos[1], off)
        })
        .named(&["buffer", "offset"], 0, 2, 1),
        F::method("iter_unpack", |vm, a| {
            let s = this(&a);
            iter_unpack_with(vm, &s.parsed, &a.pos[1])
        })
        .one(),
    ],
};

pub const STRUCT_ATTRIBUTES: &[krait_vm::api::GetSetDef] = &[
    krait_vm::api::GetSetDef::new("format", |_, s| {
        let o = s.as_obj().expect("a Struct");
        Ok(native_data::<StructObj>(o)
            .expect("a Struct")
            .format
            .clone())
    }),
    krait_vm::api::GetSetDef::new("size", |_, s| {
        let o = s.as_obj().expect("a Struct");
        Ok(Value::Int(
            native_data::<StructObj>(o).expect("a Struct").parsed.size as i64,
        ))
    }),
];
