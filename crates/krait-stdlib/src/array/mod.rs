//! `array`: typed arrays. Written in Python (`array.py`, Krait's own
//! code) over a list and `struct`: every operation CPython's has, with its
//! messages; a native version can replace it when a profile asks.

use krait_vm::api::{ModuleDef, Obj, PyResult, Vm};

pub const MODULE: ModuleDef = ModuleDef {
    name: "array",
    doc: Some("This module defines an object type which can efficiently represent\nan array of basic values: characters, integers, floating point\nnumbers."),
    functions: &[],
    init: Some(init),
};

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    vm.exec_in(include_str!("array.py"), m)
}
