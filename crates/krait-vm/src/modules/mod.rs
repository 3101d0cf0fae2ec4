//! The modules that live inside the VM: `builtins`, `sys`, the standard
//! streams, and the modules bound up with the object model (`_weakref`).

pub(crate) mod ast;
pub(crate) mod atexit;
pub(crate) mod builtins;
pub(crate) mod gc;
pub(crate) mod stdio;
pub mod stdlib_path;
pub(crate) mod streams;
pub(crate) mod sys;

/// The native modules every VM has, whatever else is registered.
pub(crate) const CORE_MODULES: &[&crate::api::ModuleDef] = &[
    &crate::objects::weakref::MODULE,
    &crate::codecs::module::MODULE,
    &ast::MODULE,
    &atexit::MODULE,
    &gc::MODULE,
];
