//! Code generation for expressions.

use super::{CResult, Compiler, Label};
use crate::code::*;
use crate::fold;
use krait_syntax::ast::*;

/// Above this many items a display is built in pieces, so that a huge
/// literal does not need a huge stack.
const STACK_USE_GUIDELINE: usize = 30;

pub(crate) fn bin_op(op: Operator) -> BinOp {
    match op {
        Operator::Add => BinOp::Add,
        Operator::Sub => BinOp::Subtract,
        Operator::Mult => BinOp::Multiply,
        Operator::MatMult => BinOp::MatrixMultiply,
        Operator::Div => BinOp::TrueDivide,
        Operator::Mod => BinOp::Remainder,
        Operator::Pow => BinOp::Power,
        Operator::LShift => BinOp::Lshift,
        Operator::RShift => BinOp::Rshift,
        Operator::BitOr => BinOp::Or,
        Operator::BitXor => BinOp::Xor,
        Operator::BitAnd => BinOp::And,
        Operator::FloorDiv => BinOp::FloorDivide,
    }
}

fn is_starred(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Starred { .. })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Collection {
    List,
    Set,
    Tuple,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

impl<'a> Compiler<'a> {
    /// The constant an expression folds to, if it is one.
    pub(crate) fn constant_of(&self, e: &Expr) -> Option<Const> {
        fold::fold(e)
    }

    pub(crate) fn expr(&mut self, e: &'a Expr) -> CResult {
        let saved = self.set_loc(e.loc);
        let r = self.expr_inner(e);
        self.set_loc(saved);
        r
    }

    fn expr_inner(&mut self, e: &'a Expr) -> CResult {
        if !matches!(e.kind, ExprKind::Constant { .. }) {
            if let Some(k) = self.constant_of(e) {
                self.load_const(k);
                return Ok(());
            }
        }
        match &e.kind {
            ExprKind::Constant { value, .. } => {
                let k = fold::constant(value);
                self.load_const(k);
            }
            ExprKind::Name { id, ctx } => self.name_op(id, *ctx),
            ExprKind::BoolOp { op, values } => {
                let end = self.new_label();
                let jump: fn(u32) -> Instr = match op {
                    BoolOp::And => Instr::JumpIfFalseOrPop,
                    BoolOp::Or => Instr::JumpIfTrueOrPop,
                };
                let (last, rest) = values.split_last().expect("two or more values");
                for v in rest {
                    self.expr(v)?;
                    self.jump(jump, end);
                }
                self.expr(last)?;
                self.bind(end);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Instr::Copy(1));
                self.store_target(target)?;
            }
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.emit(Instr::BinaryOp(bin_op(*op)));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                self.emit(Instr::Unary(match op {
                    krait_syntax::ast::UnaryOp::Invert => crate::code::UnaryOp::Invert,
                    krait_syntax::ast::UnaryOp::Not => crate::code::UnaryOp::Not,
                    krait_syntax::ast::UnaryOp::UAdd => crate::code::UnaryOp::Positive,
                    krait_syntax::ast::UnaryOp::USub => crate::code::UnaryOp::Negative,
                }));
            }
            ExprKind::Lambda { args, body } => self.lambda(e, args, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let other = self.new_label();
                self.jump_if(test, other, false)?;
                self.expr(body)?;
                self.jump(Instr::Jump, end);
                self.bind(other);
                self.expr(orelse)?;
                self.bind(end);
            }
            ExprKind::Dict { keys, values } => self.dict_display(keys, values)?,
            ExprKind::Set { elts } => self.collection(elts, 0, Collection::Set)?,
            ExprKind::List { elts, ctx } => {
                if *ctx == ExprContext::Load {
                    self.collection(elts, 0, Collection::List)?
                }
            }
            ExprKind::Tuple { elts, ctx } => {
                if *ctx == ExprContext::Load {
                    self.collection(elts, 0, Collection::Tuple)?
                }
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, generators, CompKind::List, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, generators, CompKind::Set, elt, None)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, generators, CompKind::Dict, key, Some(value))?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, generators, CompKind::Generator, elt, None)?
            }
            ExprKind::Await { value } => {
                self.expr(value)?;
                self.emit(Instr::GetAwaitable(0));
                self.load_const(Const::None);
                self.yield_from_loop()?;
            }
            ExprKind::Yield { value } => {
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Const::None),
                }
                if self.u().flags & flags::ASYNC_GENERATOR != 0 {
                    self.emit(Instr::AsyncGenWrap);
                }
                self.emit(Instr::YieldValue(0));
            }
            ExprKind::YieldFrom { value } => {
                self.expr(value)?;
                self.emit(Instr::GetYieldFromIter);
                self.load_const(Const::None);
                self.yield_from_loop()?;
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(left, ops, comparators)?,
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(e, func, args, keywords)?,
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.expr(value)?;
                let mut flags = match *conversion {
                    c if c == 's' as i32 => format_value::STR,
                    c if c == 'r' as i32 => format_value::REPR,
                    c if c == 'a' as i32 => format_value::ASCII,
                    _ => 0,
                };
                if let Some(spec) = format_spec {
                    self.expr(spec)?;
                    flags |= format_value::HAS_SPEC;
                }
                self.emit(Instr::FormatValue(flags));
            }
            ExprKind::JoinedStr { values } => {
                if values.len() == 1
                    && matches!(
                        values[0].kind,
                        ExprKind::FormattedValue { .. } | ExprKind::Constant { .. }
                    )
                {
                    self.expr(&values[0])?;
                } else if values.is_empty() {
                    self.load_const(Const::Str("".into()));
                } else {
                    for v in values {
                        self.expr(v)?;
                    }
                    self.emit(Instr::BuildString(values.len() as u32));
                }
            }
            ExprKind::Attribute { value, attr, ctx } => {
                self.expr(value)?;
                let i = self.add_mangled_name(attr);
                self.set_loc(e.loc);
                match ctx {
                    ExprContext::Load => self.emit(Instr::LoadAttr(i)),
                    ExprContext::Store => self.emit(Instr::StoreAttr(i)),
                    ExprContext::Del => self.emit(Instr::DeleteAttr(i)),
                }
            }
            ExprKind::Subscript { value, slice, ctx } => {
                self.expr(value)?;
                self.subscript_key(slice)?;
                self.set_loc(e.loc);
                match ctx {
                    ExprContext::Load => self.emit(Instr::BinarySubscr),
                    ExprContext::Store => self.emit(Instr::StoreSubscr),
                    ExprContext::Del => self.emit(Instr::DeleteSubscr),
                }
            }
            ExprKind::Starred { value, .. } => {
                // Only reachable in invalid positions the front end rejects.
                self.expr(value)?;
            }
            ExprKind::Slice { .. } => self.subscript_key(e)?,
        }
        Ok(())
    }

    /// The key of a subscript; a slice becomes a `slice` object.
    pub(crate) fn subscript_key(&mut self, key: &'a Expr) -> CResult {
        match &key.kind {
            ExprKind::Slice { lower, upper, step } => {
                let saved = self.set_loc(key.loc);
                for part in [lower, upper] {
                    match part {
                        Some(p) => self.expr(p)?,
                        None => self.load_const(Const::None),
                    }
                }
                let mut n = 2;
                if let Some(s) = step {
                    self.expr(s)?;
                    n = 3;
                }
                self.emit(Instr::BuildSlice(n));
                self.set_loc(saved);
                Ok(())
            }
            _ => self.expr(key),
        }
    }

    /// A list, tuple or set display, with `pushed` items already on the
    /// stack before it.
    fn collection(&mut self, elts: &'a [Expr], pushed: u32, kind: Collection) -> CResult {
        let build = |n: u32| match kind {
            Collection::List | Collection::Tuple => Instr::BuildList(n),
            Collection::Set => Instr::BuildSet(n),
        };
        let extend = |n: u32| match kind {
            Collection::List | Collection::Tuple => Instr::ListExtend(n),
            Collection::Set => Instr::SetUpdate(n),
        };
        let add = |n: u32| match kind {
            Collection::List | Collection::Tuple => Instr::ListAppend(n),
            Collection::Set => Instr::SetAdd(n),
        };
        let seen_star = elts.iter().any(is_starred);
        // A list or set of three or more constants: one constant tuple.
        if !seen_star && elts.len() > 2 && kind != Collection::Tuple {
            let consts: Option<Vec<Const>> = elts.iter().map(|e| self.constant_of(e)).collect();
            if let Some(items) = consts {
                self.emit(build(pushed));
                let k = match kind {
                    Collection::Set => Const::FrozenSet(items),
                    _ => Const::Tuple(items),
                };
                self.load_const(k);
                self.emit(extend(1));
                return Ok(());
            }
        }
        let big = elts.len() + pushed as usize > STACK_USE_GUIDELINE;
        if !seen_star && !big {
            for e in elts {
                self.expr(e)?;
            }
            let n = elts.len() as u32 + pushed;
            self.emit(match kind {
                Collection::Tuple => Instr::BuildTuple(n),
                _ => build(n),
            });
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build(pushed));
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &e.kind {
                if !built {
                    self.emit(build(i as u32 + pushed));
                    built = true;
                }
                self.expr(value)?;
                self.emit(extend(1));
            } else {
                self.expr(e)?;
                if built {
                    self.emit(add(1));
                }
            }
        }
        if !built {
            self.emit(build(elts.len() as u32 + pushed));
        }
        if kind == Collection::Tuple {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    fn dict_display(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> CResult {
        let mut have_dict = false;
        let mut start = 0;
        let n = keys.len();
        let mut i = 0;
        while i < n {
            match &keys[i] {
                None => {
                    if i > start {
                        self.subdict(&keys[start..i], &values[start..i])?;
                        if have_dict {
                            self.emit(Instr::DictUpdate(1));
                        }
                        have_dict = true;
                    }
                    if !have_dict {
                        self.emit(Instr::BuildMap(0));
                        have_dict = true;
                    }
                    self.expr(&values[i])?;
                    self.emit(Instr::DictUpdate(1));
                    start = i + 1;
                }
                Some(_) => {
                    if (i - start) * 2 > STACK_USE_GUIDELINE {
                        self.subdict(&keys[start..i], &values[start..i])?;
                        if have_dict {
                            self.emit(Instr::DictUpdate(1));
                        }
                        have_dict = true;
                        start = i;
                    }
                }
            }
            i += 1;
        }
        if n > start {
            self.subdict(&keys[start..n], &values[start..n])?;
            if have_dict {
                self.emit(Instr::DictUpdate(1));
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Instr::BuildMap(0));
        }
        Ok(())
    }

    fn subdict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> CResult {
        let n = keys.len();
        if n > 1 {
            let consts: Option<Vec<Const>> = keys
                .iter()
                .map(|k| k.as_ref().and_then(|k| self.constant_of(k)))
                .collect();
            if let Some(ks) = consts {
                for v in values {
                    self.expr(v)?;
                }
                self.load_const(Const::Tuple(ks));
                self.emit(Instr::BuildConstKeyMap(n as u32));
                return Ok(());
            }
        }
        for (k, v) in keys.iter().zip(values) {
            if let Some(k) = k {
                self.expr(k)?;
            }
            self.expr(v)?;
        }
        self.emit(Instr::BuildMap(n as u32));
        Ok(())
    }

    fn compare_instr(op: CmpOp) -> Instr {
        match op {
            CmpOp::Eq => Instr::Compare(CompareOp::Eq),
            CmpOp::NotEq => Instr::Compare(CompareOp::Ne),
            CmpOp::Lt => Instr::Compare(CompareOp::Lt),
            CmpOp::LtE => Instr::Compare(CompareOp::Le),
            CmpOp::Gt => Instr::Compare(CompareOp::Gt),
            CmpOp::GtE => Instr::Compare(CompareOp::Ge),
            CmpOp::Is => Instr::IsOp(0),
            CmpOp::IsNot => Instr::IsOp(1),
            CmpOp::In => Instr::ContainsOp(0),
            CmpOp::NotIn => Instr::ContainsOp(1),
        }
    }

    /// The right operand of `in`/`not in`: a constant list or set display
    /// becomes a constant tuple or frozenset.
    fn compare_operand(&mut self, op: CmpOp, e: &'a Expr) -> CResult {
        if matches!(op, CmpOp::In | CmpOp::NotIn) {
            match &e.kind {
                ExprKind::List { elts, .. } if !elts.iter().any(is_starred) => {
                    let consts: Option<Vec<Const>> =
                        elts.iter().map(|x| self.constant_of(x)).collect();
                    if let Some(items) = consts {
                        self.load_const(Const::Tuple(items));
                        return Ok(());
                    }
                }
                ExprKind::Set { elts } if !elts.iter().any(is_starred) => {
                    let consts: Option<Vec<Const>> =
                        elts.iter().map(|x| self.constant_of(x)).collect();
                    if let Some(items) = consts {
                        self.load_const(Const::FrozenSet(items));
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        self.expr(e)
    }

    fn compare(&mut self, left: &'a Expr, ops: &[CmpOp], comparators: &'a [Expr]) -> CResult {
        self.expr(left)?;
        let n = ops.len();
        if n == 1 {
            self.compare_operand(ops[0], &comparators[0])?;
            self.emit(Self::compare_instr(ops[0]));
            return Ok(());
        }
        let cleanup = self.new_label();
        self.compare_chain(ops, comparators, cleanup, Instr::JumpIfFalseOrPop)?;
        let end = self.new_label();
        self.jump(Instr::Jump, end);
        self.bind(cleanup);
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopTop);
        self.bind(end);
        Ok(())
    }

    /// `a < b < c` after `a` is on the stack: each intermediate comparison
    /// keeps its right operand for the next one and leaves the chain at
    /// `cleanup` (with `exit`) when false; the last comparison's result is
    /// left on the stack.
    fn compare_chain(
        &mut self,
        ops: &[CmpOp],
        comparators: &'a [Expr],
        cleanup: Label,
        exit: fn(u32) -> Instr,
    ) -> CResult {
        let n = ops.len();
        for i in 0..n - 1 {
            self.compare_operand(ops[i], &comparators[i])?;
            self.emit(Instr::Swap(2));
            self.emit(Instr::Copy(2));
            self.emit(Self::compare_instr(ops[i]));
            self.jump(exit, cleanup);
        }
        self.compare_operand(ops[n - 1], &comparators[n - 1])?;
        self.emit(Self::compare_instr(ops[n - 1]));
        Ok(())
    }

    /// Jumps to `label` when `e` is true (`cond`) or false (`!cond`),
    /// without building intermediate booleans.
    ///
    /// Locations follow CPython's compiler: the jump of a plain test is
    /// located where the enclosing statement or expression is, but a
    /// comparison leaves its own location current for what follows (so an
    /// `assert x < 3` raises at `x < 3`, an `assert f(x)` at the
    /// statement).
    pub(crate) fn jump_if(&mut self, e: &'a Expr, label: Label, cond: bool) -> CResult {
        match &e.kind {
            ExprKind::UnaryOp {
                op: krait_syntax::ast::UnaryOp::Not,
                operand,
            } => return self.jump_if(operand, label, !cond),
            ExprKind::BoolOp { op, values } => {
                let cond2 = *op == BoolOp::Or;
                let next2 = if cond != cond2 {
                    self.new_label()
                } else {
                    label
                };
                let (last, rest) = values.split_last().expect("two or more values");
                for v in rest {
                    self.jump_if(v, next2, cond2)?;
                }
                self.jump_if(last, label, cond)?;
                if next2 != label {
                    self.bind(next2);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if(test, next2, false)?;
                self.jump_if(body, label, cond)?;
                self.jump(Instr::Jump, end);
                self.bind(next2);
                self.jump_if(orelse, label, cond)?;
                self.bind(end);
                return Ok(());
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } if ops.len() > 1 => {
                self.set_loc(e.loc);
                let cleanup = self.new_label();
                self.expr(left)?;
                self.compare_chain(ops, comparators, cleanup, Instr::PopJumpIfFalse)?;
                self.jump(
                    if cond {
                        Instr::PopJumpIfTrue
                    } else {
                        Instr::PopJumpIfFalse
                    },
                    label,
                );
                let end = self.new_label();
                self.jump(Instr::Jump, end);
                self.bind(cleanup);
                self.emit(Instr::PopTop);
                if !cond {
                    self.jump(Instr::Jump, label);
                }
                self.bind(end);
                return Ok(());
            }
            // `x is None` and `x is not None` jump on the value itself, as
            // CPython's peephole pass makes them.
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } if matches!(ops[..], [CmpOp::Is | CmpOp::IsNot])
                && matches!(
                    comparators[0].kind,
                    ExprKind::Constant {
                        value: Constant::None,
                        ..
                    }
                ) =>
            {
                self.set_loc(e.loc);
                self.expr(left)?;
                self.set_loc(e.loc);
                let jump = if (ops[0] == CmpOp::Is) == cond {
                    Instr::PopJumpIfNone
                } else {
                    Instr::PopJumpIfNotNone
                };
                self.jump(jump, label);
                return Ok(());
            }
            ExprKind::Compare { .. } => {
                self.set_loc(e.loc);
            }
            _ => {}
        }
        self.expr(e)?;
        self.jump(
            if cond {
                Instr::PopJumpIfTrue
            } else {
                Instr::PopJumpIfFalse
            },
            label,
        );
        Ok(())
    }

    fn call(
        &mut self,
        e: &'a Expr,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CResult {
        // `obj.method(...)`: no bound method object is made.
        if let ExprKind::Attribute {
            value,
            attr,
            ctx: ExprContext::Load,
        } = &func.kind
        {
            let plain = !args.iter().any(is_starred)
                && !keywords.iter().any(|k| k.arg.is_none())
                && args.len() + keywords.len() < STACK_USE_GUIDELINE;
            if plain {
                self.expr(value)?;
                let i = self.add_mangled_name(attr);
                self.set_loc(func.loc);
                self.emit(Instr::LoadMethod(i));
                for a in args {
                    self.expr(a)?;
                }
                for k in keywords {
                    self.expr(&k.value)?;
                }
                self.set_loc(e.loc);
                self.finish_call(args.len() as u32, keywords);
                return Ok(());
            }
        }
        self.emit(Instr::PushNull);
        self.expr(func)?;
        self.call_helper(0, args, keywords)
    }

    fn finish_call(&mut self, nargs: u32, keywords: &'a [Keyword]) {
        if keywords.is_empty() {
            self.emit(Instr::Call(nargs));
        } else {
            let names: Vec<Const> = keywords
                .iter()
                .map(|k| Const::Str(k.arg.as_deref().unwrap_or("").into()))
                .collect();
            self.load_const(Const::Tuple(names));
            self.emit(Instr::CallKw(nargs + keywords.len() as u32));
        }
    }

    /// Arguments of a call whose callable (and NULL) are on the stack, with
    /// `pushed` positional arguments already there.
    pub(crate) fn call_helper(
        &mut self,
        pushed: u32,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CResult {
        let loc = self.u().loc;
        let simple = !args.iter().any(is_starred)
            && !keywords.iter().any(|k| k.arg.is_none())
            && args.len() + keywords.len() + (pushed as usize) < STACK_USE_GUIDELINE;
        if simple {
            for a in args {
                self.expr(a)?;
            }
            for k in keywords {
                self.expr(&k.value)?;
            }
            self.set_loc(loc);
            self.finish_call(pushed + args.len() as u32, keywords);
            return Ok(());
        }
        // The general form: a tuple of positional arguments and a dict of
        // keyword arguments.
        if pushed == 0 && args.len() == 1 && is_starred(&args[0]) {
            if let ExprKind::Starred { value, .. } = &args[0].kind {
                self.expr(value)?;
            }
        } else {
            self.collection(args, pushed, Collection::Tuple)?;
        }
        let has_kwargs = !keywords.is_empty();
        if has_kwargs {
            let mut have_dict = false;
            let mut group: Vec<&'a Keyword> = Vec::new();
            for k in keywords {
                if k.arg.is_none() {
                    if !group.is_empty() {
                        self.keyword_group(&group)?;
                        if have_dict {
                            self.emit(Instr::DictMerge(1));
                        }
                        have_dict = true;
                        group.clear();
                    }
                    if !have_dict {
                        self.emit(Instr::BuildMap(0));
                        have_dict = true;
                    }
                    self.expr(&k.value)?;
                    self.emit(Instr::DictMerge(1));
                } else {
                    group.push(k);
                }
            }
            if !group.is_empty() {
                self.keyword_group(&group)?;
                if have_dict {
                    self.emit(Instr::DictMerge(1));
                }
            }
        }
        self.set_loc(loc);
        self.emit(Instr::CallFunctionEx(has_kwargs as u32));
        Ok(())
    }

    fn keyword_group(&mut self, group: &[&'a Keyword]) -> CResult {
        for k in group {
            self.load_const(Const::Str(k.arg.as_deref().unwrap_or("").into()));
            self.expr(&k.value)?;
        }
        self.emit(Instr::BuildMap(group.len() as u32));
        Ok(())
    }

    /// `yield from` / `await` on the iterator and the value below it.
    pub(crate) fn yield_from_loop(&mut self) -> CResult {
        let send = self.new_label();
        let exit = self.new_label();
        self.bind(send);
        self.jump(Instr::Send, exit);
        self.emit(Instr::YieldValue(1));
        self.jump(Instr::Jump, send);
        self.bind(exit);
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &'a Expr,
        generators: &'a [Comprehension],
        kind: CompKind,
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> CResult {
        let scope_id = self.table.scope_of_expr(e);
        let scope = &self.table.scopes[scope_id];
        let name = scope.name.clone();
        let is_async_gen = scope.is_coroutine && kind == CompKind::Generator;
        let qualname = self.qualname_for(&name, false);
        self.enter_unit(scope_id, &name, qualname, e.loc.lineno);
        self.u().argcount = 1;
        if kind != CompKind::Generator && scope.is_coroutine {
            // An async comprehension outside a generator is a coroutine.
            self.u().flags &= !flags::GENERATOR;
        }
        match kind {
            CompKind::List => self.emit(Instr::BuildList(0)),
            CompKind::Set => self.emit(Instr::BuildSet(0)),
            CompKind::Dict => self.emit(Instr::BuildMap(0)),
            CompKind::Generator => {}
        }
        self.comprehension_generator(generators, 0, 0, kind, elt, value, is_async_gen)?;
        if kind == CompKind::Generator {
            self.load_const(Const::None);
        }
        self.emit(Instr::ReturnValue);
        let code = self.leave_unit()?;
        let is_coroutine = code.flags & flags::COROUTINE != 0;
        self.set_loc(e.loc);
        self.make_closure(code, 0);
        self.expr(&generators[0].iter)?;
        self.set_loc(e.loc);
        if generators[0].is_async {
            self.emit(Instr::GetAIter);
        } else {
            self.emit(Instr::GetIter);
        }
        self.emit(Instr::Call(0));
        if is_coroutine && kind != CompKind::Generator {
            self.emit(Instr::GetAwaitable(0));
            self.load_const(Const::None);
            self.yield_from_loop()?;
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn comprehension_generator(
        &mut self,
        gens: &'a [Comprehension],
        index: usize,
        depth: u32,
        kind: CompKind,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        is_async_gen: bool,
    ) -> CResult {
        let g = &gens[index];
        let start = self.new_label();
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        if index == 0 {
            self.emit(Instr::LoadFast(0));
        } else {
            self.expr(&g.iter)?;
            self.emit(if g.is_async {
                Instr::GetAIter
            } else {
                Instr::GetIter
            });
        }
        let depth = depth + 1;
        self.bind(start);
        if g.is_async {
            let except = self.new_label();
            self.push_handler(except);
            self.u()
                .blocks
                .push(super::Block::AsyncComprehensionGenerator);
            self.emit(Instr::GetANext);
            self.load_const(Const::None);
            self.yield_from_loop()?;
            self.store_target(&g.target)?;
            for cond in &g.ifs {
                self.jump_if(cond, if_cleanup, false)?;
            }
            self.comprehension_body(gens, index, depth, kind, elt, value, is_async_gen)?;
            self.bind(if_cleanup);
            self.jump(Instr::Jump, start);
            self.u().blocks.pop();
            self.pop_handler();
            self.bind(except);
            self.emit(Instr::EndAsyncFor);
            self.bind(anchor);
            return Ok(());
        }
        self.jump(Instr::ForIter, anchor);
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        self.comprehension_body(gens, index, depth, kind, elt, value, is_async_gen)?;
        self.bind(if_cleanup);
        self.jump(Instr::Jump, start);
        self.bind(anchor);
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn comprehension_body(
        &mut self,
        gens: &'a [Comprehension],
        index: usize,
        depth: u32,
        kind: CompKind,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        is_async_gen: bool,
    ) -> CResult {
        if index + 1 < gens.len() {
            return self.comprehension_generator(
                gens,
                index + 1,
                depth,
                kind,
                elt,
                value,
                is_async_gen,
            );
        }
        match kind {
            CompKind::Generator => {
                self.expr(elt)?;
                if is_async_gen {
                    self.emit(Instr::AsyncGenWrap);
                }
                self.emit(Instr::YieldValue(0));
                self.emit(Instr::PopTop);
            }
            CompKind::List => {
                self.expr(elt)?;
                self.emit(Instr::ListAppend(depth + 1));
            }
            CompKind::Set => {
                self.expr(elt)?;
                self.emit(Instr::SetAdd(depth + 1));
            }
            CompKind::Dict => {
                self.expr(elt)?;
                self.expr(value.expect("a dict comprehension's value"))?;
                self.emit(Instr::MapAdd(depth + 1));
            }
        }
        Ok(())
    }
}
