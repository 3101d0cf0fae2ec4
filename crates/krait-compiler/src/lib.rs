//! Krait's compiler: a checked syntax tree to code objects.
//!
//! - [`symtable`]: the scope of every name (local, global, cell, free);
//! - `codegen`: code generation, unit by unit;
//! - `assemble`: labels, stack depth and the exception table;
//! - [`dis`]: the disassembly `krait dis` prints;
//! - [`cpython_view`]: the same code laid out as CPython 3.11's bytecode
//!   (`co_code`, what the standard library's `dis` reads).

pub mod assemble;
pub mod code;
pub mod code_cache;
mod codegen;
pub mod cpython_view;
pub mod dis;
pub mod fold;
pub mod instructions;
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
    compile_optimized(module, filename, 0)
}

/// The same at an optimization level: 1 drops asserts and makes
/// `__debug__` False (`-O`), 2 drops docstrings too (`-OO`).
pub fn compile_optimized(
    module: &Mod,
    filename: &str,
    optimize: u8,
) -> Result<Rc<Code>, CompileError> {
    match module {
        Mod::Module { body, .. } => {
            let table = symtable::SymbolTable::build(body);
            let mut c = codegen::Compiler::new(&table, filename, future_annotations(body));
            c.set_optimize(optimize);
            c.compile_module(body)
        }
        Mod::Interactive { body } => {
            let table = symtable::SymbolTable::build(body);
            let mut c = codegen::Compiler::new(&table, filename, future_annotations(body));
            c.set_interactive(true);
            c.set_optimize(optimize);
            c.compile_module(body)
        }
        Mod::Expression { body } => {
            let table = symtable::SymbolTable::build_for_expression(&[], body);
            let mut c = codegen::Compiler::new(&table, filename, false);
            c.set_optimize(optimize);
            c.compile_expression(body)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::{Const, Instr};

    fn compile_src(src: &str) -> Rc<Code> {
        let module = krait_syntax::parse_module(src).expect("valid source");
        compile(&module, "<test>").expect("compiles")
    }

    fn nested<'a>(code: &'a Code, name: &str) -> &'a Code {
        code.consts
            .iter()
            .find_map(|c| match c {
                Const::Code(c) if c.name == name => Some(&**c),
                _ => None,
            })
            .expect("a nested code object")
    }

    #[test]
    fn closures_get_cells_and_free_variables() {
        let code =
            compile_src("def f(a):\n    b = 1\n    def g():\n        return a + b\n    return g\n");
        let f = nested(&code, "f");
        assert_eq!(f.cellvars, ["a", "b"]);
        // `a` is a parameter: its cell starts with the argument.
        assert_eq!(f.cell2arg, [Some(0), None]);
        let g = nested(f, "g");
        assert_eq!(g.freevars, ["a", "b"]);
        assert!(g.instrs.contains(&Instr::LoadDeref(0)));
    }

    #[test]
    fn methods_using_super_get_the_class_cell() {
        let code = compile_src("class C:\n    def m(self):\n        return super().m()\n");
        let c = nested(&code, "C");
        assert_eq!(c.cellvars, ["__class__"]);
        assert_eq!(nested(c, "m").freevars, ["__class__"]);
    }

    #[test]
    fn try_except_has_a_handler_and_no_setup_instruction() {
        let code = compile_src("try:\n    x = 1\nexcept E:\n    pass\n");
        assert!(!code.exception_table.is_empty());
        let first = &code.exception_table[0];
        assert_eq!(first.depth, 0);
        assert_eq!(code.instrs[first.target as usize], Instr::PushExcInfo);
    }

    #[test]
    fn with_handler_keeps_only_the_exit_function() {
        let code = compile_src("with m as v:\n    pass\n");
        let handler = code
            .exception_table
            .iter()
            .find(|e| code.instrs[e.target as usize] == Instr::PushExcInfo)
            .expect("a with handler");
        assert_eq!(handler.depth, 1);
    }

    #[test]
    fn constants_fold_without_changing_meaning() {
        let code = compile_src("x = -1\ny = (1, 2, 'a')\nz = 2 ** 10\nw = 1 / 0\n");
        assert!(code.consts.contains(&Const::Int(-1)));
        assert!(code.consts.contains(&Const::Int(1024)));
        assert!(code
            .consts
            .iter()
            .any(|c| matches!(c, Const::Tuple(items) if items.len() == 3)));
        // Division by zero must raise at run time, so it is not folded.
        assert!(code.instrs.iter().any(|i| matches!(i, Instr::BinaryOp(_))));
    }

    #[test]
    fn stack_depth_covers_calls() {
        let code = compile_src("print(1, 2, 3)\n");
        // NULL, print, three arguments.
        assert_eq!(code.max_stack, 5);
    }

    #[test]
    fn comprehension_targets_are_local_to_the_comprehension() {
        let code = compile_src("def f(xs):\n    return [x for x in xs]\n");
        let f = nested(&code, "f");
        assert_eq!(f.varnames, ["xs"]);
        assert_eq!(nested(f, "<listcomp>").varnames, [".0", "x"]);
    }
}
