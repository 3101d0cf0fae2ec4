//! The rules a tree built in Python must keep before it is compiled, as
//! CPython checks a tree handed to `compile()`: contexts that fit where an
//! expression stands, bodies that are not empty, lists of matching
//! lengths. Trees from Krait's parser keep them by construction.

use krait_syntax::ast::*;

/// A rule broken: a ValueError with this message, or a TypeError.
pub(crate) enum Invalid {
    Value(String),
    Type(String),
}

type Check = Result<(), Invalid>;

fn fail(msg: impl Into<String>) -> Check {
    Err(Invalid::Value(msg.into()))
}

fn ctx_name(ctx: ExprContext) -> &'static str {
    match ctx {
        ExprContext::Load => "Load",
        ExprContext::Store => "Store",
        ExprContext::Del => "Del",
    }
}

pub(crate) fn module(m: &Mod) -> Check {
    match m {
        Mod::Module { body, .. } | Mod::Interactive { body } => stmts(body),
        Mod::Expression { body } => expr(body, ExprContext::Load),
    }
}

fn nonempty<T>(items: &[T], what: &str, owner: &str) -> Check {
    if items.is_empty() {
        return fail(format!("empty {what} on {owner}"));
    }
    Ok(())
}

fn body(items: &[Stmt], owner: &str) -> Check {
    nonempty(items, "body", owner)?;
    stmts(items)
}

fn stmts(items: &[Stmt]) -> Check {
    items.iter().try_for_each(stmt)
}

fn exprs(items: &[Expr], ctx: ExprContext) -> Check {
    items.iter().try_for_each(|e| expr(e, ctx))
}

fn opt_expr(e: &Option<Box<Expr>>, ctx: ExprContext) -> Check {
    e.as_deref().map_or(Ok(()), |e| expr(e, ctx))
}

fn name(id: &str) -> Check {
    if matches!(id, "None" | "True" | "False") {
        return fail(format!("identifier field can't represent '{id}' constant"));
    }
    Ok(())
}

fn arguments(a: &Arguments) -> Check {
    let all = a
        .posonlyargs
        .iter()
        .chain(&a.args)
        .chain(&a.vararg)
        .chain(&a.kwonlyargs)
        .chain(&a.kwarg);
    for arg in all {
        opt_expr(&arg.annotation, ExprContext::Load)?;
    }
    if a.defaults.len() > a.posonlyargs.len() + a.args.len() {
        return fail("more positional defaults than args on arguments");
    }
    if a.kw_defaults.len() != a.kwonlyargs.len() {
        return fail("length of kwonlyargs is not the same as kw_defaults on arguments");
    }
    exprs(&a.defaults, ExprContext::Load)?;
    a.kw_defaults
        .iter()
        .flatten()
        .try_for_each(|e| expr(e, ExprContext::Load))
}

fn keywords(items: &[Keyword]) -> Check {
    items
        .iter()
        .try_for_each(|k| expr(&k.value, ExprContext::Load))
}

fn stmt(s: &Stmt) -> Check {
    use ExprContext::{Del, Load, Store};
    match &s.kind {
        StmtKind::FunctionDef(f) | StmtKind::AsyncFunctionDef(f) => {
            let owner = match s.kind {
                StmtKind::FunctionDef(_) => "FunctionDef",
                _ => "AsyncFunctionDef",
            };
            body(&f.body, owner)?;
            arguments(&f.args)?;
            exprs(&f.decorator_list, Load)?;
            opt_expr(&f.returns, Load)
        }
        StmtKind::ClassDef {
            bases,
            keywords: kws,
            body: b,
            decorator_list,
            ..
        } => {
            body(b, "ClassDef")?;
            exprs(bases, Load)?;
            keywords(kws)?;
            exprs(decorator_list, Load)
        }
        StmtKind::Return { value } => opt_expr(value, Load),
        StmtKind::Delete { targets } => {
            nonempty(targets, "targets", "Delete")?;
            exprs(targets, Del)
        }
        StmtKind::Assign { targets, value, .. } => {
            nonempty(targets, "targets", "Assign")?;
            expr(value, Load)?;
            exprs(targets, Store)
        }
        StmtKind::AugAssign { target, value, .. } => {
            expr(target, Store)?;
            expr(value, Load)
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            simple,
        } => {
            if *simple && !matches!(target.kind, ExprKind::Name { .. }) {
                return Err(Invalid::Type(
                    "AnnAssign with simple non-Name target".into(),
                ));
            }
            expr(target, Store)?;
            opt_expr(value, Load)?;
            expr(annotation, Load)
        }
        StmtKind::For(f) | StmtKind::AsyncFor(f) => {
            expr(&f.target, Store)?;
            expr(&f.iter, Load)?;
            let owner = match s.kind {
                StmtKind::For(_) => "For",
                _ => "AsyncFor",
            };
            body(&f.body, owner)?;
            stmts(&f.orelse)
        }
        StmtKind::While {
            test,
            body: b,
            orelse,
        } => {
            expr(test, Load)?;
            body(b, "While")?;
            stmts(orelse)
        }
        StmtKind::If {
            test,
            body: b,
            orelse,
        } => {
            expr(test, Load)?;
            body(b, "If")?;
            stmts(orelse)
        }
        StmtKind::With(w) | StmtKind::AsyncWith(w) => {
            let owner = match s.kind {
                StmtKind::With(_) => "With",
                _ => "AsyncWith",
            };
            nonempty(&w.items, "items", owner)?;
            for item in &w.items {
                expr(&item.context_expr, Load)?;
                opt_expr(&item.optional_vars, Store)?;
            }
            body(&w.body, owner)
        }
        StmtKind::Match { subject, cases } => {
            expr(subject, Load)?;
            nonempty(cases, "cases", "Match")?;
            for case in cases {
                pattern(&case.pattern, false)?;
                opt_expr(&case.guard, Load)?;
                body(&case.body, "match_case")?;
            }
            Ok(())
        }
        StmtKind::Raise { exc, cause } => match exc {
            Some(e) => {
                expr(e, Load)?;
                opt_expr(cause, Load)
            }
            None if cause.is_some() => fail("Raise with cause but no exception"),
            None => Ok(()),
        },
        StmtKind::Try(t) | StmtKind::TryStar(t) => {
            let owner = match s.kind {
                StmtKind::Try(_) => "Try",
                _ => "TryStar",
            };
            body(&t.body, owner)?;
            if t.handlers.is_empty() && t.finalbody.is_empty() {
                return fail(format!("{owner} has neither except handlers nor finalbody"));
            }
            if t.handlers.is_empty() && !t.orelse.is_empty() {
                return fail(format!("{owner} has orelse but no except handlers"));
            }
            for h in &t.handlers {
                opt_expr(&h.type_, Load)?;
                body(&h.body, "ExceptHandler")?;
            }
            stmts(&t.finalbody)?;
            stmts(&t.orelse)
        }
        StmtKind::Assert { test, msg } => {
            expr(test, Load)?;
            opt_expr(msg, Load)
        }
        StmtKind::Import { names } => nonempty(names, "names", "Import"),
        StmtKind::ImportFrom { names, .. } => nonempty(names, "names", "ImportFrom"),
        StmtKind::Global { names } => nonempty(names, "names", "Global"),
        StmtKind::Nonlocal { names } => nonempty(names, "names", "Nonlocal"),
        StmtKind::Expr { value } => expr(value, Load),
        StmtKind::Pass | StmtKind::Break | StmtKind::Continue => Ok(()),
    }
}

fn comprehensions(gens: &[Comprehension]) -> Check {
    if gens.is_empty() {
        return fail("comprehension with no generators");
    }
    for g in gens {
        expr(&g.target, ExprContext::Store)?;
        expr(&g.iter, ExprContext::Load)?;
        exprs(&g.ifs, ExprContext::Load)?;
    }
    Ok(())
}

fn expr(e: &Expr, ctx: ExprContext) -> Check {
    use ExprContext::Load;
    let actual = match &e.kind {
        ExprKind::Attribute { ctx, .. }
        | ExprKind::Subscript { ctx, .. }
        | ExprKind::Starred { ctx, .. }
        | ExprKind::Name { ctx, .. }
        | ExprKind::List { ctx, .. }
        | ExprKind::Tuple { ctx, .. } => Some(*ctx),
        _ => None,
    };
    match actual {
        Some(actual) if actual != ctx => {
            return fail(format!(
                "expression must have {} context but has {} instead",
                ctx_name(ctx),
                ctx_name(actual)
            ))
        }
        None if ctx != Load => {
            return fail(format!(
                "expression which can't be assigned to in {} context",
                ctx_name(ctx)
            ))
        }
        _ => {}
    }
    match &e.kind {
        ExprKind::BoolOp { values, .. } => {
            if values.len() < 2 {
                return fail("BoolOp with less than 2 values");
            }
            exprs(values, Load)
        }
        ExprKind::NamedExpr { value, .. } => expr(value, Load),
        ExprKind::BinOp { left, right, .. } => {
            expr(left, Load)?;
            expr(right, Load)
        }
        ExprKind::UnaryOp { operand, .. } => expr(operand, Load),
        ExprKind::Lambda { args, body } => {
            arguments(args)?;
            expr(body, Load)
        }
        ExprKind::IfExp { test, body, orelse } => {
            expr(test, Load)?;
            expr(body, Load)?;
            expr(orelse, Load)
        }
        ExprKind::Dict { keys, values } => {
            if keys.len() != values.len() {
                return fail("Dict doesn't have the same number of keys as values");
            }
            keys.iter().flatten().try_for_each(|k| expr(k, Load))?;
            exprs(values, Load)
        }
        ExprKind::Set { elts } => exprs(elts, Load),
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            comprehensions(generators)?;
            expr(elt, Load)
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            comprehensions(generators)?;
            expr(key, Load)?;
            expr(value, Load)
        }
        ExprKind::Yield { value } => opt_expr(value, Load),
        ExprKind::YieldFrom { value } | ExprKind::Await { value } => expr(value, Load),
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            if comparators.is_empty() {
                return fail("Compare with no comparators");
            }
            if comparators.len() != ops.len() {
                return fail("Compare has a different number of comparators and operands");
            }
            exprs(comparators, Load)?;
            expr(left, Load)
        }
        ExprKind::Call {
            func,
            args,
            keywords: kws,
        } => {
            expr(func, Load)?;
            exprs(args, Load)?;
            keywords(kws)
        }
        ExprKind::FormattedValue {
            value, format_spec, ..
        } => {
            expr(value, Load)?;
            opt_expr(format_spec, Load)
        }
        ExprKind::JoinedStr { values } => exprs(values, Load),
        ExprKind::Constant { .. } => Ok(()),
        ExprKind::Attribute { value, .. } => expr(value, Load),
        ExprKind::Subscript { value, slice, .. } => {
            expr(slice, Load)?;
            expr(value, Load)
        }
        ExprKind::Starred { value, .. } => expr(value, ctx),
        ExprKind::Slice { lower, upper, step } => {
            opt_expr(lower, Load)?;
            opt_expr(upper, Load)?;
            opt_expr(step, Load)
        }
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => exprs(elts, ctx),
        ExprKind::Name { id, .. } => name(id),
    }
}

fn capture(id: &Option<Ident>) -> Check {
    match id.as_deref() {
        Some("_") => fail("can't capture name '_' in patterns"),
        Some(id) => name(id),
        None => Ok(()),
    }
}

fn patterns(items: &[Pattern], star_ok: bool) -> Check {
    items.iter().try_for_each(|p| pattern(p, star_ok))
}

fn pattern(p: &Pattern, star_ok: bool) -> Check {
    use ExprContext::Load;
    match &p.kind {
        PatternKind::MatchValue { value } => {
            expr(value, Load)?;
            match &value.kind {
                ExprKind::Constant { value: c, .. } => {
                    if matches!(c, Constant::None | Constant::Bool(_)) {
                        return fail("unexpected constant inside of a literal pattern");
                    }
                    Ok(())
                }
                ExprKind::Attribute { .. } => Ok(()),
                ExprKind::UnaryOp { .. } | ExprKind::BinOp { .. } => Ok(()),
                _ => fail("patterns may only match literals and attribute lookups"),
            }
        }
        PatternKind::MatchSingleton { value } => {
            if !matches!(value, Constant::None | Constant::Bool(_)) {
                return fail("MatchSingleton can only contain True, False and None");
            }
            Ok(())
        }
        PatternKind::MatchSequence { patterns: ps } => patterns(ps, true),
        PatternKind::MatchMapping {
            keys,
            patterns: ps,
            rest,
        } => {
            if keys.len() != ps.len() {
                return fail("MatchMapping doesn't have the same number of keys as patterns");
            }
            capture(rest)?;
            for k in keys {
                if !matches!(
                    k.kind,
                    ExprKind::Constant { .. } | ExprKind::Attribute { .. }
                ) {
                    return fail(
                        "can only have literals and attribute lookups as keys in mapping patterns",
                    );
                }
                expr(k, Load)?;
            }
            patterns(ps, false)
        }
        PatternKind::MatchClass {
            cls,
            patterns: ps,
            kwd_attrs,
            kwd_patterns,
        } => {
            expr(cls, Load)?;
            let mut c = &**cls;
            while let ExprKind::Attribute { value, .. } = &c.kind {
                c = value;
            }
            if !matches!(c.kind, ExprKind::Name { .. }) {
                return fail("MatchClass cls field can only contain Name or Attribute nodes.");
            }
            if kwd_attrs.len() != kwd_patterns.len() {
                return fail(
                    "MatchClass doesn't have the same number of keyword attributes as patterns",
                );
            }
            kwd_attrs.iter().try_for_each(|a| name(a))?;
            patterns(ps, false)?;
            patterns(kwd_patterns, false)
        }
        PatternKind::MatchStar { name: n } => {
            if !star_ok {
                return fail("can't use MatchStar here");
            }
            capture(n)
        }
        PatternKind::MatchAs {
            pattern: sub,
            name: n,
        } => {
            capture(n)?;
            match sub {
                Some(_) if n.is_none() => {
                    fail("MatchAs must specify a target name if a pattern is given")
                }
                Some(sub) => pattern(sub, false),
                None => Ok(()),
            }
        }
        PatternKind::MatchOr { patterns: ps } => {
            if ps.len() < 2 {
                return fail("MatchOr requires at least 2 patterns");
            }
            patterns(ps, false)
        }
    }
}
