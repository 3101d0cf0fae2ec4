//! Code generation for statements.

use super::{Block, CResult, Compiler};
use crate::code::*;
use krait_syntax::ast::*;

impl<'a> Compiler<'a> {
    pub(crate) fn stmts(&mut self, body: &'a [Stmt]) -> CResult {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub(crate) fn stmt(&mut self, s: &'a Stmt) -> CResult {
        self.set_loc(s.loc);
        match &s.kind {
            StmtKind::FunctionDef(f) => self.function_def(s, f, false),
            StmtKind::AsyncFunctionDef(f) => self.function_def(s, f, true),
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => self.class_def(s, name, bases, keywords, body, decorator_list),
            StmtKind::Return { value } => self.return_stmt(value.as_deref()),
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.delete_target(t)?;
                }
                Ok(())
            }
            StmtKind::Assign { targets, value, .. } => {
                if let [target] = &targets[..] {
                    if self.parallel_assign(target, value)? {
                        return Ok(());
                    }
                }
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Instr::Copy(1));
                    }
                    self.store_target(t)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.ann_assign(target, annotation, value.as_deref(), *simple),
            StmtKind::For(f) => self.for_loop(f),
            StmtKind::AsyncFor(f) => self.async_for_loop(f),
            StmtKind::While { test, body, orelse } => self.while_loop(s, test, body, orelse),
            StmtKind::If { test, body, orelse } => {
                let end = self.new_label();
                if orelse.is_empty() {
                    self.jump_if(test, end, false)?;
                    self.stmts(body)?;
                } else {
                    let other = self.new_label();
                    self.jump_if(test, other, false)?;
                    self.stmts(body)?;
                    self.emit_noloc_jump(end);
                    self.bind(other);
                    self.stmts(orelse)?;
                }
                self.bind(end);
                Ok(())
            }
            StmtKind::With(w) => self.with_stmt(s, &w.items, &w.body, false),
            StmtKind::AsyncWith(w) => self.with_stmt(s, &w.items, &w.body, true),
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases),
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.set_loc(s.loc);
                self.emit(Instr::RaiseVarargs(n));
                Ok(())
            }
            StmtKind::Try(t) => {
                if t.finalbody.is_empty() {
                    self.try_except(t)
                } else {
                    self.try_finally(t, false)
                }
            }
            StmtKind::TryStar(t) => {
                if t.finalbody.is_empty() {
                    self.try_star_except(t)
                } else {
                    self.try_finally(t, true)
                }
            }
            StmtKind::Assert { test, msg } => {
                if self.optimize > 0 {
                    return Ok(());
                }
                let end = self.new_label();
                // Located where the test leaves the location (see
                // `jump_if`).
                self.jump_if(test, end, true)?;
                self.emit(Instr::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(Instr::Call(0));
                }
                self.emit(Instr::RaiseVarargs(1));
                self.bind(end);
                Ok(())
            }
            StmtKind::Import { names } => {
                // Located at the whole statement, as in CPython.
                for a in names {
                    self.load_const(Const::Int(0));
                    self.load_const(Const::None);
                    let i = self.add_name(&a.name);
                    self.emit(Instr::ImportName(i));
                    match &a.asname {
                        Some(asname) => {
                            let mut parts = a.name.split('.');
                            parts.next();
                            let rest: Vec<&str> = parts.collect();
                            for (k, part) in rest.iter().enumerate() {
                                let i = self.add_name(part);
                                self.emit(Instr::ImportFrom(i));
                                if k + 1 < rest.len() {
                                    self.emit(Instr::Swap(2));
                                    self.emit(Instr::PopTop);
                                }
                            }
                            self.store_name(asname);
                            if !rest.is_empty() {
                                self.emit(Instr::PopTop);
                            }
                        }
                        None => {
                            let top = a.name.split('.').next().unwrap_or(&a.name).to_owned();
                            self.store_name(&top);
                        }
                    }
                }
                Ok(())
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                self.load_const(Const::Int(*level as i64));
                let fromlist: Vec<Const> = names
                    .iter()
                    .map(|a| Const::Str(a.name.as_str().into()))
                    .collect();
                self.load_const(Const::Tuple(fromlist));
                let i = self.add_name(module.as_deref().unwrap_or(""));
                self.emit(Instr::ImportName(i));
                if names.len() == 1 && names[0].name == "*" {
                    self.emit(Instr::ImportStar);
                    return Ok(());
                }
                for a in names {
                    let i = self.add_name(&a.name);
                    self.emit(Instr::ImportFrom(i));
                    self.store_name(a.asname.as_deref().unwrap_or(&a.name));
                }
                self.set_loc(s.loc);
                self.emit(Instr::PopTop);
                Ok(())
            }
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => Ok(()),
            StmtKind::Expr { value } => {
                if self.interactive && self.units.len() == 1 {
                    self.expr(value)?;
                    self.emit(Instr::PrintExpr);
                    return Ok(());
                }
                if matches!(value.kind, ExprKind::Constant { .. }) {
                    self.emit(Instr::Nop);
                    return Ok(());
                }
                self.expr(value)?;
                self.set_loc(s.loc);
                self.emit(Instr::PopTop);
                Ok(())
            }
            StmtKind::Pass => {
                self.emit(Instr::Nop);
                Ok(())
            }
            StmtKind::Break => self.exit_blocks(false, true, |c, found| {
                match found {
                    Some(b @ Block::For { end, .. }) | Some(b @ Block::AsyncFor { end, .. }) => {
                        c.unwind_block(&b, false)?;
                        c.emit(Instr::Jump(end.0));
                    }
                    Some(Block::While { end, .. }) => c.emit(Instr::Jump(end.0)),
                    _ => unreachable_outside_loop(),
                }
                Ok(())
            }),
            StmtKind::Continue => self.exit_blocks(false, true, |c, found| {
                match found {
                    Some(Block::For { start, .. })
                    | Some(Block::AsyncFor { start, .. })
                    | Some(Block::While { start, .. }) => c.emit(Instr::Jump(start.0)),
                    _ => unreachable_outside_loop(),
                }
                Ok(())
            }),
        }
    }

    fn emit_noloc_jump(&mut self, l: super::Label) {
        self.emit(Instr::Jump(l.0));
    }

    fn return_stmt(&mut self, value: Option<&'a Expr>) -> CResult {
        let constant = value.and_then(|v| self.constant_of(v));
        let preserve_tos = value.is_some() && constant.is_none();
        if preserve_tos {
            self.expr(value.unwrap())?;
        }
        let loc = self.u().loc;
        self.exit_blocks(preserve_tos, false, |c, _| {
            c.set_loc(loc);
            match (value, constant) {
                (None, _) => c.load_const(Const::None),
                (Some(_), Some(k)) => c.load_const(k),
                _ => {}
            }
            c.emit(Instr::ReturnValue);
            Ok(())
        })
    }

    /// Stores the value on top of the stack into an assignment target.
    pub(crate) fn store_target(&mut self, t: &'a Expr) -> CResult {
        match &t.kind {
            ExprKind::Name { id, .. } => {
                let saved = self.set_loc(t.loc);
                self.store_name(id);
                self.set_loc(saved);
            }
            ExprKind::Attribute { value, attr, .. } => {
                self.expr(value)?;
                let saved = self.set_loc(t.loc);
                let i = self.add_mangled_name(attr);
                self.emit(Instr::StoreAttr(i));
                self.set_loc(saved);
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.subscript_key(slice)?;
                let saved = self.set_loc(t.loc);
                self.emit(Instr::StoreSubscr);
                self.set_loc(saved);
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                self.unpack_into(t, elts)?;
            }
            ExprKind::Starred { value, .. } => self.store_target(value)?,
            _ => {
                return Err(super::CompileError {
                    msg: "cannot assign to expression".into(),
                    loc: t.loc,
                })
            }
        }
        Ok(())
    }

    /// `a, b = b, a` and the like (two or three plain targets and values):
    /// the values are pushed and stored without building a tuple to
    /// unpack. Distinct names are stored last first, which leaves the
    /// stack in order; other targets get the values reversed by a swap.
    fn parallel_assign(&mut self, target: &'a Expr, value: &'a Expr) -> CResult<bool> {
        let (ExprKind::Tuple { elts: targets, .. } | ExprKind::List { elts: targets, .. }) =
            &target.kind
        else {
            return Ok(false);
        };
        let ExprKind::Tuple { elts: values, .. } = &value.kind else {
            return Ok(false);
        };
        let starred = |e: &Expr| matches!(e.kind, ExprKind::Starred { .. });
        if !(2..=3).contains(&targets.len())
            || targets.len() != values.len()
            || targets.iter().any(starred)
            || values.iter().any(starred)
        {
            return Ok(false);
        }
        for v in values {
            self.expr(v)?;
        }
        let names: Vec<&str> = targets
            .iter()
            .filter_map(|t| match &t.kind {
                ExprKind::Name { id, .. } => Some(id.as_str()),
                _ => None,
            })
            .collect();
        let distinct_names = names.len() == targets.len()
            && names
                .iter()
                .enumerate()
                .all(|(i, n)| !names[..i].contains(n));
        if distinct_names {
            for t in targets.iter().rev() {
                self.store_target(t)?;
            }
        } else {
            self.emit(Instr::Swap(targets.len() as u32));
            for t in targets {
                self.store_target(t)?;
            }
        }
        Ok(true)
    }

    fn unpack_into(&mut self, t: &'a Expr, elts: &'a [Expr]) -> CResult {
        let saved = self.set_loc(t.loc);
        match elts
            .iter()
            .position(|e| matches!(e.kind, ExprKind::Starred { .. }))
        {
            Some(star) => {
                let after = elts.len() - star - 1;
                self.emit(Instr::UnpackEx(star as u32 | (after as u32) << 8));
            }
            None => self.emit(Instr::UnpackSequence(elts.len() as u32)),
        }
        self.set_loc(saved);
        for e in elts {
            self.store_target(e)?;
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> CResult {
        let saved = self.set_loc(t.loc);
        match &t.kind {
            ExprKind::Name { id, .. } => self.name_op(id, ExprContext::Del),
            ExprKind::Attribute { value, attr, .. } => {
                self.expr(value)?;
                self.set_loc(t.loc);
                let i = self.add_mangled_name(attr);
                self.emit(Instr::DeleteAttr(i));
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.subscript_key(slice)?;
                self.set_loc(t.loc);
                self.emit(Instr::DeleteSubscr);
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                for e in elts {
                    self.delete_target(e)?;
                }
            }
            _ => {}
        }
        self.set_loc(saved);
        Ok(())
    }

    fn aug_assign(&mut self, target: &'a Expr, op: Operator, value: &'a Expr) -> CResult {
        let op = super::expr::bin_op(op).inplace();
        match &target.kind {
            ExprKind::Name { id, .. } => {
                self.set_loc(target.loc);
                self.name_op(id, ExprContext::Load);
                self.expr(value)?;
                self.set_loc(target.loc.to(value.loc));
                self.emit(Instr::BinaryOp(op));
                self.set_loc(target.loc);
                self.store_name(id);
            }
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                self.expr(obj)?;
                self.emit(Instr::Copy(1));
                let i = self.add_mangled_name(attr);
                self.set_loc(target.loc);
                self.emit(Instr::LoadAttr(i));
                self.expr(value)?;
                self.set_loc(target.loc.to(value.loc));
                self.emit(Instr::BinaryOp(op));
                self.emit(Instr::Swap(2));
                self.set_loc(target.loc);
                self.emit(Instr::StoreAttr(i));
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                self.expr(obj)?;
                self.subscript_key(slice)?;
                self.emit(Instr::Copy(2));
                self.emit(Instr::Copy(2));
                self.set_loc(target.loc);
                self.emit(Instr::BinarySubscr);
                self.expr(value)?;
                self.set_loc(target.loc.to(value.loc));
                self.emit(Instr::BinaryOp(op));
                self.emit(Instr::Swap(3));
                self.emit(Instr::Swap(2));
                self.set_loc(target.loc);
                self.emit(Instr::StoreSubscr);
            }
            _ => {}
        }
        Ok(())
    }

    fn ann_assign(
        &mut self,
        target: &'a Expr,
        annotation: &'a Expr,
        value: Option<&'a Expr>,
        simple: bool,
    ) -> CResult {
        if let Some(v) = value {
            self.expr(v)?;
            self.store_target(target)?;
        }
        let module_or_class = !self.scope().is_function_like();
        match &target.kind {
            ExprKind::Name { id, .. } => {
                if simple && module_or_class {
                    self.annotation_value(annotation)?;
                    let i = self.add_name("__annotations__");
                    self.emit(Instr::LoadName(i));
                    let mangled = crate::symtable::mangle(self.u().private.as_deref(), id);
                    self.load_const(Const::Str(mangled.as_str().into()));
                    self.emit(Instr::StoreSubscr);
                }
                return Ok(());
            }
            ExprKind::Attribute { value: obj, .. } if value.is_none() => {
                self.expr(obj)?;
                self.emit(Instr::PopTop);
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } if value.is_none() => {
                self.expr(obj)?;
                self.emit(Instr::PopTop);
                self.expr(slice)?;
                self.emit(Instr::PopTop);
            }
            _ => {}
        }
        if module_or_class && !self.future_annotations {
            self.expr(annotation)?;
            self.emit(Instr::PopTop);
        }
        Ok(())
    }

    fn while_loop(
        &mut self,
        s: &'a Stmt,
        test: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult {
        let start = self.new_label();
        let body_label = self.new_label();
        let anchor = self.new_label();
        let end = self.new_label();
        self.bind(start);
        self.u().blocks.push(Block::While { start, end });
        self.jump_if(test, anchor, false)?;
        self.bind(body_label);
        self.stmts(body)?;
        self.set_loc(s.loc);
        self.jump_if(test, body_label, true)?;
        self.u().blocks.pop();
        self.bind(anchor);
        self.stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn for_loop(&mut self, f: &'a ForLoop) -> CResult {
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        // Getting and stepping the iterator are located at the whole
        // statement, as in CPython (so tracebacks show no carets there).
        let stmt_loc = self.u().loc;
        self.expr(&f.iter)?;
        self.set_loc(stmt_loc);
        self.emit(Instr::GetIter);
        self.bind(start);
        self.u().blocks.push(Block::For { start, end });
        self.jump(Instr::ForIter, cleanup);
        self.store_target(&f.target)?;
        self.stmts(&f.body)?;
        self.set_loc(stmt_loc);
        self.jump(Instr::Jump, start);
        self.u().blocks.pop();
        self.bind(cleanup);
        self.stmts(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    fn async_for_loop(&mut self, f: &'a ForLoop) -> CResult {
        let start = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        // Located at the whole statement, as `for` is.
        let stmt_loc = self.u().loc;
        self.expr(&f.iter)?;
        self.set_loc(stmt_loc);
        self.emit(Instr::GetAIter);
        self.bind(start);
        self.u().blocks.push(Block::AsyncFor { start, end });
        // The `StopAsyncIteration` from `__anext__` ends the loop.
        self.push_handler(except);
        self.emit(Instr::GetANext);
        self.load_const(Const::None);
        self.yield_from_loop()?;
        self.pop_handler();
        self.store_target(&f.target)?;
        self.stmts(&f.body)?;
        self.set_loc(stmt_loc);
        self.jump(Instr::Jump, start);
        self.u().blocks.pop();
        self.bind(except);
        self.emit(Instr::EndAsyncFor);
        self.stmts(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    /// `try`/`except` without `finally`.
    fn try_except(&mut self, t: &'a TryBlock) -> CResult {
        let body = self.new_label();
        let except = self.new_label();
        let orelse = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let _ = body;
        self.push_handler(except);
        self.u().blocks.push(Block::TryExcept);
        self.emit(Instr::Nop);
        self.stmts(&t.body)?;
        self.u().blocks.pop();
        self.pop_handler();
        self.jump(Instr::Jump, orelse);
        // The handlers, tried in order, with the exception on the stack.
        self.bind(except);
        let cleanup_id = self.push_handler(cleanup);
        self.emit(Instr::PushExcInfo);
        self.u().blocks.push(Block::ExceptionHandler);
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            self.set_loc(h.loc);
            let next = self.new_label();
            match &h.type_ {
                Some(ty) => {
                    self.expr(ty)?;
                    self.set_loc(h.loc);
                    self.emit(Instr::CheckExcMatch);
                    self.jump(Instr::PopJumpIfFalse, next);
                }
                None if i + 1 < n => {
                    return Err(super::CompileError {
                        msg: "default 'except:' must be last".into(),
                        loc: h.loc,
                    })
                }
                None => {}
            }
            match &h.name {
                Some(name) => {
                    self.store_name(name);
                    // `del name` when the body ends, however it ends.
                    let cleanup_body = self.new_label();
                    self.push_handler(cleanup_body);
                    self.u()
                        .blocks
                        .push(Block::HandlerCleanup(Some(name.clone())));
                    self.stmts(&h.body)?;
                    self.u().blocks.pop();
                    self.pop_handler();
                    self.pop_handler();
                    self.set_loc(krait_syntax::ast::Loc::default());
                    self.emit(Instr::PopExcept);
                    self.unbind_name(name);
                    self.jump(Instr::Jump, end);
                    // An exception in the body: delete the name, re-raise.
                    self.reactivate_handler(cleanup_id);
                    self.bind(cleanup_body);
                    self.unbind_name(name);
                    self.emit(Instr::Reraise);
                }
                None => {
                    self.emit(Instr::PopTop);
                    self.u().blocks.push(Block::HandlerCleanup(None));
                    self.stmts(&h.body)?;
                    self.u().blocks.pop();
                    self.pop_handler();
                    self.set_loc(krait_syntax::ast::Loc::default());
                    self.emit(Instr::PopExcept);
                    self.jump(Instr::Jump, end);
                    self.reactivate_handler(cleanup_id);
                }
            }
            self.bind(next);
        }
        self.u().blocks.pop();
        // No handler matched: re-raise, restoring the previous exception.
        self.set_loc(krait_syntax::ast::Loc::default());
        self.emit(Instr::Reraise);
        self.pop_handler();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(orelse);
        self.stmts(&t.orelse)?;
        self.bind(end);
        Ok(())
    }

    /// The stack holds `previous_exc, exc`: restore the previous one as
    /// being handled, and re-raise `exc`.
    pub(crate) fn pop_except_and_reraise(&mut self) {
        self.emit(Instr::Copy(2));
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise);
    }

    /// `try` with `finally` (and maybe `except` clauses inside it).
    fn try_finally(&mut self, t: &'a TryBlock, star: bool) -> CResult {
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.push_handler(end);
        self.u().blocks.push(Block::FinallyTry(&t.finalbody));
        self.emit(Instr::Nop);
        if t.handlers.is_empty() {
            self.stmts(&t.body)?;
        } else {
            let inner = TryBlock {
                body: Vec::new(),
                handlers: Vec::new(),
                orelse: Vec::new(),
                finalbody: Vec::new(),
            };
            let _ = inner;
            if star {
                self.try_star_except(t)?;
            } else {
                self.try_except(t)?;
            }
        }
        self.u().blocks.pop();
        self.pop_handler();
        // Normal exit: run the `finally` body once, inline.
        self.stmts(&t.finalbody)?;
        self.jump(Instr::Jump, exit);
        // Exit by exception: run it with the exception kept, then re-raise.
        self.bind(end);
        self.set_loc(krait_syntax::ast::Loc::default());
        self.push_handler(cleanup);
        self.emit(Instr::PushExcInfo);
        self.u().blocks.push(Block::FinallyEnd);
        self.stmts(&t.finalbody)?;
        self.u().blocks.pop();
        self.set_loc(krait_syntax::ast::Loc::default());
        self.emit(Instr::Reraise);
        self.pop_handler();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    /// `try`/`except*`: each clause takes the part of the exception group
    /// that matches; what no clause handled, and what clauses raised, is
    /// re-raised at the end as one group.
    fn try_star_except(&mut self, t: &'a TryBlock) -> CResult {
        let except = self.new_label();
        let orelse = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let reraise_star = self.new_label();
        self.push_handler(except);
        self.u().blocks.push(Block::TryExcept);
        self.emit(Instr::Nop);
        self.stmts(&t.body)?;
        self.u().blocks.pop();
        self.pop_handler();
        self.jump(Instr::Jump, orelse);
        self.bind(except);
        self.push_handler(cleanup);
        self.emit(Instr::PushExcInfo);
        // Stack: prev, orig. Keep `orig` and a list of raised groups.
        self.u().blocks.push(Block::ExceptionGroupHandler);
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            self.set_loc(h.loc);
            let next = self.new_label();
            let except_with_error = self.new_label();
            let no_match = self.new_label();
            if i == 0 {
                // prev, orig -> prev, orig, [], rest
                self.emit(Instr::Copy(1));
                self.emit(Instr::BuildList(0));
                self.emit(Instr::Swap(2));
            }
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
                self.set_loc(h.loc);
                self.emit(Instr::CheckEgMatch);
                // prev, orig, list, rest, match
                self.emit(Instr::Copy(1));
                self.jump(Instr::PopJumpIfNone, no_match);
            }
            match &h.name {
                Some(name) => self.store_name(name),
                None => self.emit(Instr::PopTop),
            }
            // The handler body, with errors it raises collected.
            self.push_handler(except_with_error);
            self.u().blocks.push(Block::HandlerCleanup(h.name.clone()));
            self.stmts(&h.body)?;
            self.u().blocks.pop();
            self.pop_handler();
            if let Some(name) = &h.name {
                self.unbind_name(name);
            }
            self.jump(Instr::Jump, next);
            // An exception raised by the handler body joins the list.
            self.bind(except_with_error);
            if let Some(name) = &h.name {
                self.unbind_name(name);
            }
            // prev, orig, list, rest, raised
            self.emit(Instr::ListAppend(2));
            self.jump(Instr::Jump, next);
            self.bind(no_match);
            self.emit(Instr::PopTop);
            self.bind(next);
            if i + 1 == n {
                // prev, orig, list, rest
                self.jump(Instr::Jump, reraise_star);
            }
        }
        self.u().blocks.pop();
        self.bind(reraise_star);
        self.set_loc(krait_syntax::ast::Loc::default());
        // prev, orig, list, rest: add what is left, combine, raise or not.
        self.emit(Instr::ListAppend(1));
        self.emit(Instr::PrepReraiseStar);
        self.emit(Instr::Copy(1));
        let reraise = self.new_label();
        self.jump(Instr::PopJumpIfNotNone, reraise);
        self.emit(Instr::PopTop);
        self.pop_handler();
        self.emit(Instr::PopExcept);
        self.jump(Instr::Jump, end);
        self.bind(reraise);
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(orelse);
        self.stmts(&t.orelse)?;
        self.bind(end);
        Ok(())
    }

    fn with_stmt(
        &mut self,
        s: &'a Stmt,
        items: &'a [WithItem],
        body: &'a [Stmt],
        is_async: bool,
    ) -> CResult {
        let item = &items[0];
        let handler = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.expr(&item.context_expr)?;
        self.set_loc(s.loc);
        if is_async {
            self.emit(Instr::BeforeAsyncWith);
            self.emit(Instr::GetAwaitable(1));
            self.load_const(Const::None);
            self.yield_from_loop()?;
        } else {
            self.emit(Instr::BeforeWith);
        }
        // Stack: exit, enter_result; the handler sees just `exit`.
        self.push_handler_adjusted(handler, -1);
        self.u().blocks.push(if is_async {
            Block::AsyncWith
        } else {
            Block::With
        });
        match &item.optional_vars {
            Some(t) => self.store_target(t)?,
            None => self.emit(Instr::PopTop),
        }
        if items.len() > 1 {
            self.with_stmt(s, &items[1..], body, is_async)?;
        } else {
            self.stmts(body)?;
        }
        self.u().blocks.pop();
        self.pop_handler();
        self.set_loc(s.loc);
        self.call_exit_with_nones();
        if is_async {
            self.emit(Instr::GetAwaitable(2));
            self.load_const(Const::None);
            self.yield_from_loop()?;
        }
        self.emit(Instr::PopTop);
        self.jump(Instr::Jump, exit);
        // An exception: call exit(type, value, tb); re-raise unless it
        // returns true.
        self.bind(handler);
        self.push_handler(cleanup);
        self.emit(Instr::PushExcInfo);
        self.emit(Instr::WithExceptStart);
        if is_async {
            self.emit(Instr::GetAwaitable(2));
            self.load_const(Const::None);
            self.yield_from_loop()?;
        }
        let suppress = self.new_label();
        self.jump(Instr::PopJumpIfTrue, suppress);
        self.emit(Instr::Reraise);
        self.bind(suppress);
        // exit, prev, exc
        self.emit(Instr::PopTop);
        self.pop_handler();
        self.emit(Instr::PopExcept);
        self.emit(Instr::PopTop);
        self.jump(Instr::Jump, exit);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }
}

fn unreachable_outside_loop() {
    // The front end rejects `break` and `continue` outside loops.
}
