//! `_io`: files and in-memory streams (`FileIO`, the buffered classes,
//! `TextIOWrapper`, `BytesIO`, `StringIO`, `open`), under `io`.
//!
//! Written in Python (`io.py` beside this file, Krait's own code) over
//! `posix` file descriptors and `_codecs`' incremental codecs: it gives
//! CPython's classes, modes, errors and reprs now, and a native version
//! can replace it class by class when speed asks. `sys.stdout` and its
//! siblings are native streams of the VM and do not go through it.

use krait_vm::api::{
    add_attr, native_function, Args, FunctionDef, ModuleDef, Obj, PyResult, Value, Vm,
};

pub const MODULE: ModuleDef = ModuleDef {
    name: "_io",
    doc: Some("The io module provides the Python interfaces to stream handling."),
    functions: &[],
    init: Some(init),
};

const SOURCE: &str = include_str!("io.py");

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    vm.exec_in(SOURCE, m)?;
    // `open` is a built-in function, as CPython's is: kept in a class body
    // (`open = io.open`) it does not bind to instances as a Python
    // function would. It calls the Python one, which `io.py` defines.
    let module = Value::Obj(m.clone());
    if let Value::Obj(python_open) = vm.getattr_str(&module, "open")? {
        vm.remember_native_class("_io", "open", &python_open);
    }
    let open = native_function(vm, &OPEN, Some("_io"), None);
    add_attr(vm, m, "open", open.clone());
    // From now on `builtins.open` is this very function, as in CPython.
    let builtins = vm.import("builtins")?;
    vm.setattr_str(&builtins, "open", open)?;
    Ok(())
}

const OPEN: FunctionDef = FunctionDef::new("open", |vm, a: Args| {
    let Some(python_open) = vm.remembered_native_class("_io", "open") else {
        return Err(vm.runtime_error("_io.open is not initialised"));
    };
    vm.call_args(&Value::Obj(python_open), a)
});
