//! Code generation for `match` statements.
//!
//! A pattern consumes the subject on top of the stack. Captured values are
//! not stored as they are found: they are kept on the stack, below the
//! items still being matched, and stored only once the whole pattern has
//! matched. A failing check jumps to a "fail pop" label that pops exactly
//! the items on the stack at that point.

use super::{CResult, Compiler, Label};
use crate::code::*;
use krait_syntax::ast::*;

#[derive(Default)]
struct PatternContext {
    /// Names captured so far, their values on the stack (newest deepest).
    stores: Vec<String>,
    /// `fail_pop[n]` pops n items and goes on to `fail_pop[n - 1]`.
    fail_pop: Vec<Label>,
    /// Items on the stack above the captures that a failure must pop.
    on_top: u32,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(
        p.kind,
        PatternKind::MatchAs {
            pattern: None,
            name: None
        }
    )
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p.kind, PatternKind::MatchStar { name: None })
}

impl<'a> Compiler<'a> {
    pub(crate) fn match_stmt(&mut self, subject: &'a Expr, cases: &'a [MatchCase]) -> CResult {
        self.expr(subject)?;
        let end = self.new_label();
        let n = cases.len();
        let has_default = n > 1 && is_wildcard(&cases[n - 1].pattern);
        let last_checked = n - has_default as usize;
        for (i, case) in cases[..last_checked].iter().enumerate() {
            self.set_loc(case.pattern.loc);
            if i + 1 != last_checked {
                self.emit(Instr::Copy(1));
            }
            let mut pc = PatternContext::default();
            self.pattern(&case.pattern, &mut pc)?;
            for name in std::mem::take(&mut pc.stores) {
                self.store_name(&name);
            }
            if let Some(guard) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let fail = pc.fail_pop[0];
                self.jump_if(guard, fail, false)?;
            }
            if i + 1 != last_checked {
                self.emit(Instr::PopTop);
            }
            self.stmts(&case.body)?;
            self.jump(Instr::Jump, end);
            self.set_loc(case.pattern.loc);
            self.emit_fail_pops(&mut pc);
        }
        if has_default {
            let case = &cases[n - 1];
            self.set_loc(case.pattern.loc);
            if n == 1 {
                self.emit(Instr::PopTop);
            } else {
                self.emit(Instr::Nop);
            }
            if let Some(guard) = &case.guard {
                self.jump_if(guard, end, false)?;
            }
            self.stmts(&case.body)?;
        }
        self.bind(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: u32) {
        while pc.fail_pop.len() <= n as usize {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
    }

    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, make: fn(u32) -> Instr) {
        let pops = pc.on_top + pc.stores.len() as u32;
        self.ensure_fail_pop(pc, pops);
        let l = pc.fail_pop[pops as usize];
        self.jump(make, l);
    }

    fn emit_fail_pops(&mut self, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for k in (1..pc.fail_pop.len()).rev() {
            self.bind(pc.fail_pop[k]);
            self.emit(Instr::PopTop);
        }
        self.bind(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    /// Moves the top of the stack down to position `count` from the top.
    fn rotate(&mut self, mut count: u32) {
        while count > 1 {
            self.emit(Instr::Swap(count));
            count -= 1;
        }
    }

    fn store_capture(&mut self, name: Option<&str>, pc: &mut PatternContext) {
        match name {
            None => self.emit(Instr::PopTop),
            Some(n) => {
                let rotations = pc.on_top + pc.stores.len() as u32 + 1;
                self.rotate(rotations);
                pc.stores.push(n.to_owned());
            }
        }
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult {
        let saved = self.set_loc(p.loc);
        let r = self.pattern_inner(p, pc);
        self.set_loc(saved);
        r
    }

    fn pattern_inner(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult {
        match &p.kind {
            PatternKind::MatchValue { value } => {
                self.expr(value)?;
                self.emit(Instr::Compare(CompareOp::Eq));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
            }
            PatternKind::MatchSingleton { value } => {
                self.load_const(crate::fold::constant(value));
                self.emit(Instr::IsOp(0));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
            }
            PatternKind::MatchAs { pattern, name } => match pattern {
                None => self.store_capture(name.as_deref(), pc),
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit(Instr::Copy(1));
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.store_capture(name.as_deref(), pc);
                }
            },
            PatternKind::MatchStar { name } => self.store_capture(name.as_deref(), pc),
            PatternKind::MatchSequence { patterns } => self.sequence_pattern(patterns, pc)?,
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => self.mapping_pattern(keys, patterns, rest.as_deref(), pc)?,
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                self.expr(cls)?;
                let names: Vec<Const> = kwd_attrs
                    .iter()
                    .map(|a| Const::Str(a.as_str().into()))
                    .collect();
                let nargs = patterns.len() as u32;
                let total = nargs + kwd_attrs.len() as u32;
                self.load_const(Const::Tuple(names));
                self.set_loc(p.loc);
                self.emit(Instr::MatchClass(nargs));
                self.emit(Instr::Copy(1));
                self.load_const(Const::None);
                self.emit(Instr::IsOp(1));
                pc.on_top += 1;
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
                self.emit(Instr::UnpackSequence(total));
                pc.on_top += total;
                pc.on_top -= 1;
                for sub in patterns.iter().chain(kwd_patterns) {
                    pc.on_top -= 1;
                    if is_wildcard(sub) {
                        self.emit(Instr::PopTop);
                        continue;
                    }
                    self.pattern(sub, pc)?;
                }
            }
            PatternKind::MatchOr { patterns } => self.or_pattern(patterns, pc)?,
        }
        Ok(())
    }

    fn sequence_pattern(&mut self, patterns: &'a [Pattern], pc: &mut PatternContext) -> CResult {
        let size = patterns.len();
        let star = patterns
            .iter()
            .position(|q| matches!(q.kind, PatternKind::MatchStar { .. }));
        let only_wildcard = patterns
            .iter()
            .all(|q| is_wildcard(q) || is_star_wildcard(q));
        let star_wildcard = star.is_some_and(|i| is_star_wildcard(&patterns[i]));
        pc.on_top += 1;
        self.emit(Instr::MatchSequence);
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
        match star {
            None => {
                self.emit(Instr::GetLen);
                self.load_const(Const::Int(size as i64));
                self.emit(Instr::Compare(CompareOp::Eq));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
            }
            Some(_) if size > 1 => {
                self.emit(Instr::GetLen);
                self.load_const(Const::Int(size as i64 - 1));
                self.emit(Instr::Compare(CompareOp::Ge));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Instr::PopTop);
        } else if star_wildcard {
            // Index the subject instead of unpacking all of it.
            let star = star.unwrap_or(size);
            pc.on_top += 1;
            for (i, q) in patterns.iter().enumerate() {
                if is_wildcard(q) || i == star {
                    continue;
                }
                self.emit(Instr::Copy(1));
                if i < star {
                    self.load_const(Const::Int(i as i64));
                } else {
                    self.emit(Instr::GetLen);
                    self.load_const(Const::Int((size - i) as i64));
                    self.emit(Instr::BinaryOp(BinOp::Subtract));
                }
                self.emit(Instr::BinarySubscr);
                self.pattern(q, pc)?;
            }
            pc.on_top -= 1;
            self.emit(Instr::PopTop);
        } else {
            match star {
                Some(s) => self.emit(Instr::UnpackEx(s as u32 | ((size - s - 1) as u32) << 8)),
                None => self.emit(Instr::UnpackSequence(size as u32)),
            }
            pc.on_top += size as u32;
            for q in patterns {
                pc.on_top -= 1;
                self.pattern(q, pc)?;
            }
        }
        Ok(())
    }

    fn mapping_pattern(
        &mut self,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        rest: Option<&str>,
        pc: &mut PatternContext,
    ) -> CResult {
        let size = keys.len() as u32;
        pc.on_top += 1;
        self.emit(Instr::MatchMapping);
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
        if size == 0 && rest.is_none() {
            pc.on_top -= 1;
            self.emit(Instr::PopTop);
            return Ok(());
        }
        if size > 0 {
            self.emit(Instr::GetLen);
            self.load_const(Const::Int(size as i64));
            self.emit(Instr::Compare(CompareOp::Ge));
            self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
        }
        for k in keys {
            self.expr(k)?;
        }
        self.emit(Instr::BuildTuple(size));
        self.emit(Instr::MatchKeys);
        pc.on_top += 2;
        self.emit(Instr::Copy(1));
        self.load_const(Const::None);
        self.emit(Instr::IsOp(1));
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
        self.emit(Instr::UnpackSequence(size));
        pc.on_top += size;
        pc.on_top -= 1;
        for q in patterns {
            pc.on_top -= 1;
            self.pattern(q, pc)?;
        }
        pc.on_top -= 2;
        match rest {
            Some(name) => {
                // subject, keys -> rest
                self.emit(Instr::CopyDictWithoutKeys);
                self.store_capture(Some(name), pc);
            }
            None => {
                self.emit(Instr::PopTop);
                self.emit(Instr::PopTop);
            }
        }
        Ok(())
    }

    fn or_pattern(&mut self, alts: &'a [Pattern], pc: &mut PatternContext) -> CResult {
        let end = self.new_label();
        let mut control: Option<Vec<String>> = None;
        let outer_stores = std::mem::take(&mut pc.stores);
        let outer_fail_pop = std::mem::take(&mut pc.fail_pop);
        let outer_on_top = pc.on_top;
        for alt in alts {
            self.set_loc(alt.loc);
            pc.stores = Vec::new();
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Instr::Copy(1));
            self.pattern(alt, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctrl) => {
                    // Reorder this alternative's captures on the stack to
                    // the first alternative's order.
                    let n = ctrl.len();
                    for icontrol in (0..n).rev() {
                        let name = &ctrl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            continue;
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            for (k, r) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, r);
                            }
                            for _ in 0..rotations {
                                self.rotate(icontrol as u32 + 1);
                            }
                        }
                    }
                }
            }
            self.jump(Instr::Jump, end);
            self.emit_fail_pops(pc);
        }
        pc.stores = outer_stores;
        pc.fail_pop = outer_fail_pop;
        pc.on_top = outer_on_top;
        // No alternative matched: pop the subject and fail.
        self.emit(Instr::PopTop);
        self.jump_to_fail_pop(pc, Instr::Jump);
        self.bind(end);
        let control = control.unwrap_or_default();
        let nrots = control.len() as u32 + 1 + pc.on_top + pc.stores.len() as u32;
        for name in control {
            self.rotate(nrots);
            pc.stores.push(name);
        }
        self.emit(Instr::PopTop);
        Ok(())
    }
}
