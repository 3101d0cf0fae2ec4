//! Control flow out of line: `iter()`, the short-circuit jumps, a `for`
//! step, printing an expression statement's value.

use crate::eval::instructions::ForStep;
use crate::object::ObjKind;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

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
    pub(crate) fn op_for_iter(&mut self, unpack2: bool) -> PyResult<ForStep> {
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
}
