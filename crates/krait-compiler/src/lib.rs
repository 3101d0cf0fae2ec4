//! Krait's compiler: a checked syntax tree to code objects.
//!
//! - [`symtable`]: the scope of every name (local, global, cell, free);
//! - `codegen`: code generation, unit by unit;
//! - `assemble`: labels, stack depth and the exception table;
//! - [`dis`]: the disassembly `krait dis` prints.

pub mod assemble;
pub mod code;
mod codegen;
pub mod dis;
pub mod fold;
pub mod symtable;

pub use code::{Code, Const, Instr};
pub use codegen::CompileError;

use krait_syntax::ast::{Expr, ExprKind, Mod, Stmt, StmtKind};
use std::rc::Rc;

/// Whether a module starts with `from __future__ import annotations`.
pub fn future_annotations(body: &[Stmt]) -> bool {
    for (i, s) in body.iter().enumerate() {
        match &s.kind {
            StmtKind::ImportFrom {
                module: Some(m),
                names,
                ..
            } if m == "__future__" => {
                if names.iter().any(|a| a.name == "annotations") {
                    return true;
                }
            }
            StmtKind::Expr { value } if i == 0 && is_str(value) => {}
            _ => return false,
        }
    }
    false
}

fn is_str(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Constant {
            value: krait_syntax::ast::Constant::Str(_),
            ..
        }
    )
}

/// Compiles a module (or an expression, for `eval`) that the front end
/// has already parsed and checked.
pub fn compile(module: &Mod, filename: &str) -> Result<Rc<Code>, CompileError> {
    match module {
        Mod::Module { body, .. } => {
            let table = symtable::SymbolTable::build(body);
            let mut c = codegen::Compiler::new(&table, filename, future_annotations(body));
            c.compile_module(body)
        }
        Mod::Interactive { body } => {
            let table = symtable::SymbolTable::build(body);
            let mut c = codegen::Compiler::new(&table, filename, future_annotations(body));
            c.set_interactive(true);
            c.compile_module(body)
        }
        Mod::Expression { body } => {
            let table = symtable::SymbolTable::build_for_expression(&[], body);
            let mut c = codegen::Compiler::new(&table, filename, false);
            c.compile_expression(body)
        }
    }
}
