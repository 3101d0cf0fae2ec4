//! Krait's syntax tree as `ast` node objects: what `ast.parse` (through
//! `compile(..., PyCF_ONLY_AST)`) returns.

use super::{AstClasses, MAX_DEPTH};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use krait_syntax::ast::*;

pub(crate) fn module(vm: &mut Vm, classes: &AstClasses, m: &Mod) -> PyResult {
    let mut b = Builder {
        vm,
        classes,
        depth: 0,
    };
    Ok(match m {
        Mod::Module { body, type_ignores } => {
            let body = b.stmts(body)?;
            let ignores = type_ignores
                .iter()
                .map(|t| {
                    let line = Value::Int(t.lineno as i64);
                    let tag = b.vm.new_str(&t.tag);
                    b.node("TypeIgnore", vec![line, tag], None)
                })
                .collect();
            let ignores = b.vm.new_list(ignores);
            b.node("Module", vec![body, ignores], None)
        }
        Mod::Interactive { body } => {
            let body = b.stmts(body)?;
            b.node("Interactive", vec![body], None)
        }
        Mod::Expression { body } => {
            let body = b.expr(body)?;
            b.node("Expression", vec![body], None)
        }
    })
}

struct Builder<'a> {
    vm: &'a mut Vm,
    classes: &'a AstClasses,
    depth: usize,
}

impl Builder<'_> {
    fn node(&mut self, name: &str, values: Vec<Value>, loc: Option<&Loc>) -> Value {
        self.classes.instance(self.vm, name, values, loc)
    }

    /// The shared instance of a field-less class (`Load`, `Add`).
    fn singleton(&mut self, name: &str) -> Value {
        self.classes.singleton(name)
    }

    fn enter(&mut self) -> PyResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.vm.new_exception_msg(
                &self.vm.exc.recursion_error.clone(),
                "maximum recursion depth exceeded during ast construction",
            ));
        }
        Ok(())
    }

    fn list<T>(
        &mut self,
        items: &[T],
        mut each: impl FnMut(&mut Self, &T) -> PyResult,
    ) -> PyResult {
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            out.push(each(self, item)?);
        }
        Ok(self.vm.new_list(out))
    }

    fn stmts(&mut self, body: &[Stmt]) -> PyResult {
        self.list(body, |b, s| b.stmt(s))
    }

    fn exprs(&mut self, items: &[Expr]) -> PyResult {
        self.list(items, |b, e| b.expr(e))
    }

    fn opt_expr(&mut self, e: &Option<Box<Expr>>) -> PyResult {
        match e {
            Some(e) => self.expr(e),
            None => Ok(Value::None),
        }
    }

    fn ident(&mut self, s: &str) -> Value {
        Value::Obj(self.vm.intern(s))
    }

    fn opt_ident(&mut self, s: &Option<String>) -> Value {
        match s {
            Some(s) => self.ident(s),
            None => Value::None,
        }
    }

    fn opt_str(&mut self, s: &Option<String>) -> Value {
        match s {
            Some(s) => self.vm.new_str(s),
            None => Value::None,
        }
    }

    fn constant(&mut self, c: &Constant) -> Value {
        self.vm.const_value(&krait_compiler::fold::constant(c))
    }

    fn stmt(&mut self, s: &Stmt) -> PyResult {
        self.enter()?;
        let loc = Some(&s.loc);
        let v = match &s.kind {
            StmtKind::FunctionDef(f) => self.function("FunctionDef", f, loc)?,
            StmtKind::AsyncFunctionDef(f) => self.function("AsyncFunctionDef", f, loc)?,
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => {
                let fields = vec![
                    self.ident(name),
                    self.exprs(bases)?,
                    self.keywords(keywords)?,
                    self.stmts(body)?,
                    self.exprs(decorator_list)?,
                ];
                self.node("ClassDef", fields, loc)
            }
            StmtKind::Return { value } => {
                let v = self.opt_expr(value)?;
                self.node("Return", vec![v], loc)
            }
            StmtKind::Delete { targets } => {
                let t = self.exprs(targets)?;
                self.node("Delete", vec![t], loc)
            }
            StmtKind::Assign {
                targets,
                value,
                type_comment,
            } => {
                let fields = vec![
                    self.exprs(targets)?,
                    self.expr(value)?,
                    self.opt_str(type_comment),
                ];
                self.node("Assign", fields, loc)
            }
            StmtKind::AugAssign { target, op, value } => {
                let fields = vec![self.expr(target)?, self.operator(*op), self.expr(value)?];
                self.node("AugAssign", fields, loc)
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                let fields = vec![
                    self.expr(target)?,
                    self.expr(annotation)?,
                    self.opt_expr(value)?,
                    Value::Int(*simple as i64),
                ];
                self.node("AnnAssign", fields, loc)
            }
            StmtKind::For(f) => self.for_loop("For", f, loc)?,
            StmtKind::AsyncFor(f) => self.for_loop("AsyncFor", f, loc)?,
            StmtKind::While { test, body, orelse } => {
                let fields = vec![self.expr(test)?, self.stmts(body)?, self.stmts(orelse)?];
                self.node("While", fields, loc)
            }
            StmtKind::If { test, body, orelse } => {
                let fields = vec![self.expr(test)?, self.stmts(body)?, self.stmts(orelse)?];
                self.node("If", fields, loc)
            }
            StmtKind::With(w) => self.with_block("With", w, loc)?,
            StmtKind::AsyncWith(w) => self.with_block("AsyncWith", w, loc)?,
            StmtKind::Match { subject, cases } => {
                let subject = self.expr(subject)?;
                let cases = self.list(cases, |b, c| {
                    let fields = vec![
                        b.pattern(&c.pattern)?,
                        b.opt_expr(&c.guard)?,
                        b.stmts(&c.body)?,
                    ];
                    Ok(b.node("match_case", fields, None))
                })?;
                self.node("Match", vec![subject, cases], loc)
            }
            StmtKind::Raise { exc, cause } => {
                let fields = vec![self.opt_expr(exc)?, self.opt_expr(cause)?];
                self.node("Raise", fields, loc)
            }
            StmtKind::Try(t) => self.try_block("Try", t, loc)?,
            StmtKind::TryStar(t) => self.try_block("TryStar", t, loc)?,
            StmtKind::Assert { test, msg } => {
                let fields = vec![self.expr(test)?, self.opt_expr(msg)?];
                self.node("Assert", fields, loc)
            }
            StmtKind::Import { names } => {
                let names = self.aliases(names)?;
                self.node("Import", vec![names], loc)
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                let fields = vec![
                    self.opt_ident(module),
                    self.aliases(names)?,
                    Value::Int(*level as i64),
                ];
                self.node("ImportFrom", fields, loc)
            }
            StmtKind::Global { names } => {
                let names = self.list(names, |b, n| Ok(b.ident(n)))?;
                self.node("Global", vec![names], loc)
            }
            StmtKind::Nonlocal { names } => {
                let names = self.list(names, |b, n| Ok(b.ident(n)))?;
                self.node("Nonlocal", vec![names], loc)
            }
            StmtKind::Expr { value } => {
                let v = self.expr(value)?;
                self.node("Expr", vec![v], loc)
            }
            StmtKind::Pass => self.node("Pass", vec![], loc),
            StmtKind::Break => self.node("Break", vec![], loc),
            StmtKind::Continue => self.node("Continue", vec![], loc),
        };
        self.depth -= 1;
        Ok(v)
    }

    fn function(&mut self, name: &str, f: &FunctionDef, loc: Option<&Loc>) -> PyResult {
        let fields = vec![
            self.ident(&f.name),
            self.arguments(&f.args)?,
            self.stmts(&f.body)?,
            self.exprs(&f.decorator_list)?,
            self.opt_expr(&f.returns)?,
            self.opt_str(&f.type_comment),
        ];
        Ok(self.node(name, fields, loc))
    }

    fn for_loop(&mut self, name: &str, f: &ForLoop, loc: Option<&Loc>) -> PyResult {
        let fields = vec![
            self.expr(&f.target)?,
            self.expr(&f.iter)?,
            self.stmts(&f.body)?,
            self.stmts(&f.orelse)?,
            self.opt_str(&f.type_comment),
        ];
        Ok(self.node(name, fields, loc))
    }

    fn with_block(&mut self, name: &str, w: &WithBlock, loc: Option<&Loc>) -> PyResult {
        let items = self.list(&w.items, |b, item| {
            let fields = vec![
                b.expr(&item.context_expr)?,
                b.opt_expr(&item.optional_vars)?,
            ];
            Ok(b.node("withitem", fields, None))
        })?;
        let fields = vec![items, self.stmts(&w.body)?, self.opt_str(&w.type_comment)];
        Ok(self.node(name, fields, loc))
    }

    fn try_block(&mut self, name: &str, t: &TryBlock, loc: Option<&Loc>) -> PyResult {
        let body = self.stmts(&t.body)?;
        let handlers = self.list(&t.handlers, |b, h| {
            let fields = vec![
                b.opt_expr(&h.type_)?,
                b.opt_ident(&h.name),
                b.stmts(&h.body)?,
            ];
            Ok(b.node("ExceptHandler", fields, Some(&h.loc)))
        })?;
        let fields = vec![
            body,
            handlers,
            self.stmts(&t.orelse)?,
            self.stmts(&t.finalbody)?,
        ];
        Ok(self.node(name, fields, loc))
    }

    fn aliases(&mut self, names: &[Alias]) -> PyResult {
        self.list(names, |b, a| {
            let fields = vec![b.ident(&a.name), b.opt_ident(&a.asname)];
            Ok(b.node("alias", fields, Some(&a.loc)))
        })
    }

    fn keywords(&mut self, keywords: &[Keyword]) -> PyResult {
        self.list(keywords, |b, k| {
            let fields = vec![b.opt_ident(&k.arg), b.expr(&k.value)?];
            Ok(b.node("keyword", fields, Some(&k.loc)))
        })
    }

    fn arg(&mut self, a: &Arg) -> PyResult {
        let fields = vec![
            self.ident(&a.arg),
            self.opt_expr(&a.annotation)?,
            self.opt_str(&a.type_comment),
        ];
        Ok(self.node("arg", fields, Some(&a.loc)))
    }

    fn opt_arg(&mut self, a: &Option<Arg>) -> PyResult {
        match a {
            Some(a) => self.arg(a),
            None => Ok(Value::None),
        }
    }

    fn arguments(&mut self, a: &Arguments) -> PyResult {
        let fields = vec![
            self.list(&a.posonlyargs, |b, a| b.arg(a))?,
            self.list(&a.args, |b, a| b.arg(a))?,
            self.opt_arg(&a.vararg)?,
            self.list(&a.kwonlyargs, |b, a| b.arg(a))?,
            self.list(&a.kw_defaults, |b, d| match d {
                Some(e) => b.expr(e),
                None => Ok(Value::None),
            })?,
            self.opt_arg(&a.kwarg)?,
            self.exprs(&a.defaults)?,
        ];
        Ok(self.node("arguments", fields, None))
    }

    fn comprehensions(&mut self, gens: &[Comprehension]) -> PyResult {
        self.list(gens, |b, g| {
            let fields = vec![
                b.expr(&g.target)?,
                b.expr(&g.iter)?,
                b.exprs(&g.ifs)?,
                Value::Int(g.is_async as i64),
            ];
            Ok(b.node("comprehension", fields, None))
        })
    }

    fn operator(&mut self, op: Operator) -> Value {
        self.singleton(super::OPERATORS[op as usize].0)
    }

    fn context(&mut self, ctx: ExprContext) -> Value {
        self.singleton(match ctx {
            ExprContext::Load => "Load",
            ExprContext::Store => "Store",
            ExprContext::Del => "Del",
        })
    }

    fn expr(&mut self, e: &Expr) -> PyResult {
        self.enter()?;
        let loc = Some(&e.loc);
        let v = match &e.kind {
            ExprKind::BoolOp { op, values } => {
                let op = self.singleton(match op {
                    BoolOp::And => "And",
                    BoolOp::Or => "Or",
                });
                let values = self.exprs(values)?;
                self.node("BoolOp", vec![op, values], loc)
            }
            ExprKind::NamedExpr { target, value } => {
                let fields = vec![self.expr(target)?, self.expr(value)?];
                self.node("NamedExpr", fields, loc)
            }
            ExprKind::BinOp { left, op, right } => {
                let fields = vec![self.expr(left)?, self.operator(*op), self.expr(right)?];
                self.node("BinOp", fields, loc)
            }
            ExprKind::UnaryOp { op, operand } => {
                let op = self.singleton(super::UNARY_OPS[*op as usize].0);
                let operand = self.expr(operand)?;
                self.node("UnaryOp", vec![op, operand], loc)
            }
            ExprKind::Lambda { args, body } => {
                let fields = vec![self.arguments(args)?, self.expr(body)?];
                self.node("Lambda", fields, loc)
            }
            ExprKind::IfExp { test, body, orelse } => {
                let fields = vec![self.expr(test)?, self.expr(body)?, self.expr(orelse)?];
                self.node("IfExp", fields, loc)
            }
            ExprKind::Dict { keys, values } => {
                let keys = self.list(keys, |b, k| match k {
                    Some(k) => b.expr(k),
                    None => Ok(Value::None),
                })?;
                let values = self.exprs(values)?;
                self.node("Dict", vec![keys, values], loc)
            }
            ExprKind::Set { elts } => {
                let elts = self.exprs(elts)?;
                self.node("Set", vec![elts], loc)
            }
            ExprKind::ListComp { elt, generators } => {
                let fields = vec![self.expr(elt)?, self.comprehensions(generators)?];
                self.node("ListComp", fields, loc)
            }
            ExprKind::SetComp { elt, generators } => {
                let fields = vec![self.expr(elt)?, self.comprehensions(generators)?];
                self.node("SetComp", fields, loc)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                let fields = vec![
                    self.expr(key)?,
                    self.expr(value)?,
                    self.comprehensions(generators)?,
                ];
                self.node("DictComp", fields, loc)
            }
            ExprKind::GeneratorExp { elt, generators } => {
                let fields = vec![self.expr(elt)?, self.comprehensions(generators)?];
                self.node("GeneratorExp", fields, loc)
            }
            ExprKind::Await { value } => {
                let v = self.expr(value)?;
                self.node("Await", vec![v], loc)
            }
            ExprKind::Yield { value } => {
                let v = self.opt_expr(value)?;
                self.node("Yield", vec![v], loc)
            }
            ExprKind::YieldFrom { value } => {
                let v = self.expr(value)?;
                self.node("YieldFrom", vec![v], loc)
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                let left = self.expr(left)?;
                let ops =
                    self.list(ops, |b, op| Ok(b.singleton(super::CMP_OPS[*op as usize].0)))?;
                let comparators = self.exprs(comparators)?;
                self.node("Compare", vec![left, ops, comparators], loc)
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                let fields = vec![
                    self.expr(func)?,
                    self.exprs(args)?,
                    self.keywords(keywords)?,
                ];
                self.node("Call", fields, loc)
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                let fields = vec![
                    self.expr(value)?,
                    Value::Int(*conversion as i64),
                    self.opt_expr(format_spec)?,
                ];
                self.node("FormattedValue", fields, loc)
            }
            ExprKind::JoinedStr { values } => {
                let values = self.exprs(values)?;
                self.node("JoinedStr", vec![values], loc)
            }
            ExprKind::Constant { value, kind } => {
                let fields = vec![self.constant(value), self.opt_str(kind)];
                self.node("Constant", fields, loc)
            }
            ExprKind::Attribute { value, attr, ctx } => {
                let fields = vec![self.expr(value)?, self.ident(attr), self.context(*ctx)];
                self.node("Attribute", fields, loc)
            }
            ExprKind::Subscript { value, slice, ctx } => {
                let fields = vec![self.expr(value)?, self.expr(slice)?, self.context(*ctx)];
                self.node("Subscript", fields, loc)
            }
            ExprKind::Starred { value, ctx } => {
                let fields = vec![self.expr(value)?, self.context(*ctx)];
                self.node("Starred", fields, loc)
            }
            ExprKind::Name { id, ctx } => {
                let fields = vec![self.ident(id), self.context(*ctx)];
                self.node("Name", fields, loc)
            }
            ExprKind::List { elts, ctx } => {
                let fields = vec![self.exprs(elts)?, self.context(*ctx)];
                self.node("List", fields, loc)
            }
            ExprKind::Tuple { elts, ctx } => {
                let fields = vec![self.exprs(elts)?, self.context(*ctx)];
                self.node("Tuple", fields, loc)
            }
            ExprKind::Slice { lower, upper, step } => {
                let fields = vec![
                    self.opt_expr(lower)?,
                    self.opt_expr(upper)?,
                    self.opt_expr(step)?,
                ];
                self.node("Slice", fields, loc)
            }
        };
        self.depth -= 1;
        Ok(v)
    }

    fn patterns(&mut self, items: &[Pattern]) -> PyResult {
        self.list(items, |b, p| b.pattern(p))
    }

    fn pattern(&mut self, p: &Pattern) -> PyResult {
        self.enter()?;
        let loc = Some(&p.loc);
        let v = match &p.kind {
            PatternKind::MatchValue { value } => {
                let v = self.expr(value)?;
                self.node("MatchValue", vec![v], loc)
            }
            PatternKind::MatchSingleton { value } => {
                let v = self.constant(value);
                self.node("MatchSingleton", vec![v], loc)
            }
            PatternKind::MatchSequence { patterns } => {
                let ps = self.patterns(patterns)?;
                self.node("MatchSequence", vec![ps], loc)
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                let fields = vec![
                    self.exprs(keys)?,
                    self.patterns(patterns)?,
                    self.opt_ident(rest),
                ];
                self.node("MatchMapping", fields, loc)
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                let fields = vec![
                    self.expr(cls)?,
                    self.patterns(patterns)?,
                    self.list(kwd_attrs, |b, n| Ok(b.ident(n)))?,
                    self.patterns(kwd_patterns)?,
                ];
                self.node("MatchClass", fields, loc)
            }
            PatternKind::MatchStar { name } => {
                let n = self.opt_ident(name);
                self.node("MatchStar", vec![n], loc)
            }
            PatternKind::MatchAs { pattern, name } => {
                let p = match pattern {
                    Some(p) => self.pattern(p)?,
                    None => Value::None,
                };
                let n = self.opt_ident(name);
                self.node("MatchAs", vec![p, n], loc)
            }
            PatternKind::MatchOr { patterns } => {
                let ps = self.patterns(patterns)?;
                self.node("MatchOr", vec![ps], loc)
            }
        };
        self.depth -= 1;
        Ok(v)
    }
}
