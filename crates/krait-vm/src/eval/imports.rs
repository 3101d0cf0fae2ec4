//! `import` statements: `IMPORT_NAME`, `IMPORT_FROM`, `from m import *`.

use crate::objects::code::CodeObject;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `IMPORT_NAME`.
    pub(crate) fn op_import_name(&mut self, i: u32, code: &CodeObject, fi: usize) -> PyResult<()> {
        let fromlist = self.pop();
        let level = self.pop();
        let name = code.names[i as usize].clone();
        let m = self.import_name(fi, &name, &fromlist, &level)?;
        self.stack.push(m);
        Ok(())
    }

    /// `IMPORT_FROM`.
    pub(crate) fn op_import_from(&mut self, i: u32, code: &CodeObject) -> PyResult<()> {
        let m = self.stack.last().cloned().unwrap_or(Value::Null);
        let v = self.import_from(&m, &code.names[i as usize])?;
        self.stack.push(v);
        Ok(())
    }

    /// `IMPORT_STAR`.
    pub(crate) fn op_import_star(&mut self, fi: usize) -> PyResult<()> {
        let m = self.pop();
        let locals = self.frames[fi].locals.clone();
        self.import_star(&m, &locals)?;
        Ok(())
    }
}
