//! Patterns of `match` statements (PEP 634).

use super::{expr, token_loc, PResult, Parser};
use crate::ast::*;
use crate::token::TokKind as T;

fn pattern(kind: PatternKind, loc: Loc) -> Pattern {
    Pattern { kind, loc }
}

impl<'src> Parser<'src> {
    /// `patterns`: an open sequence (`case a, *b:`) or one pattern.
    pub(crate) fn patterns(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let first = self.maybe_star_pattern()?;
        if !self.at(T::COMMA) {
            if matches!(first.kind, PatternKind::MatchStar { .. }) {
                return Ok(pattern(
                    PatternKind::MatchSequence {
                        patterns: vec![first],
                    },
                    self.loc_from(&start),
                ));
            }
            return Ok(first);
        }
        let mut patterns = vec![first];
        while self.eat(T::COMMA) {
            if matches!(self.kind(), T::COLON | T::If) {
                break;
            }
            patterns.push(self.maybe_star_pattern()?);
        }
        Ok(pattern(
            PatternKind::MatchSequence { patterns },
            self.loc_from(&start),
        ))
    }

    fn maybe_star_pattern(&mut self) -> PResult<Pattern> {
        if self.at(T::STAR) {
            let start = self.bump();
            let (name, _) = self.name()?;
            let name = (name != "_").then_some(name);
            return Ok(pattern(
                PatternKind::MatchStar { name },
                self.loc_from(&start),
            ));
        }
        self.as_pattern()
    }

    /// `or_pattern ['as' NAME]`
    fn as_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let p = self.or_pattern()?;
        let result = if self.eat(T::As) {
            let t = self.start();
            if t.kind != T::Name {
                return Err(self.invalid_syntax());
            }
            let (name, loc) = self.name()?;
            if name == "_" {
                return Err(self.error_at_loc(loc, "cannot use '_' as a target"));
            }
            pattern(
                PatternKind::MatchAs {
                    pattern: Some(Box::new(p)),
                    name: Some(name),
                },
                self.loc_from(&start),
            )
        } else {
            p
        };
        Ok(result)
    }

    fn or_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let first = self.closed_pattern()?;
        if !self.at(T::VBAR) {
            return Ok(first);
        }
        let mut patterns = vec![first];
        while self.eat(T::VBAR) {
            patterns.push(self.closed_pattern()?);
        }
        Ok(pattern(
            PatternKind::MatchOr { patterns },
            self.loc_from(&start),
        ))
    }

    fn closed_pattern(&mut self) -> PResult<Pattern> {
        let t = self.start();
        match t.kind {
            T::None | T::True | T::False => {
                self.bump();
                let value = match t.kind {
                    T::None => Constant::None,
                    T::True => Constant::Bool(true),
                    _ => Constant::Bool(false),
                };
                Ok(pattern(
                    PatternKind::MatchSingleton { value },
                    token_loc(&t),
                ))
            }
            T::Number | T::MINUS | T::String => {
                let value = self.literal_expr()?;
                let loc = value.loc;
                Ok(pattern(
                    PatternKind::MatchValue {
                        value: Box::new(value),
                    },
                    loc,
                ))
            }
            T::Name => {
                let next = self.peek_kind(1);
                if next == T::DOT || next == T::LPAR {
                    let cls = self.name_or_attr()?;
                    if self.at(T::LPAR) {
                        return self.class_pattern(cls, &t);
                    }
                    let loc = cls.loc;
                    return Ok(pattern(
                        PatternKind::MatchValue {
                            value: Box::new(cls),
                        },
                        loc,
                    ));
                }
                let (name, loc) = self.name()?;
                let name = (name != "_").then_some(name);
                Ok(pattern(
                    PatternKind::MatchAs {
                        pattern: None,
                        name,
                    },
                    loc,
                ))
            }
            T::LPAR => {
                self.bump();
                if self.eat(T::RPAR) {
                    return Ok(pattern(
                        PatternKind::MatchSequence {
                            patterns: Vec::new(),
                        },
                        self.loc_from(&t),
                    ));
                }
                let first = self.maybe_star_pattern()?;
                if self.eat(T::RPAR) {
                    if matches!(first.kind, PatternKind::MatchStar { .. }) {
                        return Err(self.invalid_syntax());
                    }
                    return Ok(first);
                }
                let mut patterns = vec![first];
                while self.eat(T::COMMA) {
                    if self.at(T::RPAR) {
                        break;
                    }
                    patterns.push(self.maybe_star_pattern()?);
                }
                self.expect(T::RPAR)?;
                Ok(pattern(
                    PatternKind::MatchSequence { patterns },
                    self.loc_from(&t),
                ))
            }
            T::LSQB => {
                self.bump();
                let mut patterns = Vec::new();
                while !self.at(T::RSQB) {
                    patterns.push(self.maybe_star_pattern()?);
                    if !self.eat(T::COMMA) {
                        break;
                    }
                }
                self.expect(T::RSQB)?;
                Ok(pattern(
                    PatternKind::MatchSequence { patterns },
                    self.loc_from(&t),
                ))
            }
            T::LBRACE => self.mapping_pattern(),
            _ => Err(self.invalid_syntax()),
        }
    }

    /// A literal usable as a value pattern or mapping key: a number, a
    /// signed number, a complex literal `a + bj`, or strings.
    fn literal_expr(&mut self) -> PResult<Expr> {
        let t = self.start();
        match t.kind {
            T::String => {
                let e = self.strings()?;
                if matches!(e.kind, ExprKind::JoinedStr { .. }) {
                    return Err(self.error_at_loc(
                        e.loc,
                        "patterns may only match literals and attribute lookups",
                    ));
                }
                Ok(e)
            }
            T::None | T::True | T::False => self.atom(),
            T::Name => self.name_or_attr(),
            _ => {
                let real = self.signed_number()?;
                let op = match self.kind() {
                    T::PLUS => Operator::Add,
                    T::MINUS => Operator::Sub,
                    _ => return Ok(real),
                };
                let is_complex = |e: &Expr| {
                    matches!(
                        e.kind,
                        ExprKind::Constant {
                            value: Constant::Complex(_),
                            ..
                        }
                    )
                };
                let real_num = match &real.kind {
                    ExprKind::UnaryOp { operand, .. } => operand,
                    _ => &real,
                };
                if is_complex(real_num) {
                    return Err(
                        self.error_at_loc(real_num.loc, "real number required in complex literal")
                    );
                }
                self.bump();
                if !self.at(T::Number) {
                    return Err(self.invalid_syntax());
                }
                let imag = self.atom()?;
                if !is_complex(&imag) {
                    return Err(
                        self.error_at_loc(imag.loc, "imaginary number required in complex literal")
                    );
                }
                Ok(expr(
                    ExprKind::BinOp {
                        left: Box::new(real),
                        op,
                        right: Box::new(imag),
                    },
                    self.loc_from(&t),
                ))
            }
        }
    }

    fn signed_number(&mut self) -> PResult<Expr> {
        let t = self.start();
        if self.eat(T::MINUS) {
            if !self.at(T::Number) {
                return Err(self.invalid_syntax());
            }
            let n = self.atom()?;
            return Ok(expr(
                ExprKind::UnaryOp {
                    op: UnaryOp::USub,
                    operand: Box::new(n),
                },
                self.loc_from(&t),
            ));
        }
        if !self.at(T::Number) {
            return Err(self.invalid_syntax());
        }
        self.atom()
    }

    /// `NAME ('.' NAME)*` as a Name or Attribute chain in Load context.
    fn name_or_attr(&mut self) -> PResult<Expr> {
        let t = self.start();
        let (id, loc) = self.name()?;
        let mut e = expr(
            ExprKind::Name {
                id,
                ctx: ExprContext::Load,
            },
            loc,
        );
        while self.eat(T::DOT) {
            let (attr, _) = self.name()?;
            e = expr(
                ExprKind::Attribute {
                    value: Box::new(e),
                    attr,
                    ctx: ExprContext::Load,
                },
                self.loc_from(&t),
            );
        }
        Ok(e)
    }

    fn class_pattern(&mut self, cls: Expr, start: &crate::token::Token) -> PResult<Pattern> {
        self.bump();
        let mut patterns = Vec::new();
        let mut kwd_attrs = Vec::new();
        let mut kwd_patterns = Vec::new();
        while !self.at(T::RPAR) {
            if self.at(T::Name) && self.peek_kind(1) == T::EQUAL {
                let (name, _) = self.name()?;
                self.bump();
                kwd_attrs.push(name);
                kwd_patterns.push(self.as_pattern()?);
            } else {
                let p = self.as_pattern()?;
                if !kwd_attrs.is_empty() {
                    return Err(
                        self.error_at_loc(p.loc, "positional patterns follow keyword patterns")
                    );
                }
                patterns.push(p);
            }
            if !self.eat(T::COMMA) {
                break;
            }
        }
        self.expect(T::RPAR)?;
        Ok(pattern(
            PatternKind::MatchClass {
                cls: Box::new(cls),
                patterns,
                kwd_attrs,
                kwd_patterns,
            },
            self.loc_from(start),
        ))
    }

    fn mapping_pattern(&mut self) -> PResult<Pattern> {
        let start = self.bump();
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        let mut rest = None;
        while !self.at(T::RBRACE) {
            if self.eat(T::DOUBLESTAR) {
                if self.at_soft_keyword("_") {
                    return Err(self.invalid_syntax());
                }
                rest = Some(self.name()?.0);
                self.eat(T::COMMA);
                break;
            }
            keys.push(self.literal_expr()?);
            self.expect(T::COLON)?;
            patterns.push(self.as_pattern()?);
            if !self.eat(T::COMMA) {
                break;
            }
        }
        self.expect(T::RBRACE)?;
        Ok(pattern(
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            },
            self.loc_from(&start),
        ))
    }
}
