//! Assignment and deletion targets. The parser reads a target as an
//! ordinary expression and then turns it into a `Store` or `Del` target here,
//! rejecting what cannot be assigned to with CPython's message.

use super::{PResult, Parser};
use crate::ast::*;
use crate::token::TokKind as T;

/// How CPython names an expression in "cannot assign to ..." messages.
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// The innermost sub-expression that cannot be a target, if any.
pub(crate) fn invalid_target(e: &Expr, del: bool) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Starred { value, .. } if !del => invalid_target(value, del),
        ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
            elts.iter().find_map(|x| invalid_target(x, del))
        }
        _ => Some(e),
    }
}

/// Sets the context of a valid target and of everything inside it.
pub(crate) fn set_context(e: &mut Expr, ctx: ExprContext) {
    match &mut e.kind {
        ExprKind::Name { ctx: c, .. }
        | ExprKind::Attribute { ctx: c, .. }
        | ExprKind::Subscript { ctx: c, .. } => *c = ctx,
        ExprKind::Starred { ctx: c, value } => {
            *c = ctx;
            set_context(value, ctx);
        }
        ExprKind::Tuple { ctx: c, elts } | ExprKind::List { ctx: c, elts } => {
            *c = ctx;
            for x in elts {
                set_context(x, ctx);
            }
        }
        _ => {}
    }
}

impl<'src> Parser<'src> {
    /// Turns an expression into an assignment target, or reports
    /// "cannot assign to ...".
    pub(crate) fn to_target(&self, mut e: Expr, ctx: ExprContext) -> PResult<Expr> {
        let del = ctx == ExprContext::Del;
        if let Some(bad) = invalid_target(&e, del) {
            let verb = if del { "delete" } else { "assign to" };
            return Err(self.error_at_loc(bad.loc, format!("cannot {verb} {}", expr_name(bad))));
        }
        set_context(&mut e, ctx);
        Ok(e)
    }

    /// The targets of a `for` loop or comprehension, up to `in`.
    pub(crate) fn for_targets(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.star_target_expr()?;
        let e = if self.at(T::COMMA) {
            let mut elts = vec![first];
            while self.eat(T::COMMA) {
                if self.at(T::In) {
                    break;
                }
                elts.push(self.star_target_expr()?);
            }
            super::expr(
                ExprKind::Tuple {
                    elts,
                    ctx: ExprContext::Store,
                },
                self.loc_from(&start),
            )
        } else {
            first
        };
        self.to_target(e, ExprContext::Store)
    }

    /// One target as an expression: `*`? followed by anything up to a
    /// comparison, so that `in` is left for the caller.
    pub(crate) fn star_target_expr(&mut self) -> PResult<Expr> {
        if self.at(T::STAR) {
            let start = self.bump();
            let value = self.star_target_expr()?;
            return Ok(super::expr(
                ExprKind::Starred {
                    value: Box::new(value),
                    ctx: ExprContext::Store,
                },
                self.loc_from(&start),
            ));
        }
        self.bitwise_or()
    }
}
