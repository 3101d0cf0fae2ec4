//! Code generation: a checked syntax tree to code objects.
//!
//! One `Unit` per code object being built (the module, then each function,
//! class body, lambda and comprehension inside it, innermost last).
//! Instructions are appended in order; jumps name labels, resolved when the
//! unit is assembled. Each instruction is tagged with the innermost active
//! exception handler, from which the assembler builds the exception table.

mod expr;
mod pattern;
mod stmt;

use crate::assemble;
use crate::code::*;
use crate::symtable::{mangle, NameScope, ScopeId, ScopeKind, SymbolTable};
use krait_syntax::ast::*;
use std::collections::HashMap;
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Label(u32);

/// An exception handler: where control goes, and where it was set up (the
/// stack depth there is the depth the handler cuts the stack to).
pub(crate) struct Handler {
    pub label: Label,
    pub setup_at: u32,
    /// Added to the depth at `setup_at`: a `with` handler is set up with
    /// the `__enter__` result still on the stack, which the body consumes.
    pub adjust: i32,
}

/// What a `break`, `continue` or `return` must undo on its way out.
#[derive(Clone)]
enum Block<'a> {
    While {
        start: Label,
        end: Label,
    },
    For {
        start: Label,
        end: Label,
    },
    AsyncFor {
        start: Label,
        end: Label,
    },
    TryExcept,
    /// Inside `try` of a `try`/`finally`: the `finally` body runs on exit.
    FinallyTry(&'a [Stmt]),
    /// Inside the `finally` body run for an exception.
    FinallyEnd,
    With,
    AsyncWith,
    /// Inside an `except` body; the name bound by `as`, if any.
    HandlerCleanup(Option<String>),
    /// A value kept on the stack under the block (e.g. a `match` subject).
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

pub(crate) struct Unit<'a> {
    scope: ScopeId,
    name: String,
    qualname: String,
    first_lineno: u32,
    instrs: Vec<Instr>,
    positions: Vec<Loc>,
    handler_of: Vec<Option<u32>>,
    labels: Vec<Option<u32>>,
    handlers: Vec<Handler>,
    handler_stack: Vec<u32>,
    consts: Vec<Const>,
    names: Vec<String>,
    name_index: HashMap<String, u32>,
    varnames: Vec<String>,
    /// How many of `varnames` are parameters.
    nparams: usize,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    flags: u32,
    blocks: Vec<Block<'a>>,
    loc: Loc,
    /// The class whose private names are mangled here.
    private: Option<String>,
}

pub(crate) struct Compiler<'a> {
    table: &'a SymbolTable,
    filename: Rc<str>,
    units: Vec<Unit<'a>>,
    future_annotations: bool,
    interactive: bool,
    /// The optimization level (`-O`, `-OO`, `compile(optimize=)`): from 1
    /// asserts vanish and `__debug__` is False, from 2 docstrings too.
    optimize: u8,
}

/// A feature the code generator does not support yet; reported to the user
/// as a SyntaxError-like message, never a panic.
#[derive(Debug)]
pub struct CompileError {
    pub msg: String,
    pub loc: Loc,
}

pub(crate) type CResult<T = ()> = Result<T, CompileError>;

impl<'a> Compiler<'a> {
    pub(crate) fn new(table: &'a SymbolTable, filename: &str, future_annotations: bool) -> Self {
        Compiler {
            table,
            filename: Rc::from(filename),
            units: Vec::new(),
            future_annotations,
            interactive: false,
            optimize: 0,
        }
    }

    pub(crate) fn set_optimize(&mut self, level: u8) {
        self.optimize = level;
    }

    pub(crate) fn set_interactive(&mut self, on: bool) {
        self.interactive = on;
    }

    // ---- units -----------------------------------------------------------

    fn enter_unit(&mut self, scope: ScopeId, name: &str, qualname: String, first_lineno: u32) {
        let s = &self.table.scopes[scope];
        let mut varnames = Vec::new();
        if s.is_function_like() {
            varnames = s.params.clone();
        }
        let mut cellvars = s.cellvars();
        if s.kind == ScopeKind::Class
            && s.needs_class_closure
            && !cellvars.contains(&"__class__".to_string())
        {
            cellvars.push("__class__".into());
            cellvars.sort();
        }
        let private = if s.kind == ScopeKind::Class {
            Some(s.name.clone())
        } else {
            s.class_name.clone()
        };
        let mut flags = 0;
        if s.is_function_like() {
            flags |= flags::OPTIMIZED | flags::NEWLOCALS;
            if s.has_varargs {
                flags |= flags::VARARGS;
            }
            if s.has_varkeywords {
                flags |= flags::VARKEYWORDS;
            }
            match (s.is_generator, s.is_coroutine) {
                (true, true) => flags |= flags::ASYNC_GENERATOR,
                (true, false) => flags |= flags::GENERATOR,
                (false, true) => flags |= flags::COROUTINE,
                _ => {}
            }
        }
        if self.units.len() > 1 || (self.units.len() == 1 && s.kind != ScopeKind::Module) {
            if let Some(p) = s.parent {
                if self.table.scopes[p].is_function_like() {
                    flags |= flags::NESTED;
                }
            }
        }
        let freevars = s.freevars();
        self.units.push(Unit {
            scope,
            name: name.to_owned(),
            qualname,
            first_lineno,
            instrs: Vec::new(),
            positions: Vec::new(),
            handler_of: Vec::new(),
            labels: Vec::new(),
            handlers: Vec::new(),
            handler_stack: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            nparams: varnames.len(),
            varnames,
            cellvars,
            freevars,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags,
            blocks: Vec::new(),
            loc: Loc {
                lineno: first_lineno,
                ..Loc::default()
            },
            private,
        });
    }

    fn leave_unit(&mut self) -> CResult<Rc<Code>> {
        let u = self.units.pop().expect("a unit to leave");
        assemble::assemble(u, self.filename.clone())
    }

    pub(crate) fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a current unit")
    }

    fn scope(&self) -> &'a crate::symtable::Scope {
        let id = self.units.last().expect("a current unit").scope;
        &self.table.scopes[id]
    }

    /// The qualified name of a function or class defined in the current unit.
    fn qualname_for(&self, name: &str, force_global: bool) -> String {
        let Some(parent) = self.units.last() else {
            return name.to_owned();
        };
        let ps = &self.table.scopes[parent.scope];
        if ps.kind == ScopeKind::Module || force_global {
            return name.to_owned();
        }
        if ps.is_function_like() {
            format!("{}.<locals>.{}", parent.qualname, name)
        } else {
            format!("{}.{}", parent.qualname, name)
        }
    }

    // ---- emission --------------------------------------------------------

    pub(crate) fn emit(&mut self, i: Instr) {
        let u = self.u();
        let loc = u.loc;
        let h = u.handler_stack.last().copied();
        u.instrs.push(i);
        u.positions.push(loc);
        u.handler_of.push(h);
    }

    pub(crate) fn new_label(&mut self) -> Label {
        let u = self.u();
        u.labels.push(None);
        Label(u.labels.len() as u32 - 1)
    }

    pub(crate) fn bind(&mut self, l: Label) {
        let u = self.u();
        u.labels[l.0 as usize] = Some(u.instrs.len() as u32);
    }

    pub(crate) fn jump(&mut self, make: fn(u32) -> Instr, l: Label) {
        self.emit(make(l.0));
    }

    /// Creates a handler for the code emitted next and makes it active.
    fn push_handler(&mut self, label: Label) -> u32 {
        self.push_handler_adjusted(label, 0)
    }

    fn push_handler_adjusted(&mut self, label: Label, adjust: i32) -> u32 {
        let u = self.u();
        let id = u.handlers.len() as u32;
        u.handlers.push(Handler {
            label,
            setup_at: u.instrs.len() as u32,
            adjust,
        });
        u.handler_stack.push(id);
        id
    }

    /// Makes an existing handler active again for more code.
    fn reactivate_handler(&mut self, id: u32) {
        self.u().handler_stack.push(id);
    }

    fn pop_handler(&mut self) {
        self.u().handler_stack.pop();
    }

    pub(crate) fn add_const(&mut self, c: Const) -> u32 {
        let u = self.u();
        if let Some(i) = u.consts.iter().position(|k| k.same(&c)) {
            return i as u32;
        }
        u.consts.push(c);
        u.consts.len() as u32 - 1
    }

    pub(crate) fn load_const(&mut self, c: Const) {
        let i = self.add_const(c);
        self.emit(Instr::LoadConst(i));
    }

    pub(crate) fn add_name(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(&i) = u.name_index.get(name) {
            return i;
        }
        let i = u.names.len() as u32;
        u.names.push(name.to_owned());
        u.name_index.insert(name.to_owned(), i);
        i
    }

    /// A name mangled for the current class, added to the name table.
    fn add_mangled_name(&mut self, name: &str) -> u32 {
        let m = mangle(self.u().private.as_deref(), name);
        self.add_name(&m)
    }

    fn varname_slot(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(i) = u.varnames.iter().position(|v| v == name) {
            return i as u32;
        }
        u.varnames.push(name.to_owned());
        u.varnames.len() as u32 - 1
    }

    /// Slot of a cell or free variable (cells first, after the locals; the
    /// final slot numbers are fixed by the assembler once all locals are
    /// known, so here they are numbered from zero over cells then frees).
    fn deref_slot(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(i) = u.cellvars.iter().position(|v| v == name) {
            return i as u32;
        }
        if let Some(i) = u.freevars.iter().position(|v| v == name) {
            return (u.cellvars.len() + i) as u32;
        }
        // A free variable the symbol table did not foresee (an implicit
        // `__class__`): add it.
        u.freevars.push(name.to_owned());
        (u.cellvars.len() + u.freevars.len() - 1) as u32
    }

    /// Loads, stores or deletes a name, choosing the instruction by its scope.
    pub(crate) fn name_op(&mut self, name: &str, ctx: ExprContext) {
        // A constant, as CPython's compiler makes it.
        if name == "__debug__" && ctx == ExprContext::Load {
            self.load_const(Const::Bool(self.optimize == 0));
            return;
        }
        let mangled = mangle(self.u().private.as_deref(), name);
        let scope = self.scope();
        let kind = scope.kind;
        let mut sc = scope.lookup(&mangled);
        if kind == ScopeKind::Class && mangled == "__class__" && scope.needs_class_closure {
            sc = NameScope::Cell;
        }
        let function_like = scope.is_function_like();
        let free_class = kind == ScopeKind::Class && scope.is_free_class(&mangled);
        match sc {
            NameScope::Free | NameScope::Cell => {
                let slot = self.deref_slot(&mangled);
                let i = match ctx {
                    ExprContext::Load if kind == ScopeKind::Class => Instr::LoadClassDeref(slot),
                    ExprContext::Load => Instr::LoadDeref(slot),
                    ExprContext::Store => Instr::StoreDeref(slot),
                    ExprContext::Del => Instr::DeleteDeref(slot),
                };
                self.emit(i);
            }
            NameScope::Local if function_like => {
                let slot = self.varname_slot(&mangled);
                self.emit(match ctx {
                    ExprContext::Load => Instr::LoadFast(slot),
                    ExprContext::Store => Instr::StoreFast(slot),
                    ExprContext::Del => Instr::DeleteFast(slot),
                });
            }
            NameScope::GlobalImplicit if function_like => {
                let i = self.add_name(&mangled);
                self.emit(match ctx {
                    ExprContext::Load => Instr::LoadGlobal(i),
                    ExprContext::Store => Instr::StoreGlobal(i),
                    ExprContext::Del => Instr::DeleteGlobal(i),
                });
            }
            NameScope::GlobalExplicit => {
                let i = self.add_name(&mangled);
                self.emit(match ctx {
                    ExprContext::Load => Instr::LoadGlobal(i),
                    ExprContext::Store => Instr::StoreGlobal(i),
                    ExprContext::Del => Instr::DeleteGlobal(i),
                });
            }
            _ => {
                let _ = free_class;
                let i = self.add_name(&mangled);
                self.emit(match ctx {
                    ExprContext::Load => Instr::LoadName(i),
                    ExprContext::Store => Instr::StoreName(i),
                    ExprContext::Del => Instr::DeleteName(i),
                });
            }
        }
    }

    /// `name = None; del name`: an `except ... as name` target is cleared
    /// when its handler ends, however it ends.
    pub(crate) fn unbind_name(&mut self, name: &str) {
        self.load_const(Const::None);
        self.store_name(name);
        self.name_op(name, ExprContext::Del);
    }

    pub(crate) fn store_name(&mut self, name: &str) {
        self.name_op(name, ExprContext::Store);
    }

    pub(crate) fn set_loc(&mut self, loc: Loc) -> Loc {
        std::mem::replace(&mut self.u().loc, loc)
    }

    // ---- the module ------------------------------------------------------

    /// An expression for `eval`: its value is returned.
    pub(crate) fn compile_expression(&mut self, e: &'a Expr) -> CResult<Rc<Code>> {
        self.enter_unit(0, "<module>", "<module>".into(), 1);
        self.expr(e)?;
        self.emit(Instr::ReturnValue);
        self.leave_unit()
    }

    pub(crate) fn compile_module(&mut self, body: &'a [Stmt]) -> CResult<Rc<Code>> {
        self.enter_unit(0, "<module>", "<module>".into(), 1);
        let body = self.docstring_and_annotations(body, true)?;
        self.stmts(body)?;
        self.u().loc = Loc::default();
        self.return_none();
        self.leave_unit()
    }

    /// Stores a module's or class's docstring and sets up `__annotations__`;
    /// returns the rest of the body.
    fn docstring_and_annotations(&mut self, body: &'a [Stmt], module: bool) -> CResult<&'a [Stmt]> {
        if needs_annotations(body) {
            let first = body.first().map(|s| s.loc).unwrap_or_default();
            let saved = self.set_loc(Loc {
                lineno: first.lineno,
                ..Loc::default()
            });
            self.emit(Instr::SetupAnnotations);
            self.set_loc(saved);
        }
        if let Some(doc) = docstring(body) {
            if !self.optimize_docstrings() {
                let saved = self.set_loc(body[0].loc);
                self.load_const(Const::Str(doc.clone()));
                self.store_name("__doc__");
                self.set_loc(saved);
            }
            let _ = module;
            return Ok(&body[1..]);
        }
        Ok(body)
    }

    fn optimize_docstrings(&self) -> bool {
        self.optimize >= 2
    }

    pub(crate) fn return_none(&mut self) {
        self.load_const(Const::None);
        self.emit(Instr::ReturnValue);
    }

    // ---- functions, lambdas and classes ---------------------------------

    /// Pushes defaults and keyword defaults; returns the MAKE_FUNCTION flags.
    fn function_defaults(&mut self, args: &'a Arguments) -> CResult<u32> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.expr(d)?;
            }
            self.emit(Instr::BuildTuple(args.defaults.len() as u32));
            flags |= make_function::DEFAULTS;
        }
        let mut kw = 0;
        for (a, d) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(d) = d {
                let name = mangle(self.u().private.as_deref(), &a.arg);
                self.load_const(Const::Str(name.as_str().into()));
                self.expr(d)?;
                kw += 1;
            }
        }
        if kw > 0 {
            self.emit(Instr::BuildMap(kw));
            flags |= make_function::KW_DEFAULTS;
        }
        Ok(flags)
    }

    /// Pushes the annotations dict (as a flat tuple of names and values, as
    /// CPython 3.11 does); returns whether there were any.
    fn function_annotations(
        &mut self,
        args: &'a Arguments,
        returns: Option<&'a Expr>,
    ) -> CResult<bool> {
        let mut n = 0;
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.vararg)
            .chain(&args.kwonlyargs)
            .chain(&args.kwarg);
        for a in all {
            if let Some(ann) = &a.annotation {
                let name = mangle(self.u().private.as_deref(), &a.arg);
                self.load_const(Const::Str(name.as_str().into()));
                self.annotation_value(ann)?;
                n += 1;
            }
        }
        if let Some(r) = returns {
            self.load_const(Const::Str("return".into()));
            self.annotation_value(r)?;
            n += 1;
        }
        if n > 0 {
            self.emit(Instr::BuildTuple(n * 2));
        }
        Ok(n > 0)
    }

    /// An annotation's value: evaluated, or its source text under
    /// `from __future__ import annotations`.
    fn annotation_value(&mut self, e: &'a Expr) -> CResult {
        if self.future_annotations {
            let text = krait_syntax::ast::unparse_expr(e);
            self.load_const(Const::Str(text.as_str().into()));
            Ok(())
        } else {
            self.expr(e)
        }
    }

    /// Builds a function object from a finished code object: loads the
    /// closure cells and emits MAKE_FUNCTION.
    fn make_closure(&mut self, code: Rc<Code>, mut flags: u32) {
        if !code.freevars.is_empty() {
            for name in code.freevars.clone() {
                // A class body's `__class__` cell, or a cell or free
                // variable of the enclosing unit.
                let slot = self.closure_slot(&name);
                self.emit(Instr::LoadClosure(slot));
            }
            self.emit(Instr::BuildTuple(code.freevars.len() as u32));
            flags |= make_function::CLOSURE;
        }
        self.load_const(Const::Code(code));
        self.emit(Instr::MakeFunction(flags));
    }

    fn closure_slot(&mut self, name: &str) -> u32 {
        self.deref_slot(name)
    }

    fn function_def(&mut self, s: &'a Stmt, f: &'a FunctionDef, is_async: bool) -> CResult {
        for d in &f.decorator_list {
            self.expr(d)?;
        }
        let first_lineno = f
            .decorator_list
            .first()
            .map(|d| d.loc.lineno)
            .unwrap_or(s.loc.lineno);
        let mut flags = self.function_defaults(&f.args)?;
        if self.function_annotations(&f.args, f.returns.as_deref())? {
            flags |= make_function::ANNOTATIONS;
        }
        let scope = self.table.scope_of_stmt(s);
        let qualname = self.qualname_for(&f.name, self.is_global_here(&f.name));
        self.enter_unit(scope, &f.name, qualname, first_lineno);
        self.set_arg_counts(&f.args);
        let _ = is_async;
        // The docstring is the first constant; `None` when there is none.
        let body: &'a [Stmt] = match docstring(&f.body) {
            Some(_) if self.optimize_docstrings() => {
                self.add_const(Const::None);
                &f.body[1..]
            }
            Some(doc) => {
                self.add_const(Const::Str(doc.clone()));
                &f.body[1..]
            }
            None => {
                self.add_const(Const::None);
                &f.body
            }
        };
        self.stmts(body)?;
        self.finish_function_body();
        let code = self.leave_unit()?;
        self.make_closure(code, flags);
        self.set_loc(s.loc);
        for _ in &f.decorator_list {
            self.emit(Instr::Call(0));
        }
        self.store_name(&f.name);
        Ok(())
    }

    /// Whether `name` is declared global in the current scope (a function
    /// or class so named gets its plain name as qualified name).
    fn is_global_here(&self, name: &str) -> bool {
        let s = self.scope();
        s.kind != ScopeKind::Module && s.lookup(name) == NameScope::GlobalExplicit
    }

    /// The implicit `return None` at the end of a body, unless it cannot be
    /// reached.
    fn finish_function_body(&mut self) {
        let ends = self.u().instrs.last().is_some_and(|i| i.is_terminator());
        let labelled_end = {
            let u = self.units.last().unwrap();
            let n = u.instrs.len() as u32;
            u.labels.contains(&Some(n))
        };
        if !ends || labelled_end {
            self.u().loc = Loc::default();
            self.return_none();
        }
    }

    fn set_arg_counts(&mut self, args: &Arguments) {
        let u = self.u();
        u.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
        u.posonlyargcount = args.posonlyargs.len() as u32;
        u.kwonlyargcount = args.kwonlyargs.len() as u32;
    }

    fn lambda(&mut self, e: &'a Expr, args: &'a Arguments, body: &'a Expr) -> CResult {
        let flags = self.function_defaults(args)?;
        let scope = self.table.scope_of_expr(e);
        let qualname = self.qualname_for("<lambda>", false);
        self.enter_unit(scope, "<lambda>", qualname, e.loc.lineno);
        self.set_arg_counts(args);
        // A lambda has no docstring; its first constant is its value's.
        self.u().loc = body.loc;
        self.expr(body)?;
        self.emit(Instr::ReturnValue);
        let code = self.leave_unit()?;
        self.make_closure(code, flags);
        Ok(())
    }

    fn class_def(
        &mut self,
        s: &'a Stmt,
        name: &str,
        bases: &'a [Expr],
        keywords: &'a [Keyword],
        body: &'a [Stmt],
        decorators: &'a [Expr],
    ) -> CResult {
        for d in decorators {
            self.expr(d)?;
        }
        let first_lineno = decorators
            .first()
            .map(|d| d.loc.lineno)
            .unwrap_or(s.loc.lineno);
        let scope = self.table.scope_of_stmt(s);
        let qualname = self.qualname_for(name, self.is_global_here(name));
        self.enter_unit(scope, name, qualname.clone(), first_lineno);
        self.u().loc = Loc {
            lineno: first_lineno,
            ..Loc::default()
        };
        self.name_op("__name__", ExprContext::Load);
        self.store_name("__module__");
        self.load_const(Const::Str(qualname.as_str().into()));
        self.store_name("__qualname__");
        let rest = self.docstring_and_annotations(body, false)?;
        self.stmts(rest)?;
        self.u().loc = Loc::default();
        if self.scope().needs_class_closure {
            let slot = self.deref_slot("__class__");
            self.emit(Instr::LoadClosure(slot));
            self.emit(Instr::Copy(1));
            self.store_name_plain("__classcell__");
        } else {
            self.load_const(Const::None);
        }
        self.emit(Instr::ReturnValue);
        let code = self.leave_unit()?;
        self.set_loc(s.loc);
        self.emit(Instr::PushNull);
        self.emit(Instr::LoadBuildClass);
        self.make_closure(code, 0);
        self.load_const(Const::Str(name.into()));
        self.call_helper(2, bases, keywords)?;
        for _ in decorators {
            self.emit(Instr::Call(0));
        }
        self.store_name(name);
        Ok(())
    }

    /// Stores into a class namespace by name, without mangling or scope
    /// analysis (`__classcell__`).
    fn store_name_plain(&mut self, name: &str) {
        let i = self.add_name(name);
        self.emit(Instr::StoreName(i));
    }

    // ---- leaving blocks early ------------------------------------------

    /// Emits what leaving `block` requires; `preserve_tos` keeps a return
    /// value on top of the stack.
    fn unwind_block(&mut self, block: &Block<'a>, preserve_tos: bool) -> CResult {
        match block {
            Block::While { .. }
            | Block::ExceptionHandler
            | Block::ExceptionGroupHandler
            | Block::AsyncComprehensionGenerator => {}
            Block::For { .. } => {
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopTop);
            }
            Block::AsyncFor { .. } => {
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopTop);
            }
            Block::TryExcept => self.pop_handler(),
            Block::FinallyTry(body) => {
                self.pop_handler();
                if preserve_tos {
                    self.u().blocks.push(Block::PopValue);
                }
                self.stmts(body)?;
                if preserve_tos {
                    self.u().blocks.pop();
                }
            }
            Block::FinallyEnd => {
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopTop);
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.pop_handler();
                self.emit(Instr::PopExcept);
            }
            Block::With | Block::AsyncWith => {
                self.pop_handler();
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.call_exit_with_nones();
                if matches!(block, Block::AsyncWith) {
                    self.emit(Instr::GetAwaitable(2));
                    self.load_const(Const::None);
                    self.yield_from_loop()?;
                }
                self.emit(Instr::PopTop);
            }
            Block::HandlerCleanup(name) => {
                if name.is_some() {
                    self.pop_handler();
                }
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.pop_handler();
                self.emit(Instr::PopExcept);
                if let Some(n) = name {
                    self.unbind_name(n);
                }
            }
            Block::PopValue => {
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopTop);
            }
        }
        Ok(())
    }

    /// `exit(None, None, None)` for a `with` block left normally.
    fn call_exit_with_nones(&mut self) {
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.emit(Instr::Call(2));
    }

    /// Leaves blocks for `break`/`continue` (up to the innermost loop, which
    /// `finish` receives) or `return` (all of them): emits what each block
    /// needs, then `finish`'s jump or return. The code that follows is still
    /// inside the blocks, so their state is restored afterwards.
    fn exit_blocks(
        &mut self,
        preserve_tos: bool,
        loop_only: bool,
        finish: impl FnOnce(&mut Self, Option<Block<'a>>) -> CResult,
    ) -> CResult {
        let saved_blocks = self.u().blocks.clone();
        let saved_handlers = self.u().handler_stack.clone();
        let mut found = None;
        while let Some(b) = self.u().blocks.pop() {
            if loop_only
                && matches!(
                    b,
                    Block::While { .. } | Block::For { .. } | Block::AsyncFor { .. }
                )
            {
                found = Some(b);
                break;
            }
            self.unwind_block(&b, preserve_tos)?;
        }
        let result = finish(self, found);
        self.u().blocks = saved_blocks;
        self.u().handler_stack = saved_handlers;
        result
    }
}

impl Unit<'_> {
    pub(crate) fn into_parts(self) -> crate::assemble::UnitParts {
        crate::assemble::UnitParts {
            nparams: self.nparams,
            name: self.name,
            qualname: self.qualname,
            first_lineno: self.first_lineno,
            instrs: self.instrs,
            positions: self.positions,
            handler_of: self.handler_of,
            labels: self.labels,
            handlers: self
                .handlers
                .iter()
                .map(|h| (h.label.0, h.setup_at, h.adjust))
                .collect(),
            consts: self.consts,
            names: self.names,
            varnames: self.varnames,
            cellvars: self.cellvars,
            freevars: self.freevars,
            argcount: self.argcount,
            posonlyargcount: self.posonlyargcount,
            kwonlyargcount: self.kwonlyargcount,
            flags: self.flags,
        }
    }
}

/// The docstring of a body: its first statement, if a string constant.
pub(crate) fn docstring(body: &[Stmt]) -> Option<&krait_values::text::PyString> {
    match &body.first()?.kind {
        StmtKind::Expr { value } => match &value.kind {
            ExprKind::Constant {
                value: Constant::Str(s),
                ..
            } => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// Whether a module or class body has annotated names that need an
/// `__annotations__` dict (any `x: T` at its top level, nested in
/// compound statements included).
fn needs_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For(f) | StmtKind::AsyncFor(f) => {
            needs_annotations(&f.body) || needs_annotations(&f.orelse)
        }
        StmtKind::While { body, orelse, .. } | StmtKind::If { body, orelse, .. } => {
            needs_annotations(body) || needs_annotations(orelse)
        }
        StmtKind::With(w) | StmtKind::AsyncWith(w) => needs_annotations(&w.body),
        StmtKind::Try(t) | StmtKind::TryStar(t) => {
            needs_annotations(&t.body)
                || t.handlers.iter().any(|h| needs_annotations(&h.body))
                || needs_annotations(&t.orelse)
                || needs_annotations(&t.finalbody)
        }
        StmtKind::Match { cases, .. } => cases.iter().any(|c| needs_annotations(&c.body)),
        _ => false,
    })
}
