//! Walking the tree: a [`Visitor`] is called for statements and
//! expressions, and the `walk_*` functions visit a node's children in
//! source order, so a pass writes only the nodes it cares about and
//! leaves the rest to the walk. The front end's checks and the
//! compiler's symbol table share it.

use super::*;

/// A pass over statements and expressions that may stop with an error.
pub trait Visitor<'a> {
    type Error;
    fn visit_stmt(&mut self, s: &'a Stmt) -> Result<(), Self::Error>;
    fn visit_expr(&mut self, e: &'a Expr) -> Result<(), Self::Error>;
}

/// Visits each statement of a body.
pub fn walk_stmts<'a, V: Visitor<'a>>(v: &mut V, body: &'a [Stmt]) -> Result<(), V::Error> {
    body.iter().try_for_each(|s| v.visit_stmt(s))
}

/// Visits the direct children of a statement, in source order.
pub fn walk_stmt_children<'a, V: Visitor<'a>>(s: &'a Stmt, v: &mut V) -> Result<(), V::Error> {
    match &s.kind {
        StmtKind::FunctionDef(f) | StmtKind::AsyncFunctionDef(f) => {
            f.decorator_list.iter().try_for_each(|d| v.visit_expr(d))?;
            walk_stmts(v, &f.body)
        }
        StmtKind::ClassDef {
            bases,
            keywords,
            body,
            decorator_list,
            ..
        } => {
            decorator_list.iter().try_for_each(|d| v.visit_expr(d))?;
            bases.iter().try_for_each(|b| v.visit_expr(b))?;
            keywords.iter().try_for_each(|k| v.visit_expr(&k.value))?;
            walk_stmts(v, body)
        }
        StmtKind::Return { value } => value.iter().try_for_each(|x| v.visit_expr(x)),
        StmtKind::Delete { targets } => targets.iter().try_for_each(|x| v.visit_expr(x)),
        StmtKind::Assign { targets, value, .. } => {
            targets.iter().try_for_each(|x| v.visit_expr(x))?;
            v.visit_expr(value)
        }
        StmtKind::AugAssign { target, value, .. } => {
            v.visit_expr(target)?;
            v.visit_expr(value)
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            ..
        } => {
            v.visit_expr(target)?;
            v.visit_expr(annotation)?;
            value.iter().try_for_each(|x| v.visit_expr(x))
        }
        StmtKind::For(f) | StmtKind::AsyncFor(f) => {
            v.visit_expr(&f.target)?;
            v.visit_expr(&f.iter)?;
            walk_stmts(v, &f.body)?;
            walk_stmts(v, &f.orelse)
        }
        StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
            v.visit_expr(test)?;
            walk_stmts(v, body)?;
            walk_stmts(v, orelse)
        }
        StmtKind::With(w) | StmtKind::AsyncWith(w) => {
            for item in &w.items {
                v.visit_expr(&item.context_expr)?;
                item.optional_vars
                    .iter()
                    .try_for_each(|x| v.visit_expr(x))?;
            }
            walk_stmts(v, &w.body)
        }
        StmtKind::Match { subject, cases } => {
            v.visit_expr(subject)?;
            for c in cases {
                c.guard.iter().try_for_each(|g| v.visit_expr(g))?;
                walk_stmts(v, &c.body)?;
            }
            Ok(())
        }
        StmtKind::Raise { exc, cause } => {
            exc.iter().try_for_each(|x| v.visit_expr(x))?;
            cause.iter().try_for_each(|x| v.visit_expr(x))
        }
        StmtKind::Try(t) | StmtKind::TryStar(t) => {
            walk_stmts(v, &t.body)?;
            for h in &t.handlers {
                h.type_.iter().try_for_each(|x| v.visit_expr(x))?;
                walk_stmts(v, &h.body)?;
            }
            walk_stmts(v, &t.orelse)?;
            walk_stmts(v, &t.finalbody)
        }
        StmtKind::Assert { test, msg } => {
            v.visit_expr(test)?;
            msg.iter().try_for_each(|x| v.visit_expr(x))
        }
        StmtKind::Expr { value } => v.visit_expr(value),
        StmtKind::Import { .. }
        | StmtKind::ImportFrom { .. }
        | StmtKind::Global { .. }
        | StmtKind::Nonlocal { .. }
        | StmtKind::Pass
        | StmtKind::Break
        | StmtKind::Continue => Ok(()),
    }
}

/// Visits the direct sub-expressions of an expression, in source order.
pub fn walk_expr_children<'a, V: Visitor<'a>>(e: &'a Expr, v: &mut V) -> Result<(), V::Error> {
    let all = |v: &mut dyn FnMut(&'a Expr) -> Result<(), V::Error>, es: &'a [Expr]| {
        es.iter().try_for_each(v)
    };
    let mut visit = |x: &'a Expr| v.visit_expr(x);
    match &e.kind {
        ExprKind::BoolOp { values, .. } => all(&mut visit, values),
        ExprKind::NamedExpr { target, value } => {
            visit(target)?;
            visit(value)
        }
        ExprKind::BinOp { left, right, .. } => {
            visit(left)?;
            visit(right)
        }
        ExprKind::UnaryOp { operand, .. } => visit(operand),
        ExprKind::Lambda { args, body } => {
            for d in args
                .defaults
                .iter()
                .chain(args.kw_defaults.iter().flatten())
            {
                visit(d)?;
            }
            visit(body)
        }
        ExprKind::IfExp { test, body, orelse } => {
            visit(body)?;
            visit(test)?;
            visit(orelse)
        }
        ExprKind::Dict { keys, values } => {
            for (k, val) in keys.iter().zip(values) {
                if let Some(k) = k {
                    visit(k)?;
                }
                visit(val)?;
            }
            Ok(())
        }
        ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            all(&mut visit, elts)
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            for g in generators {
                visit(&g.iter)?;
                visit(&g.target)?;
                all(&mut visit, &g.ifs)?;
            }
            visit(elt)
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            for g in generators {
                visit(&g.iter)?;
                visit(&g.target)?;
                all(&mut visit, &g.ifs)?;
            }
            visit(key)?;
            visit(value)
        }
        ExprKind::Await { value } | ExprKind::YieldFrom { value } => visit(value),
        ExprKind::Yield { value } => value.iter().try_for_each(|x| visit(x)),
        ExprKind::Compare {
            left, comparators, ..
        } => {
            visit(left)?;
            all(&mut visit, comparators)
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            visit(func)?;
            all(&mut visit, args)?;
            keywords.iter().try_for_each(|k| visit(&k.value))
        }
        ExprKind::FormattedValue {
            value, format_spec, ..
        } => {
            visit(value)?;
            format_spec.iter().try_for_each(|x| visit(x))
        }
        ExprKind::JoinedStr { values } => all(&mut visit, values),
        ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => visit(value),
        ExprKind::Subscript { value, slice, .. } => {
            visit(value)?;
            visit(slice)
        }
        ExprKind::Slice { lower, upper, step } => {
            for x in [lower, upper, step].into_iter().flatten() {
                visit(x)?;
            }
            Ok(())
        }
        ExprKind::Constant { .. } | ExprKind::Name { .. } => Ok(()),
    }
}
