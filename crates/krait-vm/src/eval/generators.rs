//! Generators and coroutines: `send`, `yield from`/`await` iterators, async
//! iteration and `async with`.

use crate::eval::{At, Flow};
use crate::object::ObjKind;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_compiler::code::Instr;

impl Vm {
    /// `SEND`.
    pub(crate) fn op_send(&mut self, target: u32, fi: usize) -> PyResult<()> {
        let _pc = self.frames[fi].pc;
        let v = self.pop();
        let it = self.stack.last().cloned().unwrap_or(Value::Null);
        match self.send_into(&it, v)? {
            crate::objects::generator::Sent::Yielded(x) => self.stack.push(x),
            crate::objects::generator::Sent::Returned(r) => {
                self.stack.pop();
                self.stack.push(r);
                self.frames[fi].pc = target as usize;
            }
        }
        Ok(())
    }

    /// `GET_YIELD_FROM_ITER`.
    pub(crate) fn op_get_yield_from_iter(&mut self) -> PyResult<()> {
        let v = self.pop();
        let it = self.yield_from_iter(v)?;
        self.stack.push(it);
        Ok(())
    }

    /// `GET_AWAITABLE`.
    pub(crate) fn op_get_awaitable(&mut self, n: u32) -> PyResult<()> {
        let v = self.pop();
        let what = self.type_name(&v);
        let Some(it) = self.awaitable_iter(v)? else {
            return Err(self.type_error(match n {
                1 => format!("'async with' received an object from __aenter__ that does not implement __await__: {what}"),
                2 => format!("'async with' received an object from __aexit__ that does not implement __await__: {what}"),
                _ => format!("object {what} can't be used in 'await' expression"),
            }));
        };
        self.stack.push(it);
        Ok(())
    }

    /// `GET_A_ITER`.
    pub(crate) fn op_get_aiter(&mut self) -> PyResult<()> {
        let v = self.pop();
        let it = self.get_aiter(&v, crate::objects::asyncgen::AiterCaller::AsyncFor)?;
        self.stack.push(it);
        Ok(())
    }

    /// `GET_A_NEXT`.
    pub(crate) fn op_get_anext(&mut self) -> PyResult<()> {
        let it = self.stack.last().cloned().unwrap_or(Value::None);
        let awaitable = self.get_anext(&it)?;
        self.stack.push(awaitable);
        Ok(())
    }

    /// `BEFORE_ASYNC_WITH`.
    pub(crate) fn op_before_async_with(&mut self) -> PyResult<()> {
        let mgr = self.pop();
        let (exit, entered) = self.before_async_with(&mgr)?;
        self.stack.push(exit);
        self.stack.push(entered);
        Ok(())
    }

    /// `ASYNC_GEN_WRAP`.
    pub(crate) fn op_async_gen_wrap(&mut self) -> PyResult<()> {
        let v = self.pop();
        let ty = self.types.async_generator_wrapped_value.clone();
        self.stack
            .push(Value::Obj(Obj::new(ty, ObjKind::AsyncGenValue(v))));
        Ok(())
    }

    /// `SEND target`: a generator resumes in this loop when it can.
    #[inline(always)]
    pub(crate) fn op_send_inline(
        &mut self,
        at: At,
        pc: &mut usize,
        instr: Instr,
    ) -> PyResult<Flow> {
        self.frames[at.fi].pc = *pc;
        if self.gen_send_inline() {
            return Ok(Flow::Frame);
        }
        self.op_other(instr, at.code, at.fi)?;
        *pc = self.frames[at.fi].pc;
        Ok(Flow::Next)
    }

    /// `YIELD_VALUE`: a generator run in its caller's loop suspends and the
    /// caller goes on; otherwise the loop leaves with the frame.
    #[inline(always)]
    pub(crate) fn op_yield_value(&mut self, fi: usize, pc: usize) -> PyResult<Flow> {
        let v = self.pop();
        self.frames[fi].pc = pc;
        if self.frames[fi].gen.is_none() {
            return Ok(Flow::Yield(v));
        }
        let frame = self.pop_frame();
        self.gen_suspend_inline(frame);
        // After `gen.send(v)` the yielded value is the call's result, in
        // place of the generator.
        if let Instr::Call(_) = self.resuming_instr() {
            self.stack.pop();
        }
        self.stack.push(v);
        Ok(Flow::Frame)
    }

    /// `END_ASYNC_FOR`, the `async for` loop's handler: StopAsyncIteration
    /// ends the loop, anything else goes on.
    #[inline(always)]
    pub(crate) fn op_end_async_for(&mut self, fi: usize, pc: usize) -> PyResult<Flow> {
        let e = self.pop();
        self.pop();
        self.frames[fi].pc = pc;
        if let Value::Obj(e) = e {
            if !e.class().is_subtype(&self.exc.stop_async_iteration) {
                return Ok(Flow::Raise(e, true));
            }
        }
        Ok(Flow::Next)
    }
}
