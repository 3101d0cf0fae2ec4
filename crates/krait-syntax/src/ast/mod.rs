//! The abstract syntax tree and its text dump.

mod dump;
mod nodes;

pub use dump::{dump_module, write_constant_repr};
pub use nodes::*;
