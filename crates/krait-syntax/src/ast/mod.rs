//! The abstract syntax tree and its text dump.

mod dump;
mod nodes;

pub use dump::dump_module;
pub use nodes::*;
