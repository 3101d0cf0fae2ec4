//! `_bz2`, under `bz2`: streaming bzip2 compression and decompression
//! (the `bzip2` crate over `libbz2-rs-sys`, whose output is the same as
//! the C library's, so as CPython's).

use crate::compression::{Step, StreamState};
use bzip2::{Action, Compress, Compression, Decompress, Status};
use krait_vm::api::{
    native_data, small_int, Args, FunctionDef as F, GetSetDef, ModuleDef, NativeType, Obj,
    PyResult, Slots, TypeDef, Value, Vm,
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

fn run(vm: &mut Vm, c: &mut Compress, input: &[u8], action: Action) -> PyResult<Vec<u8>> {
    let finishing = matches!(action, Action::Finish);
    crate::compression::compress_all(input, finishing, |rest, out| {
        let before = c.total_in();
        let status = c.compress_vec(rest, out, action)?;
        Ok((
            (c.total_in() - before) as usize,
            status == Status::StreamEnd,
        ))
    })
    .map_err(|_: bzip2::Error| invalid_stream(vm))
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
        let data = vm.bytes_like(&a.pos[1])?;
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
    state: StreamState,
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

/// `decompress(data, max_length=-1)`.
fn decompress(vm: &mut Vm, a: Args) -> PyResult {
    let data = vm.bytes_like(&a.pos[1])?;
    let max_length = a.pos.get(2).and_then(small_int).unwrap_or(-1);
    let mut s = decompressor(&a.pos[0]).0.borrow_mut();
    if s.state.eof {
        return Err(vm.new_exception_msg(
            &vm.exception_class("EOFError"),
            "End of stream already reached",
        ));
    }
    let Inflate { d, state } = &mut *s;
    let out = state.decompress(&data, max_length, |input, output| {
        let (before_in, before_out) = (d.total_in(), d.total_out());
        let r = d.decompress(input, output);
        let step = Step {
            consumed: (d.total_in() - before_in) as usize,
            produced: (d.total_out() - before_out) as usize,
            ended: matches!(r, Ok(Status::StreamEnd)),
        };
        r.map(|_| step)
    });
    match out {
        Ok(out) => Ok(vm.new_bytes(out)),
        Err(_) => Err(invalid_stream(vm)),
    }
}

const DECOMPRESSOR_METHODS: &[F] = &[
    F::new("__new__", |vm, a| {
        let Some(cls) = a.pos.first().and_then(|c| c.as_obj()).cloned() else {
            return Err(vm.type_error("BZ2Decompressor.__new__(X): X is not a type object"));
        };
        let inflate = Inflate {
            d: Decompress::new(false),
            state: StreamState::new(),
        };
        Ok(vm.new_native(&cls, Decompressor(RefCell::new(inflate))))
    }),
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
];
