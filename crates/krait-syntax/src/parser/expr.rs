//! Expressions, from `star_expressions` down to atoms.

use super::{expr, token_loc, PResult, Parser};
use crate::ast::*;
use crate::literals::{parse_number, Number};
use crate::token::TokKind as T;

/// Binding power of the binary operators between `bitwise_or` and `factor`.
fn binary_op(kind: T) -> Option<(u8, Operator)> {
    Some(match kind {
        T::VBAR => (1, Operator::BitOr),
        T::CIRCUMFLEX => (2, Operator::BitXor),
        T::AMPER => (3, Operator::BitAnd),
        T::LEFTSHIFT => (4, Operator::LShift),
        T::RIGHTSHIFT => (4, Operator::RShift),
        T::PLUS => (5, Operator::Add),
        T::MINUS => (5, Operator::Sub),
        T::STAR => (6, Operator::Mult),
        T::SLASH => (6, Operator::Div),
        T::DOUBLESLASH => (6, Operator::FloorDiv),
        T::PERCENT => (6, Operator::Mod),
        T::AT => (6, Operator::MatMult),
        _ => return None,
    })
}

/// Whether a token can begin an expression.
pub(crate) fn starts_expression(kind: T) -> bool {
    matches!(
        kind,
        T::Name
            | T::Number
            | T::String
            | T::None
            | T::True
            | T::False
            | T::Not
            | T::Lambda
            | T::Await
            | T::LPAR
            | T::LSQB
            | T::LBRACE
            | T::MINUS
            | T::PLUS
            | T::TILDE
            | T::ELLIPSIS
            | T::STAR
    )
}

impl<'src> Parser<'src> {
    /// `star_expressions`: one expression, or a tuple without brackets.
    pub(crate) fn star_expressions(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.star_expression()?;
        if !self.at(T::COMMA) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(T::COMMA) {
            let k = self.kind();
            if !starts_expression(k) {
                break;
            }
            elts.push(self.star_expression()?);
        }
        Ok(expr(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            self.loc_from(&start),
        ))
    }

    pub(crate) fn star_expression(&mut self) -> PResult<Expr> {
        if self.at(T::STAR) {
            let start = self.bump();
            let value = self.bitwise_or()?;
            return Ok(expr(
                ExprKind::Starred {
                    value: Box::new(value),
                    ctx: ExprContext::Load,
                },
                self.loc_from(&start),
            ));
        }
        self.expression()
    }

    /// `star_named_expression`: an element of a list, tuple or set display.
    pub(crate) fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.at(T::STAR) {
            return self.star_expression();
        }
        self.named_expression()
    }

    /// `star_named_expressions` up to a closing bracket, after `first`.
    fn star_named_rest(&mut self, first: Expr, close: T) -> PResult<Vec<Expr>> {
        if let Some(err) = self.missing_comma(&first) {
            return Err(err);
        }
        let mut elts = vec![first];
        while self.eat(T::COMMA) {
            if self.at(close) {
                break;
            }
            let e = self.star_named_expression()?;
            if let Some(err) = self.missing_comma(&e) {
                return Err(err);
            }
            elts.push(e);
        }
        Ok(elts)
    }

    /// Inside brackets, an expression directly followed by another is most
    /// likely a missing comma; CPython says so, spanning both.
    pub(crate) fn missing_comma(&mut self, a: &Expr) -> Option<crate::error::SyntaxError> {
        let k = self.kind();
        if !starts_expression(k) || matches!(k, T::STAR | T::Not) {
            return None;
        }
        let a_first = self.token_index_at(a.loc)?;
        // `print "x"`-like pairs and soft keywords are left to other rules.
        let first = self.toks[a_first];
        if first.kind == T::Name
            && (self.toks[a_first + 1].kind == T::String
                || matches!(self.text(&first), "match" | "case" | "_"))
        {
            return None;
        }
        if matches!(
            a.kind,
            ExprKind::Lambda { .. }
                | ExprKind::IfExp { .. }
                | ExprKind::Starred { .. }
                | ExprKind::NamedExpr { .. }
        ) {
            return None;
        }
        let save = self.pos;
        let b = self.expression();
        self.pos = save;
        let b = b.ok()?;
        Some(self.error_at_loc(
            a.loc.to(b.loc),
            "invalid syntax. Perhaps you forgot a comma?",
        ))
    }

    /// `named_expression`: an expression or `NAME := expression`.
    pub(crate) fn named_expression(&mut self) -> PResult<Expr> {
        if self.at(T::Name) && self.peek_kind(1) == T::COLONEQUAL {
            let start = self.start();
            let (id, loc) = self.name()?;
            self.bump();
            let value = self.expression()?;
            let target = expr(
                ExprKind::Name {
                    id,
                    ctx: ExprContext::Store,
                },
                loc,
            );
            return Ok(expr(
                ExprKind::NamedExpr {
                    target: Box::new(target),
                    value: Box::new(value),
                },
                self.loc_from(&start),
            ));
        }
        let e = self.expression()?;
        if self.at(T::COLONEQUAL) {
            return Err(self.error_at_loc(
                e.loc,
                format!(
                    "cannot use assignment expressions with {}",
                    super::targets::expr_name(&e)
                ),
            ));
        }
        Ok(e)
    }

    /// `expression`: a conditional expression or a lambda.
    pub(crate) fn expression(&mut self) -> PResult<Expr> {
        if self.at(T::Lambda) {
            return self.lambdef();
        }
        let start = self.start();
        let body = self.disjunction()?;
        let result = if self.at(T::If) {
            self.bump();
            let test = self.disjunction()?;
            if !self.eat(T::Else) {
                return Err(self.error_at_loc(
                    body.loc.to(test.loc),
                    "expected 'else' after 'if' expression",
                ));
            }
            self.nest(1)?;
            let orelse = self.expression();
            self.unnest(1);
            let orelse = orelse?;
            expr(
                ExprKind::IfExp {
                    test: Box::new(test),
                    body: Box::new(body),
                    orelse: Box::new(orelse),
                },
                self.loc_from(&start),
            )
        } else {
            body
        };
        Ok(result)
    }

    fn lambdef(&mut self) -> PResult<Expr> {
        let start = self.bump();
        let args = self.parameters(T::COLON, false)?;
        self.expect(T::COLON)?;
        self.nest(2)?;
        let body = self.expression();
        self.unnest(2);
        let body = body?;
        Ok(expr(
            ExprKind::Lambda {
                args: Box::new(args),
                body: Box::new(body),
            },
            self.loc_from(&start),
        ))
    }

    pub(crate) fn disjunction(&mut self) -> PResult<Expr> {
        self.bool_op(T::Or, BoolOp::Or)
    }

    fn bool_op(&mut self, kw: T, op: BoolOp) -> PResult<Expr> {
        let start = self.start();
        let first = if op == BoolOp::Or {
            self.bool_op(T::And, BoolOp::And)?
        } else {
            self.inversion()?
        };
        if !self.at(kw) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat(kw) {
            values.push(if op == BoolOp::Or {
                self.bool_op(T::And, BoolOp::And)?
            } else {
                self.inversion()?
            });
        }
        Ok(expr(ExprKind::BoolOp { op, values }, self.loc_from(&start)))
    }

    fn inversion(&mut self) -> PResult<Expr> {
        if self.at(T::Not) {
            let start = self.bump();
            self.nest(1)?;
            let operand = self.inversion();
            self.unnest(1);
            let operand = operand?;
            return Ok(expr(
                ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    operand: Box::new(operand),
                },
                self.loc_from(&start),
            ));
        }
        self.comparison()
    }

    fn compare_op(&mut self) -> Option<CmpOp> {
        let op = match self.kind() {
            T::EQEQUAL => CmpOp::Eq,
            T::NOTEQUAL => {
                if self.text(self.tok()) == "<>" {
                    return None;
                }
                CmpOp::NotEq
            }
            T::LESS => CmpOp::Lt,
            T::LESSEQUAL => CmpOp::LtE,
            T::GREATER => CmpOp::Gt,
            T::GREATEREQUAL => CmpOp::GtE,
            T::In => CmpOp::In,
            T::Is => {
                if self.peek_kind(1) == T::Not {
                    self.bump();
                    self.bump();
                    return Some(CmpOp::IsNot);
                }
                CmpOp::Is
            }
            T::Not => {
                if self.peek_kind(1) == T::In {
                    self.bump();
                    self.bump();
                    return Some(CmpOp::NotIn);
                }
                return None;
            }
            _ => return None,
        };
        self.bump();
        Some(op)
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let start = self.start();
        let left = self.bitwise_or()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        while let Some(op) = self.compare_op() {
            ops.push(op);
            comparators.push(self.bitwise_or()?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        Ok(expr(
            ExprKind::Compare {
                left: Box::new(left),
                ops,
                comparators,
            },
            self.loc_from(&start),
        ))
    }

    pub(crate) fn bitwise_or(&mut self) -> PResult<Expr> {
        self.binary(1)
    }

    /// Left-associative binary operators by precedence climbing.
    fn binary(&mut self, min_prec: u8) -> PResult<Expr> {
        let start = self.start();
        let mut left = self.factor()?;
        loop {
            let k = self.kind();
            let Some((prec, op)) = binary_op(k) else {
                break;
            };
            if prec < min_prec {
                break;
            }
            self.bump();
            let right = self.binary(prec + 1)?;
            left = expr(
                ExprKind::BinOp {
                    left: Box::new(left),
                    op,
                    right: Box::new(right),
                },
                self.loc_from(&start),
            );
        }
        Ok(left)
    }

    fn factor(&mut self) -> PResult<Expr> {
        let op = match self.kind() {
            T::PLUS => UnaryOp::UAdd,
            T::MINUS => UnaryOp::USub,
            T::TILDE => UnaryOp::Invert,
            _ => return self.power(),
        };
        let start = self.bump();
        self.nest(1)?;
        let operand = self.factor();
        self.unnest(1);
        let operand = operand?;
        Ok(expr(
            ExprKind::UnaryOp {
                op,
                operand: Box::new(operand),
            },
            self.loc_from(&start),
        ))
    }

    fn power(&mut self) -> PResult<Expr> {
        let start = self.start();
        let base = self.await_primary()?;
        if !self.eat(T::DOUBLESTAR) {
            return Ok(base);
        }
        self.nest(2)?;
        let exp = self.factor();
        self.unnest(2);
        let exp = exp?;
        Ok(expr(
            ExprKind::BinOp {
                left: Box::new(base),
                op: Operator::Pow,
                right: Box::new(exp),
            },
            self.loc_from(&start),
        ))
    }

    fn await_primary(&mut self) -> PResult<Expr> {
        if self.at(T::Await) {
            let start = self.bump();
            let value = self.primary()?;
            return Ok(expr(
                ExprKind::Await {
                    value: Box::new(value),
                },
                self.loc_from(&start),
            ));
        }
        self.primary()
    }

    /// An atom followed by attribute references, calls and subscriptions.
    pub(crate) fn primary(&mut self) -> PResult<Expr> {
        let start = self.start();
        let mut e = self.atom()?;
        loop {
            match self.kind() {
                T::DOT => {
                    self.bump();
                    let (attr, _) = self.name()?;
                    e = expr(
                        ExprKind::Attribute {
                            value: Box::new(e),
                            attr,
                            ctx: ExprContext::Load,
                        },
                        self.loc_from(&start),
                    );
                }
                T::LPAR => {
                    let (args, keywords) = self.call_arguments()?;
                    e = expr(
                        ExprKind::Call {
                            func: Box::new(e),
                            args,
                            keywords,
                        },
                        self.loc_from(&start),
                    );
                }
                T::LSQB => {
                    self.bump();
                    let slice = self.slices()?;
                    self.expect(T::RSQB)?;
                    e = expr(
                        ExprKind::Subscript {
                            value: Box::new(e),
                            slice: Box::new(slice),
                            ctx: ExprContext::Load,
                        },
                        self.loc_from(&start),
                    );
                }
                _ => return Ok(e),
            }
        }
    }

    /// The inside of `[...]` after a primary.
    fn slices(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.slice_or_starred()?;
        if !self.at(T::COMMA) && !matches!(first.kind, ExprKind::Starred { .. }) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(T::COMMA) {
            if self.at(T::RSQB) {
                break;
            }
            elts.push(self.slice_or_starred()?);
        }
        Ok(expr(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            self.loc_from(&start),
        ))
    }

    fn slice_or_starred(&mut self) -> PResult<Expr> {
        if self.at(T::STAR) {
            return self.star_expression();
        }
        let start = self.start();
        let lower = if self.at(T::COLON) {
            None
        } else {
            let e = self.named_expression()?;
            if !self.at(T::COLON) {
                return Ok(e);
            }
            Some(Box::new(e))
        };
        self.expect(T::COLON)?;
        let bound = |p: &mut Self| -> PResult<Option<Box<Expr>>> {
            let k = p.kind();
            if matches!(k, T::COLON | T::COMMA | T::RSQB) {
                Ok(None)
            } else {
                Ok(Some(Box::new(p.expression()?)))
            }
        };
        let upper = bound(self)?;
        let step = if self.eat(T::COLON) {
            bound(self)?
        } else {
            None
        };
        Ok(expr(
            ExprKind::Slice { lower, upper, step },
            self.loc_from(&start),
        ))
    }

    pub(crate) fn atom(&mut self) -> PResult<Expr> {
        let t = self.start();
        let loc = token_loc(&t);
        let constant = |value| ExprKind::Constant { value, kind: None };
        let kind = match t.kind {
            T::Name => {
                self.bump();
                ExprKind::Name {
                    id: self.identifier(&t),
                    ctx: ExprContext::Load,
                }
            }
            T::True => {
                self.bump();
                constant(Constant::Bool(true))
            }
            T::False => {
                self.bump();
                constant(Constant::Bool(false))
            }
            T::None => {
                self.bump();
                constant(Constant::None)
            }
            T::ELLIPSIS => {
                self.bump();
                constant(Constant::Ellipsis)
            }
            T::Number => {
                self.bump();
                let value = match parse_number(self.text(&t)) {
                    Ok(Number::Int(i)) => Constant::Int(i),
                    Ok(Number::Float(f)) => Constant::Float(f),
                    Ok(Number::Imaginary(f)) => Constant::Complex(f),
                    Err(msg) => return Err(self.error_at_token(&t, msg)),
                };
                constant(value)
            }
            T::String => return self.strings(),
            T::LPAR => return self.paren_atom(),
            T::LSQB => return self.list_atom(),
            T::LBRACE => return self.brace_atom(),
            _ => return Err(self.invalid_syntax()),
        };
        Ok(expr(kind, loc))
    }

    /// `(...)`: a group, a tuple, a generator expression or a parenthesised yield.
    fn paren_atom(&mut self) -> PResult<Expr> {
        let start = self.bump();

        self.paren_inner(&start)
    }

    fn paren_inner(&mut self, start: &crate::token::Token) -> PResult<Expr> {
        if self.eat(T::RPAR) {
            return Ok(expr(
                ExprKind::Tuple {
                    elts: Vec::new(),
                    ctx: ExprContext::Load,
                },
                self.loc_from(start),
            ));
        }
        if self.at(T::Yield) {
            let y = self.yield_expr()?;
            self.expect(T::RPAR)?;
            return Ok(y);
        }
        if self.at(T::DOUBLESTAR) {
            // `(**a)`: CPython names the mistake; anything else after the
            // `**` is plain invalid syntax there.
            let stars = *self.tok();
            self.bump();
            if self.expression().is_ok() && self.at(T::RPAR) {
                return Err(
                    self.error_at_token(&stars, "cannot use double starred expression here")
                );
            }
            return Err(self.error_at_token(&stars, "invalid syntax"));
        }
        let first = self.star_named_expression()?;
        if matches!(self.kind(), T::For | T::Async) {
            let generators = self.comprehension_clauses()?;
            self.expect(T::RPAR)?;
            return Ok(expr(
                ExprKind::GeneratorExp {
                    elt: Box::new(first),
                    generators,
                },
                self.loc_from(start),
            ));
        }
        if self.at(T::COMMA) {
            let elts = self.star_named_rest(first, T::RPAR)?;
            self.expect(T::RPAR)?;
            return Ok(expr(
                ExprKind::Tuple {
                    elts,
                    ctx: ExprContext::Load,
                },
                self.loc_from(start),
            ));
        }
        if let Some(err) = self.missing_comma(&first) {
            return Err(err);
        }
        self.expect(T::RPAR)?;
        if matches!(first.kind, ExprKind::Starred { .. }) {
            return Err(self.error_at_loc(first.loc, "cannot use starred expression here"));
        }
        Ok(first)
    }

    fn list_atom(&mut self) -> PResult<Expr> {
        let start = self.bump();

        (|| {
            if self.eat(T::RSQB) {
                return Ok(expr(
                    ExprKind::List {
                        elts: Vec::new(),
                        ctx: ExprContext::Load,
                    },
                    self.loc_from(&start),
                ));
            }
            let first = self.star_named_expression()?;
            if matches!(self.kind(), T::For | T::Async) {
                let generators = self.comprehension_clauses()?;
                self.expect(T::RSQB)?;
                return Ok(expr(
                    ExprKind::ListComp {
                        elt: Box::new(first),
                        generators,
                    },
                    self.loc_from(&start),
                ));
            }
            let elts = self.star_named_rest(first, T::RSQB)?;
            self.expect(T::RSQB)?;
            Ok(expr(
                ExprKind::List {
                    elts,
                    ctx: ExprContext::Load,
                },
                self.loc_from(&start),
            ))
        })()
    }

    /// `{...}`: a dict, a set, or a comprehension of either.
    fn brace_atom(&mut self) -> PResult<Expr> {
        let start = self.bump();

        self.brace_inner(&start)
    }

    fn brace_inner(&mut self, start: &crate::token::Token) -> PResult<Expr> {
        if self.eat(T::RBRACE) {
            return Ok(expr(
                ExprKind::Dict {
                    keys: Vec::new(),
                    values: Vec::new(),
                },
                self.loc_from(start),
            ));
        }
        let (mut keys, mut values) = (Vec::new(), Vec::new());
        if self.eat(T::DOUBLESTAR) {
            keys.push(None);
            values.push(self.bitwise_or()?);
        } else {
            let first_tok = self.start();
            let first = self.star_named_expression()?;
            if !self.eat(T::COLON) {
                // A set.
                if matches!(self.kind(), T::For | T::Async) {
                    let generators = self.comprehension_clauses()?;
                    self.expect(T::RBRACE)?;
                    return Ok(expr(
                        ExprKind::SetComp {
                            elt: Box::new(first),
                            generators,
                        },
                        self.loc_from(start),
                    ));
                }
                let elts = self.star_named_rest(first, T::RBRACE)?;
                self.expect(T::RBRACE)?;
                return Ok(expr(ExprKind::Set { elts }, self.loc_from(start)));
            }
            let bare_walrus =
                matches!(first.kind, ExprKind::NamedExpr { .. }) && first_tok.kind != T::LPAR;
            if matches!(first.kind, ExprKind::Starred { .. }) || bare_walrus {
                return Err(self.invalid_syntax());
            }
            let value = self.dict_value()?;
            if matches!(self.kind(), T::For | T::Async) {
                let generators = self.comprehension_clauses()?;
                self.expect(T::RBRACE)?;
                return Ok(expr(
                    ExprKind::DictComp {
                        key: Box::new(first),
                        value: Box::new(value),
                        generators,
                    },
                    self.loc_from(start),
                ));
            }
            keys.push(Some(first));
            values.push(value);
        }
        while self.eat(T::COMMA) {
            if self.at(T::RBRACE) {
                break;
            }
            if self.eat(T::DOUBLESTAR) {
                keys.push(None);
                values.push(self.bitwise_or()?);
            } else {
                let key = self.expression()?;
                if !self.at(T::COLON) {
                    if let Some(err) = self.missing_comma(&key) {
                        return Err(err);
                    }
                    let mut err = self.error_at_loc(key.loc, "':' expected after dictionary key");
                    err.lineno = key.loc.end_lineno;
                    err.col = Some(key.loc.end_col_offset.saturating_sub(1));
                    err.end_col = None;
                    return Err(err);
                }
                self.bump();
                keys.push(Some(key));
                values.push(self.dict_value()?);
            }
        }
        if let Some(v) = values.last() {
            if let Some(err) = self.missing_comma(&v.clone()) {
                return Err(err);
            }
        }
        self.expect(T::RBRACE)?;
        Ok(expr(ExprKind::Dict { keys, values }, self.loc_from(start)))
    }

    /// The value after `key:` in a dict display, with CPython's messages
    /// for a missing or starred value.
    fn dict_value(&mut self) -> PResult<Expr> {
        match self.kind() {
            T::RBRACE | T::COMMA => {
                let colon = *self.prev();
                Err(self.error_at_token(&colon, "expression expected after dictionary key and ':'"))
            }
            T::STAR => {
                let start = self.bump();
                self.bitwise_or()?;
                let loc = self.loc_from(&start);
                Err(self.error_at_loc(loc, "cannot use a starred expression in a dictionary value"))
            }
            _ => self.expression(),
        }
    }

    /// `for_if_clauses`: one or more `[async] for ... in ... [if ...]`.
    pub(crate) fn comprehension_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut gens = Vec::new();
        loop {
            let is_async = if self.at(T::Async) && self.peek_kind(1) == T::For {
                self.bump();
                true
            } else {
                false
            };
            if !self.eat(T::For) {
                break;
            }
            let target = self.for_targets()?;
            self.expect(T::In)?;
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat(T::If) {
                ifs.push(self.disjunction()?);
            }
            gens.push(Comprehension {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        Ok(gens)
    }

    /// `yield [star_expressions]` or `yield from expression`.
    pub(crate) fn yield_expr(&mut self) -> PResult<Expr> {
        let start = self.bump();
        if self.eat(T::From) {
            let value = self.expression()?;
            return Ok(expr(
                ExprKind::YieldFrom {
                    value: Box::new(value),
                },
                self.loc_from(&start),
            ));
        }
        let k = self.kind();
        let value = if starts_expression(k) {
            Some(Box::new(self.star_expressions()?))
        } else {
            None
        };
        Ok(expr(ExprKind::Yield { value }, self.loc_from(&start)))
    }
}
