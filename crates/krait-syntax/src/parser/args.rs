//! Argument lists of calls, and parameter lists of `def` and `lambda`.

use super::{expr, PResult, Parser};
use crate::ast::*;
use crate::token::TokKind as T;

impl<'src> Parser<'src> {
    /// `(` arguments `)` of a call, the current token being `(`.
    pub(crate) fn call_arguments(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        self.arguments(true)
    }

    /// The bases of a class: like call arguments, but a bare generator
    /// expression is not allowed.
    pub(crate) fn class_arguments(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        self.arguments(false)
    }

    fn arguments(&mut self, allow_genexp: bool) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let open = self.bump();
        let mut args: Vec<Expr> = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut seen_double_star = false;
        let mut count = 0;
        while !self.at(T::RPAR) {
            let start = self.start();
            count += 1;
            if self.at(T::STAR) {
                self.bump();
                let value = self.expression()?;
                if seen_double_star {
                    return Err(self.error_at_token(
                        &start,
                        "iterable argument unpacking follows keyword argument unpacking",
                    ));
                }
                args.push(expr(
                    ExprKind::Starred {
                        value: Box::new(value),
                        ctx: ExprContext::Load,
                    },
                    self.loc_from(&start),
                ));
            } else if self.at(T::DOUBLESTAR) {
                self.bump();
                let value = self.expression()?;
                seen_double_star = true;
                keywords.push(Keyword {
                    arg: None,
                    value,
                    loc: self.loc_from(&start),
                });
            } else if self.at(T::Name) && self.peek_kind(1) == T::EQUAL {
                let (name, _) = self.name()?;
                self.bump();
                let value = self.expression()?;
                keywords.push(Keyword {
                    arg: Some(name),
                    value,
                    loc: self.loc_from(&start),
                });
            } else {
                let e = self.named_expression()?;
                if self.at(T::EQUAL) {
                    return Err(self.keyword_target_error(&e));
                }
                if matches!(self.kind(), T::For | T::Async) {
                    if !allow_genexp {
                        let t = *self.tok();
                        return Err(self.error_at_token(&t, "invalid syntax"));
                    }
                    let generators = self.comprehension_clauses()?;
                    let genexp_loc_start = open;
                    let closes = self.at(T::RPAR);
                    if !(count == 1 && closes) {
                        let loc = e.loc.to(self.loc_from(&start));
                        return Err(
                            self.error_at_loc(loc, "Generator expression must be parenthesized")
                        );
                    }
                    self.bump();
                    let g = expr(
                        ExprKind::GeneratorExp {
                            elt: Box::new(e),
                            generators,
                        },
                        self.loc_from(&genexp_loc_start),
                    );
                    args.push(g);
                    return Ok((args, keywords));
                }
                if !keywords.is_empty() {
                    let msg = if seen_double_star {
                        "positional argument follows keyword argument unpacking"
                    } else {
                        "positional argument follows keyword argument"
                    };
                    let t = *self.tok();
                    return Err(self.error_at_token(&t, msg));
                }
                if let Some(err) = self.missing_comma(&e) {
                    return Err(err);
                }
                args.push(e);
            }
            if !self.eat(T::COMMA) {
                break;
            }
        }
        if !self.at(T::RPAR) {
            return Err(self.invalid_syntax());
        }
        self.bump();
        Ok((args, keywords))
    }

    /// `f(x.y=1)`, `f(True=1)`: what CPython says of a bad keyword.
    fn keyword_target_error(&mut self, e: &Expr) -> crate::error::SyntaxError {
        let eq = *self.tok();
        let loc = e.loc.to(super::token_loc(&eq));
        match &e.kind {
            ExprKind::Constant {
                value: Constant::Bool(_) | Constant::None,
                ..
            } => {
                let name = super::targets::expr_name(e);
                self.error_at_loc(loc, format!("cannot assign to {name}"))
            }
            _ => self.error_at_loc(
                loc,
                "expression cannot contain assignment, perhaps you meant \"==\"?",
            ),
        }
    }

    /// A parameter list, up to (not including) `end`: `)` for `def`,
    /// `:` for `lambda`, which has no annotations.
    pub(crate) fn parameters(&mut self, end: T, annotations: bool) -> PResult<Arguments> {
        let mut a = Arguments::default();
        let mut seen_slash = false;
        let mut seen_star = false;
        let mut seen_default = false;
        while !self.at(end) {
            let t = self.start();
            match t.kind {
                T::SLASH => {
                    if seen_slash {
                        return Err(self.error_at_token(&t, "/ may appear only once"));
                    }
                    if seen_star {
                        return Err(self.error_at_token(&t, "/ must be ahead of *"));
                    }
                    if a.args.is_empty() {
                        return Err(self.error_at_token(&t, "at least one argument must precede /"));
                    }
                    self.bump();
                    seen_slash = true;
                    a.posonlyargs = std::mem::take(&mut a.args);
                }
                T::STAR => {
                    if seen_star {
                        let msg = if matches!(self.peek_kind(1), T::Name | T::COMMA) {
                            "* argument may appear only once"
                        } else {
                            "invalid syntax"
                        };
                        return Err(self.error_at_token(&t, msg));
                    }
                    self.bump();
                    seen_star = true;
                    if self.at(T::COMMA) || self.at(end) {
                        let (k, at) = if self.at(T::COMMA) {
                            (self.peek_kind(1), 1)
                        } else {
                            (end, 0)
                        };
                        if k == end || k == T::DOUBLESTAR {
                            // A def points at the star; a lambda, like CPython's
                            // rule for it, where the parser stopped.
                            let here = if annotations {
                                t
                            } else {
                                self.toks[self.pos + at]
                            };
                            return Err(
                                self.error_at_token(&here, "named arguments must follow bare *")
                            );
                        }
                    } else {
                        a.vararg = Some(self.parameter(annotations, true)?);
                        if self.at(T::EQUAL) {
                            let eq = *self.tok();
                            return Err(self.error_at_token(
                                &eq,
                                "var-positional argument cannot have default value",
                            ));
                        }
                    }
                }
                T::DOUBLESTAR => {
                    self.bump();
                    a.kwarg = Some(self.parameter(annotations, false)?);
                    self.eat(T::COMMA);
                    if !self.at(end) {
                        let t = *self.tok();
                        return Err(
                            self.error_at_token(&t, "arguments cannot follow var-keyword argument")
                        );
                    }
                    break;
                }
                _ => {
                    let param = self.parameter(annotations, false)?;
                    let default = if self.eat(T::EQUAL) {
                        Some(self.expression()?)
                    } else {
                        None
                    };
                    if seen_star {
                        a.kwonlyargs.push(param);
                        a.kw_defaults.push(default);
                    } else {
                        match default {
                            Some(d) => {
                                seen_default = true;
                                a.defaults.push(d);
                            }
                            None if seen_default => {
                                return Err(self.error_at_loc(
                                    param.loc,
                                    "non-default argument follows default argument",
                                ));
                            }
                            None => {}
                        }
                        a.args.push(param);
                    }
                }
            }
            if !self.eat(T::COMMA) {
                break;
            }
        }
        if !self.at(end) {
            return Err(self.invalid_syntax());
        }
        Ok(a)
    }

    /// One parameter: a name with an optional annotation (`*args` may be
    /// annotated with a starred expression).
    fn parameter(&mut self, annotations: bool, star: bool) -> PResult<Arg> {
        let start = self.start();
        let (arg, _) = self.name()?;
        let annotation = if annotations && self.eat(T::COLON) {
            Some(Box::new(if star {
                self.star_expression()?
            } else {
                self.expression()?
            }))
        } else {
            None
        };
        Ok(Arg {
            arg,
            annotation,
            type_comment: None,
            loc: self.loc_from(&start),
        })
    }
}
