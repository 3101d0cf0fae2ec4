//! `_contextvars`: context variables and contexts, under `contextvars`
//! (and `decimal`, `asyncio`). Written in Python (`contextvars.py`,
//! Krait's own code): each thread has its current context, and
//! copy-on-write dicts give CPython's semantics.

use krait_vm::api::{FunctionDef as F, ModuleDef, Obj, PyResult, Value, Vm};

pub const MODULE: ModuleDef = ModuleDef {
    name: "_contextvars",
    doc: Some("Context Variables"),
    functions: &[
        F::new("_current", current).no_args(),
        F::new("_set_current", |vm, a| {
            vm.set_thread_context(a.pos[0].clone());
            Ok(Value::None)
        })
        .one(),
    ],
    init: Some(init),
};

/// The running thread's context, made empty on the thread's first use.
fn current(vm: &mut Vm, _: krait_vm::api::Args) -> PyResult {
    let ctx = vm.thread_context();
    if !ctx.is_none() {
        return Ok(ctx.clone());
    }
    let module = vm.import("_contextvars")?;
    let class = vm.getattr_str(&module, "Context")?;
    let ctx = vm.call(&class, Vec::new())?;
    vm.set_thread_context(ctx.clone());
    Ok(ctx)
}

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    vm.exec_in(include_str!("contextvars.py"), m)
}
