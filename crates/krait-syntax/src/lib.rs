//! Krait's front end: Python 3.11 source text to an abstract syntax tree.
//!
//! The stages, each usable on its own:
//! - [`source::decode_source`]: file bytes to text (BOM, PEP 263 coding
//!   declarations, newline normalisation);
//! - [`lexer::Lexer`]: text to tokens;
//! - [`parser::parse_module`]: tokens to an [`ast::Mod`];
//! - [`ast::dump_module`]: the tree as `ast.dump(..., include_attributes=True)` prints it.

pub mod ast;
pub mod checks;
pub mod error;
pub mod lexer;
pub mod literals;
pub mod parser;
pub mod source;
pub mod token;
pub mod tokenize;

pub use error::{ErrorKind, SyntaxError, Warning};
pub use parser::{parse_expression, parse_module, parse_module_with_warnings};

/// The result of reading a source file: its decoded text, the tree or the
/// error, and the warnings raised on the way.
pub struct ParsedFile {
    pub source: String,
    pub result: Result<ast::Mod, SyntaxError>,
    pub warnings: Vec<Warning>,
}

/// Decodes and parses the bytes of a source file.
pub fn parse_file_bytes(bytes: &[u8]) -> ParsedFile {
    match source::decode_source(bytes) {
        Ok(source) => {
            let (result, warnings) = parse_module_with_warnings(&source);
            ParsedFile {
                source,
                result,
                warnings,
            }
        }
        Err(e) => ParsedFile {
            source: String::new(),
            result: Err(e),
            warnings: Vec::new(),
        },
    }
}
