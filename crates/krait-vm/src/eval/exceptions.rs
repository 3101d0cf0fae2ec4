//! Handling and raising exceptions: the handler stack, `except` and
//! `except*` matching, `raise`.

use crate::eval::Flow;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `PUSH_EXC_INFO`.
    pub(crate) fn op_push_exc_info(&mut self) -> PyResult<()> {
        let exc = self.pop();
        let prev = std::mem::replace(&mut self.exc_info, exc.clone());
        self.stack.push(prev);
        self.stack.push(exc);
        Ok(())
    }

    /// `POP_EXCEPT`.
    pub(crate) fn op_pop_except(&mut self) -> PyResult<()> {
        let prev = self.pop();
        self.exc_info = prev;
        Ok(())
    }

    /// `CHECK_EXC_MATCH`.
    pub(crate) fn op_check_exc_match(&mut self) -> PyResult<()> {
        let ty = self.pop();
        let exc = self.stack.last().cloned().unwrap_or(Value::Null);
        let m = self.exception_matches(&exc, &ty)?;
        self.stack.push(Value::Bool(m));
        Ok(())
    }

    /// `CHECK_EG_MATCH`.
    pub(crate) fn op_check_eg_match(&mut self) -> PyResult<()> {
        let ty = self.pop();
        let exc = self.pop();
        match self.except_star_match(&exc, &ty)? {
            None => {
                self.stack.push(exc);
                self.stack.push(Value::None);
            }
            Some((matched, rest)) => {
                self.stack.push(rest);
                self.stack.push(matched.clone());
                self.exc_info = matched;
            }
        }
        Ok(())
    }

    /// `PREP_RERAISE_STAR`.
    pub(crate) fn op_prep_reraise_star(&mut self) -> PyResult<()> {
        let excs = self.pop();
        let orig = self.pop();
        let r = self.prep_reraise_star(&orig, &excs)?;
        self.stack.push(r);
        Ok(())
    }

    /// `LOAD_ASSERTION_ERROR`.
    pub(crate) fn op_load_assertion_error(&mut self) -> PyResult<()> {
        self.stack
            .push(Value::Obj(self.exc.assertion_error.clone()));
        Ok(())
    }

    /// `RAISE_VARARGS`: the exception to raise (or the error in making
    /// it).
    #[inline(never)]
    pub(crate) fn op_raise(&mut self, n: u32) -> Obj {
        let cause = if n == 2 { Some(self.pop()) } else { None };
        let exc = if n >= 1 { Some(self.pop()) } else { None };
        match exc {
            None => match self.current_exception() {
                Value::Obj(e) => e,
                _ => self.runtime_error("No active exception to reraise"),
            },
            Some(e) => match self.make_raisable(e, cause) {
                Ok(e) => {
                    self.set_context(&e);
                    e
                }
                Err(e) => e,
            },
        }
    }

    /// `RAISE_VARARGS n`. A bare `raise` (n = 0) of the exception being
    /// handled re-raises it as it is: its line joins no traceback, as in
    /// CPython (the RuntimeError for no exception is raised here as new).
    #[inline(always)]
    pub(crate) fn op_raise_varargs(&mut self, fi: usize, pc: usize, n: u32) -> PyResult<Flow> {
        self.frames[fi].pc = pc;
        let reraise = n == 0 && matches!(self.current_exception(), Value::Obj(_));
        Ok(Flow::Raise(self.op_raise(n), reraise))
    }

    /// `RERAISE`: the exception on top goes on unwinding.
    #[inline(always)]
    pub(crate) fn op_reraise(&mut self, fi: usize, pc: usize) -> PyResult<Flow> {
        let e = self.pop();
        self.frames[fi].pc = pc;
        match e {
            Value::Obj(e) => Ok(Flow::Raise(e, true)),
            _ => Err(self.runtime_error("No active exception to reraise")),
        }
    }
}
