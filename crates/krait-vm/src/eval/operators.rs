//! The operators the loop does not run inline: unary operators, `in`,
//! `del x[k]`.

use crate::value::Value;
use crate::vm::{PyResult, Vm};
use krait_compiler::code::UnaryOp;

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
}
