//! Attribute instructions: `LOAD_ATTR`, `STORE_ATTR`, `LOAD_METHOD`, each
//! through its inline cache first.

use crate::eval::{At, Flow};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use krait_compiler::code::Instr;

impl Vm {
    /// `LOAD_ATTR i` on the object on top of the stack.
    #[inline(always)]
    pub(crate) fn op_load_attr(&mut self, at: At, pc: usize, i: u32) -> PyResult<Flow> {
        let cache = &at.code.caches[pc - 1];
        let name = &at.code.names[i as usize];
        // An instance attribute where the cache says: the object on top is
        // replaced in place, without a call.
        let hit = match self.top() {
            Value::Obj(o) => crate::eval::cache::instance_attr_hit(cache, o, name),
            _ => None,
        };
        if let Some(v) = hit {
            if let Some(top) = self.stack.last_mut() {
                *top = v;
            }
            return Ok(Flow::Next);
        }
        if cache.kind.get() == crate::objects::code::cache_kind::PROPERTY
            && self.property_inline(cache)
        {
            self.frames[at.fi].pc = pc;
            return Ok(Flow::Frame);
        }
        let obj = self.pop();
        let v = self.load_attr_cached(cache, &obj, name)?;
        self.stack.push(v);
        Ok(Flow::Next)
    }

    /// `LOAD_FAST a; LOAD_ATTR i`.
    #[inline(always)]
    pub(crate) fn op_load_fast_load_attr(
        &mut self,
        at: At,
        pc: &mut usize,
        a: u32,
    ) -> PyResult<Flow> {
        self.op_load_fast(at, a)?;
        let Instr::LoadAttr(i) = at.code.instrs[*pc] else {
            unreachable!("fused before a LOAD_ATTR")
        };
        *pc += 1;
        self.op_load_attr(at, *pc, i)
    }

    /// `STORE_ATTR i`: `obj.name = v`.
    #[inline(always)]
    pub(crate) fn op_store_attr(&mut self, at: At, pc: usize, i: u32) -> PyResult<Flow> {
        let obj = self.pop();
        let v = self.pop();
        let cache = &at.code.caches[pc - 1];
        let name = &at.code.names[i as usize];
        let v = match &obj {
            Value::Obj(o) => match crate::eval::cache::instance_store_hit(cache, o, name, v) {
                Ok(()) => return Ok(Flow::Next),
                Err(v) => v,
            },
            _ => v,
        };
        self.store_attr_cached(cache, &obj, name, v)?;
        Ok(Flow::Next)
    }

    /// `LOAD_METHOD i`: the method and its receiver (or a null and the
    /// attribute).
    #[inline(always)]
    pub(crate) fn op_load_method(&mut self, at: At, pc: usize, i: u32) -> PyResult<Flow> {
        let obj = self.pop();
        let (m, recv) =
            self.load_method_cached(&at.code.caches[pc - 1], obj, &at.code.names[i as usize])?;
        self.stack.push(m);
        self.stack.push(recv);
        Ok(Flow::Next)
    }
}
