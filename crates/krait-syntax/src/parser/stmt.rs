//! Statements: simple ones, blocks, and every compound statement.

use super::targets::expr_name;
use super::{expr, token_loc, PResult, Parser};
use crate::ast::*;
use crate::error::{ErrorKind, SyntaxError};
use crate::token::{TokKind as T, Token};

fn augassign_op(kind: T) -> Option<Operator> {
    Some(match kind {
        T::PLUSEQUAL => Operator::Add,
        T::MINEQUAL => Operator::Sub,
        T::STAREQUAL => Operator::Mult,
        T::ATEQUAL => Operator::MatMult,
        T::SLASHEQUAL => Operator::Div,
        T::PERCENTEQUAL => Operator::Mod,
        T::AMPEREQUAL => Operator::BitAnd,
        T::VBAREQUAL => Operator::BitOr,
        T::CIRCUMFLEXEQUAL => Operator::BitXor,
        T::LEFTSHIFTEQUAL => Operator::LShift,
        T::RIGHTSHIFTEQUAL => Operator::RShift,
        T::DOUBLESTAREQUAL => Operator::Pow,
        T::DOUBLESLASHEQUAL => Operator::FloorDiv,
        _ => return None,
    })
}

/// Whether CPython's grammar could read `e` as a `bitwise_or` operand that
/// does not begin with a display it excludes (its "Maybe you meant '=='"
/// rule skips lists, tuples, generator expressions, True, False and None).
fn is_operand(e: &Expr) -> bool {
    let mut leftmost = e;
    loop {
        leftmost = match &leftmost.kind {
            ExprKind::BinOp { left, .. } => left,
            ExprKind::Attribute { value, .. } | ExprKind::Subscript { value, .. } => value,
            ExprKind::Call { func, .. } => func,
            _ => break,
        };
    }
    let excluded_start = matches!(
        leftmost.kind,
        ExprKind::List { .. }
            | ExprKind::Tuple { .. }
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Constant {
                value: Constant::Bool(_) | Constant::None,
                ..
            }
    );
    let operand = !matches!(
        e.kind,
        ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::UnaryOp {
                op: UnaryOp::Not,
                ..
            }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::NamedExpr { .. }
            | ExprKind::Starred { .. }
    );
    operand && !excluded_start
}

/// Whether the right-hand side begins with a `bitwise_or` operand.
fn starts_with_operand(value: &Expr) -> bool {
    let mut e = value;
    loop {
        e = match &e.kind {
            ExprKind::Tuple { elts, .. } if !elts.is_empty() => &elts[0],
            ExprKind::Compare { left, .. } => left,
            ExprKind::BoolOp { values, .. } => &values[0],
            ExprKind::IfExp { body, .. } => body,
            _ => break,
        };
    }
    !matches!(
        e.kind,
        ExprKind::UnaryOp {
            op: UnaryOp::Not,
            ..
        } | ExprKind::Lambda { .. }
            | ExprKind::Yield { .. }
            | ExprKind::YieldFrom { .. }
            | ExprKind::Starred { .. }
    )
}

fn stmt(kind: StmtKind, loc: Loc) -> Stmt {
    Stmt { kind, loc }
}

impl<'src> Parser<'src> {
    /// One statement, compound or a line of simple statements, appended to `body`.
    pub(crate) fn statement(&mut self, body: &mut Vec<Stmt>) -> PResult<()> {
        self.statement_inner(body)
    }

    fn statement_inner(&mut self, body: &mut Vec<Stmt>) -> PResult<()> {
        let s = match self.kind() {
            T::If => self.if_stmt()?,
            T::While => self.while_stmt()?,
            T::For => self.for_stmt(None)?,
            T::Try => self.try_stmt()?,
            T::With => self.with_stmt(None)?,
            T::Def => self.function_def(Vec::new(), None)?,
            T::Class => self.class_def(Vec::new())?,
            T::AT => self.decorated()?,
            T::Async => {
                let start = self.bump();
                match self.kind() {
                    T::Def => self.function_def(Vec::new(), Some(start))?,
                    T::With => self.with_stmt(Some(start))?,
                    T::For => self.for_stmt(Some(start))?,
                    _ => return Err(self.invalid_syntax()),
                }
            }
            T::Name if self.at_soft_keyword("match") => match self.match_stmt()? {
                Some(s) => s,
                None => return self.simple_stmts(body),
            },
            T::Indent => {
                let t = *self.tok();
                return Err(SyntaxError {
                    kind: ErrorKind::IndentationError,
                    msg: "unexpected indent".into(),
                    lineno: t.lineno,
                    col: None,
                    end_lineno: t.lineno,
                    end_col: None,
                    text: None,
                    in_chars: false,
                });
            }
            _ => return self.simple_stmts(body),
        };
        body.push(s);
        Ok(())
    }

    /// `simple_stmt (';' simple_stmt)* [';'] NEWLINE`
    fn simple_stmts(&mut self, body: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            let s = self.simple_stmt()?;
            body.push(s);
            if !self.eat(T::SEMI) {
                break;
            }
            if self.at(T::Newline) {
                break;
            }
        }
        if !self.eat(T::Newline) {
            return Err(self.statement_end_error());
        }
        Ok(())
    }

    /// What went wrong when a statement is followed by something other than
    /// the end of the line.
    fn statement_end_error(&mut self) -> SyntaxError {
        self.invalid_syntax()
    }

    fn simple_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let kind = match start.kind {
            T::Pass => {
                self.bump();
                StmtKind::Pass
            }
            T::Break => {
                self.bump();
                StmtKind::Break
            }
            T::Continue => {
                self.bump();
                StmtKind::Continue
            }
            T::Return => {
                self.bump();
                let k = self.kind();
                let value = if super::expr::starts_expression(k) {
                    Some(Box::new(self.star_expressions()?))
                } else {
                    None
                };
                StmtKind::Return { value }
            }
            T::Raise => {
                self.bump();
                let k = self.kind();
                let (exc, cause) = if super::expr::starts_expression(k) {
                    let exc = self.expression()?;
                    let cause = if self.eat(T::From) {
                        Some(Box::new(self.expression()?))
                    } else {
                        None
                    };
                    (Some(Box::new(exc)), cause)
                } else {
                    (None, None)
                };
                StmtKind::Raise { exc, cause }
            }
            T::Global | T::Nonlocal => {
                self.bump();
                let mut names = vec![self.name()?.0];
                while self.eat(T::COMMA) {
                    names.push(self.name()?.0);
                }
                if start.kind == T::Global {
                    StmtKind::Global { names }
                } else {
                    StmtKind::Nonlocal { names }
                }
            }
            T::Del => {
                self.bump();
                let targets = self.del_targets()?;
                StmtKind::Delete { targets }
            }
            T::Assert => {
                self.bump();
                let test = Box::new(self.expression()?);
                let msg = if self.eat(T::COMMA) {
                    Some(Box::new(self.expression()?))
                } else {
                    None
                };
                StmtKind::Assert { test, msg }
            }
            T::Import => self.import_name()?,
            T::From => self.import_from()?,
            _ => return self.expr_or_assignment(),
        };
        Ok(stmt(kind, self.loc_from(&start)))
    }

    fn del_targets(&mut self) -> PResult<Vec<Expr>> {
        let mut targets = Vec::new();
        loop {
            if self.at(T::STAR) {
                let star = self.star_target_expr()?;
                return Err(self.error_at_loc(star.loc, "cannot delete starred"));
            }
            let e = self.bitwise_or()?;
            targets.push(self.to_target(e, ExprContext::Del)?);
            if !self.eat(T::COMMA) {
                break;
            }
            if matches!(self.kind(), T::Newline | T::SEMI) {
                break;
            }
        }
        Ok(targets)
    }

    fn import_name(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut names = Vec::new();
        loop {
            let start = self.start();
            let name = self.dotted_name()?;
            let asname = if self.eat(T::As) {
                Some(self.name()?.0)
            } else {
                None
            };
            names.push(Alias {
                name,
                asname,
                loc: self.loc_from(&start),
            });
            if !self.eat(T::COMMA) {
                break;
            }
        }
        Ok(StmtKind::Import { names })
    }

    fn dotted_name(&mut self) -> PResult<String> {
        let mut name = self.name()?.0;
        while self.at(T::DOT) {
            self.bump();
            name.push('.');
            name.push_str(&self.name()?.0);
        }
        Ok(name)
    }

    fn import_from(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut level = 0;
        loop {
            match self.kind() {
                T::DOT => level += 1,
                T::ELLIPSIS => level += 3,
                _ => break,
            }
            self.bump();
        }
        let module = if self.at(T::Import) && level > 0 {
            None
        } else {
            Some(self.dotted_name()?)
        };
        self.expect(T::Import)?;
        let mut names = Vec::new();
        if self.at(T::STAR) {
            let t = self.bump();
            names.push(Alias {
                name: "*".into(),
                asname: None,
                loc: token_loc(&t),
            });
            return Ok(StmtKind::ImportFrom {
                module,
                names,
                level,
            });
        }
        let parens = self.eat(T::LPAR);
        loop {
            let start = self.start();
            let (name, _) = self.name()?;
            let asname = if self.eat(T::As) {
                Some(self.name()?.0)
            } else {
                None
            };
            names.push(Alias {
                name,
                asname,
                loc: self.loc_from(&start),
            });
            if !self.at(T::COMMA) {
                break;
            }
            self.bump();
            if parens && self.at(T::RPAR) {
                break;
            }
            if !parens && !self.at(T::Name) {
                let t = *self.tok();
                return Err(self.error_at_token(
                    &t,
                    "trailing comma not allowed without surrounding parentheses",
                ));
            }
        }
        if parens {
            self.expect(T::RPAR)?;
        }
        Ok(StmtKind::ImportFrom {
            module,
            names,
            level,
        })
    }

    /// The right-hand side of an assignment: a yield or `star_expressions`.
    fn assignment_value(&mut self) -> PResult<Expr> {
        if self.at(T::Yield) {
            self.yield_expr()
        } else {
            self.star_expressions()
        }
    }

    /// An expression statement, or an assignment of any of the three kinds.
    fn expr_or_assignment(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let first = self.assignment_value()?;
        if let Some(err) = self.legacy_print(&start, &first) {
            return Err(err);
        }
        match self.kind() {
            T::COLON => {
                let simple = matches!(first.kind, ExprKind::Name { .. }) && start.kind != T::LPAR;
                let target = match &first.kind {
                    ExprKind::Name { .. }
                    | ExprKind::Attribute { .. }
                    | ExprKind::Subscript { .. } => self.to_target(first, ExprContext::Store)?,
                    ExprKind::Tuple { elts, .. } => {
                        // Without brackets CPython points at the first element.
                        let loc = match elts.first() {
                            Some(e) if start.kind != T::LPAR => e.loc,
                            _ => first.loc,
                        };
                        return Err(self
                            .error_at_loc(loc, "only single target (not tuple) can be annotated"));
                    }
                    ExprKind::List { .. } => {
                        return Err(self.error_at_loc(
                            first.loc,
                            "only single target (not list) can be annotated",
                        ))
                    }
                    _ => return Err(self.error_at_loc(first.loc, "illegal target for annotation")),
                };
                self.bump();
                let annotation = self.expression()?;
                let value = if self.eat(T::EQUAL) {
                    Some(Box::new(self.assignment_value()?))
                } else {
                    None
                };
                Ok(stmt(
                    StmtKind::AnnAssign {
                        target: Box::new(target),
                        annotation: Box::new(annotation),
                        value,
                        simple,
                    },
                    self.loc_from(&start),
                ))
            }
            T::EQUAL => {
                let mut exprs = vec![first];
                while self.eat(T::EQUAL) {
                    exprs.push(self.assignment_value()?);
                }
                // CPython's hint looks at the first target and what follows its
                // `=`: an operand that is not itself followed by another `=`.
                let hint =
                    starts_with_operand(&exprs[1]) && (exprs.len() == 2 || !is_operand(&exprs[1]));
                let value = exprs.pop().unwrap();
                let mut targets = Vec::with_capacity(exprs.len());
                for (i, e) in exprs.into_iter().enumerate() {
                    targets.push(self.assignment_target(e, i == 0 && hint)?);
                }
                Ok(stmt(
                    StmtKind::Assign {
                        targets,
                        value: Box::new(value),
                        type_comment: None,
                    },
                    self.loc_from(&start),
                ))
            }
            k => {
                if let Some(op) = augassign_op(k) {
                    if !matches!(
                        first.kind,
                        ExprKind::Name { .. }
                            | ExprKind::Attribute { .. }
                            | ExprKind::Subscript { .. }
                    ) {
                        return Err(self.error_at_loc(
                            first.loc,
                            format!(
                                "'{}' is an illegal expression for augmented assignment",
                                expr_name(&first)
                            ),
                        ));
                    }
                    let target = self.to_target(first, ExprContext::Store)?;
                    self.bump();
                    let value = self.assignment_value()?;
                    return Ok(stmt(
                        StmtKind::AugAssign {
                            target: Box::new(target),
                            op,
                            value: Box::new(value),
                        },
                        self.loc_from(&start),
                    ));
                }
                Ok(stmt(
                    StmtKind::Expr {
                        value: Box::new(first),
                    },
                    self.loc_from(&start),
                ))
            }
        }
    }

    /// `print x` and `exec code`: Python 2 statements, which CPython
    /// recognises to suggest the call.
    fn legacy_print(&mut self, start: &Token, first: &Expr) -> Option<SyntaxError> {
        let ExprKind::Name { id, .. } = &first.kind else {
            return None;
        };
        if !(id == "print" || id == "exec") || start.kind != T::Name {
            return None;
        }
        let k = self.kind();
        if !super::expr::starts_expression(k) {
            return None;
        }
        let save = self.pos;
        let rest = self.star_expressions();
        self.pos = save;
        let rest = rest.ok()?;
        Some(self.error_at_loc(
            first.loc.to(rest.loc),
            format!("Missing parentheses in call to '{id}'. Did you mean {id}(...)?"),
        ))
    }

    /// One target of `a = b = value`, with CPython's hint when the
    /// assignment looks like a mistyped comparison: the operand right before
    /// an `=` cannot be assigned to, and an operand follows the `=`.
    fn assignment_target(&mut self, e: Expr, hint: bool) -> PResult<Expr> {
        let yields = matches!(e.kind, ExprKind::Yield { .. } | ExprKind::YieldFrom { .. });
        if yields && !self.parenthesized(&e) {
            return Err(self.error_at_loc(e.loc, "assignment to yield expression not possible"));
        }
        if let Some(bad) = super::targets::invalid_target(&e, false) {
            let before_equals = std::ptr::eq(bad, &e)
                || matches!(&e.kind, ExprKind::Tuple { elts, .. }
                    if !self.parenthesized(&e) && elts.last().is_some_and(|x| std::ptr::eq(bad, x)));
            if before_equals && hint && is_operand(bad) {
                return Err(self.error_at_loc(
                    bad.loc,
                    format!(
                        "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                        expr_name(bad)
                    ),
                ));
            }
        }
        self.to_target(e, ExprContext::Store)
    }

    /// Whether the expression was written in brackets: a tuple display's
    /// location starts at its `(`; any other expression's excludes it.
    fn parenthesized(&self, e: &Expr) -> bool {
        let Some(i) = self.token_index_at(e.loc) else {
            return false;
        };
        match e.kind {
            ExprKind::Tuple { .. } => self.toks[i].kind == T::LPAR,
            _ => i > 0 && self.toks[i - 1].kind == T::LPAR,
        }
    }

    // ---- blocks ---------------------------------------------------------

    /// `':' block`, where `what` names the statement for the error CPython
    /// gives when the indented block is missing.
    fn colon_block(&mut self, what: &str, line: u32) -> PResult<Vec<Stmt>> {
        if !self.at(T::COLON) {
            return Err(self.expected_colon());
        }
        self.bump();
        self.block(what, line)
    }

    fn expected_colon(&mut self) -> SyntaxError {
        let k = self.kind();
        if matches!(k, T::Newline) {
            let prev = *self.prev();
            return self.error_at_token(&prev_end(&prev), "expected ':'");
        }
        self.invalid_syntax()
    }

    fn block(&mut self, what: &str, line: u32) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        if !self.eat(T::Newline) {
            self.simple_stmts(&mut body)?;
            return Ok(body);
        }
        if !self.at(T::Indent) {
            return Err(self.missing_block(what, line));
        }
        self.bump();
        while !self.at(T::Dedent) {
            if self.at(T::EndMarker) {
                break;
            }
            self.statement(&mut body)?;
        }
        self.eat(T::Dedent);
        Ok(body)
    }

    /// "expected an indented block after ...", at the token where the block
    /// should start, or on the header's line when the file ends there.
    fn missing_block(&mut self, what: &str, line: u32) -> SyntaxError {
        let t = *self.tok();
        let mut e = SyntaxError::new(
            format!("expected an indented block after {what} on line {line}"),
            t.lineno,
            t.col,
            t.end_lineno,
            t.end_col,
        )
        .with_kind(ErrorKind::IndentationError);
        if t.kind == T::EndMarker {
            let nl = *self.prev();
            e.lineno = nl.lineno;
            e.end_lineno = nl.lineno;
            e.col = None;
        }
        e
    }

    // ---- compound statements --------------------------------------------

    fn if_stmt(&mut self) -> PResult<Stmt> {
        let start = self.bump();
        let word = if start.kind == T::If {
            "'if' statement"
        } else {
            "'elif' statement"
        };
        let test = self.named_expression()?;
        if self.at(T::EQUAL) {
            return Err(self.misplaced_equals(&test));
        }
        let body = self.colon_block(word, start.lineno)?;
        let orelse = self.else_part(true)?;
        let end = self.block_end();
        Ok(stmt(
            StmtKind::If {
                test: Box::new(test),
                body,
                orelse,
            },
            token_loc(&start).to(end),
        ))
    }

    /// `x = 1` where a condition was expected.
    fn misplaced_equals(&mut self, test: &Expr) -> SyntaxError {
        if let ExprKind::Name { .. } = test.kind {
            let save = self.pos;
            self.bump();
            let value = self.bitwise_or();
            let range = match value {
                Ok(v) => test.loc.to(v.loc),
                Err(_) => test.loc,
            };
            self.pos = save;
            return self.error_at_loc(
                range,
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            );
        }
        let comparison_like = matches!(
            test.kind,
            ExprKind::Compare { .. }
                | ExprKind::BoolOp { .. }
                | ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    ..
                }
                | ExprKind::IfExp { .. }
                | ExprKind::Lambda { .. }
                | ExprKind::NamedExpr { .. }
                | ExprKind::List { .. }
                | ExprKind::Tuple { .. }
                | ExprKind::GeneratorExp { .. }
                | ExprKind::Constant {
                    value: Constant::Bool(_) | Constant::None,
                    ..
                }
        );
        if !comparison_like {
            return self.error_at_loc(
                test.loc,
                format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    expr_name(test)
                ),
            );
        }
        self.invalid_syntax()
    }

    /// `elif ...` (as a nested `If`) or `else: ...`, or nothing.
    fn else_part(&mut self, allow_elif: bool) -> PResult<Vec<Stmt>> {
        if allow_elif && self.at(T::Elif) {
            return Ok(vec![self.if_stmt()?]);
        }
        if self.at(T::Else) {
            let t = self.bump();
            return self.colon_block("'else' statement", t.lineno);
        }
        Ok(Vec::new())
    }

    fn while_stmt(&mut self) -> PResult<Stmt> {
        let start = self.bump();
        let test = self.named_expression()?;
        if self.at(T::EQUAL) {
            return Err(self.misplaced_equals(&test));
        }
        let body = self.colon_block("'while' statement", start.lineno)?;
        let orelse = self.else_part(false)?;
        let end = self.block_end();
        Ok(stmt(
            StmtKind::While {
                test: Box::new(test),
                body,
                orelse,
            },
            token_loc(&start).to(end),
        ))
    }

    fn for_stmt(&mut self, async_tok: Option<Token>) -> PResult<Stmt> {
        let for_tok = self.bump();
        let start = async_tok.unwrap_or(for_tok);
        let target = self.for_targets()?;
        self.expect(T::In)?;
        let iter = self.star_expressions()?;
        let body = self.colon_block("'for' statement", for_tok.lineno)?;
        let orelse = self.else_part(false)?;
        let end = self.block_end();
        let f = ForLoop {
            target: Box::new(target),
            iter: Box::new(iter),
            body,
            orelse,
            type_comment: None,
        };
        let kind = if async_tok.is_some() {
            StmtKind::AsyncFor(f)
        } else {
            StmtKind::For(f)
        };
        Ok(stmt(kind, token_loc(&start).to(end)))
    }

    fn with_stmt(&mut self, async_tok: Option<Token>) -> PResult<Stmt> {
        let with_tok = self.bump();
        let start = async_tok.unwrap_or(with_tok);
        let items = match self.parenthesized_with_items() {
            Some(items) => items,
            None => {
                let mut items = vec![self.with_item()?];
                while self.eat(T::COMMA) {
                    items.push(self.with_item()?);
                }
                items
            }
        };
        let body = self.colon_block("'with' statement", with_tok.lineno)?;
        let end = self.block_end();
        let w = WithBlock {
            items,
            body,
            type_comment: None,
        };
        let kind = if async_tok.is_some() {
            StmtKind::AsyncWith(w)
        } else {
            StmtKind::With(w)
        };
        Ok(stmt(kind, token_loc(&start).to(end)))
    }

    /// `with (a as b, c):` — tried first, as CPython's grammar does; on
    /// failure the parser backs up and reads a parenthesised expression.
    fn parenthesized_with_items(&mut self) -> Option<Vec<WithItem>> {
        if !self.at(T::LPAR) {
            return None;
        }
        let save = self.pos;
        self.bump();
        let attempt = (|| -> PResult<Vec<WithItem>> {
            let mut items = vec![self.with_item()?];
            while self.eat(T::COMMA) {
                if self.at(T::RPAR) {
                    break;
                }
                items.push(self.with_item()?);
            }
            self.expect(T::RPAR)?;
            if !self.at(T::COLON) {
                return Err(self.invalid_syntax());
            }
            Ok(items)
        })();
        match attempt {
            Ok(items) => Some(items),
            Err(_) => {
                self.pos = save;
                None
            }
        }
    }

    fn with_item(&mut self) -> PResult<WithItem> {
        let context_expr = self.expression()?;
        let optional_vars = if self.eat(T::As) {
            let t = self.star_target_expr()?;
            Some(Box::new(self.to_target(t, ExprContext::Store)?))
        } else {
            None
        };
        Ok(WithItem {
            context_expr,
            optional_vars,
        })
    }

    fn try_stmt(&mut self) -> PResult<Stmt> {
        let start = self.bump();
        let body = self.colon_block("'try' statement", start.lineno)?;
        let mut handlers = Vec::new();
        let mut star: Option<bool> = None;
        while self.at(T::Except) {
            let ex = self.bump();
            let is_star = self.eat(T::STAR);
            match star {
                Some(s) if s != is_star => {
                    return Err(self.error_at_token(
                        &ex,
                        "cannot have both 'except' and 'except*' on the same 'try'",
                    ))
                }
                _ => star = Some(is_star),
            }
            let (type_, name) = if self.at(T::COLON) {
                if is_star {
                    let t = *self.tok();
                    return Err(self.error_at_token(&t, "expected one or more exception types"));
                }
                (None, None)
            } else {
                let t = self.expression()?;
                if self.at(T::COMMA) {
                    let mut last = t.loc;
                    let save = self.pos;
                    while self.eat(T::COMMA) {
                        if let Ok(e) = self.expression() {
                            last = e.loc;
                        } else {
                            break;
                        }
                    }
                    self.pos = save;
                    return Err(self.error_at_loc(
                        t.loc.to(last),
                        "multiple exception types must be parenthesized",
                    ));
                }
                let name = if self.eat(T::As) {
                    Some(self.name()?.0)
                } else {
                    None
                };
                (Some(Box::new(t)), name)
            };
            let what = if is_star {
                "'except*' statement"
            } else {
                "'except' statement"
            };
            let hbody = self.colon_block(what, ex.lineno)?;
            let end = self.block_end();
            handlers.push(ExceptHandler {
                type_,
                name,
                body: hbody,
                loc: token_loc(&ex).to(end),
            });
        }
        let orelse = if !handlers.is_empty() {
            self.else_part(false)?
        } else {
            Vec::new()
        };
        let finalbody = if self.at(T::Finally) {
            let f = self.bump();
            self.colon_block("'finally' statement", f.lineno)?
        } else {
            Vec::new()
        };
        if handlers.is_empty() && finalbody.is_empty() {
            let t = *self.tok();
            return Err(self.error_at_token(&t, "expected 'except' or 'finally' block"));
        }
        let end = self.block_end();
        let t = TryBlock {
            body,
            handlers,
            orelse,
            finalbody,
        };
        let kind = if star == Some(true) {
            StmtKind::TryStar(t)
        } else {
            StmtKind::Try(t)
        };
        Ok(stmt(kind, token_loc(&start).to(end)))
    }

    fn decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.eat(T::AT) {
            decorators.push(self.named_expression()?);
            self.expect(T::Newline)?;
        }
        match self.kind() {
            T::Def => self.function_def(decorators, None),
            T::Class => self.class_def(decorators),
            T::Async if self.peek_kind(1) == T::Def => {
                let a = self.bump();
                self.function_def(decorators, Some(a))
            }
            _ => Err(self.invalid_syntax()),
        }
    }

    fn function_def(
        &mut self,
        decorator_list: Vec<Expr>,
        async_tok: Option<Token>,
    ) -> PResult<Stmt> {
        let def = self.bump();
        let start = async_tok.unwrap_or(def);
        let (name, _) = self.name()?;
        if !self.at(T::LPAR) {
            let t = *self.tok();
            return Err(self.error_at_token(&t, "expected '('"));
        }
        self.bump();
        let args = self.parameters(T::RPAR, true)?;
        self.expect(T::RPAR)?;
        let returns = if self.eat(T::RARROW) {
            Some(Box::new(self.expression()?))
        } else {
            None
        };
        let body = self.colon_block("function definition", def.lineno)?;
        let end = self.block_end();
        let f = FunctionDef {
            name,
            args: Box::new(args),
            body,
            decorator_list,
            returns,
            type_comment: None,
        };
        let kind = if async_tok.is_some() {
            StmtKind::AsyncFunctionDef(f)
        } else {
            StmtKind::FunctionDef(f)
        };
        Ok(stmt(kind, token_loc(&start).to(end)))
    }

    fn class_def(&mut self, decorator_list: Vec<Expr>) -> PResult<Stmt> {
        let start = self.bump();
        let (name, _) = self.name()?;
        let (bases, keywords) = if self.at(T::LPAR) {
            self.class_arguments()?
        } else {
            (Vec::new(), Vec::new())
        };
        let body = self.colon_block("class definition", start.lineno)?;
        let end = self.block_end();
        Ok(stmt(
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            },
            token_loc(&start).to(end),
        ))
    }

    /// `match subject: case ...`, or `None` (with nothing consumed) when
    /// `match` is just a name here.
    fn match_stmt(&mut self) -> PResult<Option<Stmt>> {
        let save = self.pos;
        let start = self.bump();
        let subject = (|| -> PResult<Expr> {
            let s = self.start();
            let first = self.star_named_expression()?;
            if self.at(T::COMMA) {
                let mut elts = vec![first];
                while self.eat(T::COMMA) {
                    if self.at(T::COLON) {
                        break;
                    }
                    elts.push(self.star_named_expression()?);
                }
                return Ok(expr(
                    ExprKind::Tuple {
                        elts,
                        ctx: ExprContext::Load,
                    },
                    self.loc_from(&s),
                ));
            }
            Ok(first)
        })();
        let subject = match subject {
            Ok(s) if self.at(T::COLON) => s,
            _ => {
                self.pos = save;
                return Ok(None);
            }
        };
        self.bump();
        if !self.eat(T::Newline) {
            return Err(self.invalid_syntax());
        }
        if !self.at(T::Indent) {
            return Err(self.missing_block("'match' statement", start.lineno));
        }
        self.bump();
        let mut cases = Vec::new();
        while self.at_soft_keyword("case") {
            let case = self.bump();
            let pattern = self.patterns()?;
            let guard = if self.eat(T::If) {
                Some(Box::new(self.named_expression()?))
            } else {
                None
            };
            let body = self.colon_block("'case' statement", case.lineno)?;
            cases.push(MatchCase {
                pattern,
                guard,
                body,
            });
        }
        if cases.is_empty() || !self.eat(T::Dedent) {
            return Err(self.invalid_syntax());
        }
        let end = self.block_end();
        Ok(Some(stmt(
            StmtKind::Match {
                subject: Box::new(subject),
                cases,
            },
            token_loc(&start).to(end),
        )))
    }
}

/// A zero-width token at the end of `t`, where "expected ':'" points.
fn prev_end(t: &Token) -> Token {
    Token {
        kind: t.kind,
        start: t.end,
        end: t.end,
        lineno: t.end_lineno,
        col: t.end_col,
        end_lineno: t.end_lineno,
        end_col: t.end_col,
    }
}
