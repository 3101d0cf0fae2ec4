//! `_contextvars`: context variables and contexts, under `contextvars`
//! (and `decimal`, `asyncio`). Written in Python (`contextvars.py`,
//! Krait's own code): with one thread there is one current context, and
//! copy-on-write dicts give CPython's semantics.

use krait_vm::api::{ModuleDef, Obj, PyResult, Vm};

pub const MODULE: ModuleDef = ModuleDef {
    name: "_contextvars",
    doc: Some("Context Variables"),
    functions: &[],
    init: Some(init),
};

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    vm.exec_in(include_str!("contextvars.py"), m)
}
