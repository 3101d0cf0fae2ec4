//! Loading, storing and deleting names: fast locals, cells, globals, class
//! and module namespaces, attributes to delete, `__annotations__`.

use crate::eval::{cell_get, cell_set};
use crate::eval::{At, Flow};
use crate::objects::code::CodeObject;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `DELETE_FAST`.
    pub(crate) fn op_delete_fast(&mut self, i: u32, code: &CodeObject, fi: usize) -> PyResult<()> {
        let base = self.frames[fi].base;
        if self.stack[base + i as usize].is_null() {
            return Err(self.unbound_local(&code.code.varnames[i as usize]));
        }
        self.stack[base + i as usize] = Value::Null;
        self.run_finalizers();
        Ok(())
    }

    /// `LOAD_CLASS_DEREF`.
    pub(crate) fn op_load_class_deref(
        &mut self,
        i: u32,
        code: &CodeObject,
        fi: usize,
    ) -> PyResult<()> {
        let base = self.frames[fi].base;
        let name = self.intern(code.code.slot_name(i as usize));
        let locals = self.frames[fi].locals.clone();
        if let Some(v) = self.mapping_get(&locals, &name)? {
            self.stack.push(v);
            return Ok(());
        }
        let v = cell_get(&self.stack[base + i as usize]);
        if v.is_null() {
            return Err(self.unbound_deref(code, i as usize));
        }
        self.stack.push(v);
        Ok(())
    }

    /// `DELETE_DEREF`.
    pub(crate) fn op_delete_deref(&mut self, i: u32, code: &CodeObject, fi: usize) -> PyResult<()> {
        let base = self.frames[fi].base;
        if cell_get(&self.stack[base + i as usize]).is_null() {
            return Err(self.unbound_deref(code, i as usize));
        }
        cell_set(&self.stack[base + i as usize], Value::Null);
        Ok(())
    }

    /// `LOAD_CLOSURE`.
    pub(crate) fn op_load_closure(&mut self, i: u32, fi: usize) -> PyResult<()> {
        let base = self.frames[fi].base;
        let v = self.stack[base + i as usize].clone();
        self.stack.push(v);
        Ok(())
    }

    /// `STORE_GLOBAL`.
    pub(crate) fn op_store_global(&mut self, i: u32, code: &CodeObject, fi: usize) -> PyResult<()> {
        let pc = self.frames[fi].pc;
        let v = self.pop();
        let g = self.frames[fi].globals.clone();
        self.store_global_cached(&code.caches[pc - 1], &g, &code.names[i as usize], v);
        Ok(())
    }

    /// `DELETE_GLOBAL`.
    pub(crate) fn op_delete_global(
        &mut self,
        i: u32,
        code: &CodeObject,
        fi: usize,
    ) -> PyResult<()> {
        let g = self.frames[fi].globals.clone();
        let name = &code.names[i as usize];
        if crate::objects::dict::remove_str(&g, name).is_none() {
            return Err(self.name_not_defined(name));
        }
        Ok(())
    }

    /// `LOAD_NAME`.
    pub(crate) fn op_load_name(&mut self, i: u32, code: &CodeObject, fi: usize) -> PyResult<()> {
        let pc = self.frames[fi].pc;
        let v = self.load_name(code, fi, pc, i as usize)?;
        self.stack.push(v);
        Ok(())
    }

    /// `STORE_NAME`.
    pub(crate) fn op_store_name(&mut self, i: u32, code: &CodeObject, fi: usize) -> PyResult<()> {
        let pc = self.frames[fi].pc;
        let v = self.pop();
        let name = &code.names[i as usize];
        let f = &self.frames[fi];
        if matches!(&f.locals, Value::Obj(l) if l.is(&f.globals)) {
            let g = f.globals.clone();
            self.store_global_cached(&code.caches[pc - 1], &g, name, v);
        } else {
            let locals = f.locals.clone();
            self.mapping_set(&locals, name.clone(), v)?;
        }
        self.run_finalizers();
        Ok(())
    }

    /// `DELETE_NAME`.
    pub(crate) fn op_delete_name(&mut self, i: u32, code: &CodeObject, fi: usize) -> PyResult<()> {
        let name = code.names[i as usize].clone();
        let locals = self.frames[fi].locals.clone();
        if !self.mapping_del(&locals, &name)? {
            return Err(self.name_not_defined(&name));
        }
        self.run_finalizers();
        Ok(())
    }

    /// `DELETE_ATTR`.
    pub(crate) fn op_delete_attr(&mut self, i: u32, code: &CodeObject) -> PyResult<()> {
        let obj = self.pop();
        self.delattr(&obj, &code.names[i as usize])?;
        Ok(())
    }

    /// `SETUP_ANNOTATIONS`.
    pub(crate) fn op_setup_annotations(&mut self, fi: usize) -> PyResult<()> {
        let locals = self.frames[fi].locals.clone();
        let key = self.names.annotations.clone();
        if self.mapping_get(&locals, &key)?.is_none() {
            let d = self.new_dict();
            self.mapping_set(&locals, key, d)?;
        }
        Ok(())
    }

    /// `LOAD_NAME`: at module level (locals are the globals) a cached
    /// global load; in a class body the namespace, then globals, then
    /// builtins.
    fn load_name(&mut self, code: &CodeObject, fi: usize, pc: usize, i: usize) -> PyResult {
        let f = &self.frames[fi];
        let name = &code.names[i];
        if matches!(&f.locals, Value::Obj(l) if l.is(&f.globals)) {
            return match self.load_global_cached(&code.caches[pc - 1], &f.globals, name) {
                Some(v) => Ok(v),
                None => Err(self.name_not_defined(name)),
            };
        }
        let locals = f.locals.clone();
        if let Some(v) = self.mapping_get(&locals, name)? {
            return Ok(v);
        }
        let f = &self.frames[fi];
        match crate::objects::dict::get_str_obj(&f.globals, name) {
            Some(v) => Ok(v),
            None => match crate::objects::dict::get_str_obj(&self.builtins_dict, name) {
                Some(v) => Ok(v),
                None => Err(self.name_not_defined(name)),
            },
        }
    }

    /// `LOAD_CONST i`.
    #[inline(always)]
    pub(crate) fn op_load_const(&mut self, at: At, i: u32) -> PyResult<Flow> {
        self.stack.push(at.code.consts[i as usize].clone());
        Ok(Flow::Next)
    }

    /// `LOAD_FAST i`.
    #[inline(always)]
    pub(crate) fn op_load_fast(&mut self, at: At, i: u32) -> PyResult<Flow> {
        let v = self.stack[at.base + i as usize].clone();
        if v.is_null() {
            return Err(self.unbound_local(&at.code.code.varnames[i as usize]));
        }
        self.stack.push(v);
        Ok(Flow::Next)
    }

    /// `LOAD_FAST a; LOAD_FAST b`.
    #[inline(always)]
    pub(crate) fn op_load_fast_load_fast(
        &mut self,
        at: At,
        pc: &mut usize,
        a: u16,
        b: u16,
    ) -> PyResult<Flow> {
        self.op_load_fast(at, a as u32)?;
        *pc += 1;
        self.op_load_fast(at, b as u32)
    }

    /// `LOAD_FAST a; LOAD_CONST c`.
    #[inline(always)]
    pub(crate) fn op_load_fast_load_const(
        &mut self,
        at: At,
        pc: &mut usize,
        a: u16,
        c: u16,
    ) -> PyResult<Flow> {
        self.op_load_fast(at, a as u32)?;
        *pc += 1;
        self.op_load_const(at, c as u32)
    }

    /// `STORE_FAST a; LOAD_FAST b`.
    #[inline(always)]
    pub(crate) fn op_store_fast_load_fast(
        &mut self,
        at: At,
        pc: &mut usize,
        a: u16,
        b: u16,
    ) -> PyResult<Flow> {
        self.op_store_fast(at, a as u32)?;
        *pc += 1;
        self.op_load_fast(at, b as u32)
    }

    /// `STORE_FAST i`.
    #[inline(always)]
    pub(crate) fn op_store_fast(&mut self, at: At, i: u32) -> PyResult<Flow> {
        let v = self.pop();
        self.stack[at.base + i as usize] = v;
        Ok(Flow::Next)
    }

    /// `LOAD_DEREF i`.
    #[inline(always)]
    pub(crate) fn op_load_deref(&mut self, at: At, i: u32) -> PyResult<Flow> {
        let v = cell_get(&self.stack[at.base + i as usize]);
        if v.is_null() {
            return Err(self.unbound_deref(at.code, i as usize));
        }
        self.stack.push(v);
        Ok(Flow::Next)
    }

    /// `STORE_DEREF i`.
    #[inline(always)]
    pub(crate) fn op_store_deref(&mut self, at: At, i: u32) -> PyResult<Flow> {
        let v = self.pop();
        cell_set(&self.stack[at.base + i as usize], v);
        Ok(Flow::Next)
    }

    /// `LOAD_GLOBAL i`: the cached entry without a call, or the lookup.
    #[inline(always)]
    pub(crate) fn op_load_global(&mut self, at: At, pc: usize, i: u32) -> PyResult<Flow> {
        let name = &at.code.names[i as usize];
        let cache = &at.code.caches[pc - 1];
        let g = &self.frames[at.fi].globals;
        let v = match crate::eval::cache::global_hit(cache, g, &self.builtins_dict, name) {
            Some(v) => v,
            None => match self.load_global_cached(cache, g, name) {
                Some(v) => v,
                None => return Err(self.name_not_defined(name)),
            },
        };
        self.stack.push(v);
        Ok(Flow::Next)
    }

    /// `PUSH_NULL; LOAD_GLOBAL i`.
    #[inline(always)]
    pub(crate) fn op_push_null_load_global(
        &mut self,
        at: At,
        pc: &mut usize,
        i: u32,
    ) -> PyResult<Flow> {
        self.stack.push(Value::Null);
        *pc += 1;
        self.op_load_global(at, *pc, i)
    }
}
