//! `_warnings`: the interpreter's door to `warnings`. Filtering and
//! showing warnings is the pure-Python `warnings` module's work (it finds
//! none of its state here and keeps its own); these functions hand a
//! warning raised from native code or `importlib` to it.

use crate::api::{FunctionDef as F, ModuleDef};
use crate::objects::function::Args;
use crate::vm::{PyResult, Vm};

pub const MODULE: ModuleDef = ModuleDef {
    name: "_warnings",
    doc: Some("_warnings provides basic warning filtering support.\nIt is a helper module to speed up interpreter start-up."),
    functions: &[
        F::new("warn", |vm, a| forward(vm, "warn", a)),
        F::new("warn_explicit", |vm, a| forward(vm, "warn_explicit", a)),
    ],
    init: None,
};

/// Calls `warnings.<name>` with the same arguments: no frame is added,
/// so a `stacklevel` counts from the same caller.
fn forward(vm: &mut Vm, name: &str, a: Args) -> PyResult {
    let warnings = vm.import("warnings")?;
    let f = vm.getattr_str(&warnings, name)?;
    vm.call_args(&f, a)
}

impl Vm {
    /// `warnings.warn(message, category)` on behalf of native code, with
    /// the warning located at the Python line that called it; an error
    /// when a filter turns the warning into one.
    pub fn warn(&mut self, category: &crate::value::Obj, message: &str) -> PyResult<()> {
        let warnings = self.import("warnings")?;
        let f = self.getattr_str(&warnings, "warn")?;
        let message = self.new_string(message.to_string());
        let category = crate::value::Value::Obj(category.clone());
        self.call_args(&f, Args::new([message, category]))?;
        Ok(())
    }
}
