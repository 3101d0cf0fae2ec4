//! Krait's virtual machine — being assembled (issue 3).
//!
//! The modules beside this file (`value`, `object`, `types`, `str`, `dict`,
//! `set`, `hash`, `int`, `float`, `ops`, `attr`, `call`, `eval`, ...) are
//! the VM under construction. They join the crate's module tree once the
//! remaining pieces they call (built-in type registration, iteration,
//! formatting, generators, imports, tracebacks) are written, so that the
//! workspace always builds and its tests always pass.
