//! `with` statements: entering a context manager and calling its
//! `__exit__` on an exception.

use crate::object::ObjKind;
use crate::objects::code::CodeObject;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `BEFORE_WITH`.
    pub(crate) fn op_before_with(&mut self, _code: &CodeObject, fi: usize) -> PyResult<()> {
        let _base = self.frames[fi].base;
        let mgr = self.pop();
        let (exit, enter) = self.with_methods(&mgr)?;
        self.stack.push(exit);
        // A Python `__enter__(self)` runs as a frame of the loop
        // (the loop notices it); its result lands where `entered`
        // goes.
        if let Some(ObjKind::Function(f)) = enter.kind() {
            if f.code.simple_args
                && f.code.code.argcount == 1
                && !f.code.code.is_generator_like()
                && self.depth < self.recursion_limit
            {
                let base = self.stack.len();
                self.stack.push(mgr);
                self.push_new_frame(f, base, base);
                return Ok(());
            }
        }
        let entered = self.call_method_value(&enter, mgr, vec![])?;
        self.stack.push(entered);
        Ok(())
    }

    /// `WITH_EXCEPT_START`.
    pub(crate) fn op_with_except_start(&mut self) -> PyResult<()> {
        let l = self.stack.len();
        let exit = self.stack[l - 3].clone();
        let exc = self.stack[l - 1].clone();
        let ty = self.class_of(&exc).clone();
        let tb = self.traceback_value(&exc);
        let r = self.call(&exit, vec![Value::Obj(ty), exc, tb])?;
        self.stack.push(r);
        Ok(())
    }
}
