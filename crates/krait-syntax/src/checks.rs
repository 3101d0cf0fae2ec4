//! The SyntaxErrors CPython raises after parsing, while compiling a tree:
//! `ast.parse` accepts these programs, running them fails.
//!
//! The checks run in CPython's order, so that a program with several
//! errors reports the same one: `from __future__` rules first, then the
//! scope rules of the symbol table (which sees the whole module before its
//! second, analysing, stage), then the rules of the code generator, in
//! source order.

use crate::ast::visit::{walk_expr_children, walk_stmt_children, Visitor};
use crate::ast::*;
use crate::error::{SyntaxError, Warning};
use std::collections::HashMap;

type Check = Result<(), SyntaxError>;

fn error(loc: Loc, msg: impl Into<String>) -> SyntaxError {
    SyntaxError::at(loc, msg)
}

/// An error with a single caret at the start of `loc`.
fn error_at_start(loc: Loc, msg: impl Into<String>) -> SyntaxError {
    let mut e = error(loc, msg);
    e.end_col = None;
    e
}

/// Runs every compile-time check on a module.
pub fn check_module(module: &Mod) -> Check {
    let body = match module {
        Mod::Module { body, .. } | Mod::Interactive { body } => body,
        Mod::Expression { body } => {
            // `eval` input: the expression's own scopes (lambdas,
            // comprehensions) get the same checks.
            let mut st = SymbolTable::default();
            st.push(ScopeKind::Module);
            st.expr(body)?;
            st.pop();
            st.analyse()?;
            let mut cg = CodegenChecks::default();
            return cg.function_body(CgScope::Module, |cg| cg.expr(body));
        }
    };
    check_future(body)?;
    if tree_depth(body) > MAX_TREE_DEPTH {
        return Err(SyntaxError::unlocated(
            crate::error::ErrorKind::RecursionError,
            "maximum recursion depth exceeded during compilation",
        ));
    }
    let mut st = SymbolTable::default();
    st.push(ScopeKind::Module);
    st.stmts(body)?;
    st.pop();
    st.analyse()?;
    let mut cg = CodegenChecks::default();
    cg.function_body(CgScope::Module, |cg| cg.stmts(body))
}

// ---- tree depth -------------------------------------------------------------

/// CPython's compiler recurses once per statement and expression, up to
/// three times its recursion limit of 1000.
pub const MAX_TREE_DEPTH: usize = 3000;

/// The deepest nesting of statements and expressions in a module, counted
/// without recursion, so that any tree can be measured safely.
pub fn tree_depth(body: &[Stmt]) -> usize {
    let mut max = 0;
    let mut pending = Collect {
        nodes: body.iter().map(|s| (Node::Stmt(s), 1)).collect(),
        depth: 0,
    };
    while let Some((node, depth)) = pending.nodes.pop() {
        max = max.max(depth);
        pending.depth = depth + 1;
        let _ = match node {
            Node::Stmt(s) => walk_stmt_children(s, &mut pending),
            Node::Expr(e) => walk_expr_children(e, &mut pending),
        };
    }
    max
}

enum Node<'a> {
    Stmt(&'a Stmt),
    Expr(&'a Expr),
}

/// A work list that gathers a node's children, at the given depth, instead
/// of visiting them.
struct Collect<'a> {
    nodes: Vec<(Node<'a>, usize)>,
    depth: usize,
}

impl<'a> Visitor<'a> for Collect<'a> {
    type Error = SyntaxError;
    fn visit_stmt(&mut self, s: &'a Stmt) -> Check {
        self.nodes.push((Node::Stmt(s), self.depth));
        Ok(())
    }
    fn visit_expr(&mut self, e: &'a Expr) -> Check {
        self.nodes.push((Node::Expr(e), self.depth));
        Ok(())
    }
}

// ---- from __future__ -------------------------------------------------------

pub const FUTURE_FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

fn check_future(body: &[Stmt]) -> Check {
    let mut may_import_future = true;
    for (i, s) in body.iter().enumerate() {
        let is_docstring = i == 0
            && matches!(&s.kind, StmtKind::Expr { value } if matches!(value.kind, ExprKind::Constant { value: Constant::Str(_), .. }));
        match &s.kind {
            StmtKind::ImportFrom {
                module: Some(m),
                names,
                level: 0,
            } if m == "__future__" => {
                if !may_import_future {
                    return Err(error(
                        s.loc,
                        "from __future__ imports must occur at the beginning of the file",
                    ));
                }
                for alias in names {
                    if alias.name == "braces" {
                        return Err(error_at_start(s.loc, "not a chance"));
                    }
                    if !FUTURE_FEATURES.contains(&alias.name.as_str()) {
                        return Err(error_at_start(
                            s.loc,
                            format!("future feature {} is not defined", alias.name),
                        ));
                    }
                }
            }
            _ if is_docstring => {}
            _ => may_import_future = false,
        }
    }
    Ok(())
}

// ---- the symbol table's checks ------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum ScopeKind {
    Module,
    Class,
    Function,
    Comprehension(&'static str),
}

const PARAM: u16 = 1;
const LOCAL: u16 = 2;
const USE: u16 = 4;
const GLOBAL: u16 = 8;
const NONLOCAL: u16 = 16;
const ANNOT: u16 = 32;
const COMP_ITER: u16 = 64;

#[derive(Debug)]
struct Scope {
    kind: ScopeKind,
    /// Names in the order first seen, with their flags.
    names: Vec<(String, u16)>,
    index: HashMap<String, usize>,
    /// Where each `global`/`nonlocal` directive was, for errors found later.
    directives: HashMap<String, Loc>,
    children: Vec<usize>,
    parent: Option<usize>,
    /// Inside the iterable of a comprehension's first `for`.
    comp_iter_expr: u32,
}

#[derive(Default)]
struct SymbolTable {
    scopes: Vec<Scope>,
    stack: Vec<usize>,
}

impl SymbolTable {
    fn push(&mut self, kind: ScopeKind) {
        let id = self.scopes.len();
        let parent = self.stack.last().copied();
        self.scopes.push(Scope {
            kind,
            names: Vec::new(),
            index: HashMap::new(),
            directives: HashMap::new(),
            children: Vec::new(),
            parent,
            comp_iter_expr: 0,
        });
        if let Some(p) = parent {
            self.scopes[p].children.push(id);
        }
        self.stack.push(id);
    }

    fn pop(&mut self) {
        self.stack.pop();
    }

    fn cur(&mut self) -> &mut Scope {
        let id = *self.stack.last().unwrap();
        &mut self.scopes[id]
    }

    fn lookup(&mut self, name: &str) -> u16 {
        let s = self.cur();
        s.index.get(name).map(|&i| s.names[i].1).unwrap_or(0)
    }

    fn add(&mut self, name: &str, flag: u16) {
        let s = self.cur();
        match s.index.get(name) {
            Some(&i) => s.names[i].1 |= flag,
            None => {
                s.index.insert(name.to_owned(), s.names.len());
                s.names.push((name.to_owned(), flag));
            }
        }
    }

    fn param(&mut self, arg: &Arg) -> Check {
        if self.lookup(&arg.arg) & PARAM != 0 {
            return Err(error(
                arg.loc,
                format!("duplicate argument '{}' in function definition", arg.arg),
            ));
        }
        self.add(&arg.arg, PARAM);
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> Check {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn exprs(&mut self, es: &[Expr]) -> Check {
        es.iter().try_for_each(|e| self.expr(e))
    }

    fn arguments_defaults(&mut self, a: &Arguments) -> Check {
        self.exprs(&a.defaults)?;
        for d in a.kw_defaults.iter().flatten() {
            self.expr(d)?;
        }
        Ok(())
    }

    fn annotations(&mut self, a: &Arguments) -> Check {
        let all = a
            .posonlyargs
            .iter()
            .chain(&a.args)
            .chain(&a.vararg)
            .chain(&a.kwonlyargs)
            .chain(&a.kwarg);
        for arg in all {
            if let Some(ann) = &arg.annotation {
                self.expr(ann)?;
            }
        }
        Ok(())
    }

    fn params(&mut self, a: &Arguments) -> Check {
        for arg in a.posonlyargs.iter().chain(&a.args) {
            self.param(arg)?;
        }
        if let Some(v) = &a.vararg {
            self.param(v)?;
        }
        for arg in &a.kwonlyargs {
            self.param(arg)?;
        }
        if let Some(k) = &a.kwarg {
            self.param(k)?;
        }
        Ok(())
    }

    fn function(&mut self, f: &FunctionDef) -> Check {
        self.add(&f.name, LOCAL);
        self.arguments_defaults(&f.args)?;
        self.annotations(&f.args)?;
        if let Some(r) = &f.returns {
            self.expr(r)?;
        }
        self.exprs(&f.decorator_list)?;
        self.push(ScopeKind::Function);
        self.params(&f.args)?;
        self.stmts(&f.body)?;
        self.pop();
        Ok(())
    }

    fn directive(&mut self, s: &Stmt, names: &[Ident], global: bool) -> Check {
        let word = if global { "global" } else { "nonlocal" };
        if !global && self.cur().kind == ScopeKind::Module {
            return Err(error(
                s.loc,
                "nonlocal declaration not allowed at module level",
            ));
        }
        for name in names {
            let cur = self.lookup(name);
            if cur & (PARAM | LOCAL | USE | ANNOT) != 0 {
                let msg = if cur & PARAM != 0 {
                    format!("name '{name}' is parameter and {word}")
                } else if cur & USE != 0 {
                    format!("name '{name}' is used prior to {word} declaration")
                } else if cur & ANNOT != 0 {
                    format!("annotated name '{name}' can't be {word}")
                } else {
                    format!("name '{name}' is assigned to before {word} declaration")
                };
                return Err(error(s.loc, msg));
            }
            self.add(name, if global { GLOBAL } else { NONLOCAL });
            self.cur().directives.entry(name.clone()).or_insert(s.loc);
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Check {
        match &s.kind {
            StmtKind::FunctionDef(f) | StmtKind::AsyncFunctionDef(f) => self.function(f),
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => {
                self.add(name, LOCAL);
                self.exprs(bases)?;
                for k in keywords {
                    self.expr(&k.value)?;
                }
                self.exprs(decorator_list)?;
                self.push(ScopeKind::Class);
                self.stmts(body)?;
                self.pop();
                Ok(())
            }
            StmtKind::Global { names } => self.directive(s, names, true),
            StmtKind::Nonlocal { names } => self.directive(s, names, false),
            StmtKind::Import { names } => {
                for a in names {
                    let bound = a
                        .asname
                        .as_deref()
                        .unwrap_or_else(|| a.name.split('.').next().unwrap());
                    self.add(bound, LOCAL);
                }
                Ok(())
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        if self.cur().kind != ScopeKind::Module {
                            return Err(error(a.loc, "import * only allowed at module level"));
                        }
                        continue;
                    }
                    self.add(a.asname.as_deref().unwrap_or(&a.name), LOCAL);
                }
                Ok(())
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let ExprKind::Name { id, .. } = &target.kind {
                    let cur = self.lookup(id);
                    // At module level the name is global anyway: allowed.
                    let module = self.cur().kind == ScopeKind::Module;
                    if cur & (GLOBAL | NONLOCAL) != 0 && *simple && !module {
                        let word = if cur & GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        return Err(error(
                            s.loc,
                            format!("annotated name '{id}' can't be {word}"),
                        ));
                    }
                    self.add(id, if *simple { ANNOT | LOCAL } else { LOCAL });
                } else {
                    self.expr(target)?;
                }
                self.expr(annotation)?;
                if let Some(v) = value {
                    self.expr(v)?;
                }
                Ok(())
            }
            _ => walk_stmt_children(s, self),
        }
    }

    fn comprehension(
        &mut self,
        kind: &'static str,
        elts: &[&Expr],
        gens: &[Comprehension],
    ) -> Check {
        // The first iterable is evaluated in the enclosing scope.
        let first = &gens[0];
        self.cur().comp_iter_expr += 1;
        let r = self.expr(&first.iter);
        self.cur().comp_iter_expr -= 1;
        r?;
        self.push(ScopeKind::Comprehension(kind));
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.cur().comp_iter_expr += 1;
                let r = self.expr(&g.iter);
                self.cur().comp_iter_expr -= 1;
                r?;
            }
            self.comp_target(&g.target)?;
            self.exprs(&g.ifs)?;
        }
        for e in elts {
            self.expr(e)?;
        }
        self.pop();
        Ok(())
    }

    fn comp_target(&mut self, e: &Expr) -> Check {
        match &e.kind {
            ExprKind::Name { id, .. } => {
                self.add(id, LOCAL | COMP_ITER);
                Ok(())
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                elts.iter().try_for_each(|x| self.comp_target(x))
            }
            ExprKind::Starred { value, .. } => self.comp_target(value),
            _ => self.expr(e),
        }
    }

    fn named_expr(&mut self, e: &Expr, target: &Expr, value: &Expr) -> Check {
        let ExprKind::Name { id, .. } = &target.kind else {
            return self.expr(value);
        };
        if self.cur().comp_iter_expr > 0 {
            return Err(error(
                e.loc,
                "assignment expression cannot be used in a comprehension iterable expression",
            ));
        }
        // Inside comprehensions the name binds in the nearest enclosing
        // function or module scope.
        let mut i = self.stack.len() - 1;
        while let ScopeKind::Comprehension(_) = self.scopes[self.stack[i]].kind {
            let s = &self.scopes[self.stack[i]];
            if s.index
                .get(id)
                .is_some_and(|&k| s.names[k].1 & COMP_ITER != 0)
            {
                return Err(error(
                    target.loc,
                    format!("assignment expression cannot rebind comprehension iteration variable '{id}'"),
                ));
            }
            i -= 1;
        }
        if i != self.stack.len() - 1 && self.scopes[self.stack[i]].kind == ScopeKind::Class {
            return Err(error(
                target.loc,
                "assignment expression within a comprehension cannot be used in a class body",
            ));
        }
        self.expr(value)?;
        self.add(id, LOCAL);
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Check {
        match &e.kind {
            ExprKind::Name { id, ctx } => {
                self.add(
                    id,
                    if *ctx == ExprContext::Load {
                        USE
                    } else {
                        LOCAL
                    },
                );
                Ok(())
            }
            ExprKind::NamedExpr { target, value } => self.named_expr(e, target, value),
            ExprKind::Lambda { args, body } => {
                self.arguments_defaults(args)?;
                self.push(ScopeKind::Function);
                self.params(args)?;
                self.expr(body)?;
                self.pop();
                Ok(())
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension("list comprehension", &[elt], generators)
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension("set comprehension", &[elt], generators)
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension("generator expression", &[elt], generators)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension("dict comprehension", &[key, value], generators),
            ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } | ExprKind::Await { .. } => {
                if let ScopeKind::Comprehension(kind) = self.cur().kind {
                    let what = match e.kind {
                        ExprKind::Await { .. } => None,
                        _ => Some("yield"),
                    };
                    if let Some(w) = what {
                        return Err(error(e.loc, format!("'{w}' inside {kind}")));
                    }
                }
                walk_expr_children(e, self)
            }
            _ => walk_expr_children(e, self),
        }
    }

    /// The second stage: `nonlocal` names must be bound in an enclosing
    /// function, and no name may be both global and nonlocal.
    fn analyse(&self) -> Check {
        self.analyse_scope(0)
    }

    fn analyse_scope(&self, id: usize) -> Check {
        let scope = &self.scopes[id];
        for (name, flags) in &scope.names {
            if flags & GLOBAL != 0 && flags & NONLOCAL != 0 {
                return Err(error(
                    scope.directives[name],
                    format!("name '{name}' is nonlocal and global"),
                ));
            }
            if flags & NONLOCAL != 0 && !self.bound_in_enclosing_function(id, name) {
                return Err(error(
                    scope.directives[name],
                    format!("no binding for nonlocal '{name}' found"),
                ));
            }
        }
        scope
            .children
            .iter()
            .try_for_each(|&c| self.analyse_scope(c))
    }

    fn bound_in_enclosing_function(&self, id: usize, name: &str) -> bool {
        let mut p = self.scopes[id].parent;
        while let Some(i) = p {
            let s = &self.scopes[i];
            if s.kind == ScopeKind::Class && name == "__class__" {
                return true;
            }
            if matches!(s.kind, ScopeKind::Function | ScopeKind::Comprehension(_)) {
                if let Some(&k) = s.index.get(name) {
                    let f = s.names[k].1;
                    if f & (LOCAL | PARAM | NONLOCAL) != 0 && f & GLOBAL == 0 {
                        return true;
                    }
                }
            }
            p = s.parent;
        }
        false
    }
}

// ---- the code generator's checks ------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum CgScope {
    Module,
    Class,
    Function { is_async: bool, is_generator: bool },
    Lambda,
    Comprehension { is_genexp: bool },
}

#[derive(Default)]
struct CodegenChecks {
    scopes: Vec<CgScope>,
    /// Loops enclosing the current statement in the current function.
    loops: Vec<u32>,
    in_except_star: Vec<bool>,
}

fn contains_yield(body: &[Stmt]) -> bool {
    struct Finder(bool);
    impl Visitor<'_> for Finder {
        type Error = SyntaxError;
        fn visit_stmt(&mut self, s: &Stmt) -> Check {
            match s.kind {
                StmtKind::FunctionDef(_)
                | StmtKind::AsyncFunctionDef(_)
                | StmtKind::ClassDef { .. } => Ok(()),
                _ => walk_stmt_children(s, self),
            }
        }
        fn visit_expr(&mut self, e: &Expr) -> Check {
            match e.kind {
                ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => {
                    self.0 = true;
                    Ok(())
                }
                ExprKind::Lambda { .. }
                | ExprKind::ListComp { .. }
                | ExprKind::SetComp { .. }
                | ExprKind::DictComp { .. }
                | ExprKind::GeneratorExp { .. } => Ok(()),
                _ => walk_expr_children(e, self),
            }
        }
    }
    let mut f = Finder(false);
    let _ = body.iter().try_for_each(|s| f.visit_stmt(s));
    f.0
}

impl CodegenChecks {
    fn scope(&self) -> CgScope {
        *self.scopes.last().unwrap()
    }

    fn in_function(&self) -> bool {
        matches!(self.scope(), CgScope::Function { .. } | CgScope::Lambda)
    }

    /// Whether the nearest enclosing function (looking through
    /// comprehensions) is `async def`.
    fn in_async_function(&self) -> bool {
        for s in self.scopes.iter().rev() {
            match s {
                CgScope::Function { is_async, .. } => return *is_async,
                CgScope::Comprehension { .. } => continue,
                _ => return false,
            }
        }
        false
    }

    fn stmts(&mut self, body: &[Stmt]) -> Check {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn loop_body(&mut self, body: &[Stmt], orelse: &[Stmt]) -> Check {
        *self.loops.last_mut().unwrap() += 1;
        self.in_except_star.push(false);
        let r = self.stmts(body);
        self.in_except_star.pop();
        *self.loops.last_mut().unwrap() -= 1;
        r?;
        self.stmts(orelse)
    }

    fn function_body(&mut self, scope: CgScope, body: impl FnOnce(&mut Self) -> Check) -> Check {
        self.scopes.push(scope);
        self.loops.push(0);
        self.in_except_star.push(false);
        let r = body(self);
        self.in_except_star.pop();
        self.loops.pop();
        self.scopes.pop();
        r
    }

    fn check_args(&mut self, a: &Arguments) -> Check {
        let all = a
            .posonlyargs
            .iter()
            .chain(&a.args)
            .chain(&a.vararg)
            .chain(&a.kwonlyargs)
            .chain(&a.kwarg);
        for arg in all {
            if arg.arg == "__debug__" {
                return Err(error(arg.loc, "cannot assign to __debug__"));
            }
        }
        for d in a.defaults.iter().chain(a.kw_defaults.iter().flatten()) {
            self.expr(d)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Check {
        match &s.kind {
            StmtKind::FunctionDef(f) | StmtKind::AsyncFunctionDef(f) => {
                let is_async = matches!(s.kind, StmtKind::AsyncFunctionDef(_));
                for d in &f.decorator_list {
                    self.expr(d)?;
                }
                self.check_args(&f.args)?;
                let scope = CgScope::Function {
                    is_async,
                    is_generator: contains_yield(&f.body),
                };
                self.function_body(scope, |c| c.stmts(&f.body))
            }
            StmtKind::ClassDef {
                bases,
                keywords,
                body,
                decorator_list,
                ..
            } => {
                self.exprs(decorator_list)?;
                self.starred_elements(bases)?;
                self.keywords(keywords)?;
                self.function_body(CgScope::Class, |c| c.stmts(body))
            }
            StmtKind::Return { value } => {
                if !matches!(self.scope(), CgScope::Function { .. }) {
                    return Err(error(s.loc, "'return' outside function"));
                }
                if self.in_except_star.last() == Some(&true) {
                    return Err(error(
                        s.loc,
                        "'break', 'continue' and 'return' cannot appear in an except* block",
                    ));
                }
                if let (
                    CgScope::Function {
                        is_async: true,
                        is_generator: true,
                    },
                    Some(_),
                ) = (self.scope(), value)
                {
                    return Err(error(s.loc, "'return' with value in async generator"));
                }
                if let Some(v) = value {
                    self.expr(v)?;
                }
                Ok(())
            }
            StmtKind::Break | StmtKind::Continue => {
                if self.loops.last().copied().unwrap_or(0) == 0 {
                    if self.in_except_star.last() == Some(&true) {
                        return Err(error(
                            s.loc,
                            "'break', 'continue' and 'return' cannot appear in an except* block",
                        ));
                    }
                    let msg = if matches!(s.kind, StmtKind::Break) {
                        "'break' outside loop"
                    } else {
                        "'continue' not properly in loop"
                    };
                    return Err(error(s.loc, msg));
                }
                Ok(())
            }
            StmtKind::For(f) | StmtKind::AsyncFor(f) => {
                if matches!(s.kind, StmtKind::AsyncFor(_)) && !self.in_async_function() {
                    return Err(error(s.loc, "'async for' outside async function"));
                }
                self.target(&f.target)?;
                self.expr(&f.iter)?;
                self.loop_body(&f.body, &f.orelse)
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.loop_body(body, orelse)
            }
            StmtKind::With(w) | StmtKind::AsyncWith(w) => {
                if matches!(s.kind, StmtKind::AsyncWith(_)) && !self.in_async_function() {
                    return Err(error(s.loc, "'async with' outside async function"));
                }
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.target(v)?;
                    }
                }
                self.stmts(&w.body)
            }
            StmtKind::Try(t) | StmtKind::TryStar(t) => {
                let star = matches!(s.kind, StmtKind::TryStar(_));
                self.stmts(&t.body)?;
                let n = t.handlers.len();
                for (i, h) in t.handlers.iter().enumerate() {
                    if h.type_.is_none() && i + 1 < n {
                        return Err(error(h.loc, "default 'except:' must be last"));
                    }
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if star {
                        // Loops outside the handler do not count inside it.
                        self.loops.push(0);
                        self.in_except_star.push(true);
                    }
                    let r = self.stmts(&h.body);
                    if star {
                        self.in_except_star.pop();
                        self.loops.pop();
                    }
                    r?;
                }
                self.stmts(&t.orelse)?;
                self.stmts(&t.finalbody)
            }
            StmtKind::Assign { targets, value, .. } => {
                for t in targets {
                    self.target(t)?;
                }
                self.expr(value)
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.target(target)?;
                self.expr(value)
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                ..
            } => {
                self.target(target)?;
                self.expr(annotation)?;
                if let Some(v) = value {
                    self.expr(v)?;
                }
                Ok(())
            }
            StmtKind::Delete { targets } => {
                for t in targets {
                    if let ExprKind::Name { id, .. } = &t.kind {
                        if id == "__debug__" {
                            return Err(error(t.loc, "cannot delete __debug__"));
                        }
                    }
                    self.expr(t)?;
                }
                Ok(())
            }
            StmtKind::Expr { value } => {
                if let ExprKind::Starred { .. } = value.kind {
                    return Err(error(value.loc, "can't use starred expression here"));
                }
                self.expr(value)
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                let n = cases.len();
                for (i, case) in cases.iter().enumerate() {
                    let mut names = Vec::new();
                    self.pattern(&case.pattern, &mut names)?;
                    if i + 1 < n && case.guard.is_none() {
                        if let Some(msg) = irrefutable(&case.pattern) {
                            return Err(error(case.pattern.loc, msg));
                        }
                    }
                    if let Some(g) = &case.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&case.body)?;
                }
                Ok(())
            }
            _ => walk_stmt_children(s, self),
        }
    }

    /// An assignment target: `__debug__` and misplaced starred expressions.
    fn target(&mut self, t: &Expr) -> Check {
        match &t.kind {
            ExprKind::Name { id, .. } if id == "__debug__" => {
                Err(error(t.loc, "cannot assign to __debug__"))
            }
            ExprKind::Starred { .. } => Err(error(
                t.loc,
                "starred assignment target must be in a list or tuple",
            )),
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                let stars = elts
                    .iter()
                    .filter(|e| matches!(e.kind, ExprKind::Starred { .. }))
                    .count();
                if stars > 1 {
                    return Err(error(t.loc, "multiple starred expressions in assignment"));
                }
                for e in elts {
                    match &e.kind {
                        ExprKind::Starred { value, .. } => self.target(value)?,
                        _ => self.target(e)?,
                    }
                }
                Ok(())
            }
            _ => self.expr(t),
        }
    }

    fn keywords(&mut self, keywords: &[Keyword]) -> Check {
        for (i, k) in keywords.iter().enumerate() {
            if let Some(name) = &k.arg {
                if name == "__debug__" {
                    return Err(error(k.loc, "cannot assign to __debug__"));
                }
                if keywords[i + 1..]
                    .iter()
                    .any(|o| o.arg.as_ref() == Some(name))
                {
                    let dup = keywords[i + 1..]
                        .iter()
                        .find(|o| o.arg.as_ref() == Some(name))
                        .unwrap();
                    return Err(error(dup.loc, format!("keyword argument repeated: {name}")));
                }
            }
            self.expr(&k.value)?;
        }
        Ok(())
    }

    fn exprs(&mut self, es: &[Expr]) -> Check {
        es.iter().try_for_each(|e| self.expr(e))
    }

    fn comprehension(
        &mut self,
        e: &Expr,
        elts: &[&Expr],
        gens: &[Comprehension],
        is_genexp: bool,
    ) -> Check {
        self.expr(&gens[0].iter)?;
        // The first iterable is evaluated outside the comprehension.
        let is_async = gens.iter().any(|g| g.is_async)
            || elts.iter().any(|x| contains_await(x))
            || gens.iter().any(|g| g.ifs.iter().any(contains_await))
            || gens[1..].iter().any(|g| contains_await(&g.iter));
        if is_async && !is_genexp && !self.in_async_function() {
            let top_level = matches!(self.scope(), CgScope::Module);
            if top_level {
                if let Some(a) = first_await(elts, gens) {
                    return Err(error(a, "'await' outside function"));
                }
            }
            return Err(error(
                e.loc,
                "asynchronous comprehension outside of an asynchronous function",
            ));
        }
        self.scopes.push(CgScope::Comprehension { is_genexp });
        let r = (|| {
            for (i, g) in gens.iter().enumerate() {
                if i > 0 {
                    self.expr(&g.iter)?;
                }
                self.target(&g.target)?;
                self.exprs(&g.ifs)?;
            }
            elts.iter().try_for_each(|x| self.expr(x))
        })();
        self.scopes.pop();
        r
    }

    fn expr(&mut self, e: &Expr) -> Check {
        match &e.kind {
            ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => {
                if !self.in_function() {
                    return Err(error(e.loc, "'yield' outside function"));
                }
                if matches!(e.kind, ExprKind::YieldFrom { .. })
                    && matches!(self.scope(), CgScope::Function { is_async: true, .. })
                {
                    return Err(error(e.loc, "'yield from' inside async function"));
                }
                walk_expr_children(e, self)
            }
            ExprKind::Await { .. } => {
                if let CgScope::Comprehension { .. } = self.scope() {
                    // The comprehension becomes asynchronous; whether that is
                    // allowed is checked where the comprehension is.
                    return walk_expr_children(e, self);
                }
                match self.scopes.last() {
                    Some(CgScope::Function { is_async: true, .. }) => {}
                    Some(CgScope::Function { .. }) | Some(CgScope::Lambda) => {
                        return Err(error(e.loc, "'await' outside async function"));
                    }
                    _ => return Err(error(e.loc, "'await' outside function")),
                }
                walk_expr_children(e, self)
            }
            ExprKind::Lambda { args, body } => {
                self.check_args(args)?;
                self.function_body(CgScope::Lambda, |c| c.expr(body))
            }
            ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, &[elt], generators, false)
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, &[elt], generators, true)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, &[key, value], generators, false),
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                for a in args {
                    match &a.kind {
                        ExprKind::Starred { value, .. } => self.expr(value)?,
                        _ => self.expr(a)?,
                    }
                }
                self.keywords(keywords)
            }
            ExprKind::Starred { .. } => Err(error(e.loc, "can't use starred expression here")),
            ExprKind::List { elts, ctx } | ExprKind::Tuple { elts, ctx }
                if *ctx == ExprContext::Load =>
            {
                self.starred_elements(elts)
            }
            ExprKind::Set { elts } => self.starred_elements(elts),
            ExprKind::NamedExpr { target, value } => {
                if let ExprKind::Name { id, .. } = &target.kind {
                    if id == "__debug__" {
                        return Err(error(target.loc, "cannot assign to __debug__"));
                    }
                }
                self.expr(value)
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                match &slice.kind {
                    ExprKind::Tuple { elts, .. } => self.starred_elements(elts),
                    _ => self.expr(slice),
                }
            }
            _ => walk_expr_children(e, self),
        }
    }

    fn starred_elements(&mut self, elts: &[Expr]) -> Check {
        for x in elts {
            match &x.kind {
                ExprKind::Starred { value, .. } => self.expr(value)?,
                _ => self.expr(x)?,
            }
        }
        Ok(())
    }

    /// Names bound by a pattern, with CPython's pattern errors.
    fn pattern(&mut self, p: &Pattern, names: &mut Vec<String>) -> Check {
        let bind = |name: &str, loc: Loc, names: &mut Vec<String>| -> Check {
            if names.iter().any(|n| n == name) {
                return Err(error(
                    loc,
                    format!("multiple assignments to name '{name}' in pattern"),
                ));
            }
            names.push(name.to_owned());
            Ok(())
        };
        match &p.kind {
            PatternKind::MatchValue { value } => self.expr(value),
            PatternKind::MatchSingleton { .. } => Ok(()),
            PatternKind::MatchSequence { patterns } => {
                let stars = patterns
                    .iter()
                    .filter(|q| matches!(q.kind, PatternKind::MatchStar { .. }))
                    .count();
                if stars > 1 {
                    return Err(error(p.loc, "multiple starred names in sequence pattern"));
                }
                patterns.iter().try_for_each(|q| self.pattern(q, names))
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                for (i, k) in keys.iter().enumerate() {
                    if let ExprKind::Constant { value, .. } = &k.kind {
                        let dup = keys[..i].iter().any(|o| {
                            matches!(&o.kind, ExprKind::Constant { value: v, .. } if same_key(v, value))
                        });
                        if dup {
                            let mut repr = String::new();
                            crate::ast::write_constant_repr(&mut repr, value);
                            return Err(error(
                                p.loc,
                                format!("mapping pattern checks duplicate key ({repr})"),
                            ));
                        }
                    }
                }
                self.exprs(keys)?;
                for q in patterns {
                    self.pattern(q, names)?;
                }
                if let Some(r) = rest {
                    bind(r, p.loc, names)?;
                }
                Ok(())
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                self.expr(cls)?;
                for (i, a) in kwd_attrs.iter().enumerate() {
                    if kwd_attrs[..i].contains(a) {
                        return Err(error(
                            kwd_patterns[i].loc,
                            format!("attribute name repeated in class pattern: {a}"),
                        ));
                    }
                }
                for q in patterns.iter().chain(kwd_patterns) {
                    self.pattern(q, names)?;
                }
                Ok(())
            }
            PatternKind::MatchStar { name } => match name {
                Some(n) => bind(n, p.loc, names),
                None => Ok(()),
            },
            PatternKind::MatchAs { pattern, name } => {
                if let Some(q) = pattern {
                    self.pattern(q, names)?;
                }
                match name {
                    Some(n) => bind(n, p.loc, names),
                    None => Ok(()),
                }
            }
            PatternKind::MatchOr { patterns } => {
                let n = patterns.len();
                let mut first: Option<Vec<String>> = None;
                for (i, alt) in patterns.iter().enumerate() {
                    if i + 1 < n {
                        if let Some(msg) = irrefutable(alt) {
                            return Err(error(alt.loc, msg));
                        }
                    }
                    let mut alt_names = Vec::new();
                    self.pattern(alt, &mut alt_names)?;
                    match &first {
                        None => first = Some(alt_names),
                        Some(f) => {
                            let mut a = f.clone();
                            let mut b = alt_names.clone();
                            a.sort();
                            b.sort();
                            if a != b {
                                // CPython reports it where its compiler last was:
                                // at the last sub-pattern of the alternative.
                                return Err(error(
                                    last_subpattern(alt).loc,
                                    "alternative patterns bind different names",
                                ));
                            }
                        }
                    }
                }
                for name in first.unwrap_or_default() {
                    bind(&name, p.loc, names)?;
                }
                Ok(())
            }
        }
    }
}

/// Whether two constant mapping keys are equal as Python compares them
/// (`1`, `1.0` and `True` are the same key).
fn same_key(a: &Constant, b: &Constant) -> bool {
    fn number(c: &Constant) -> Option<f64> {
        match c {
            Constant::Bool(b) => Some(*b as u8 as f64),
            Constant::Int(i) => Some(i.to_f64().value()),
            Constant::Float(f) => Some(*f),
            _ => None,
        }
    }
    match (number(a), number(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// The last pattern node of `p` in source order.
fn last_subpattern(p: &Pattern) -> &Pattern {
    let last = match &p.kind {
        PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
            patterns.last()
        }
        PatternKind::MatchMapping { patterns, .. } => patterns.last(),
        PatternKind::MatchClass {
            patterns,
            kwd_patterns,
            ..
        } => kwd_patterns.last().or(patterns.last()),
        PatternKind::MatchAs { pattern, .. } => pattern.as_deref(),
        _ => None,
    };
    last.map_or(p, last_subpattern)
}

/// Why a pattern that always matches makes later ones unreachable, if it does.
fn irrefutable(p: &Pattern) -> Option<String> {
    match &p.kind {
        PatternKind::MatchAs {
            pattern: None,
            name: Some(n),
        } => Some(format!(
            "name capture '{n}' makes remaining patterns unreachable"
        )),
        PatternKind::MatchAs {
            pattern: None,
            name: None,
        } => Some("wildcard makes remaining patterns unreachable".into()),
        PatternKind::MatchAs {
            pattern: Some(q), ..
        } => irrefutable(q),
        PatternKind::MatchOr { patterns } => patterns.iter().find_map(irrefutable),
        _ => None,
    }
}

fn contains_await(e: &Expr) -> bool {
    struct Finder(bool);
    impl Visitor<'_> for Finder {
        type Error = SyntaxError;
        fn visit_stmt(&mut self, _: &Stmt) -> Check {
            Ok(())
        }
        fn visit_expr(&mut self, e: &Expr) -> Check {
            match e.kind {
                ExprKind::Await { .. } => {
                    self.0 = true;
                    Ok(())
                }
                ExprKind::Lambda { .. } | ExprKind::GeneratorExp { .. } => Ok(()),
                ExprKind::ListComp { ref generators, .. }
                | ExprKind::SetComp { ref generators, .. }
                | ExprKind::DictComp { ref generators, .. }
                    if generators.iter().any(|g| g.is_async) =>
                {
                    self.0 = true;
                    Ok(())
                }
                _ => walk_expr_children(e, self),
            }
        }
    }
    let mut f = Finder(false);
    let _ = f.visit_expr(e);
    f.0
}

fn first_await(elts: &[&Expr], gens: &[Comprehension]) -> Option<Loc> {
    struct Finder(Option<Loc>);
    impl Visitor<'_> for Finder {
        type Error = SyntaxError;
        fn visit_stmt(&mut self, _: &Stmt) -> Check {
            Ok(())
        }
        fn visit_expr(&mut self, e: &Expr) -> Check {
            if self.0.is_some() {
                return Ok(());
            }
            if let ExprKind::Await { .. } = e.kind {
                self.0 = Some(e.loc);
                return Ok(());
            }
            walk_expr_children(e, self)
        }
    }
    let mut f = Finder(None);
    for g in gens {
        let _ = f.visit_expr(&g.target);
        let _ = f.visit_expr(&g.iter);
        for i in &g.ifs {
            let _ = f.visit_expr(i);
        }
    }
    for e in elts {
        let _ = f.visit_expr(e);
    }
    f.0
}

impl Visitor<'_> for SymbolTable {
    type Error = SyntaxError;
    fn visit_stmt(&mut self, s: &Stmt) -> Check {
        self.stmt(s)
    }
    fn visit_expr(&mut self, e: &Expr) -> Check {
        self.expr(e)
    }
}

impl Visitor<'_> for CodegenChecks {
    type Error = SyntaxError;
    fn visit_stmt(&mut self, s: &Stmt) -> Check {
        self.stmt(s)
    }
    fn visit_expr(&mut self, e: &Expr) -> Check {
        self.expr(e)
    }
}

// ---- compile-time warnings ---------------------------------------------------

/// The SyntaxWarnings CPython's compiler prints for a module: `is` and
/// `is not` with a literal operand (the constant-folded kind: numbers,
/// strings, bytes and tuples of them, not None, True, False or `...`),
/// each time it occurs.
pub fn compile_warnings(module: &Mod) -> Vec<Warning> {
    struct Finder(Vec<Warning>);
    impl<'a> Visitor<'a> for Finder {
        type Error = SyntaxError;
        fn visit_stmt(&mut self, s: &'a Stmt) -> Check {
            if let StmtKind::Assert { test, .. } = &s.kind {
                if matches!(&test.kind, ExprKind::Tuple { elts, .. } if !elts.is_empty()) {
                    self.0.push(Warning::at(
                        "SyntaxWarning",
                        "assertion is always true, perhaps remove parentheses?",
                        s.loc,
                    ));
                }
            }
            walk_stmt_children(s, self)
        }
        fn visit_expr(&mut self, e: &'a Expr) -> Check {
            if let ExprKind::Compare {
                left,
                ops,
                comparators,
            } = &e.kind
            {
                let mut left_ok = !is_literal(left);
                for (op, right) in ops.iter().zip(comparators) {
                    let right_ok = !is_literal(right);
                    let msg = match op {
                        CmpOp::Is => "\"is\" with a literal. Did you mean \"==\"?",
                        CmpOp::IsNot => "\"is not\" with a literal. Did you mean \"!=\"?",
                        _ => "",
                    };
                    if !msg.is_empty() && (!left_ok || !right_ok) {
                        self.0.push(Warning::at("SyntaxWarning", msg, e.loc));
                        break;
                    }
                    left_ok = right_ok;
                }
            }
            let msg = match &e.kind {
                ExprKind::Call { func, .. } => caller_warning(func),
                ExprKind::Subscript {
                    value,
                    slice,
                    ctx: ExprContext::Load,
                } => subscript_warning(value).or_else(|| index_warning(value, slice)),
                _ => None,
            };
            if let Some(msg) = msg {
                self.0.push(Warning::at("SyntaxWarning", msg, e.loc));
            }
            walk_expr_children(e, self)
        }
    }
    let mut f = Finder(Vec::new());
    let _ = match module {
        Mod::Module { body, .. } | Mod::Interactive { body } => {
            body.iter().try_for_each(|s| f.visit_stmt(s))
        }
        Mod::Expression { body } => f.visit_expr(body),
    };
    f.0
}

/// The type of the value an expression certainly has, where the compiler
/// can tell from its form (CPython's `infer_type`).
fn inferred_type(e: &Expr) -> Option<&'static str> {
    Some(match &e.kind {
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::List { .. } | ExprKind::ListComp { .. } => "list",
        ExprKind::Dict { .. } | ExprKind::DictComp { .. } => "dict",
        ExprKind::Set { .. } | ExprKind::SetComp { .. } => "set",
        ExprKind::GeneratorExp { .. } => "generator",
        ExprKind::Lambda { .. } => "function",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "str",
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "NoneType",
            Constant::Bool(_) => "bool",
            Constant::Ellipsis => "ellipsis",
            Constant::Int(_) => "int",
            Constant::Float(_) => "float",
            Constant::Complex(_) => "complex",
            Constant::Str(_) => "str",
            Constant::Bytes(_) => "bytes",
        },
        _ => return None,
    })
}

/// `"abc"()`, `[1, 2]()`...: a call of something that cannot be called.
fn caller_warning(func: &Expr) -> Option<String> {
    match &func.kind {
        ExprKind::Constant { .. }
        | ExprKind::Tuple { .. }
        | ExprKind::List { .. }
        | ExprKind::ListComp { .. }
        | ExprKind::Dict { .. }
        | ExprKind::DictComp { .. }
        | ExprKind::Set { .. }
        | ExprKind::SetComp { .. }
        | ExprKind::GeneratorExp { .. }
        | ExprKind::JoinedStr { .. }
        | ExprKind::FormattedValue { .. } => Some(format!(
            "'{}' object is not callable; perhaps you missed a comma?",
            inferred_type(func)?
        )),
        _ => None,
    }
}

/// `None[0]`, `{1}[0]`...: a subscript of something that cannot be
/// subscripted.
fn subscript_warning(value: &Expr) -> Option<String> {
    let warn = match &value.kind {
        ExprKind::Constant { value: c, .. } => !matches!(c, Constant::Str(_) | Constant::Bytes(_)),
        ExprKind::Set { .. }
        | ExprKind::SetComp { .. }
        | ExprKind::GeneratorExp { .. }
        | ExprKind::Lambda { .. } => true,
        _ => false,
    };
    if !warn {
        return None;
    }
    Some(format!(
        "'{}' object is not subscriptable; perhaps you missed a comma?",
        inferred_type(value)?
    ))
}

/// `[1, 2][1.5]`, `"ab"["x"]`...: a sequence indexed by something that is
/// certainly not an int or a slice.
fn index_warning(value: &Expr, index: &Expr) -> Option<String> {
    if matches!(index.kind, ExprKind::Slice { .. }) {
        return None;
    }
    let index_type = inferred_type(index)?;
    if matches!(index_type, "int" | "bool") {
        return None;
    }
    let warn = match &value.kind {
        ExprKind::Constant { value: c, .. } => matches!(c, Constant::Str(_) | Constant::Bytes(_)),
        ExprKind::Tuple { .. }
        | ExprKind::List { .. }
        | ExprKind::ListComp { .. }
        | ExprKind::JoinedStr { .. }
        | ExprKind::FormattedValue { .. } => true,
        _ => false,
    };
    if !warn {
        return None;
    }
    Some(format!(
        "{} indices must be integers or slices, not {index_type}; perhaps you missed a comma?",
        inferred_type(value)?
    ))
}

/// Whether an expression folds to a constant other than the singletons.
fn is_literal(e: &Expr) -> bool {
    fn folds(e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Constant { .. } => true,
            ExprKind::Tuple { elts, .. } => elts.iter().all(folds),
            ExprKind::UnaryOp { operand, .. } => folds(operand),
            ExprKind::BinOp { left, right, .. } => folds(left) && folds(right),
            _ => false,
        }
    }
    match &e.kind {
        ExprKind::Constant { value, .. } => !matches!(
            value,
            Constant::None | Constant::Bool(_) | Constant::Ellipsis
        ),
        _ => folds(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(src: &str) -> Result<(), String> {
        let module = crate::parse_module(src).expect("parses");
        check_module(&module).map_err(|e| e.msg)
    }

    #[test]
    fn module_level_loops_are_fine() {
        assert_eq!(
            check("for x in y:\n    break\nwhile x:\n    continue\n"),
            Ok(())
        );
    }

    #[test]
    fn break_outside_loop_at_module_level() {
        assert_eq!(check("break\n"), Err("'break' outside loop".into()));
    }

    #[test]
    fn nonlocal_needs_an_enclosing_binding() {
        assert_eq!(
            check("def f():\n    def g():\n        nonlocal x\n"),
            Err("no binding for nonlocal 'x' found".into())
        );
        assert_eq!(
            check("def f():\n    x = 1\n    def g():\n        nonlocal x\n"),
            Ok(())
        );
    }
}
