//! `faulthandler`, written in Python (`faulthandler.py`, Krait's own
//! code): Krait's own crash reports stand in for the fault handler, so the
//! module records and checks what it is asked and can dump the running
//! thread's stack on demand (test helpers and servers call it).

use krait_vm::api::{ModuleDef, Obj, PyResult, Vm};

pub const MODULE: ModuleDef = ModuleDef {
    name: "faulthandler",
    doc: Some("faulthandler module."),
    functions: &[],
    init: Some(init),
};

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    vm.exec_in(include_str!("faulthandler.py"), m)
}
