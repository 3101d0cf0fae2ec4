//! `_lzma`, under `lzma`: .xz, legacy .lzma and raw LZMA streams over the
//! xz project's liblzma (the `liblzma` crate, built from source): the
//! same bytes as CPython's. Filter chains of LZMA1, LZMA2, delta and the
//! branch converters are read from `filters=` dicts as CPython reads them.

use crate::compression::{Step, StreamState};
use krait_vm::api::{
    native_data, small_int, Args, FunctionDef as F, GetSetDef, ModuleDef, NativeType, Obj,
    PyResult, Slots, TypeDef, Value, Vm,
};
use liblzma::stream::{Action, Check, Filters, LzmaOptions, MatchFinder, Mode, Status, Stream};
use std::cell::RefCell;

pub const MODULE: ModuleDef = ModuleDef {
    name: "_lzma",
    doc: None,
    functions: &[
        F::new("is_check_supported", |_, a| {
            let c = small_int(&a.pos[0]).unwrap_or(-1);
            Ok(Value::Bool(matches!(c, 0 | 1 | 4 | 10)))
        })
        .one(),
        F::new("_encode_filter_properties", |vm, _| {
            Err(vm.not_implemented_error("lzma._encode_filter_properties is not supported yet"))
        }),
        F::new("_decode_filter_properties", |vm, _| {
            Err(vm.not_implemented_error("lzma._decode_filter_properties is not supported yet"))
        }),
    ],
    init: Some(init),
};

const FORMAT_AUTO: i64 = 0;
const FORMAT_XZ: i64 = 1;
const FORMAT_ALONE: i64 = 2;
const FORMAT_RAW: i64 = 3;
const CHECK_UNKNOWN: i64 = 16;
const FILTER_LZMA1: i64 = 0x4000_0000_0000_0001;
const FILTER_LZMA2: i64 = 0x21;
const FILTER_DELTA: i64 = 0x03;
const FILTER_X86: i64 = 0x04;
const FILTER_POWERPC: i64 = 0x05;
const FILTER_IA64: i64 = 0x06;
const FILTER_ARM: i64 = 0x07;
const FILTER_ARMTHUMB: i64 = 0x08;
const FILTER_SPARC: i64 = 0x09;
const PRESET_DEFAULT: i64 = 6;

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    let module = Value::Obj(m.clone());
    let ints: &[(&str, i64)] = &[
        ("FORMAT_AUTO", FORMAT_AUTO),
        ("FORMAT_XZ", FORMAT_XZ),
        ("FORMAT_ALONE", FORMAT_ALONE),
        ("FORMAT_RAW", FORMAT_RAW),
        ("CHECK_NONE", 0),
        ("CHECK_CRC32", 1),
        ("CHECK_CRC64", 4),
        ("CHECK_SHA256", 10),
        ("CHECK_ID_MAX", 15),
        ("CHECK_UNKNOWN", CHECK_UNKNOWN),
        ("FILTER_LZMA1", FILTER_LZMA1),
        ("FILTER_LZMA2", FILTER_LZMA2),
        ("FILTER_DELTA", FILTER_DELTA),
        ("FILTER_X86", FILTER_X86),
        ("FILTER_POWERPC", FILTER_POWERPC),
        ("FILTER_IA64", FILTER_IA64),
        ("FILTER_ARM", FILTER_ARM),
        ("FILTER_ARMTHUMB", FILTER_ARMTHUMB),
        ("FILTER_SPARC", FILTER_SPARC),
        ("MF_HC3", 0x03),
        ("MF_HC4", 0x04),
        ("MF_BT2", 0x12),
        ("MF_BT3", 0x13),
        ("MF_BT4", 0x14),
        ("MODE_FAST", 1),
        ("MODE_NORMAL", 2),
        ("PRESET_DEFAULT", PRESET_DEFAULT),
        ("PRESET_EXTREME", 0x8000_0000),
    ];
    krait_vm::api::add_int_constants(vm, m, ints);
    vm.exec_in("class LZMAError(Exception):\n    \"\"\"Call to liblzma failed.\"\"\"\nLZMAError.__module__ = '_lzma'\n", m)?;
    let c = vm.new_native_base_type::<CompressorType>(&TypeDef {
        name: "LZMACompressor",
        module: "_lzma",
        doc: None,
        methods: COMPRESSOR_METHODS,
    });
    vm.setattr_str(&module, "LZMACompressor", Value::Obj(c))?;
    let d = vm.new_native_base_type::<DecompressorType>(&TypeDef {
        name: "LZMADecompressor",
        module: "_lzma",
        doc: None,
        methods: DECOMPRESSOR_METHODS,
    });
    krait_vm::api::add_getsets(vm, &d, DECOMPRESSOR_ATTRIBUTES);
    vm.setattr_str(&module, "LZMADecompressor", Value::Obj(d))?;
    Ok(())
}

fn lzma_error(vm: &mut Vm, msg: &str) -> Obj {
    vm.module_exception("_lzma", "LZMAError", msg)
}

fn stream_error(vm: &mut Vm, e: liblzma::stream::Error) -> Obj {
    use liblzma::stream::Error as E;
    let msg = match e {
        E::Data => "Corrupt input data",
        E::Options => "Invalid or unsupported options",
        E::Format => "Input format not supported by decoder",
        E::MemLimit => "Memory usage limit exceeded",
        E::Mem => return vm.new_exception_msg(&vm.exception_class("MemoryError"), ""),
        E::UnsupportedCheck => "Unsupported integrity check",
        E::NoCheck | E::Program => "Internal error",
    };
    lzma_error(vm, msg)
}

fn given(a: &Args, i: usize) -> Option<&Value> {
    a.pos
        .get(i)
        .filter(|v| !matches!(v, Value::Null) && !v.is_none())
}

/// An option of a filter dict, if present.
fn option(vm: &mut Vm, spec: &Value, key: &str) -> PyResult<Option<i64>> {
    let k = vm.new_str(key);
    let has = vm.call_method(spec, "__contains__", vec![k.clone()])?;
    if !vm.truthy(&has)? {
        return Ok(None);
    }
    let v = vm.call_method(spec, "__getitem__", vec![k])?;
    small_int(&v)
        .map(Some)
        .ok_or_else(|| vm.type_error(format!("Value of filter option '{key}' must be an integer")))
}

fn lzma_options(vm: &mut Vm, spec: &Value) -> PyResult<LzmaOptions> {
    let preset = option(vm, spec, "preset")?.unwrap_or(PRESET_DEFAULT);
    let mut o = LzmaOptions::new_preset(preset as u32)
        .map_err(|_| lzma_error(vm, &format!("Invalid compression preset: {preset}")))?;
    if let Some(v) = option(vm, spec, "dict_size")? {
        o.dict_size(v as u32);
    }
    if let Some(v) = option(vm, spec, "lc")? {
        o.literal_context_bits(v as u32);
    }
    if let Some(v) = option(vm, spec, "lp")? {
        o.literal_position_bits(v as u32);
    }
    if let Some(v) = option(vm, spec, "pb")? {
        o.position_bits(v as u32);
    }
    if let Some(v) = option(vm, spec, "mode")? {
        o.mode(if v == 1 { Mode::Fast } else { Mode::Normal });
    }
    if let Some(v) = option(vm, spec, "nice_len")? {
        o.nice_len(v as u32);
    }
    if let Some(v) = option(vm, spec, "mf")? {
        o.match_finder(match v {
            0x03 => MatchFinder::HashChain3,
            0x04 => MatchFinder::HashChain4,
            0x12 => MatchFinder::BinaryTree2,
            0x13 => MatchFinder::BinaryTree3,
            _ => MatchFinder::BinaryTree4,
        });
    }
    if let Some(v) = option(vm, spec, "depth")? {
        o.depth(v as u32);
    }
    Ok(o)
}

/// A `filters=` chain as liblzma takes it.
fn filter_chain(vm: &mut Vm, filters: &Value) -> PyResult<Filters> {
    let mut chain = Filters::new();
    for spec in vm.iterate(filters)? {
        let Some(id) = option(vm, &spec, "id")? else {
            return Err(vm.value_error("Filter specifier must have an \"id\" entry"));
        };
        match id {
            FILTER_LZMA1 => {
                let o = lzma_options(vm, &spec)?;
                chain.lzma1(&o);
            }
            FILTER_LZMA2 => {
                let o = lzma_options(vm, &spec)?;
                chain.lzma2(&o);
            }
            FILTER_DELTA => {
                // The filter's one-byte properties are its distance less one.
                let dist = option(vm, &spec, "dist")?.unwrap_or(1);
                if !(1..=256).contains(&dist) {
                    return Err(lzma_error(vm, "Invalid or unsupported options"));
                }
                chain
                    .delta_properties(&[(dist - 1) as u8])
                    .map_err(|e| stream_error(vm, e))?;
            }
            FILTER_X86 => {
                chain.x86();
            }
            FILTER_POWERPC => {
                chain.powerpc();
            }
            FILTER_IA64 => {
                chain.ia64();
            }
            FILTER_ARM => {
                chain.arm();
            }
            FILTER_ARMTHUMB => {
                chain.arm_thumb();
            }
            FILTER_SPARC => {
                chain.sparc();
            }
            _ => return Err(vm.value_error(format!("Invalid filter ID: {id}"))),
        }
    }
    Ok(chain)
}

struct Compressor(RefCell<Option<Stream>>);

struct CompressorType;

impl NativeType for CompressorType {
    const SLOTS: &'static Slots = &Slots::NONE;
}

fn compressor(v: &Value) -> &Compressor {
    v.as_obj()
        .and_then(native_data::<Compressor>)
        .expect("LZMACompressor methods get compressors")
}

fn check_of(vm: &mut Vm, check: i64) -> PyResult<Check> {
    Ok(match check {
        -1 | 4 => Check::Crc64,
        0 => Check::None,
        1 => Check::Crc32,
        10 => Check::Sha256,
        _ => return Err(lzma_error(vm, "Unsupported integrity check")),
    })
}

fn new_compressor(vm: &mut Vm, a: &Args) -> PyResult<Stream> {
    let format = given(a, 1).and_then(small_int).unwrap_or(FORMAT_XZ);
    let check = given(a, 2).and_then(small_int).unwrap_or(-1);
    let preset = given(a, 3).and_then(small_int);
    let filters = given(a, 4).cloned();
    if format != FORMAT_XZ && check != -1 && check != 0 {
        return Err(vm.value_error("Integrity checks are only supported by FORMAT_XZ"));
    }
    if preset.is_some() && filters.is_some() {
        return Err(vm.value_error("Cannot specify both preset and filter chain"));
    }
    let preset = preset.unwrap_or(PRESET_DEFAULT) as u32;
    let r = match format {
        FORMAT_XZ => {
            let check = check_of(vm, check)?;
            match &filters {
                Some(f) => {
                    let chain = filter_chain(vm, f)?;
                    Stream::new_stream_encoder(&chain, check)
                }
                None => Stream::new_easy_encoder(preset, check),
            }
        }
        FORMAT_ALONE => {
            let opts = match &filters {
                Some(f) => {
                    let first = vm.iterate(f)?.into_iter().next().unwrap_or(Value::None);
                    lzma_options(vm, &first)?
                }
                None => LzmaOptions::new_preset(preset).map_err(|_| {
                    lzma_error(vm, &format!("Invalid compression preset: {preset}"))
                })?,
            };
            Stream::new_lzma_encoder(&opts)
        }
        FORMAT_RAW => {
            let Some(f) = &filters else {
                return Err(vm.value_error("Must specify filters for FORMAT_RAW"));
            };
            let chain = filter_chain(vm, f)?;
            Stream::new_raw_encoder(&chain)
        }
        _ => return Err(vm.value_error(format!("Invalid container format: {format}"))),
    };
    r.map_err(|e| stream_error(vm, e))
}

fn run_encoder(vm: &mut Vm, s: &mut Stream, input: &[u8], action: Action) -> PyResult<Vec<u8>> {
    let finishing = matches!(action, Action::Finish);
    crate::compression::compress_all(input, finishing, |rest, out| {
        let before = s.total_in();
        let status = s.process_vec(rest, out, action)?;
        Ok((
            (s.total_in() - before) as usize,
            status == Status::StreamEnd,
        ))
    })
    .map_err(|e| stream_error(vm, e))
}

const COMPRESSOR_METHODS: &[F] = &[
    F::new("__new__", |vm, a| {
        let Some(cls) = a.pos.first().and_then(|c| c.as_obj()).cloned() else {
            return Err(vm.type_error("LZMACompressor.__new__(X): X is not a type object"));
        };
        let a = bind_compressor(vm, a)?;
        let stream = new_compressor(vm, &a)?;
        Ok(vm.new_native(&cls, Compressor(RefCell::new(Some(stream)))))
    }),
    F::method("__init__", |_, _| Ok(Value::None)),
    F::method("compress", |vm, a| {
        let data = vm.bytes_like(&a.pos[1])?;
        let mut slot = compressor(&a.pos[0]).0.borrow_mut();
        let Some(s) = slot.as_mut() else {
            return Err(vm.value_error("Compressor has been flushed"));
        };
        let out = run_encoder(vm, s, &data, Action::Run)?;
        Ok(vm.new_bytes(out))
    })
    .one(),
    F::method("flush", |vm, a| {
        let mut slot = compressor(&a.pos[0]).0.borrow_mut();
        let Some(mut s) = slot.take() else {
            return Err(vm.value_error("Repeated call to flush()"));
        };
        let out = run_encoder(vm, &mut s, &[], Action::Finish)?;
        Ok(vm.new_bytes(out))
    })
    .no_args(),
];

const COMPRESSOR_PARAMS: krait_vm::api::Params = krait_vm::api::Params::Named {
    names: &["format", "check", "preset", "filters"],
    posonly: 0,
    positional: 4,
    required: 0,
};

fn bind_compressor(vm: &mut Vm, a: Args) -> PyResult<Args> {
    COMPRESSOR_PARAMS.bind(vm, "LZMACompressor", a, 1)
}

struct Decompressor(RefCell<Inflate>);

struct Inflate {
    stream: Stream,
    state: StreamState,
    check: i64,
}

struct DecompressorType;

impl NativeType for DecompressorType {
    const SLOTS: &'static Slots = &Slots::NONE;
}

fn decompressor(v: &Value) -> &Decompressor {
    v.as_obj()
        .and_then(native_data::<Decompressor>)
        .expect("LZMADecompressor methods get decompressors")
}

const DECOMPRESSOR_PARAMS: krait_vm::api::Params = krait_vm::api::Params::Named {
    names: &["format", "memlimit", "filters"],
    posonly: 0,
    positional: 3,
    required: 0,
};

fn new_decompressor(vm: &mut Vm, a: Args) -> PyResult {
    let Some(cls) = a.pos.first().and_then(|c| c.as_obj()).cloned() else {
        return Err(vm.type_error("LZMADecompressor.__new__(X): X is not a type object"));
    };
    let a = DECOMPRESSOR_PARAMS.bind(vm, "LZMADecompressor", a, 1)?;
    let format = given(&a, 1).and_then(small_int).unwrap_or(FORMAT_AUTO);
    let memlimit = given(&a, 2)
        .and_then(small_int)
        .map_or(u64::MAX, |m| m as u64);
    let filters = given(&a, 3).cloned();
    if given(&a, 2).is_some() && format == FORMAT_RAW {
        return Err(vm.value_error("Cannot specify memory limit with FORMAT_RAW"));
    }
    // The check is read from the stream header below, not reported by the
    // decoder.
    let flags = 0;
    let r = match format {
        FORMAT_AUTO => Stream::new_auto_decoder(memlimit, flags),
        FORMAT_XZ => Stream::new_stream_decoder(memlimit, flags),
        FORMAT_ALONE => Stream::new_lzma_decoder(memlimit),
        FORMAT_RAW => {
            let Some(f) = &filters else {
                return Err(vm.value_error("Must specify filters for FORMAT_RAW"));
            };
            let chain = filter_chain(vm, f)?;
            Stream::new_raw_decoder(&chain)
        }
        _ => return Err(vm.value_error(format!("Invalid container format: {format}"))),
    };
    let stream = r.map_err(|e| stream_error(vm, e))?;
    let check = if format == FORMAT_RAW || format == FORMAT_ALONE {
        0
    } else {
        CHECK_UNKNOWN
    };
    let state = Inflate {
        stream,
        state: StreamState::new(),
        check,
    };
    Ok(vm.new_native(&cls, Decompressor(RefCell::new(state))))
}

fn decompress(vm: &mut Vm, a: Args) -> PyResult {
    let data = vm.bytes_like(&a.pos[1])?;
    let max_length = a.pos.get(2).and_then(small_int).unwrap_or(-1);
    let mut s = decompressor(&a.pos[0]).0.borrow_mut();
    if s.state.eof {
        return Err(
            vm.new_exception_msg(&vm.exception_class("EOFError"), "Already at end of stream")
        );
    }
    // The .xz stream header names its integrity check.
    let head_len = s.state.pending.len() + data.len();
    if s.check == CHECK_UNKNOWN && head_len >= 8 {
        let mut head = s.state.pending.clone();
        head.extend_from_slice(&data[..data.len().min(8)]);
        s.check = if head.starts_with(&[0xFD, b'7', b'z', b'X', b'Z', 0]) {
            (head[7] & 0x0F) as i64
        } else {
            // A legacy .lzma stream, which has no check.
            0
        };
    }
    let Inflate { stream, state, .. } = &mut *s;
    let out = state.decompress(&data, max_length, |input, output| {
        let (before_in, before_out) = (stream.total_in(), stream.total_out());
        let r = stream.process(input, output, Action::Run);
        let step = Step {
            consumed: (stream.total_in() - before_in) as usize,
            produced: (stream.total_out() - before_out) as usize,
            ended: matches!(r, Ok(Status::StreamEnd)),
        };
        r.map(|_| step)
    });
    match out {
        Ok(out) => Ok(vm.new_bytes(out)),
        Err(e) => Err(stream_error(vm, e)),
    }
}

const DECOMPRESSOR_METHODS: &[F] = &[
    F::new("__new__", new_decompressor),
    F::method("__init__", |_, _| Ok(Value::None)),
    F::method("decompress", decompress).named(&["data", "max_length"], 0, 2, 1),
];

const DECOMPRESSOR_ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::member("eof", |_, o| {
        Ok(Value::Bool(decompressor(o).0.borrow().state.eof))
    }),
    GetSetDef::member("unused_data", |vm, o| {
        let b = decompressor(o).0.borrow().state.unused_data.clone();
        Ok(vm.new_bytes(b))
    }),
    GetSetDef::member("needs_input", |_, o| {
        Ok(Value::Bool(decompressor(o).0.borrow().state.needs_input))
    }),
    GetSetDef::member("check", |_, o| {
        Ok(Value::Int(decompressor(o).0.borrow().check))
    }),
];
