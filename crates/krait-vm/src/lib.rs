//! Krait's virtual machine: values and objects, the built-in types and
//! functions, and the loop that runs compiled code. `docs/ARCHITECTURE.md`
//! describes how the modules fit together.

pub mod api;
pub(crate) mod bootstrap;
pub(crate) mod codecs;
pub mod config;
pub(crate) mod errors;
pub(crate) mod eval;
pub(crate) mod import;
pub(crate) mod modules;
pub(crate) mod object;
pub(crate) mod objects;
pub(crate) mod protocol;
pub(crate) mod runner;
pub mod signals;
pub mod threads;
pub(crate) mod value;
pub(crate) mod vm;

pub use config::Config;
pub use modules::stdlib_path::Stdlib;
pub use runner::Mode;
pub use value::{Obj, Value};
pub use vm::{PyResult, Vm};
