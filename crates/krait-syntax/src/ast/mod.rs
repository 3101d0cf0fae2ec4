//! The abstract syntax tree, its text dump and its unparser.

mod dump;
mod nodes;
mod unparse;
pub mod visit;

pub use dump::{dump_module, write_constant_repr};
pub use nodes::*;
pub use unparse::unparse_expr;
