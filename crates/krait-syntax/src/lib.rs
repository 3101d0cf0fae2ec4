//! Krait's front end: Python 3.11 source text to an abstract syntax tree.
//!
//! The stages, each usable on its own:
//! - [`source::decode_source`]: file bytes to text (BOM, PEP 263 coding
//!   declarations, newline normalisation);
//! - [`lexer::Lexer`]: text to tokens;
//! - [`parser::parse_module`]: tokens to an [`ast::Mod`];
//! - [`ast::dump_module`]: the tree as `ast.dump(..., include_attributes=True)` prints it.

pub mod ast;
pub mod error;
pub mod lexer;
pub mod literals;
pub mod parser;
pub mod pystring;
pub mod source;
pub mod token;
pub mod tokenize;

pub use error::{ErrorKind, SyntaxError};
pub use parser::{parse_expression, parse_module};

/// Decodes and parses the bytes of a source file.
pub fn parse_file_bytes(bytes: &[u8]) -> Result<(String, ast::Mod), (String, SyntaxError)> {
    let text = source::decode_source(bytes).map_err(|e| (String::new(), e))?;
    match parse_module(&text) {
        Ok(m) => Ok((text, m)),
        Err(e) => Err((text, e)),
    }
}
