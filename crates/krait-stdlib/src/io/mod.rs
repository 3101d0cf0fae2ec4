//! `_io`: files and in-memory streams (`FileIO`, the buffered classes,
//! `TextIOWrapper`, `BytesIO`, `StringIO`, `open`), under `io`.
//!
//! Written in Python (`io.py` beside this file, Krait's own code) over
//! `posix` file descriptors and `_codecs`' incremental codecs: it gives
//! CPython's classes, modes, errors and reprs now, and a native version
//! can replace it class by class when speed asks. `sys.stdout` and its
//! siblings are native streams of the VM and do not go through it.

use krait_vm::api::{ModuleDef, Obj, PyResult, Vm};

pub const MODULE: ModuleDef = ModuleDef {
    name: "_io",
    doc: Some("The io module provides the Python interfaces to stream handling."),
    functions: &[],
    init: Some(init),
};

const SOURCE: &str = include_str!("io.py");

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    vm.exec_in(SOURCE, m)
}
