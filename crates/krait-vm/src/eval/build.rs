//! Building containers and strings: tuples, lists, sets, dicts, slices,
//! f-string parts, and unpacking into the stack.

use crate::eval::tuple_items;
use crate::eval::Flow;
use crate::object::ObjKind;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_compiler::code::{format_value, Instr};

impl Vm {
    /// `BUILD_TUPLE`.
    pub(crate) fn op_build_tuple(&mut self, n: u32) -> PyResult<()> {
        let items = self.drain_from(self.stack.len() - n as usize);
        let t = self.new_tuple(items);
        self.stack.push(t);
        Ok(())
    }

    /// `BUILD_LIST`.
    pub(crate) fn op_build_list(&mut self, n: u32) -> PyResult<()> {
        let items = self.drain_from(self.stack.len() - n as usize);
        let l = self.new_list(items);
        self.stack.push(l);
        Ok(())
    }

    /// `BUILD_SET`.
    pub(crate) fn op_build_set(&mut self, n: u32) -> PyResult<()> {
        let items = self.drain_from(self.stack.len() - n as usize);
        let t = crate::objects::set::table_from(self, items)?;
        let s = crate::objects::set::new_set_obj(self, t, false);
        self.stack.push(Value::Obj(s));
        Ok(())
    }

    /// `BUILD_MAP`.
    pub(crate) fn op_build_map(&mut self, n: u32) -> PyResult<()> {
        let items = self.drain_from(self.stack.len() - 2 * n as usize);
        let d = self.new_dict_obj(crate::objects::dict::table::Dict::with_capacity(n as usize));
        let mut it = items.into_iter();
        while let (Some(k), Some(v)) = (it.next(), it.next()) {
            crate::objects::dict::set(self, &d, k, v)?;
        }
        self.stack.push(Value::Obj(d));
        Ok(())
    }

    /// `BUILD_CONST_KEY_MAP`.
    pub(crate) fn op_build_const_key_map(&mut self, n: u32) -> PyResult<()> {
        let keys = self.pop();
        let values = self.drain_from(self.stack.len() - n as usize);
        let d = self.new_dict_obj(crate::objects::dict::table::Dict::with_capacity(n as usize));
        let keys = tuple_items(&keys);
        for (k, v) in keys.into_iter().zip(values) {
            crate::objects::dict::set(self, &d, k, v)?;
        }
        self.stack.push(Value::Obj(d));
        Ok(())
    }

    /// `BUILD_STRING`.
    pub(crate) fn op_build_string(&mut self, n: u32) -> PyResult<()> {
        let parts = self.drain_from(self.stack.len() - n as usize);
        let mut out = Vec::new();
        for p in &parts {
            if let Some(s) = crate::objects::str::value_pystr(p) {
                out.extend_from_slice(s.as_bytes());
            }
        }
        let s = crate::objects::str::PyStr::from_wtf8(out);
        self.stack.push(self.new_pystr(s));
        Ok(())
    }

    /// `BUILD_SLICE`.
    pub(crate) fn op_build_slice(&mut self, n: u32) -> PyResult<()> {
        let step = if n == 3 { self.pop() } else { Value::None };
        let stop = self.pop();
        let start = self.pop();
        let s = Obj::new(
            self.types.slice.clone(),
            ObjKind::Slice { start, stop, step },
        );
        self.stack.push(Value::Obj(s));
        Ok(())
    }

    /// `SET_ADD`.
    pub(crate) fn op_set_add(&mut self, i: u32) -> PyResult<()> {
        let v = self.pop();
        let s = self.stack[self.stack.len() - i as usize].clone();
        crate::objects::set::add(self, s.as_obj().unwrap(), v)?;
        Ok(())
    }

    /// `MAP_ADD`.
    pub(crate) fn op_map_add(&mut self, i: u32) -> PyResult<()> {
        let v = self.pop();
        let k = self.pop();
        let d = self.stack[self.stack.len() - i as usize].clone();
        crate::objects::dict::set(self, d.as_obj().unwrap(), k, v)?;
        Ok(())
    }

    /// `LIST_EXTEND`.
    pub(crate) fn op_list_extend(&mut self, i: u32) -> PyResult<()> {
        let iterable = self.pop();
        let l = self.stack[self.stack.len() - i as usize].clone();
        let items = match self.iterate(&iterable) {
            Ok(v) => v,
            Err(e) => return Err(self.star_arg_error(e, &iterable)),
        };
        if let Some(ObjKind::List(l)) = l.kind() {
            l.borrow_mut().extend(items);
        }
        Ok(())
    }

    /// `SET_UPDATE`.
    pub(crate) fn op_set_update(&mut self, i: u32) -> PyResult<()> {
        let iterable = self.pop();
        let s = self.stack[self.stack.len() - i as usize].clone();
        if let Some(ObjKind::Set(cell)) = s.kind() {
            let mut t = std::mem::take(&mut *cell.borrow_mut());
            let r = crate::objects::set::methods::update_table(self, &mut t, &iterable);
            *cell.borrow_mut() = t;
            r?;
        }
        Ok(())
    }

    /// `DICT_UPDATE`.
    pub(crate) fn op_dict_update(&mut self, i: u32, instr: Instr) -> PyResult<()> {
        let other = self.pop();
        let d = self.stack[self.stack.len() - i as usize].clone();
        let merge = matches!(instr, Instr::DictMerge(_));
        // Merges build a call's keywords: the callable sits below
        // the positional arguments.
        let func = if merge {
            self.stack
                .get(self.stack.len().wrapping_sub(i as usize + 2))
                .cloned()
        } else {
            None
        };
        self.dict_merge_for(d.as_obj().unwrap(), &other, merge, func.as_ref())?;
        Ok(())
    }

    /// `LIST_TO_TUPLE`.
    pub(crate) fn op_list_to_tuple(&mut self) -> PyResult<()> {
        let l = self.pop();
        let items = match l.kind() {
            Some(ObjKind::List(items)) => items.borrow().clone(),
            _ => Vec::new(),
        };
        let t = self.new_tuple(items);
        self.stack.push(t);
        Ok(())
    }

    /// `FORMAT_VALUE`.
    pub(crate) fn op_format_value(&mut self, flags: u32) -> PyResult<()> {
        let spec = if flags & format_value::HAS_SPEC != 0 {
            Some(self.pop())
        } else {
            None
        };
        let mut v = self.pop();
        v = match flags & format_value::CONVERSION_MASK {
            format_value::STR => self.str(&v)?,
            format_value::REPR => self.repr(&v)?,
            format_value::ASCII => self.ascii(&v)?,
            _ => v,
        };
        let r = self.format(&v, spec.as_ref())?;
        self.stack.push(r);
        Ok(())
    }

    /// `UNPACK_SEQUENCE`.
    pub(crate) fn op_unpack_sequence(&mut self, n: u32) -> PyResult<()> {
        let seq = self.pop();
        // Tuples and lists of the right length: no copy.
        let exact = match seq.kind() {
            Some(ObjKind::Tuple(t)) if t.len() == n as usize => {
                self.stack.extend(t.iter().rev().cloned());
                true
            }
            Some(ObjKind::List(l)) if l.borrow().len() == n as usize => {
                let l = l.borrow();
                self.stack.extend(l.iter().rev().cloned());
                true
            }
            _ => false,
        };
        if !exact {
            let items = self.unpack(&seq, n as usize, None)?;
            self.stack.extend(items.into_iter().rev());
        }
        Ok(())
    }

    /// `UNPACK_EX`.
    pub(crate) fn op_unpack_ex(&mut self, arg: u32) -> PyResult<()> {
        let seq = self.pop();
        let before = (arg & 0xFF) as usize;
        let after = (arg >> 8) as usize;
        let items = self.unpack(&seq, before, Some(after))?;
        self.stack.extend(items.into_iter().rev());
        Ok(())
    }

    /// `LIST_APPEND i` (in comprehensions).
    #[inline(always)]
    pub(crate) fn op_list_append(&mut self, i: u32) -> PyResult<Flow> {
        let v = self.pop();
        if let Some(ObjKind::List(items)) = self.stack[self.stack.len() - i as usize].kind() {
            items.borrow_mut().push(v);
        }
        Ok(Flow::Next)
    }
}
