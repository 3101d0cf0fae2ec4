//! The symbol table: which scope each name of a program lives in.
//!
//! Two passes, as in CPython: the first walks the tree and records, for
//! every scope (module, class, function, lambda, comprehension), each name
//! with how it is used there (assigned, a parameter, read, declared
//! `global` or `nonlocal`). The second walks the scope tree top down with
//! the names bound by enclosing functions, and decides for each name
//! whether it is local, global, free (a closure variable from an enclosing
//! function) or a cell (local, but captured by a nested function).
//!
//! The front end's checks have already rejected the programs CPython's
//! symbol table rejects, so this pass does not report errors.

use krait_syntax::ast::visit::{walk_expr_children, walk_stmt_children, Visitor};
use krait_syntax::ast::*;
use std::collections::{HashMap, HashSet};

pub type ScopeId = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

/// Where a name's value lives, as code generation needs to know it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameScope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

const DEF_LOCAL: u16 = 1;
const DEF_PARAM: u16 = 2;
const DEF_GLOBAL: u16 = 4;
const DEF_NONLOCAL: u16 = 8;
const USE: u16 = 16;
/// A class-body name that a method also reads as a free variable: the class
/// body reads it from its own namespace first, then from the closure.
const DEF_FREE_CLASS: u16 = 32;
const DEF_IMPORT: u16 = 64;
/// Named in an annotated assignment (`x: int`).
const DEF_ANNOT: u16 = 128;
/// A comprehension's iteration variable.
const DEF_COMP_ITER: u16 = 256;
const DEF_BOUND: u16 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    /// The line of the statement or expression that opens the scope.
    pub lineno: u32,
    /// Names in the order first seen.
    order: Vec<String>,
    flags: HashMap<String, u16>,
    scopes: HashMap<String, NameScope>,
    /// Parameters in definition order.
    pub params: Vec<String>,
    pub children: Vec<ScopeId>,
    pub parent: Option<ScopeId>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    pub has_varargs: bool,
    pub has_varkeywords: bool,
    /// A class whose methods use `super()` or `__class__`: the class body
    /// creates the `__class__` cell.
    pub needs_class_closure: bool,
    /// Inside a class, directly or not: private names are mangled.
    pub class_name: Option<String>,
    /// Comprehension only: a generator expression.
    pub is_genexp: bool,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, parent: Option<ScopeId>) -> Scope {
        Scope {
            kind,
            name: name.to_owned(),
            lineno: 0,
            order: Vec::new(),
            flags: HashMap::new(),
            scopes: HashMap::new(),
            params: Vec::new(),
            children: Vec::new(),
            parent,
            is_generator: false,
            is_coroutine: false,
            has_varargs: false,
            has_varkeywords: false,
            needs_class_closure: false,
            class_name: None,
            is_genexp: false,
        }
    }

    /// The scope of `name` here. A name the tree never mentions in this
    /// scope (code generation can invent some, such as `__class__` reads for
    /// `super()`) is global, as CPython treats it.
    pub fn lookup(&self, name: &str) -> NameScope {
        self.scopes
            .get(name)
            .copied()
            .unwrap_or(NameScope::GlobalImplicit)
    }

    /// Whether a class body reads `name` from its namespace and then from
    /// its closure (`LOAD_CLASSDEREF`).
    pub fn is_free_class(&self, name: &str) -> bool {
        self.flags
            .get(name)
            .is_some_and(|f| f & DEF_FREE_CLASS != 0)
    }

    pub fn is_function_like(&self) -> bool {
        matches!(
            self.kind,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        )
    }

    /// Names that are cells here, sorted as CPython sorts them.
    pub fn cellvars(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .order
            .iter()
            .filter(|n| self.scopes.get(*n) == Some(&NameScope::Cell))
            .cloned()
            .collect();
        if self.needs_class_closure {
            v.push("__class__".into());
        }
        v.sort();
        v
    }

    /// Names that are free here, sorted.
    pub fn freevars(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .order
            .iter()
            .filter(|n| self.scopes.get(*n) == Some(&NameScope::Free) || self.is_free_class(n))
            .cloned()
            .collect();
        v.sort();
        v
    }
}

/// One scope as the `symtable` module shows it (CPython's numbering of
/// block types and symbol flags).
pub struct SymtableEntry {
    /// 0 function (also lambdas and comprehensions), 1 class, 2 module.
    pub block_type: i64,
    pub name: String,
    pub lineno: u32,
    /// Inside a function, at any depth.
    pub nested: bool,
    /// Each name with its flags and, from bit 11, its scope.
    pub symbols: Vec<(String, i64)>,
    pub varnames: Vec<String>,
    pub children: Vec<ScopeId>,
}

impl Scope {
    fn symtable_flags(&self, name: &str) -> i64 {
        let flags = self.flags.get(name).copied().unwrap_or(0);
        let bits = [
            (DEF_GLOBAL, 1),
            (DEF_LOCAL, 2),
            (DEF_PARAM, 4),
            (DEF_NONLOCAL, 8),
            (USE, 16),
            (DEF_FREE_CLASS, 64),
            (DEF_IMPORT, 128),
            (DEF_ANNOT, 256),
            (DEF_COMP_ITER, 512),
        ];
        let mut out = bits
            .iter()
            .filter(|(ours, _)| flags & ours != 0)
            .map(|(_, theirs)| theirs)
            .sum::<i64>();
        let scope = match self.scopes.get(name) {
            Some(NameScope::Local) => 1,
            Some(NameScope::GlobalExplicit) => 2,
            Some(NameScope::GlobalImplicit) | None => 3,
            Some(NameScope::Free) => 4,
            Some(NameScope::Cell) => 5,
        };
        out |= scope << 11;
        out
    }
}

pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    /// Scope of each node that opens one, keyed by the node's address.
    by_node: HashMap<usize, ScopeId>,
}

impl SymbolTable {
    pub fn build(body: &[Stmt]) -> SymbolTable {
        let mut b = Builder {
            scopes: vec![Scope::new(ScopeKind::Module, "top", None)],
            by_node: HashMap::new(),
            stack: vec![0],
            future_annotations: crate::future_annotations(body),
        };
        b.stmts(body);
        let mut table = SymbolTable {
            scopes: b.scopes,
            by_node: b.by_node,
        };
        table.analyze(0, &HashSet::new(), &HashSet::new());
        table
    }

    /// The table for an `eval` expression: a module scope holding it.
    pub fn build_for_expression(_body: &[Stmt], e: &Expr) -> SymbolTable {
        let mut b = Builder {
            scopes: vec![Scope::new(ScopeKind::Module, "top", None)],
            by_node: HashMap::new(),
            stack: vec![0],
            future_annotations: false,
        };
        b.expr(e);
        let mut table = SymbolTable {
            scopes: b.scopes,
            by_node: b.by_node,
        };
        table.analyze(0, &HashSet::new(), &HashSet::new());
        table
    }

    /// Every scope, the module's first, as the `symtable` module lists
    /// them.
    pub fn entries(&self) -> Vec<SymtableEntry> {
        self.scopes
            .iter()
            .map(|scope| {
                let mut nested = false;
                let mut up = scope.parent;
                while let Some(p) = up {
                    nested |= self.scopes[p].is_function_like();
                    up = self.scopes[p].parent;
                }
                SymtableEntry {
                    block_type: match scope.kind {
                        ScopeKind::Module => 2,
                        ScopeKind::Class => 1,
                        _ => 0,
                    },
                    name: match scope.kind {
                        ScopeKind::Lambda | ScopeKind::Comprehension => {
                            scope.name.trim_matches(['<', '>']).to_string()
                        }
                        _ => scope.name.clone(),
                    },
                    lineno: scope.lineno,
                    nested,
                    symbols: scope
                        .order
                        .iter()
                        .map(|n| (n.clone(), scope.symtable_flags(n)))
                        .collect(),
                    varnames: scope.params.clone(),
                    children: scope.children.clone(),
                }
            })
            .collect()
    }

    pub fn scope_of_stmt(&self, s: &Stmt) -> ScopeId {
        self.by_node[&(s as *const Stmt as usize)]
    }

    pub fn scope_of_expr(&self, e: &Expr) -> ScopeId {
        self.by_node[&(e as *const Expr as usize)]
    }

    /// Decides every name's scope in `id` and its children, given the names
    /// bound by enclosing functions and those declared global further out;
    /// returns the names free in `id` (needed from an enclosing function).
    fn analyze(
        &mut self,
        id: ScopeId,
        bound: &HashSet<String>,
        global: &HashSet<String>,
    ) -> HashSet<String> {
        let kind = self.scopes[id].kind;
        let mut bound = bound.clone();
        let mut global = global.clone();
        let mut local = HashSet::new();
        let mut free = HashSet::new();
        let mut decided = HashMap::new();
        for name in &self.scopes[id].order {
            let flags = self.scopes[id].flags[name];
            let scope = if flags & DEF_GLOBAL != 0 {
                global.insert(name.clone());
                bound.remove(name);
                NameScope::GlobalExplicit
            } else if flags & DEF_NONLOCAL != 0 {
                free.insert(name.clone());
                NameScope::Free
            } else if flags & DEF_BOUND != 0 {
                local.insert(name.clone());
                global.remove(name);
                NameScope::Local
            } else if bound.contains(name) {
                free.insert(name.clone());
                NameScope::Free
            } else {
                NameScope::GlobalImplicit
            };
            decided.insert(name.clone(), scope);
        }
        // What children see as bound by enclosing functions: a class body's
        // names are invisible to its methods, but `__class__` is provided.
        let mut new_bound = bound.clone();
        match kind {
            ScopeKind::Module => {}
            ScopeKind::Class => {
                new_bound.insert("__class__".into());
            }
            _ => new_bound.extend(local.iter().cloned()),
        }
        let mut child_free = HashSet::new();
        for child in self.scopes[id].children.clone() {
            child_free.extend(self.analyze(child, &new_bound, &global));
        }
        match kind {
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension => {
                for (name, scope) in decided.iter_mut() {
                    if *scope == NameScope::Local && child_free.remove(name) {
                        *scope = NameScope::Cell;
                    }
                }
            }
            ScopeKind::Class => {
                if child_free.remove("__class__") {
                    self.scopes[id].needs_class_closure = true;
                }
            }
            ScopeKind::Module => {}
        }
        // Free names of children not resolved here pass through upwards.
        for name in &child_free {
            if let Some(flags) = self.scopes[id].flags.get_mut(name) {
                if kind == ScopeKind::Class && *flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                    *flags |= DEF_FREE_CLASS;
                }
                continue;
            }
            if !bound.contains(name) {
                continue;
            }
            self.scopes[id].order.push(name.clone());
            self.scopes[id].flags.insert(name.clone(), 0);
            decided.insert(name.clone(), NameScope::Free);
        }
        free.extend(child_free);
        self.scopes[id].scopes = decided;
        free
    }
}

/// Applies Python's private-name mangling: `__x` inside class `C` is `_C__x`.
pub fn mangle(class_name: Option<&str>, name: &str) -> String {
    let Some(class) = class_name else {
        return name.to_owned();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_owned();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_owned();
    }
    format!("_{stripped}{name}")
}

struct Builder {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
    stack: Vec<ScopeId>,
    future_annotations: bool,
}

impl Builder {
    fn cur(&mut self) -> &mut Scope {
        let id = *self.stack.last().unwrap();
        &mut self.scopes[id]
    }

    fn add(&mut self, name: &str, flag: u16) {
        let class = self.cur().class_name.clone();
        let name = mangle(class.as_deref(), name);
        let s = self.cur();
        match s.flags.get_mut(&name) {
            Some(f) => *f |= flag,
            None => {
                s.order.push(name.clone());
                s.flags.insert(name, flag);
            }
        }
    }

    fn push(&mut self, kind: ScopeKind, name: &str, node: usize, lineno: u32) {
        let parent = *self.stack.last().unwrap();
        let id = self.scopes.len();
        let mut scope = Scope::new(kind, name, Some(parent));
        scope.lineno = lineno;
        scope.class_name = if self.scopes[parent].kind == ScopeKind::Class {
            Some(self.scopes[parent].name.clone())
        } else {
            self.scopes[parent].class_name.clone()
        };
        self.scopes.push(scope);
        self.scopes[parent].children.push(id);
        self.by_node.insert(node, id);
        self.stack.push(id);
    }

    fn pop(&mut self) {
        self.stack.pop();
    }

    fn stmts(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn exprs(&mut self, es: &[Expr]) {
        for e in es {
            self.expr(e);
        }
    }

    fn annotation(&mut self, e: &Expr) {
        if !self.future_annotations {
            self.expr(e);
        }
    }

    fn arguments_outer(&mut self, a: &Arguments) {
        self.exprs(&a.defaults);
        for d in a.kw_defaults.iter().flatten() {
            self.expr(d);
        }
    }

    fn arg_annotations(&mut self, a: &Arguments) {
        let all = a
            .posonlyargs
            .iter()
            .chain(&a.args)
            .chain(&a.vararg)
            .chain(&a.kwonlyargs)
            .chain(&a.kwarg);
        for arg in all {
            if let Some(ann) = &arg.annotation {
                self.annotation(ann);
            }
        }
    }

    fn params(&mut self, a: &Arguments) {
        let add = |b: &mut Builder, arg: &Arg| {
            b.add(&arg.arg, DEF_PARAM);
            let class = b.cur().class_name.clone();
            let name = mangle(class.as_deref(), &arg.arg);
            b.cur().params.push(name);
        };
        for arg in a.posonlyargs.iter().chain(&a.args) {
            add(self, arg);
        }
        for arg in &a.kwonlyargs {
            add(self, arg);
        }
        if let Some(v) = &a.vararg {
            add(self, v);
            self.cur().has_varargs = true;
        }
        if let Some(k) = &a.kwarg {
            add(self, k);
            self.cur().has_varkeywords = true;
        }
    }

    fn function(&mut self, s: &Stmt, f: &FunctionDef, is_async: bool) {
        self.add(&f.name, DEF_LOCAL);
        self.exprs(&f.decorator_list);
        self.arguments_outer(&f.args);
        self.arg_annotations(&f.args);
        if let Some(r) = &f.returns {
            self.annotation(r);
        }
        self.push(
            ScopeKind::Function,
            &f.name,
            s as *const Stmt as usize,
            s.loc.lineno,
        );
        self.cur().is_coroutine = is_async;
        self.params(&f.args);
        self.stmts(&f.body);
        self.pop();
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::FunctionDef(f) => self.function(s, f, false),
            StmtKind::AsyncFunctionDef(f) => self.function(s, f, true),
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => {
                self.add(name, DEF_LOCAL);
                self.exprs(decorator_list);
                self.exprs(bases);
                for k in keywords {
                    self.expr(&k.value);
                }
                self.push(
                    ScopeKind::Class,
                    name,
                    s as *const Stmt as usize,
                    s.loc.lineno,
                );
                // Class names are not mangled by their own class.
                self.stmts(body);
                self.pop();
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let ExprKind::Name { id, .. } = &target.kind {
                    let _ = simple;
                    self.add(id, DEF_LOCAL | DEF_ANNOT);
                } else {
                    self.expr(target);
                }
                self.annotation(annotation);
                if let Some(v) = value {
                    self.expr(v);
                }
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject);
                for c in cases {
                    self.pattern(&c.pattern);
                    if let Some(g) = &c.guard {
                        self.expr(g);
                    }
                    self.stmts(&c.body);
                }
            }
            StmtKind::Try(t) | StmtKind::TryStar(t) => {
                self.stmts(&t.body);
                for h in &t.handlers {
                    if let Some(ty) = &h.type_ {
                        self.expr(ty);
                    }
                    if let Some(n) = &h.name {
                        self.add(n, DEF_LOCAL);
                    }
                    self.stmts(&h.body);
                }
                self.stmts(&t.orelse);
                self.stmts(&t.finalbody);
            }
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        continue;
                    }
                    let bound = match &a.asname {
                        Some(n) => n.as_str(),
                        None => a.name.split('.').next().unwrap_or(&a.name),
                    };
                    self.add(bound, DEF_IMPORT);
                }
            }
            StmtKind::Global { names } => {
                for n in names {
                    self.add(n, DEF_GLOBAL);
                    // The module learns of it too, as in CPython: its own
                    // code then also reaches the name as an explicit global.
                    let module = &mut self.scopes[0];
                    match module.flags.get_mut(n) {
                        Some(f) => *f |= DEF_GLOBAL,
                        None => {
                            module.order.push(n.clone());
                            module.flags.insert(n.clone(), DEF_GLOBAL);
                        }
                    }
                }
            }
            StmtKind::Nonlocal { names } => {
                for n in names {
                    self.add(n, DEF_NONLOCAL);
                }
            }
            // The rest bind nothing themselves: their children, in order.
            _ => {
                let Ok(()) = walk_stmt_children(s, self);
            }
        }
    }

    fn pattern(&mut self, p: &Pattern) {
        match &p.kind {
            PatternKind::MatchValue { value } => self.expr(value),
            PatternKind::MatchSingleton { .. } => {}
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                for q in patterns {
                    self.pattern(q);
                }
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                self.exprs(keys);
                for q in patterns {
                    self.pattern(q);
                }
                if let Some(r) = rest {
                    self.add(r, DEF_LOCAL);
                }
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.expr(cls);
                for q in patterns.iter().chain(kwd_patterns) {
                    self.pattern(q);
                }
            }
            PatternKind::MatchStar { name } => {
                if let Some(n) = name {
                    self.add(n, DEF_LOCAL);
                }
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(q) = pattern {
                    self.pattern(q);
                }
                if let Some(n) = name {
                    self.add(n, DEF_LOCAL);
                }
            }
        }
    }

    fn comprehension(&mut self, e: &Expr, name: &str, gens: &[Comprehension], elts: &[&Expr]) {
        let is_genexp = matches!(e.kind, ExprKind::GeneratorExp { .. });
        // The first iterable is evaluated in the enclosing scope.
        self.expr(&gens[0].iter);
        self.push(
            ScopeKind::Comprehension,
            name,
            e as *const Expr as usize,
            e.loc.lineno,
        );
        self.cur().is_genexp = is_genexp;
        self.cur().is_generator = is_genexp;
        if gens[0].is_async {
            self.cur().is_coroutine = true;
        }
        self.add(".0", DEF_PARAM);
        self.cur().params.push(".0".into());
        for (i, g) in gens.iter().enumerate() {
            if g.is_async {
                self.cur().is_coroutine = true;
            }
            self.expr(&g.target);
            self.mark_comprehension_targets(&g.target);
            if i > 0 {
                self.expr(&g.iter);
            }
            self.exprs(&g.ifs);
        }
        for e in elts {
            self.expr(e);
        }
        self.pop();
    }

    fn mark_comprehension_targets(&mut self, target: &Expr) {
        match &target.kind {
            ExprKind::Name { id, .. } => self.add(id, DEF_COMP_ITER),
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                for e in elts {
                    self.mark_comprehension_targets(e);
                }
            }
            ExprKind::Starred { value, .. } => self.mark_comprehension_targets(value),
            _ => {}
        }
    }

    /// `(y := f(x))` inside a comprehension binds `y` in the nearest
    /// enclosing function or module scope.
    fn named_expr_target(&mut self, name: &str) {
        let mut i = self.stack.len() - 1;
        while self.scopes[self.stack[i]].kind == ScopeKind::Comprehension {
            if i == 0 {
                break;
            }
            i -= 1;
        }
        let outer = self.stack[i];
        if outer == *self.stack.last().unwrap() {
            self.add(name, DEF_LOCAL);
            return;
        }
        let outer_flags = self.scopes[outer].flags.get(name).copied().unwrap_or(0);
        // Mark every comprehension in between as passing the name through.
        let comps: Vec<ScopeId> = self.stack[i + 1..].to_vec();
        let saved = std::mem::take(&mut self.stack);
        for c in comps {
            self.stack = vec![c];
            if self.scopes[outer].kind == ScopeKind::Module || outer_flags & DEF_GLOBAL != 0 {
                self.add(name, DEF_GLOBAL);
            } else {
                self.add(name, DEF_NONLOCAL);
            }
        }
        self.stack = vec![outer];
        self.add(name, DEF_LOCAL);
        self.stack = saved;
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.expr(value);
                if let ExprKind::Name { id, .. } = &target.kind {
                    self.named_expr_target(id);
                }
            }
            ExprKind::Lambda { args, body } => {
                self.arguments_outer(args);
                self.push(
                    ScopeKind::Lambda,
                    "<lambda>",
                    e as *const Expr as usize,
                    e.loc.lineno,
                );
                self.params(args);
                self.expr(body);
                self.pop();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test);
                self.expr(body);
                self.expr(orelse);
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k);
                }
                self.exprs(values);
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "<listcomp>", generators, &[elt])
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "<setcomp>", generators, &[elt])
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "<genexpr>", generators, &[elt])
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, "<dictcomp>", generators, &[key, value]),
            ExprKind::Await { .. } => {
                self.cur().is_coroutine = true;
                let Ok(()) = walk_expr_children(e, self);
            }
            ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => {
                self.cur().is_generator = true;
                let Ok(()) = walk_expr_children(e, self);
            }
            ExprKind::Name { id, ctx } => {
                let flag = match ctx {
                    ExprContext::Load => USE,
                    _ => DEF_LOCAL,
                };
                self.add(id, flag);
                // `super()` needs the class cell, found through `__class__`.
                if *ctx == ExprContext::Load
                    && id == "super"
                    && self.cur().is_function_like()
                    && self.cur().kind != ScopeKind::Comprehension
                {
                    self.add("__class__", USE);
                }
            }
            // The rest bind nothing themselves: their children, in order.
            _ => {
                let Ok(()) = walk_expr_children(e, self);
            }
        }
    }
}

/// The symbol table's pass cannot fail: the front end reported every
/// error already.
impl Visitor<'_> for Builder {
    type Error = std::convert::Infallible;
    fn visit_stmt(&mut self, s: &Stmt) -> Result<(), Self::Error> {
        self.stmt(s);
        Ok(())
    }
    fn visit_expr(&mut self, e: &Expr) -> Result<(), Self::Error> {
        self.expr(e);
        Ok(())
    }
}
