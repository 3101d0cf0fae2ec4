//! Control flow out of line: `iter()`, the short-circuit jumps, a `for`
//! step, printing an expression statement's value.

use crate::eval::instructions::ForStep;
use crate::eval::{At, Flow};
use crate::object::IterState;
use crate::object::ObjKind;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use krait_compiler::code::Instr;

impl Vm {
    /// `GET_ITER`.
    pub(crate) fn op_get_iter(&mut self) -> PyResult<()> {
        let v = self.pop();
        let it = self.iter(&v)?;
        self.stack.push(it);
        Ok(())
    }

    /// `JUMP_IF_FALSE_OR_POP`.
    pub(crate) fn op_jump_if_false_or_pop(&mut self, t: u32, fi: usize) -> PyResult<()> {
        let _pc = self.frames[fi].pc;
        let v = self.stack.last().cloned().unwrap_or(Value::Null);
        if self.truthy(&v)? {
            self.stack.pop();
        } else {
            self.frames[fi].pc = t as usize;
        }
        Ok(())
    }

    /// `JUMP_IF_TRUE_OR_POP`.
    pub(crate) fn op_jump_if_true_or_pop(&mut self, t: u32, fi: usize) -> PyResult<()> {
        let _pc = self.frames[fi].pc;
        let v = self.stack.last().cloned().unwrap_or(Value::Null);
        if self.truthy(&v)? {
            self.frames[fi].pc = t as usize;
        } else {
            self.stack.pop();
        }
        Ok(())
    }

    /// `PRINT_EXPR`.
    pub(crate) fn op_print_expr(&mut self) -> PyResult<()> {
        let v = self.pop();
        self.display_hook(v)?;
        Ok(())
    }

    /// `FOR_ITER` on iterators the loop does not step itself: pushes the
    /// next item, or pops the iterator at the end. When `unpack2` (the
    /// loop unpacks two targets next) and the iterator makes pairs, the
    /// pair is pushed already unpacked.
    #[inline(never)]
    pub(crate) fn for_iter_step(&mut self, unpack2: bool) -> PyResult<ForStep> {
        let it = self.stack.last().cloned().unwrap_or(Value::Null);
        if unpack2 {
            if let Some(ObjKind::Iter(state)) = it.kind() {
                match crate::objects::iterators::next_pair(self, state)? {
                    crate::objects::iterators::Pair::Two(a, b) => {
                        self.stack.push(b);
                        self.stack.push(a);
                        return Ok(ForStep::Unpacked);
                    }
                    crate::objects::iterators::Pair::Done => {
                        self.stack.pop();
                        return Ok(ForStep::Done);
                    }
                    crate::objects::iterators::Pair::NotPairs => {}
                }
            }
        }
        match self.next(&it)? {
            Some(v) => {
                self.stack.push(v);
                Ok(ForStep::Item)
            }
            None => {
                self.stack.pop();
                Ok(ForStep::Done)
            }
        }
    }

    /// `POP_TOP`.
    #[inline(always)]
    pub(crate) fn op_pop_top(&mut self) -> PyResult<Flow> {
        self.stack.pop();
        self.run_finalizers();
        Ok(Flow::Next)
    }

    /// `COPY n`.
    #[inline(always)]
    pub(crate) fn op_copy(&mut self, n: u32) -> PyResult<Flow> {
        let v = self.stack[self.stack.len() - n as usize].clone();
        self.stack.push(v);
        Ok(Flow::Next)
    }

    /// `SWAP n`.
    #[inline(always)]
    pub(crate) fn op_swap(&mut self, n: u32) -> PyResult<Flow> {
        let l = self.stack.len();
        self.stack.swap(l - 1, l - n as usize);
        Ok(Flow::Next)
    }

    /// `PUSH_NULL`.
    #[inline(always)]
    pub(crate) fn op_push_null(&mut self) -> PyResult<Flow> {
        self.stack.push(Value::Null);
        Ok(Flow::Next)
    }

    /// `POP_JUMP_IF_TRUE t` (`when` true) and `POP_JUMP_IF_FALSE t`.
    #[inline(always)]
    pub(crate) fn op_pop_jump_if(&mut self, pc: &mut usize, t: u32, when: bool) -> PyResult<Flow> {
        let b = match self.pop() {
            Value::Truth(b) => b != 0,
            v => self.truthy(&v)?,
        };
        if b == when {
            self.jump(pc, t)?;
        }
        Ok(Flow::Next)
    }

    /// Jumps to `t`. A backward jump closes a loop: there, Python signal
    /// handlers waiting to run get their turn, and so do other threads
    /// when the running one's time slice is over.
    #[inline(always)]
    pub(crate) fn jump(&mut self, pc: &mut usize, t: u32) -> PyResult<()> {
        if (t as usize) < *pc && crate::signals::break_requested() {
            self.break_at(*pc)?;
        }
        *pc = t as usize;
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn break_at(&mut self, pc: usize) -> PyResult<()> {
        let fi = self.frames.len() - 1;
        self.frames[fi].pc = pc;
        self.on_break()
    }

    /// `POP_JUMP_IF_NONE t` (`when` true) and `POP_JUMP_IF_NOT_NONE t`.
    #[inline(always)]
    pub(crate) fn op_pop_jump_if_none(
        &mut self,
        pc: &mut usize,
        t: u32,
        when: bool,
    ) -> PyResult<Flow> {
        if self.pop().is_none() == when {
            self.jump(pc, t)?;
        }
        Ok(Flow::Next)
    }

    /// `FOR_ITER target`: the next item, or the jump past the loop.
    /// Ranges, lists and dicts step without a call; generators resume in
    /// this loop.
    #[inline(always)]
    pub(crate) fn op_for_iter(&mut self, at: At, pc: &mut usize, target: u32) -> PyResult<Flow> {
        if let Some(ObjKind::Iter(state)) = self.top().kind() {
            let mut st = state.borrow_mut();
            match &mut *st {
                IterState::Range { next, stop, step } if *step == 1 => {
                    let n = *next;
                    if n < *stop {
                        *next = n + 1;
                        drop(st);
                        self.stack.push(Value::Int(n));
                    } else {
                        drop(st);
                        self.stack.pop();
                        *pc = target as usize;
                    }
                    return Ok(Flow::Next);
                }
                IterState::Dict {
                    dict,
                    pos,
                    what,
                    len,
                } if *what < 2 => {
                    let d = crate::objects::dict::dict_cell(dict).borrow();
                    // A changed size is reported by the general path.
                    if d.len() == *len {
                        match d.next_from(*pos) {
                            Some((p, e)) => {
                                *pos = p + 1;
                                let v = if *what == 0 {
                                    e.key.clone()
                                } else {
                                    e.value.clone()
                                };
                                drop(d);
                                drop(st);
                                self.stack.push(v);
                            }
                            None => {
                                *pos = usize::MAX / 2;
                                drop(d);
                                drop(st);
                                self.stack.pop();
                                *pc = target as usize;
                            }
                        }
                        return Ok(Flow::Next);
                    }
                }
                IterState::Seq { seq, index } => {
                    if let Some(ObjKind::List(l)) = seq.kind() {
                        let item = l.borrow().get(*index).cloned();
                        match item {
                            Some(v) => {
                                *index += 1;
                                drop(st);
                                self.stack.push(v);
                            }
                            None => {
                                *st = IterState::Exhausted;
                                drop(st);
                                self.stack.pop();
                                *pc = target as usize;
                            }
                        }
                        return Ok(Flow::Next);
                    }
                }
                _ => {}
            }
        }
        if let Some(ObjKind::Generator(_)) = self.top().kind() {
            self.frames[at.fi].pc = *pc;
            if self.gen_enter_inline() {
                return Ok(Flow::Frame);
            }
        }
        let unpack2 = matches!(at.code.instrs.get(*pc), Some(Instr::UnpackSequence(2)));
        match self.for_iter_step(unpack2)? {
            ForStep::Item => {}
            ForStep::Unpacked => *pc += 1,
            ForStep::Done => *pc = target as usize,
        }
        Ok(Flow::Next)
    }

    /// Every instruction the loop does not run itself (`op_other`), and
    /// where the loop goes on after it.
    #[inline(always)]
    pub(crate) fn op_out_of_line(
        &mut self,
        at: At,
        pc: &mut usize,
        instr: Instr,
    ) -> PyResult<Flow> {
        self.frames[at.fi].pc = *pc;
        self.op_other(instr, at.code, at.fi)?;
        // A call that pushed a frame to run in the loop.
        if self.frames.len() != at.fi + 1 {
            return Ok(Flow::Frame);
        }
        // Jumps taken by out-of-line instructions.
        *pc = self.frames[at.fi].pc;
        Ok(Flow::Next)
    }
}
