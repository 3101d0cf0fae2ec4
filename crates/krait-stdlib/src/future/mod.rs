//! `__future__`, written in Python (`future.py`, Krait's own code): the
//! features with their releases and compiler flags, there also when no
//! standard library is found (a program's `from __future__ import` needs
//! the module).

use krait_vm::api::{ModuleDef, Obj, PyResult, Vm};

pub const MODULE: ModuleDef = ModuleDef {
    name: "__future__",
    doc: None,
    functions: &[],
    init: Some(init),
};

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    vm.exec_in(include_str!("future.py"), m)
}
