//! `zlib`, over the zlib library itself (built from source by `libz-sys`,
//! reached through `flate2`): compressed bytes are the same as CPython's.
//! `compress`/`decompress`, the streaming `Compress`/`Decompress` objects,
//! `crc32` and `adler32`. zlib, raw deflate and gzip framings are chosen by
//! `wbits` as in CPython (with 40..47 detecting zlib or gzip on input).

use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};
use krait_vm::api::{
    small_int, Args, FunctionDef as F, ModuleDef, NativeType, Obj, PyResult, Slots, TypeDef, Value,
    Vm,
};
use std::cell::RefCell;

pub const MODULE: ModuleDef = ModuleDef {
    name: "zlib",
    doc: Some("The functions in this module allow compression and decompression using the\nzlib library, which is based on GNU zip."),
    functions: &[
        F::new("compress", compress).named(&["data", "level", "wbits"], 1, 3, 1),
        F::new("decompress", decompress).named(&["data", "wbits", "bufsize"], 1, 3, 1),
        F::new("compressobj", compressobj).named(
            &["level", "method", "wbits", "memLevel", "strategy", "zdict"],
            0,
            6,
            0,
        ),
        F::new("decompressobj", decompressobj).named(&["wbits", "zdict"], 0, 2, 0),
        F::new("crc32", |vm, a| {
            let data = vm.bytes_like(&a.pos[0])?;
            let start = checksum_start(vm, a.pos.get(1), 0)?;
            let mut h = crc32fast::Hasher::new_with_initial(start);
            h.update(&data);
            Ok(Value::Int(h.finalize() as i64))
        })
        .args(1, 2),
        F::new("adler32", |vm, a| {
            let data = vm.bytes_like(&a.pos[0])?;
            let start = checksum_start(vm, a.pos.get(1), 1)?;
            Ok(Value::Int(adler32(start, &data) as i64))
        })
        .args(1, 2),
    ],
    init: Some(init),
};

const MAX_WBITS: i64 = 15;
const DEF_BUF_SIZE: i64 = 16384;

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    let module = Value::Obj(m.clone());
    let ints: &[(&str, i64)] = &[
        ("MAX_WBITS", MAX_WBITS),
        ("DEFLATED", 8),
        ("DEF_MEM_LEVEL", 8),
        ("DEF_BUF_SIZE", DEF_BUF_SIZE),
        ("Z_NO_COMPRESSION", 0),
        ("Z_BEST_SPEED", 1),
        ("Z_BEST_COMPRESSION", 9),
        ("Z_DEFAULT_COMPRESSION", -1),
        ("Z_FILTERED", 1),
        ("Z_HUFFMAN_ONLY", 2),
        ("Z_RLE", 3),
        ("Z_FIXED", 4),
        ("Z_DEFAULT_STRATEGY", 0),
        ("Z_NO_FLUSH", 0),
        ("Z_PARTIAL_FLUSH", 1),
        ("Z_SYNC_FLUSH", 2),
        ("Z_FULL_FLUSH", 3),
        ("Z_FINISH", 4),
        ("Z_BLOCK", 5),
        ("Z_TREES", 6),
    ];
    krait_vm::api::add_int_constants(vm, m, ints);
    // SAFETY: zlibVersion returns a pointer to a static NUL-terminated
    // string.
    let version = unsafe { std::ffi::CStr::from_ptr(libz_sys::zlibVersion()) }
        .to_string_lossy()
        .into_owned();
    for name in ["ZLIB_VERSION", "ZLIB_RUNTIME_VERSION"] {
        let v = vm.new_str(&version);
        vm.setattr_str(&module, name, v)?;
    }
    vm.exec_in(
        "class error(Exception): pass\nerror.__module__ = 'zlib'\n",
        m,
    )?;
    let compress = vm.new_native_type::<CompressType>(&TypeDef {
        name: "Compress",
        module: "zlib",
        doc: None,
        methods: COMPRESS_METHODS,
    });
    vm.setattr_str(&module, "Compress", Value::Obj(compress))?;
    let decompress = vm.new_native_type::<DecompressType>(&TypeDef {
        name: "Decompress",
        module: "zlib",
        doc: None,
        methods: DECOMPRESS_METHODS,
    });
    krait_vm::api::add_getsets(vm, &decompress, DECOMPRESS_ATTRIBUTES);
    vm.setattr_str(&module, "Decompress", Value::Obj(decompress))?;
    Ok(())
}

fn error(vm: &mut Vm, msg: &str) -> Obj {
    vm.module_exception("zlib", "error", msg)
}

fn int_arg(vm: &mut Vm, v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        None | Some(Value::Null) => Ok(default),
        // Anything with `__index__`, as CPython's argument parsing takes.
        Some(v) => {
            if let Some(i) = small_int(v) {
                return Ok(i);
            }
            let i = vm.index_arg(v)?;
            i64::try_from(&i)
                .map_err(|_| vm.overflow_error("Python int too large to convert to C ssize_t"))
        }
    }
}

fn checksum_start(vm: &mut Vm, v: Option<&Value>, default: u32) -> PyResult<u32> {
    match v {
        None => Ok(default),
        Some(v) => match krait_vm::api::big_int(v) {
            // CPython takes the value modulo 2**32.
            Some(i) => Ok(u32::try_from(&(i & krait_vm::api::BigInt::from(u32::MAX))).unwrap_or(0)),
            None => {
                let t = vm.type_name(v);
                Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")))
            }
        },
    }
}

fn adler32(start: u32, data: &[u8]) -> u32 {
    const MOD: u32 = 65521;
    let (mut a, mut b) = (start & 0xFFFF, start >> 16);
    // 5552 bytes is the most that cannot overflow before the reduction.
    for chunk in data.chunks(5552) {
        for &byte in chunk {
            a += byte as u32;
            b += a;
        }
        a %= MOD;
        b %= MOD;
    }
    (b << 16) | a
}

/// The framing `wbits` asks for.
#[derive(Clone, Copy, PartialEq)]
enum Framing {
    Zlib(u8),
    Raw(u8),
    Gzip(u8),
    /// Decompression only: zlib or gzip, by the first bytes.
    Auto,
}

fn framing(vm: &mut Vm, wbits: i64, decompressing: bool) -> PyResult<Framing> {
    // zlib itself takes a window of 8 as 9.
    let bits = |b: i64| b.clamp(9, 15) as u8;
    Ok(match wbits {
        0 if decompressing => Framing::Zlib(15),
        8..=15 => Framing::Zlib(bits(wbits)),
        -15..=-8 => Framing::Raw(bits(-wbits)),
        24..=31 => Framing::Gzip(bits(wbits - 16)),
        40..=47 if decompressing => Framing::Auto,
        _ if decompressing => {
            return Err(error(
                vm,
                "Error -2 while preparing to decompress data: inconsistent stream state",
            ))
        }
        _ => return Err(vm.value_error("Invalid initialization option")),
    })
}

fn level_arg(vm: &mut Vm, level: i64) -> PyResult<Compression> {
    match level {
        -1 => Ok(Compression::new(6)),
        0..=9 => Ok(Compression::new(level as u32)),
        _ => Err(error(vm, "Bad compression level")),
    }
}

fn new_compressor(vm: &mut Vm, level: i64, wbits: i64) -> PyResult<Compress> {
    let level = level_arg(vm, level)?;
    Ok(match framing(vm, wbits, false)? {
        Framing::Zlib(b) => Compress::new_with_window_bits(level, true, b),
        Framing::Raw(b) => Compress::new_with_window_bits(level, false, b),
        Framing::Gzip(b) => Compress::new_gzip(level, b),
        Framing::Auto => unreachable!("compression has no automatic framing"),
    })
}

fn new_decompressor(framing: Framing, first: &[u8]) -> Decompress {
    match framing {
        Framing::Zlib(_) => Decompress::new(true),
        Framing::Raw(_) => Decompress::new_with_window_bits(false, 15),
        Framing::Gzip(_) => Decompress::new_gzip(15),
        Framing::Auto if first.starts_with(&[0x1f, 0x8b]) => Decompress::new_gzip(15),
        Framing::Auto => Decompress::new(true),
    }
}

/// Runs the compressor over `input` with `flush`, collecting all output.
fn run_compress(
    vm: &mut Vm,
    c: &mut Compress,
    input: &[u8],
    flush: FlushCompress,
) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(input.len() / 2 + 64);
    let mut pos = 0;
    loop {
        if out.capacity() - out.len() < 64 {
            out.reserve(out.capacity().max(1024));
        }
        let before_in = c.total_in();
        let before_out = c.total_out();
        let status = c
            .compress_vec(&input[pos..], &mut out, flush)
            .map_err(|e| error(vm, &format!("Error -2 while compressing data: {e}")))?;
        pos += (c.total_in() - before_in) as usize;
        let produced = c.total_out() - before_out;
        let done = match status {
            Status::StreamEnd => true,
            _ => {
                pos == input.len()
                    && out.len() < out.capacity()
                    && (produced == 0 || flush == FlushCompress::None)
            }
        };
        if done {
            return Ok(out);
        }
    }
}

fn compress(vm: &mut Vm, a: Args) -> PyResult {
    let data = vm.bytes_like(&a.pos[0])?;
    let level = int_arg(vm, a.pos.get(1), -1)?;
    let wbits = int_arg(vm, a.pos.get(2), MAX_WBITS)?;
    let mut c = new_compressor(vm, level, wbits)?;
    let out = run_compress(vm, &mut c, &data, FlushCompress::Finish)?;
    Ok(vm.new_bytes(out))
}

/// A decompression's state: the stream, and what `Decompress` objects
/// report about it.
struct Inflater {
    d: Option<Decompress>,
    framing: Framing,
    zdict: Option<Vec<u8>>,
    eof: bool,
    unused_data: Vec<u8>,
    unconsumed_tail: Vec<u8>,
}

impl Inflater {
    fn new(framing: Framing, zdict: Option<Vec<u8>>) -> Self {
        Inflater {
            d: None,
            framing,
            zdict,
            eof: false,
            unused_data: Vec::new(),
            unconsumed_tail: Vec::new(),
        }
    }

    /// Inflates `input`, at most `max_length` bytes of output (0: no
    /// limit). Returns the output; input left over goes to
    /// `unconsumed_tail` (limit reached) or `unused_data` (after the end).
    fn run(
        &mut self,
        vm: &mut Vm,
        input: &[u8],
        max_length: usize,
        finishing: bool,
    ) -> PyResult<Vec<u8>> {
        let framing = self.framing;
        let d = self
            .d
            .get_or_insert_with(|| new_decompressor(framing, input));
        let mut out: Vec<u8> = Vec::new();
        let mut pos = 0;
        loop {
            // Grow the output as it fills, never past `max_length`.
            let grow = out.len().clamp(DEF_BUF_SIZE as usize, 1 << 24);
            let room = if max_length > 0 {
                (max_length - out.len()).min(grow)
            } else {
                grow
            };
            if room == 0 {
                break;
            }
            let start = out.len();
            out.resize(start + room, 0);
            let before_in = d.total_in();
            let before_out = d.total_out();
            let r = d.decompress(&input[pos..], &mut out[start..], FlushDecompress::None);
            let consumed = (d.total_in() - before_in) as usize;
            let produced = (d.total_out() - before_out) as usize;
            out.truncate(start + produced);
            pos += consumed;
            match r {
                Ok(Status::StreamEnd) => {
                    self.eof = true;
                    self.unused_data.extend_from_slice(&input[pos..]);
                    pos = input.len();
                    break;
                }
                // Stuck (more input needed), or all input in and the output
                // not filled: nothing more comes now.
                Ok(_)
                    if (consumed == 0 && produced == 0)
                        || (pos == input.len() && produced < room) =>
                {
                    break
                }
                Ok(_) => {}
                Err(e) => {
                    if let (Some(_), Some(dict)) = (e.needs_dictionary(), self.zdict.clone()) {
                        d.set_dictionary(&dict).map_err(|_| {
                            error(
                                vm,
                                "Error -3 while decompressing data: incorrect dictionary",
                            )
                        })?;
                        continue;
                    }
                    if e.needs_dictionary().is_some() {
                        return Err(error(vm, "Error 2 while decompressing data"));
                    }
                    let msg = e.message().unwrap_or("invalid data").to_string();
                    return Err(error(
                        vm,
                        &format!("Error -3 while decompressing data: {msg}"),
                    ));
                }
            }
        }
        if !self.eof {
            self.unconsumed_tail = input[pos..].to_vec();
            if finishing && max_length == 0 {
                return Err(error(
                    vm,
                    "Error -5 while decompressing data: incomplete or truncated stream",
                ));
            }
        } else {
            self.unconsumed_tail.clear();
        }
        Ok(out)
    }
}

fn decompress(vm: &mut Vm, a: Args) -> PyResult {
    let data = vm.bytes_like(&a.pos[0])?;
    let wbits = int_arg(vm, a.pos.get(1), MAX_WBITS)?;
    let bufsize = int_arg(vm, a.pos.get(2), DEF_BUF_SIZE)?;
    if bufsize < 0 {
        return Err(vm.value_error("bufsize must be non-negative"));
    }
    let framing = framing(vm, wbits, true)?;
    let mut inflater = Inflater::new(framing, None);
    let out = inflater.run(vm, &data, 0, true)?;
    Ok(vm.new_bytes(out))
}

struct CompressObj(RefCell<Option<Compress>>);

struct CompressType;

impl NativeType for CompressType {
    const SLOTS: &'static Slots = &Slots::NONE;
}

fn compressobj(vm: &mut Vm, a: Args) -> PyResult {
    let level = int_arg(vm, a.pos.first(), -1)?;
    let method = int_arg(vm, a.pos.get(1), 8)?;
    let wbits = int_arg(vm, a.pos.get(2), MAX_WBITS)?;
    let mem_level = int_arg(vm, a.pos.get(3), 8)?;
    let strategy = int_arg(vm, a.pos.get(4), 0)?;
    if method != 8 {
        return Err(vm.value_error("Invalid initialization option"));
    }
    if mem_level != 8 || strategy != 0 {
        return Err(vm.not_implemented_error(
            "zlib.compressobj: memLevel and strategy other than the defaults are not supported",
        ));
    }
    let mut c = new_compressor(vm, level, wbits)?;
    if let Some(z) = a.pos.get(5).filter(|v| !matches!(v, Value::Null)) {
        let dict = vm.bytes_like(z)?;
        c.set_dictionary(&dict)
            .map_err(|_| vm.value_error("Invalid dictionary"))?;
    }
    let cls = vm.native_class("zlib", "Compress")?;
    Ok(vm.new_native(&cls, CompressObj(RefCell::new(Some(c)))))
}

fn compress_state(a: &Args) -> &CompressObj {
    a.pos[0]
        .as_obj()
        .and_then(krait_vm::api::native_data::<CompressObj>)
        .expect("Compress methods get Compress objects")
}

const COMPRESS_METHODS: &[F] = &[
    F::method("compress", |vm, a| {
        let data = vm.bytes_like(&a.pos[1])?;
        let mut state = compress_state(&a).0.borrow_mut();
        let Some(c) = state.as_mut() else {
            return Err(error(
                vm,
                "Error -2 while compressing data: inconsistent stream state",
            ));
        };
        let out = run_compress(vm, c, &data, FlushCompress::None)?;
        Ok(vm.new_bytes(out))
    })
    .one(),
    F::method("flush", |vm, a| {
        let mode = int_arg(vm, a.pos.get(1), 4)?;
        let flush = match mode {
            0 => return Ok(vm.new_bytes(Vec::new())),
            2 => FlushCompress::Sync,
            3 => FlushCompress::Full,
            1 | 5 | 6 => FlushCompress::Partial,
            _ => FlushCompress::Finish,
        };
        let mut state = compress_state(&a).0.borrow_mut();
        let Some(c) = state.as_mut() else {
            return Err(error(
                vm,
                "Error -2 while flushing: inconsistent stream state",
            ));
        };
        let out = run_compress(vm, c, &[], flush)?;
        if flush == FlushCompress::Finish {
            *state = None;
        }
        Ok(vm.new_bytes(out))
    })
    .args(0, 1),
    F::method("copy", |vm, _| {
        Err(vm.not_implemented_error("zlib.Compress.copy() is not supported"))
    })
    .no_args(),
];

struct DecompressObj(RefCell<Inflater>);

struct DecompressType;

impl NativeType for DecompressType {
    const SLOTS: &'static Slots = &Slots::NONE;
}

fn decompressobj(vm: &mut Vm, a: Args) -> PyResult {
    let wbits = int_arg(vm, a.pos.first(), MAX_WBITS)?;
    let zdict = match a.pos.get(1).filter(|v| !matches!(v, Value::Null)) {
        Some(z) => Some(
            vm.bytes_like(z)
                .map_err(|_| vm.type_error("zdict argument must support the buffer protocol"))?,
        ),
        None => None,
    };
    let framing = match framing(vm, wbits, true) {
        Ok(f) => f,
        Err(_) => return Err(vm.value_error("Invalid initialization option")),
    };
    let mut inflater = Inflater::new(framing, zdict.clone());
    if let (Framing::Raw(_), Some(dict)) = (framing, &zdict) {
        let mut d = new_decompressor(framing, &[]);
        d.set_dictionary(dict)
            .map_err(|_| vm.value_error("Invalid dictionary"))?;
        inflater.d = Some(d);
    }
    let cls = vm.native_class("zlib", "Decompress")?;
    Ok(vm.new_native(&cls, DecompressObj(RefCell::new(inflater))))
}

fn decompress_state(v: &Value) -> &DecompressObj {
    v.as_obj()
        .and_then(krait_vm::api::native_data::<DecompressObj>)
        .expect("Decompress methods get Decompress objects")
}

const DECOMPRESS_METHODS: &[F] = &[
    F::method("decompress", |vm, a| {
        let data = vm.bytes_like(&a.pos[1])?;
        let max_length = int_arg(vm, a.pos.get(2), 0)?;
        if max_length < 0 {
            return Err(vm.value_error("max_length must be non-negative"));
        }
        let state = decompress_state(&a.pos[0]);
        let mut inflater = state.0.borrow_mut();
        if inflater.eof {
            inflater.unused_data.extend_from_slice(&data);
            return Ok(vm.new_bytes(Vec::new()));
        }
        let out = inflater.run(vm, &data, max_length as usize, false)?;
        Ok(vm.new_bytes(out))
    })
    .named(&["data", "max_length"], 1, 2, 1),
    F::method("flush", |vm, a| {
        let length = int_arg(vm, a.pos.get(1), DEF_BUF_SIZE)?;
        if length <= 0 {
            return Err(vm.value_error("length must be greater than zero"));
        }
        let state = decompress_state(&a.pos[0]);
        let mut inflater = state.0.borrow_mut();
        let tail = std::mem::take(&mut inflater.unconsumed_tail);
        if inflater.eof || tail.is_empty() {
            return Ok(vm.new_bytes(Vec::new()));
        }
        let out = inflater.run(vm, &tail, 0, false)?;
        Ok(vm.new_bytes(out))
    })
    .args(0, 1),
    F::method("copy", |vm, _| {
        Err(vm.not_implemented_error("zlib.Decompress.copy() is not supported"))
    })
    .no_args(),
];

/// `unused_data`, `unconsumed_tail` and `eof` of a `Decompress` object.
const DECOMPRESS_ATTRIBUTES: &[krait_vm::api::GetSetDef] = &[
    krait_vm::api::GetSetDef::member("unused_data", |vm, o| {
        let b = decompress_state(o).0.borrow().unused_data.clone();
        Ok(vm.new_bytes(b))
    }),
    krait_vm::api::GetSetDef::member("unconsumed_tail", |vm, o| {
        let b = decompress_state(o).0.borrow().unconsumed_tail.clone();
        Ok(vm.new_bytes(b))
    }),
    krait_vm::api::GetSetDef::member("eof", |_, o| {
        Ok(Value::Bool(decompress_state(o).0.borrow().eof))
    }),
];
