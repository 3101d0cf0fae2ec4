//! `_tracemalloc`, under `tracemalloc`. Krait does not trace memory
//! allocations: tracing is never on, so there are no traces and no
//! object has a recorded allocation traceback, and `start()` says so
//! with NotImplementedError rather than pretending to trace.

use krait_vm::api::{FunctionDef as F, ModuleDef, Value};

pub const MODULE: ModuleDef = ModuleDef {
    name: "_tracemalloc",
    doc: Some("Debug module to trace memory blocks allocated by Python."),
    functions: &[
        F::new("is_tracing", |_, _| Ok(Value::Bool(false))).no_args(),
        F::new("start", |vm, _| {
            Err(vm.new_exception_msg(
                &vm.exc.not_implemented_error.clone(),
                "Krait does not trace memory allocations (tracemalloc.start)",
            ))
        })
        .args(0, 1),
        F::new("stop", |_, _| Ok(Value::None)).no_args(),
        F::new("clear_traces", |_, _| Ok(Value::None)).no_args(),
        F::new("reset_peak", |_, _| Ok(Value::None)).no_args(),
        F::new("get_traceback_limit", |_, _| Ok(Value::Int(1))).no_args(),
        F::new("get_traced_memory", |vm, _| {
            Ok(vm.new_tuple(vec![Value::Int(0), Value::Int(0)]))
        })
        .no_args(),
        F::new("get_tracemalloc_memory", |_, _| Ok(Value::Int(0))).no_args(),
        F::new("_get_object_traceback", |_, _| Ok(Value::None)).one(),
        F::new("_get_traces", |vm, _| Ok(vm.new_list(Vec::new()))).no_args(),
    ],
    init: None,
};
