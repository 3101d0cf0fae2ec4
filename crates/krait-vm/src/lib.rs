//! Krait's virtual machine: values and objects, the built-in types and
//! functions, and the loop that runs compiled code. `docs/ARCHITECTURE.md`
//! describes how the modules fit together.

pub mod attr;
pub mod bootstrap;
pub mod builtins;
pub mod bytesobj;
pub mod cache;
pub mod call;
pub mod code;
pub mod dict;
pub mod dictmethods;
pub mod dictops;
pub mod eval;
mod evalops;
pub mod exceptions;
pub mod excmethods;
pub mod float;
pub mod floatmethods;
pub mod format;
pub mod frame;
pub mod function;
pub mod gen;
pub mod hash;
pub mod int;
pub mod intmethods;
pub mod io;
pub mod iterobj;
pub mod listobj;
pub mod misctypes;
pub mod object;
pub mod objtype;
pub mod ops;
pub mod percent;
pub mod rangeobj;
pub mod repr;
pub mod runner;
pub mod seqops;
pub mod set;
pub mod setmethods;
pub mod setops;
pub mod special;
pub mod str;
pub mod strformat;
pub mod strmethods;
pub mod strops;
pub mod suggest;
pub mod sysmod;
pub mod traceback;
pub mod tupleobj;
pub mod types;
pub mod value;
pub mod vm;
pub mod vmglue;

pub use runner::Mode;
pub use value::{Obj, Value};
pub use vm::{PyResult, Vm};
