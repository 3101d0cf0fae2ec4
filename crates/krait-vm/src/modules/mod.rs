//! The modules that live inside the VM: `builtins`, `sys` and the
//! standard streams.

pub(crate) mod builtins;
pub(crate) mod stdio;
pub mod stdlib_path;
pub(crate) mod streams;
pub(crate) mod sys;
