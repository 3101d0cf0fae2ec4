//! Operators: `BINARY_OP` (ints and floats inline) and its fused forms,
//! comparisons and the compare-and-jump forms, `is`, `in`, unary
//! operators, subscription and slicing.

use crate::eval::{fast_float_op, At, Flow};
use crate::objects::int::fast_op;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use krait_compiler::code::{BinOp, CompareOp, Instr, UnaryOp};

impl Vm {
    /// `UNARY`.
    pub(crate) fn op_unary(&mut self, op: UnaryOp) -> PyResult<()> {
        let v = self.pop();
        let r = match op {
            UnaryOp::Not => Value::Bool(!self.truthy(&v)?),
            UnaryOp::Negative => self.unary_negative(&v)?,
            UnaryOp::Positive => self.unary_positive(&v)?,
            UnaryOp::Invert => self.unary_invert(&v)?,
        };
        self.stack.push(r);
        Ok(())
    }

    /// `CONTAINS_OP`.
    pub(crate) fn op_contains_op(&mut self, inv: u32) -> PyResult<()> {
        let container = self.pop();
        let item = self.pop();
        let r = self.contains(&container, &item)?;
        self.stack.push(Value::Bool(r != (inv == 1)));
        Ok(())
    }

    /// `DELETE_SUBSCR`.
    pub(crate) fn op_delete_subscr(&mut self) -> PyResult<()> {
        let key = self.pop();
        let container = self.pop();
        self.delitem(&container, &key)?;
        Ok(())
    }

    /// `BINARY_OP op` on `a` and `b`: ints and floats inline, a Python
    /// operator method in this loop, or the full dispatch.
    #[inline(always)]
    fn binary_op_values(
        &mut self,
        at: At,
        pc: usize,
        op: BinOp,
        a: Value,
        b: Value,
    ) -> PyResult<Flow> {
        let r = match (&a, &b) {
            (Value::Int(x), Value::Int(y)) => match fast_op(op, *x, *y) {
                Some(v) => v,
                None => self.binary_op(op, &a, &b)?,
            },
            (Value::FloatBits(x), Value::FloatBits(y)) => {
                match fast_float_op(op, f64::from_bits(*x), f64::from_bits(*y)) {
                    Some(v) => Value::Float(v),
                    None => self.binary_op(op, &a, &b)?,
                }
            }
            _ => {
                if self.binop_inline(op, &a, &b) {
                    self.frames[at.fi].pc = pc;
                    return Ok(Flow::Frame);
                }
                self.binary_op(op, &a, &b)?
            }
        };
        self.stack.push(r);
        Ok(Flow::Next)
    }

    /// `BINARY_OP op`.
    #[inline(always)]
    pub(crate) fn op_binary_op(&mut self, at: At, pc: usize, op: BinOp) -> PyResult<Flow> {
        let b = self.pop();
        let a = self.pop();
        self.binary_op_values(at, pc, op, a, b)
    }

    /// `LOAD_CONST c; BINARY_OP op`.
    #[inline(always)]
    pub(crate) fn op_binary_op_const(
        &mut self,
        at: At,
        pc: &mut usize,
        op: BinOp,
        c: u32,
    ) -> PyResult<Flow> {
        let b = at.code.consts[c as usize].clone();
        let a = self.pop();
        *pc += 1;
        self.binary_op_values(at, *pc, op, a, b)
    }

    /// A local for an operand, or the error for an unbound one.
    #[inline(always)]
    fn local_operand(&self, at: At, l: u16) -> PyResult<Value> {
        let v = self.stack[at.base + l as usize].clone();
        if v.is_null() {
            return Err(self.unbound_local(&at.code.code.varnames[l as usize]));
        }
        Ok(v)
    }

    /// `LOAD_FAST l; BINARY_OP op`.
    #[inline(always)]
    pub(crate) fn op_load_fast_binary_op(
        &mut self,
        at: At,
        pc: &mut usize,
        l: u16,
        op: BinOp,
    ) -> PyResult<Flow> {
        let b = self.local_operand(at, l)?;
        let a = self.pop();
        *pc += 1;
        self.binary_op_values(at, *pc, op, a, b)
    }

    /// `LOAD_FAST l; LOAD_CONST c; BINARY_OP op`.
    #[inline(always)]
    pub(crate) fn op_load_fast_const_binary_op(
        &mut self,
        at: At,
        pc: &mut usize,
        l: u16,
        c: u16,
        op: BinOp,
    ) -> PyResult<Flow> {
        let a = self.local_operand(at, l)?;
        let b = at.code.consts[c as usize].clone();
        *pc += 2;
        self.binary_op_values(at, *pc, op, a, b)
    }

    /// `LOAD_FAST l; LOAD_FAST m; BINARY_OP op`.
    #[inline(always)]
    pub(crate) fn op_load_fast_load_fast_binary_op(
        &mut self,
        at: At,
        pc: &mut usize,
        l: u16,
        m: u16,
        op: BinOp,
    ) -> PyResult<Flow> {
        let a = self.local_operand(at, l)?;
        *pc += 1;
        let b = self.local_operand(at, m)?;
        *pc += 1;
        self.binary_op_values(at, *pc, op, a, b)
    }

    /// `BINARY_OP op; STORE_FAST l`.
    #[inline(always)]
    pub(crate) fn op_binary_op_store_fast(
        &mut self,
        at: At,
        pc: &mut usize,
        op: BinOp,
        l: u32,
    ) -> PyResult<Flow> {
        let b = self.pop();
        let a = self.pop();
        match self.binary_op_values(at, *pc, op, a, b)? {
            Flow::Next => {}
            // The operator runs in a frame of its own; the store then runs
            // by itself when it returns.
            other => return Ok(other),
        }
        let v = self.pop();
        *pc += 1;
        self.stack[at.base + l as usize] = v;
        Ok(Flow::Next)
    }

    /// `COMPARE op`.
    #[inline(always)]
    pub(crate) fn op_compare(&mut self, op: CompareOp) -> PyResult<Flow> {
        let b = self.pop();
        let a = self.pop();
        let r = match (&a, &b) {
            (Value::Int(x), Value::Int(y)) => Value::Bool(op.holds(x, y)),
            _ => self.compare(op, &a, &b)?,
        };
        self.stack.push(r);
        Ok(Flow::Next)
    }

    /// `COMPARE op` then a conditional jump to `t`, taken when the result's
    /// truth is `when`.
    #[inline(always)]
    pub(crate) fn op_compare_jump(
        &mut self,
        pc: &mut usize,
        op: CompareOp,
        t: u32,
        when: bool,
    ) -> PyResult<Flow> {
        let b = self.pop();
        let a = self.pop();
        let truth = match (&a, &b) {
            (Value::Int(x), Value::Int(y)) => {
                *pc += 1;
                op.holds(x, y)
            }
            _ => {
                let r = self.compare(op, &a, &b)?;
                // The truth test belongs to the jump.
                *pc += 1;
                match r {
                    Value::Truth(b) => b != 0,
                    v => self.truthy(&v)?,
                }
            }
        };
        if truth == when {
            self.jump(pc, t)?;
        }
        Ok(Flow::Next)
    }

    /// `IS_OP inv`.
    #[inline(always)]
    pub(crate) fn op_is_op(&mut self, inv: u32) -> PyResult<Flow> {
        let b = self.pop();
        let a = self.pop();
        self.stack.push(Value::Bool(a.is(&b) != (inv == 1)));
        Ok(Flow::Next)
    }

    /// `BINARY_SUBSCR`: `container[key]`.
    #[inline(always)]
    pub(crate) fn op_binary_subscr(&mut self) -> PyResult<Flow> {
        let key = self.pop();
        let container = self.pop();
        let v = match self.sequence_item(&container, &key) {
            Some(v) => v,
            None => self.getitem(&container, &key)?,
        };
        self.stack.push(v);
        Ok(Flow::Next)
    }

    /// `STORE_SUBSCR`: `container[key] = v`.
    #[inline(always)]
    pub(crate) fn op_store_subscr(&mut self) -> PyResult<Flow> {
        let key = self.pop();
        let container = self.pop();
        let v = self.pop();
        if let Some(v) = self.store_list_item(&container, &key, v) {
            self.setitem(&container, key, v)?;
        }
        Ok(Flow::Next)
    }

    /// `BUILD_SLICE n; BINARY_SUBSCR`: plain slices of lists, tuples and
    /// strs without a slice object.
    #[inline(always)]
    pub(crate) fn op_slice_subscr(&mut self, at: At, pc: &mut usize, n: u32) -> PyResult<Flow> {
        let (l, k) = (self.stack.len(), n as usize);
        match self.slice_now(&self.stack[l - k - 1], &self.stack[l - k..]) {
            Some(v) => {
                self.stack.truncate(l - k - 1);
                self.stack.push(v);
                *pc += 1;
            }
            // The slice object, then the subscription on its own.
            None => {
                self.frames[at.fi].pc = *pc;
                self.op_other(Instr::BuildSlice(n), at.code, at.fi)?;
            }
        }
        Ok(Flow::Next)
    }

    /// `BUILD_SLICE n; STORE_SUBSCR`.
    #[inline(always)]
    pub(crate) fn op_slice_store(&mut self, at: At, pc: &mut usize, n: u32) -> PyResult<Flow> {
        let (l, k) = (self.stack.len(), n as usize);
        if self.store_slice_now(
            &self.stack[l - k - 1],
            &self.stack[l - k..],
            &self.stack[l - k - 2],
        ) {
            self.stack.truncate(l - k - 2);
            *pc += 1;
        } else {
            self.frames[at.fi].pc = *pc;
            self.op_other(Instr::BuildSlice(n), at.code, at.fi)?;
        }
        Ok(Flow::Next)
    }
}
