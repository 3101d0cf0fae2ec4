//! `_csv`, under `csv`: dialects, the reader and the writer. Written in
//! Python (`csv.py`, Krait's own code) as a state machine with CPython's
//! states and messages.

use krait_vm::api::{ModuleDef, Obj, PyResult, Vm};

pub const MODULE: ModuleDef = ModuleDef {
    name: "_csv",
    doc: None,
    functions: &[],
    init: Some(init),
};

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    vm.exec_in(include_str!("csv.py"), m)
}
