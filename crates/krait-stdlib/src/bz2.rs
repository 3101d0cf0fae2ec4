//! `_bz2`, under `bz2`: streaming bzip2 compression and decompression
//! (the `bzip2` crate over `libbz2-rs-sys`, whose output is the same as
//! the C library's, so as CPython's).

use bzip2::{Action, Compress, Compression, Decompress, Status};
use krait_vm::api::{
    bytes_data, native_data, small_int, Args, FunctionDef as F, GetSetDef, ModuleDef, NativeType,
    Obj, PyResult, Slots, TypeDef, Value, Vm,
};
use std::cell::RefCell;

pub const MODULE: ModuleDef = ModuleDef {
    name: "_bz2",
    doc: None,
    functions: &[],
    init: Some(init),
};

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    let module = Value::Obj(m.clone());
    let c = vm.new_native_base_type::<CompressorType>(&TypeDef {
        name: "BZ2Compressor",
        module: "_bz2",
        doc: Some("Create a compressor object for compressing data incrementally.\n\n  compresslevel\n    Compression level, as a number between 1 and 9.\n\nFor one-shot compression, use the compress() function instead."),
        methods: COMPRESSOR_METHODS,
    });
    vm.setattr_str(&module, "BZ2Compressor", Value::Obj(c))?;
    let d = vm.new_native_base_type::<DecompressorType>(&TypeDef {
        name: "BZ2Decompressor",
        module: "_bz2",
        doc: Some("Create a decompressor object for decompressing data incrementally.\n\nFor one-shot decompression, use the decompress() function instead."),
        methods: DECOMPRESSOR_METHODS,
    });
    krait_vm::api::add_getsets(vm, &d, DECOMPRESSOR_ATTRIBUTES);
    vm.setattr_str(&module, "BZ2Decompressor", Value::Obj(d))?;
    Ok(())
}

fn data_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match bytes_data(v) {
        Some(b) => Ok(b.into_owned()),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

fn invalid_stream(vm: &mut Vm) -> Obj {
    let cls = Value::Obj(vm.exception_class("OSError"));
    let m = vm.new_str("Invalid data stream");
    match vm.call(&cls, vec![m]) {
        Ok(Value::Obj(e)) => e,
        Ok(_) => vm.runtime_error("OSError made no exception"),
        Err(e) => e,
    }
}

struct Compressor(RefCell<Option<Compress>>);

struct CompressorType;

impl NativeType for CompressorType {
    const SLOTS: &'static Slots = &Slots::NONE;
}

/// Runs the compressor over `input` with `action` until it has taken all
/// of it (and, finishing, written the end of the stream).
fn run(vm: &mut Vm, c: &mut Compress, input: &[u8], action: Action) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(input.len() / 4 + 128);
    let mut pos = 0;
    loop {
        if out.capacity() - out.len() < 1024 {
            out.reserve(out.capacity().max(8192));
        }
        let before = c.total_in();
        let status = c
            .compress_vec(&input[pos..], &mut out, action)
            .map_err(|_| invalid_stream(vm))?;
        pos += (c.total_in() - before) as usize;
        let done = match action {
            Action::Finish => status == Status::StreamEnd,
            _ => pos == input.len(),
        };
        if done {
            return Ok(out);
        }
    }
}

const COMPRESSOR_METHODS: &[F] = &[
    F::new("__new__", |vm, a| {
        let Some(cls) = a.pos.first().and_then(|c| c.as_obj()).cloned() else {
            return Err(vm.type_error("BZ2Compressor.__new__(X): X is not a type object"));
        };
        let level = match a.pos.get(1) {
            Some(v) => small_int(v).ok_or_else(|| vm.type_error("an integer is required"))?,
            None => 9,
        };
        if !(1..=9).contains(&level) {
            return Err(vm.value_error("compresslevel must be between 1 and 9"));
        }
        let c = Compress::new(Compression::new(level as u32), 0);
        Ok(vm.new_native(&cls, Compressor(RefCell::new(Some(c)))))
    }),
    F::method("__init__", |_, _| Ok(Value::None)),
    F::method("compress", |vm, a| {
        let data = data_arg(vm, &a.pos[1])?;
        let state = compressor(&a.pos[0]);
        let mut c = state.0.borrow_mut();
        let Some(c) = c.as_mut() else {
            return Err(vm.value_error("Compressor has been flushed"));
        };
        let out = run(vm, c, &data, Action::Run)?;
        Ok(vm.new_bytes(out))
    })
    .one(),
    F::method("flush", |vm, a| {
        let state = compressor(&a.pos[0]);
        let mut slot = state.0.borrow_mut();
        let Some(mut c) = slot.take() else {
            return Err(vm.value_error("Repeated call to flush()"));
        };
        let out = run(vm, &mut c, &[], Action::Finish)?;
        Ok(vm.new_bytes(out))
    })
    .no_args(),
];

fn compressor(v: &Value) -> &Compressor {
    v.as_obj()
        .and_then(native_data::<Compressor>)
        .expect("BZ2Compressor methods get compressors")
}

struct Decompressor(RefCell<Inflate>);

struct Inflate {
    d: Decompress,
    eof: bool,
    /// Input taken but not yet decompressed (output was limited).
    pending: Vec<u8>,
    unused_data: Vec<u8>,
    needs_input: bool,
}

struct DecompressorType;

impl NativeType for DecompressorType {
    const SLOTS: &'static Slots = &Slots::NONE;
}

fn decompressor(v: &Value) -> &Decompressor {
    v.as_obj()
        .and_then(native_data::<Decompressor>)
        .expect("BZ2Decompressor methods get decompressors")
}

/// `decompress(data, max_length=-1)`: at most `max_length` bytes of
/// output (all of it when negative); input left over waits for the next
/// call, and `needs_input` says whether more is wanted.
fn decompress(vm: &mut Vm, a: Args) -> PyResult {
    let data = data_arg(vm, &a.pos[1])?;
    let max_length = a.pos.get(2).and_then(small_int).unwrap_or(-1);
    let state = decompressor(&a.pos[0]);
    let mut s = state.0.borrow_mut();
    if s.eof {
        return Err(vm.new_exception_msg(
            &vm.exception_class("EOFError"),
            "End of stream already reached",
        ));
    }
    let mut input = std::mem::take(&mut s.pending);
    input.extend_from_slice(&data);
    let limit = if max_length < 0 {
        usize::MAX
    } else {
        max_length as usize
    };
    let mut out: Vec<u8> = Vec::new();
    let mut pos = 0;
    loop {
        let room = limit - out.len();
        if room == 0 {
            break;
        }
        let chunk = room.min((input.len() - pos).saturating_mul(4).clamp(8192, 1 << 22));
        let start = out.len();
        out.resize(start + chunk, 0);
        let before_in = s.d.total_in();
        let before_out = s.d.total_out();
        let r = s.d.decompress(&input[pos..], &mut out[start..]);
        let consumed = (s.d.total_in() - before_in) as usize;
        let produced = (s.d.total_out() - before_out) as usize;
        out.truncate(start + produced);
        pos += consumed;
        match r {
            Ok(Status::StreamEnd) => {
                s.eof = true;
                break;
            }
            Ok(_) => {
                if consumed == 0 && produced == 0 {
                    break;
                }
                if pos == input.len() && produced < chunk {
                    break;
                }
            }
            Err(_) => return Err(invalid_stream(vm)),
        }
    }
    let rest = input[pos..].to_vec();
    if s.eof {
        s.unused_data.extend_from_slice(&rest);
        s.needs_input = false;
    } else {
        // Output was cut short: what is left (input, or output the
        // library holds) comes out on the next call without new input.
        s.needs_input = !(out.len() == limit && limit > 0);
        s.pending = rest;
        if !s.pending.is_empty() {
            s.needs_input = false;
        }
    }
    Ok(vm.new_bytes(out))
}

const DECOMPRESSOR_METHODS: &[F] = &[
    F::new("__new__", |vm, a| {
        let Some(cls) = a.pos.first().and_then(|c| c.as_obj()).cloned() else {
            return Err(vm.type_error("BZ2Decompressor.__new__(X): X is not a type object"));
        };
        let inflate = Inflate {
            d: Decompress::new(false),
            eof: false,
            pending: Vec::new(),
            unused_data: Vec::new(),
            needs_input: true,
        };
        Ok(vm.new_native(&cls, Decompressor(RefCell::new(inflate))))
    }),
    F::method("__init__", |_, _| Ok(Value::None)),
    F::method("decompress", decompress).named(&["data", "max_length"], 0, 2, 1),
];

const DECOMPRESSOR_ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::member("eof", |_, o| {
        Ok(Value::Bool(decompressor(o).0.borrow().eof))
    }),
    GetSetDef::member("unused_data", |vm, o| {
        let b = decompressor(o).0.borrow().unused_data.clone();
        Ok(vm.new_bytes(b))
    }),
    GetSetDef::member("needs_input", |_, o| {
        Ok(Value::Bool(decompressor(o).0.borrow().needs_input))
    }),
];
