//! `atexit`: functions to call when the program ends, newest first,
//! after the main module has run and before it is torn down.

use crate::api::{FunctionDef as F, ModuleDef};
use crate::objects::function::Args;
use crate::value::Value;
use crate::vm::Vm;

pub const MODULE: ModuleDef = ModuleDef {
    name: "atexit",
    doc: Some("allow programmer to define multiple exit functions to be executed\nupon normal program termination.\n\nTwo public functions, register and unregister, are defined.\n"),
    functions: &[
        F::new("register", |vm, a| {
            let Some(f) = a.pos.first().cloned() else {
                return Err(vm.type_error("register() takes at least 1 argument (0 given)"));
            };
            if !vm.is_callable(&f) {
                return Err(vm.type_error("the first argument must be callable"));
            }
            let Args { pos, kw } = a;
            vm.atexit.push((f.clone(), Args { pos: pos[1..].iter().cloned().collect(), kw }));
            Ok(f)
        }),
        F::new("unregister", |vm, a| {
            let f = a.pos[0].clone();
            let mut keep = Vec::new();
            for (g, args) in std::mem::take(&mut vm.atexit) {
                if !(g.is(&f) || vm.eq(&g, &f)?) {
                    keep.push((g, args));
                }
            }
            vm.atexit = keep;
            Ok(Value::None)
        })
        .one(),
        F::new("_clear", |vm, _| {
            vm.atexit.clear();
            Ok(Value::None)
        })
        .no_args(),
        F::new("_ncallbacks", |vm, _| Ok(Value::Int(vm.atexit.len() as i64))).no_args(),
        F::new("_run_exitfuncs", |vm, _| {
            vm.run_atexit();
            Ok(Value::None)
        })
        .no_args(),
    ],
    init: None,
};

impl Vm {
    /// Calls the registered exit functions, newest first; an error is
    /// reported and the next one runs, as CPython does.
    pub(crate) fn run_atexit(&mut self) {
        while let Some((f, args)) = self.atexit.pop() {
            if let Err(e) = self.call_args(&f, args) {
                if e.class().is_subtype(&self.exc.system_exit) {
                    continue;
                }
                self.write_unraisable(&e, Some("Exception ignored in atexit callback"), f);
            }
        }
    }
}
