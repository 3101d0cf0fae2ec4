//! Generators and coroutines: `send`, `yield from`/`await` iterators, async
//! iteration and `async with`.

use crate::object::ObjKind;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

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
}
