//! The interpreter loop. Python-to-Python calls push a frame and continue
//! in the same loop; returns pop it. Native code that calls Python (a sort
//! key, `__eq__` in a dict) re-enters through [`Vm::run_frame`], whose
//! frame is marked as an entry: returning from it leaves that run.
//!
//! An error unwinds by the exception table: the handler covering the
//! failing instruction gets the stack cut to its depth and the exception
//! pushed; without one, the frame is popped and the caller's call
//! instruction fails in turn.

use crate::frame::{Frame, TracebackEntry};
use crate::function::{Args, Function};
use crate::object::ObjKind;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_compiler::code::{format_value, make_function, BinOp, CompareOp, Instr, UnaryOp};
use smallvec::SmallVec;
use std::cell::RefCell;

/// How a run of the loop ended.
pub enum Exit {
    Return(Value),
    /// A generator's frame yielded; the frame is handed back to be kept.
    Yield(Value, Frame),
}

impl Vm {
    /// Runs a frame until it returns.
    pub fn run_frame(&mut self, mut frame: Frame) -> PyResult {
        frame.is_entry = true;
        if self.depth >= self.recursion_limit {
            self.stack.truncate(frame.cleanup);
            return Err(self.recursion_error());
        }
        self.push_frame(frame);
        match self.eval()? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(v, _) => Ok(v),
        }
    }

    fn push_frame(&mut self, frame: Frame) {
        self.depth += 1;
        self.frames.push(frame);
    }

    fn pop_frame(&mut self) -> Frame {
        self.depth -= 1;
        self.frames.pop().expect("a frame to pop")
    }

    #[inline]
    fn pop(&mut self) -> Value {
        self.stack.pop().unwrap_or(Value::Null)
    }

    #[inline]
    fn top(&self) -> &Value {
        self.stack.last().unwrap_or(&Value::Null)
    }

    fn drain_from(&mut self, start: usize) -> Vec<Value> {
        self.stack.drain(start..).collect()
    }

    /// Resumes the frame on top of the frame stack (pushed by the caller).
    pub fn eval(&mut self) -> PyResult<Exit> {
        self.eval_raising(None)
    }

    /// Resumes the top frame, first raising `exc` at its current
    /// instruction (for `generator.throw`).
    pub fn eval_raising(&mut self, exc: Option<Obj>) -> PyResult<Exit> {
        let mut pending: Option<(Obj, bool)> = exc.map(|e| (e, false));
        'frame: loop {
            let fi = self.frames.len() - 1;
            let code = self.frames[fi].code.clone();
            let base = self.frames[fi].base;
            let mut pc = self.frames[fi].pc;
            if let Some((exc, reraise)) = pending.take() {
                // Unwind: the error happened at pc - 1 in this frame.
                match self.handle_error(exc, reraise, pc) {
                    Ok(target) => pc = target,
                    Err(exc) => {
                        let frame = self.pop_frame();
                        self.stack.truncate(frame.cleanup);
                        if frame.is_entry {
                            return Err(exc);
                        }
                        pending = Some((exc, false));
                        continue 'frame;
                    }
                }
            }
            let instrs = &code.code.instrs;
            macro_rules! tri {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(e) => {
                            self.frames[fi].pc = pc;
                            pending = Some((e, false));
                            continue 'frame;
                        }
                    }
                };
            }
            loop {
                let instr = instrs[pc];
                pc += 1;
                match instr {
                    Instr::Nop => {}
                    Instr::PopTop => {
                        self.stack.pop();
                        self.run_finalizers();
                    }
                    Instr::Copy(n) => {
                        let v = self.stack[self.stack.len() - n as usize].clone();
                        self.stack.push(v);
                    }
                    Instr::Swap(n) => {
                        let l = self.stack.len();
                        self.stack.swap(l - 1, l - n as usize);
                    }
                    Instr::PushNull => self.stack.push(Value::Null),
                    Instr::LoadConst(i) => self.stack.push(code.consts[i as usize].clone()),
                    Instr::LoadFast(i) => {
                        let v = self.stack[base + i as usize].clone();
                        if v.is_null() {
                            let name = code.code.varnames[i as usize].clone();
                            tri!(Err(self.unbound_local(&name)));
                        }
                        self.stack.push(v);
                    }
                    Instr::StoreFast(i) => {
                        let v = self.pop();
                        self.stack[base + i as usize] = v;
                    }
                    Instr::DeleteFast(i) => {
                        if self.stack[base + i as usize].is_null() {
                            let name = code.code.varnames[i as usize].clone();
                            tri!(Err(self.unbound_local(&name)));
                        }
                        self.stack[base + i as usize] = Value::Null;
                        self.run_finalizers();
                    }
                    Instr::LoadDeref(i) | Instr::LoadClassDeref(i) => {
                        if let Instr::LoadClassDeref(_) = instr {
                            let name = self.intern(code.code.slot_name(i as usize));
                            let locals = self.frames[fi].locals.clone();
                            if let Some(v) = tri!(self.mapping_get(&locals, &name)) {
                                self.stack.push(v);
                                continue;
                            }
                        }
                        let v = cell_get(&self.stack[base + i as usize]);
                        if v.is_null() {
                            tri!(Err(self.unbound_deref(&code, i as usize)));
                        }
                        self.stack.push(v);
                    }
                    Instr::StoreDeref(i) => {
                        let v = self.pop();
                        cell_set(&self.stack[base + i as usize], v);
                    }
                    Instr::DeleteDeref(i) => {
                        if cell_get(&self.stack[base + i as usize]).is_null() {
                            tri!(Err(self.unbound_deref(&code, i as usize)));
                        }
                        cell_set(&self.stack[base + i as usize], Value::Null);
                    }
                    Instr::LoadClosure(i) => {
                        let v = self.stack[base + i as usize].clone();
                        self.stack.push(v);
                    }
                    Instr::LoadGlobal(i) => {
                        let name = &code.names[i as usize];
                        let g = &self.frames[fi].globals;
                        let v = match self.load_global_cached(&code.caches[pc - 1], g, name) {
                            Some(v) => v,
                            None => tri!(Err(self.name_not_defined(name))),
                        };
                        self.stack.push(v);
                    }
                    Instr::StoreGlobal(i) => {
                        let v = self.pop();
                        let g = self.frames[fi].globals.clone();
                        self.store_global_cached(
                            &code.caches[pc - 1],
                            &g,
                            &code.names[i as usize],
                            v,
                        );
                    }
                    Instr::DeleteGlobal(i) => {
                        let g = self.frames[fi].globals.clone();
                        let name = &code.names[i as usize];
                        if crate::dictops::remove_str(&g, name).is_none() {
                            tri!(Err(self.name_not_defined(name)));
                        }
                    }
                    Instr::LoadName(i) => {
                        // Module level (locals are the globals): a global load.
                        let f = &self.frames[fi];
                        if matches!(&f.locals, Value::Obj(l) if l.is(&f.globals)) {
                            let name = &code.names[i as usize];
                            let v = match self.load_global_cached(
                                &code.caches[pc - 1],
                                &f.globals,
                                name,
                            ) {
                                Some(v) => v,
                                None => tri!(Err(self.name_not_defined(name))),
                            };
                            self.stack.push(v);
                            continue;
                        }
                        let name = code.names[i as usize].clone();
                        let locals = self.frames[fi].locals.clone();
                        let v = match tri!(self.mapping_get(&locals, &name)) {
                            Some(v) => v,
                            None => {
                                let f = &self.frames[fi];
                                match crate::dictops::get_str_obj(&f.globals, &name) {
                                    Some(v) => v,
                                    None => match crate::dictops::get_str_obj(
                                        &self.builtins_dict,
                                        &name,
                                    ) {
                                        Some(v) => v,
                                        None => tri!(Err(self.name_not_defined(&name))),
                                    },
                                }
                            }
                        };
                        self.stack.push(v);
                    }
                    Instr::StoreName(i) => {
                        let v = self.pop();
                        let name = &code.names[i as usize];
                        let f = &self.frames[fi];
                        if matches!(&f.locals, Value::Obj(l) if l.is(&f.globals)) {
                            let g = f.globals.clone();
                            self.store_global_cached(&code.caches[pc - 1], &g, name, v);
                        } else {
                            let locals = f.locals.clone();
                            tri!(self.mapping_set(&locals, name.clone(), v));
                        }
                        self.run_finalizers();
                    }
                    Instr::DeleteName(i) => {
                        let name = code.names[i as usize].clone();
                        let locals = self.frames[fi].locals.clone();
                        if !tri!(self.mapping_del(&locals, &name)) {
                            tri!(Err(self.name_not_defined(&name)));
                        }
                        self.run_finalizers();
                    }
                    Instr::LoadAttr(i) => {
                        let obj = self.pop();
                        let v = tri!(self.load_attr_cached(
                            &code.caches[pc - 1],
                            &obj,
                            &code.names[i as usize]
                        ));
                        self.stack.push(v);
                    }
                    Instr::StoreAttr(i) => {
                        let obj = self.pop();
                        let v = self.pop();
                        tri!(self.store_attr_cached(
                            &code.caches[pc - 1],
                            &obj,
                            &code.names[i as usize],
                            v
                        ));
                    }
                    Instr::DeleteAttr(i) => {
                        let obj = self.pop();
                        tri!(self.delattr(&obj, &code.names[i as usize]));
                    }
                    Instr::LoadMethod(i) => {
                        let obj = self.pop();
                        let (m, recv) = tri!(self.load_method_cached(
                            &code.caches[pc - 1],
                            obj,
                            &code.names[i as usize]
                        ));
                        self.stack.push(m);
                        self.stack.push(recv);
                    }
                    Instr::BinaryOp(op) => {
                        let b = self.pop();
                        let a = self.pop();
                        let r = match (&a, &b) {
                            (Value::Int(x), Value::Int(y)) => match fast_int_op(op, *x, *y) {
                                Some(v) => v,
                                None => tri!(self.binary_op(op, &a, &b)),
                            },
                            (Value::Float(x), Value::Float(y)) => match op.base() {
                                BinOp::Add => Value::Float(x + y),
                                BinOp::Subtract => Value::Float(x - y),
                                BinOp::Multiply => Value::Float(x * y),
                                _ => tri!(self.binary_op(op, &a, &b)),
                            },
                            _ => tri!(self.binary_op(op, &a, &b)),
                        };
                        self.stack.push(r);
                    }
                    Instr::Unary(op) => {
                        let v = self.pop();
                        let r = match op {
                            UnaryOp::Not => Value::Bool(!tri!(self.truthy(&v))),
                            UnaryOp::Negative => tri!(self.unary_negative(&v)),
                            UnaryOp::Positive => tri!(self.unary_positive(&v)),
                            UnaryOp::Invert => tri!(self.unary_invert(&v)),
                        };
                        self.stack.push(r);
                    }
                    Instr::Compare(op) => {
                        let b = self.pop();
                        let a = self.pop();
                        let r = match (&a, &b) {
                            (Value::Int(x), Value::Int(y)) => Value::Bool(match op {
                                CompareOp::Lt => x < y,
                                CompareOp::Le => x <= y,
                                CompareOp::Eq => x == y,
                                CompareOp::Ne => x != y,
                                CompareOp::Gt => x > y,
                                CompareOp::Ge => x >= y,
                            }),
                            _ => tri!(self.compare(op, &a, &b)),
                        };
                        self.stack.push(r);
                    }
                    Instr::IsOp(inv) => {
                        let b = self.pop();
                        let a = self.pop();
                        self.stack.push(Value::Bool(a.is(&b) != (inv == 1)));
                    }
                    Instr::ContainsOp(inv) => {
                        let container = self.pop();
                        let item = self.pop();
                        let r = tri!(self.contains(&container, &item));
                        self.stack.push(Value::Bool(r != (inv == 1)));
                    }
                    Instr::BinarySubscr => {
                        let key = self.pop();
                        let container = self.pop();
                        let v = tri!(self.getitem(&container, &key));
                        self.stack.push(v);
                    }
                    Instr::StoreSubscr => {
                        let key = self.pop();
                        let container = self.pop();
                        let v = self.pop();
                        tri!(self.setitem(&container, key, v));
                    }
                    Instr::DeleteSubscr => {
                        let key = self.pop();
                        let container = self.pop();
                        tri!(self.delitem(&container, &key));
                    }
                    Instr::BuildTuple(n) => {
                        let items = self.drain_from(self.stack.len() - n as usize);
                        let t = self.new_tuple(items);
                        self.stack.push(t);
                    }
                    Instr::BuildList(n) => {
                        let items = self.drain_from(self.stack.len() - n as usize);
                        let l = self.new_list(items);
                        self.stack.push(l);
                    }
                    Instr::BuildSet(n) => {
                        let items = self.drain_from(self.stack.len() - n as usize);
                        let t = tri!(crate::setops::table_from(self, items));
                        let s = crate::setops::new_set_obj(self, t, false);
                        self.stack.push(Value::Obj(s));
                    }
                    Instr::BuildMap(n) => {
                        let items = self.drain_from(self.stack.len() - 2 * n as usize);
                        let d = self.new_dict_obj(crate::dict::Dict::with_capacity(n as usize));
                        let mut it = items.into_iter();
                        while let (Some(k), Some(v)) = (it.next(), it.next()) {
                            tri!(crate::dictops::set(self, &d, k, v));
                        }
                        self.stack.push(Value::Obj(d));
                    }
                    Instr::BuildConstKeyMap(n) => {
                        let keys = self.pop();
                        let values = self.drain_from(self.stack.len() - n as usize);
                        let d = self.new_dict_obj(crate::dict::Dict::with_capacity(n as usize));
                        let keys = tuple_items(&keys);
                        for (k, v) in keys.into_iter().zip(values) {
                            tri!(crate::dictops::set(self, &d, k, v));
                        }
                        self.stack.push(Value::Obj(d));
                    }
                    Instr::BuildString(n) => {
                        let parts = self.drain_from(self.stack.len() - n as usize);
                        let mut out = Vec::new();
                        for p in &parts {
                            if let Some(s) = crate::strops::value_pystr(p) {
                                out.extend_from_slice(s.as_bytes());
                            }
                        }
                        let s = crate::str::PyStr::from_wtf8(out);
                        self.stack.push(self.new_pystr(s));
                    }
                    Instr::BuildSlice(n) => {
                        let step = if n == 3 { self.pop() } else { Value::None };
                        let stop = self.pop();
                        let start = self.pop();
                        let s = Obj::new(
                            self.types.slice.clone(),
                            ObjKind::Slice { start, stop, step },
                        );
                        self.stack.push(Value::Obj(s));
                    }
                    Instr::ListAppend(i) => {
                        let v = self.pop();
                        let l = self.stack[self.stack.len() - i as usize].clone();
                        if let Some(ObjKind::List(items)) = l.kind() {
                            items.borrow_mut().push(v);
                        }
                    }
                    Instr::SetAdd(i) => {
                        let v = self.pop();
                        let s = self.stack[self.stack.len() - i as usize].clone();
                        tri!(crate::setops::add(self, s.as_obj().unwrap(), v));
                    }
                    Instr::MapAdd(i) => {
                        let v = self.pop();
                        let k = self.pop();
                        let d = self.stack[self.stack.len() - i as usize].clone();
                        tri!(crate::dictops::set(self, d.as_obj().unwrap(), k, v));
                    }
                    Instr::ListExtend(i) => {
                        let iterable = self.pop();
                        let l = self.stack[self.stack.len() - i as usize].clone();
                        let items = match self.iterate(&iterable) {
                            Ok(v) => v,
                            Err(e) => {
                                let e = self.star_arg_error(e, &iterable);
                                tri!(Err(e))
                            }
                        };
                        if let Some(ObjKind::List(l)) = l.kind() {
                            l.borrow_mut().extend(items);
                        }
                    }
                    Instr::SetUpdate(i) => {
                        let iterable = self.pop();
                        let s = self.stack[self.stack.len() - i as usize].clone();
                        if let Some(ObjKind::Set(cell)) = s.kind() {
                            let mut t = std::mem::take(&mut *cell.borrow_mut());
                            let r = crate::setmethods::update_table(self, &mut t, &iterable);
                            *cell.borrow_mut() = t;
                            tri!(r);
                        }
                    }
                    Instr::DictUpdate(i) | Instr::DictMerge(i) => {
                        let other = self.pop();
                        let d = self.stack[self.stack.len() - i as usize].clone();
                        let merge = matches!(instr, Instr::DictMerge(_));
                        // Merges build a call's keywords: the callable sits
                        // below the positional arguments.
                        let func = if merge {
                            self.stack
                                .get(self.stack.len().wrapping_sub(i as usize + 2))
                                .cloned()
                        } else {
                            None
                        };
                        tri!(self.dict_merge_for(
                            d.as_obj().unwrap(),
                            &other,
                            merge,
                            func.as_ref()
                        ));
                    }
                    Instr::ListToTuple => {
                        let l = self.pop();
                        let items = match l.kind() {
                            Some(ObjKind::List(items)) => items.borrow().clone(),
                            _ => Vec::new(),
                        };
                        let t = self.new_tuple(items);
                        self.stack.push(t);
                    }
                    Instr::FormatValue(flags) => {
                        let spec = if flags & format_value::HAS_SPEC != 0 {
                            Some(self.pop())
                        } else {
                            None
                        };
                        let mut v = self.pop();
                        v = match flags & format_value::CONVERSION_MASK {
                            format_value::STR => tri!(self.str(&v)),
                            format_value::REPR => tri!(self.repr(&v)),
                            format_value::ASCII => tri!(self.ascii(&v)),
                            _ => v,
                        };
                        let r = tri!(self.format(&v, spec.as_ref()));
                        self.stack.push(r);
                    }
                    Instr::UnpackSequence(n) => {
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
                            let items = tri!(self.unpack(&seq, n as usize, None));
                            self.stack.extend(items.into_iter().rev());
                        }
                    }
                    Instr::UnpackEx(arg) => {
                        let seq = self.pop();
                        let before = (arg & 0xFF) as usize;
                        let after = (arg >> 8) as usize;
                        let items = tri!(self.unpack(&seq, before, Some(after)));
                        self.stack.extend(items.into_iter().rev());
                    }
                    Instr::GetIter => {
                        let v = self.pop();
                        let it = tri!(self.iter(&v));
                        self.stack.push(it);
                    }
                    Instr::ForIter(target) => {
                        // Ranges and lists step without a call.
                        if let Some(ObjKind::Iter(state)) = self.top().kind() {
                            let mut st = state.borrow_mut();
                            match &mut *st {
                                crate::object::IterState::Range { next, stop, step }
                                    if *step == 1 =>
                                {
                                    let n = *next;
                                    if n < *stop {
                                        *next = n + 1;
                                        drop(st);
                                        self.stack.push(Value::Int(n));
                                    } else {
                                        drop(st);
                                        self.stack.pop();
                                        pc = target as usize;
                                    }
                                    continue;
                                }
                                crate::object::IterState::Seq { seq, index } => {
                                    if let Some(ObjKind::List(l)) = seq.kind() {
                                        let item = l.borrow().get(*index).cloned();
                                        match item {
                                            Some(v) => {
                                                *index += 1;
                                                drop(st);
                                                self.stack.push(v);
                                            }
                                            None => {
                                                *st = crate::object::IterState::Exhausted;
                                                drop(st);
                                                self.stack.pop();
                                                pc = target as usize;
                                            }
                                        }
                                        continue;
                                    }
                                }
                                _ => {}
                            }
                        }
                        let it = self.top().clone();
                        match tri!(self.next(&it)) {
                            Some(v) => self.stack.push(v),
                            None => {
                                self.stack.pop();
                                pc = target as usize;
                            }
                        }
                    }
                    Instr::Jump(t) => pc = t as usize,
                    Instr::PopJumpIfFalse(t) => {
                        let v = self.pop();
                        let b = match v {
                            Value::Bool(b) => b,
                            _ => tri!(self.truthy(&v)),
                        };
                        if !b {
                            pc = t as usize;
                        }
                    }
                    Instr::PopJumpIfTrue(t) => {
                        let v = self.pop();
                        let b = match v {
                            Value::Bool(b) => b,
                            _ => tri!(self.truthy(&v)),
                        };
                        if b {
                            pc = t as usize;
                        }
                    }
                    Instr::PopJumpIfNone(t) => {
                        if self.pop().is_none() {
                            pc = t as usize;
                        }
                    }
                    Instr::PopJumpIfNotNone(t) => {
                        if !self.pop().is_none() {
                            pc = t as usize;
                        }
                    }
                    Instr::JumpIfFalseOrPop(t) => {
                        let v = self.top().clone();
                        if tri!(self.truthy(&v)) {
                            self.stack.pop();
                        } else {
                            pc = t as usize;
                        }
                    }
                    Instr::JumpIfTrueOrPop(t) => {
                        let v = self.top().clone();
                        if tri!(self.truthy(&v)) {
                            pc = t as usize;
                        } else {
                            self.stack.pop();
                        }
                    }
                    Instr::Call(n) | Instr::CallKw(n) => {
                        let kwnames = if let Instr::CallKw(_) = instr {
                            tuple_items(&self.pop())
                        } else {
                            Vec::new()
                        };
                        let n = n as usize;
                        let p = self.stack.len() - n - 2;
                        let (callable, args_start) = if self.stack[p].is_null() {
                            (self.stack[p + 1].clone(), p + 2)
                        } else {
                            (self.stack[p].clone(), p + 1)
                        };
                        self.frames[fi].pc = pc;
                        // A Python function called with exactly its positional
                        // parameters: the arguments become its locals in place.
                        if kwnames.is_empty() {
                            if let Value::Obj(fo) = &callable {
                                if let ObjKind::Function(f) = fo.kind() {
                                    let nargs = self.stack.len() - args_start;
                                    if f.code.simple_args
                                        && nargs == f.code.code.argcount as usize
                                        && !f.code.code.is_generator_like()
                                    {
                                        if self.depth >= self.recursion_limit {
                                            tri!(Err(self.recursion_error()));
                                        }
                                        let frame = self.new_frame(f, args_start, p);
                                        self.push_frame(frame);
                                        continue 'frame;
                                    }
                                }
                                if args_start == p + 2 && tri!(self.class_call_inline(fo, p)) {
                                    continue 'frame;
                                }
                            }
                        }
                        let mut all = self.drain_from(args_start);
                        self.stack.truncate(p);
                        let kw: Vec<(Obj, Value)> = if kwnames.is_empty() {
                            Vec::new()
                        } else {
                            let vals = all.split_off(all.len() - kwnames.len());
                            kwnames
                                .into_iter()
                                .filter_map(|k| k.as_obj().cloned())
                                .zip(vals)
                                .collect()
                        };
                        let args = Args {
                            pos: SmallVec::from_vec(all),
                            kw,
                        };
                        if let Value::Obj(fo) = &callable {
                            if let ObjKind::Function(_) = fo.kind() {
                                let base = self.stack.len();
                                let frame = tri!(self.bind_arguments(fo, args, base, base));
                                if frame.code.code.is_generator_like() {
                                    let g = self.make_generator(frame, fo);
                                    self.stack.push(g);
                                    continue;
                                }
                                if self.depth >= self.recursion_limit {
                                    self.stack.truncate(base);
                                    tri!(Err(self.recursion_error()));
                                }
                                self.push_frame(frame);
                                continue 'frame;
                            }
                        }
                        let r = tri!(self.call_args(&callable, args));
                        self.stack.push(r);
                    }
                    Instr::CallFunctionEx(flags) => {
                        let kwargs = if flags & 1 != 0 {
                            Some(self.pop())
                        } else {
                            None
                        };
                        let args = self.pop();
                        let callable = self.pop();
                        let _null = self.pop();
                        self.frames[fi].pc = pc;
                        let pos = match args.kind() {
                            Some(ObjKind::Tuple(t)) => t.to_vec(),
                            _ => match self.iterate(&args) {
                                Ok(v) => v,
                                Err(e) => {
                                    let e = self.star_call_error(e, &callable, &args);
                                    tri!(Err(e))
                                }
                            },
                        };
                        let mut kw = Vec::new();
                        if let Some(k) = kwargs {
                            kw = tri!(self.kwargs_pairs(&callable, &k));
                        }
                        let args = Args {
                            pos: SmallVec::from_vec(pos),
                            kw,
                        };
                        let r = tri!(self.call_args(&callable, args));
                        self.stack.push(r);
                    }
                    Instr::MakeFunction(flags) => {
                        let code_obj = self.pop();
                        let closure = if flags & make_function::CLOSURE != 0 {
                            tuple_items(&self.pop())
                        } else {
                            Vec::new()
                        };
                        let annotations = if flags & make_function::ANNOTATIONS != 0 {
                            self.pop()
                        } else {
                            Value::None
                        };
                        let kwdefaults = if flags & make_function::KW_DEFAULTS != 0 {
                            self.pop()
                        } else {
                            Value::None
                        };
                        let defaults = if flags & make_function::DEFAULTS != 0 {
                            self.pop()
                        } else {
                            Value::None
                        };
                        let f = self.make_function(
                            fi,
                            &code_obj,
                            closure,
                            annotations,
                            kwdefaults,
                            defaults,
                        );
                        self.stack.push(f);
                    }
                    Instr::LoadBuildClass => {
                        let v = crate::dictops::get_str(&self.builtins_dict, "__build_class__");
                        match v {
                            Some(v) => self.stack.push(v),
                            None => {
                                let name = self.intern("__build_class__");
                                tri!(Err(self.name_not_defined(&name)))
                            }
                        }
                    }
                    Instr::ReturnValue => {
                        let v = self.pop();
                        let frame = self.pop_frame();
                        self.stack.truncate(frame.cleanup);
                        let (is_entry, is_init) = (frame.is_entry, frame.is_init);
                        drop(frame);
                        self.run_finalizers();
                        if is_entry {
                            return Ok(Exit::Return(v));
                        }
                        if is_init {
                            // The instance is already in place of the result.
                            if !v.is_none() {
                                pending = Some((self.init_returned(&v), false));
                            }
                            continue 'frame;
                        }
                        self.stack.push(v);
                        continue 'frame;
                    }
                    Instr::YieldValue(_) => {
                        let v = self.pop();
                        self.frames[fi].pc = pc;
                        let frame = self.pop_frame();
                        return Ok(Exit::Yield(v, frame));
                    }
                    Instr::Send(target) => {
                        let v = self.pop();
                        let it = self.top().clone();
                        self.frames[fi].pc = pc;
                        match tri!(self.send_into(&it, v)) {
                            crate::gen::Sent::Yielded(x) => self.stack.push(x),
                            crate::gen::Sent::Returned(r) => {
                                self.stack.pop();
                                self.stack.push(r);
                                pc = target as usize;
                            }
                        }
                    }
                    Instr::GetYieldFromIter => {
                        let v = self.pop();
                        let it = tri!(self.yield_from_iter(v));
                        self.stack.push(it);
                    }
                    Instr::GetAwaitable(_) => {
                        let v = self.pop();
                        let it = tri!(self.get_awaitable(v));
                        self.stack.push(it);
                    }
                    Instr::GetAIter
                    | Instr::GetANext
                    | Instr::EndAsyncFor
                    | Instr::BeforeAsyncWith
                    | Instr::AsyncGenWrap => {
                        tri!(Err(self.not_implemented_error(
                            "asynchronous iteration and 'async with' are not supported yet"
                        )));
                    }
                    Instr::ImportName(i) => {
                        let fromlist = self.pop();
                        let level = self.pop();
                        let name = code.names[i as usize].clone();
                        self.frames[fi].pc = pc;
                        let m = tri!(self.import_name(fi, &name, &fromlist, &level));
                        self.stack.push(m);
                    }
                    Instr::ImportFrom(i) => {
                        let m = self.top().clone();
                        let v = tri!(self.import_from(&m, &code.names[i as usize]));
                        self.stack.push(v);
                    }
                    Instr::ImportStar => {
                        let m = self.pop();
                        let locals = self.frames[fi].locals.clone();
                        tri!(self.import_star(&m, &locals));
                    }
                    Instr::RaiseVarargs(n) => {
                        let cause = if n == 2 { Some(self.pop()) } else { None };
                        let exc = if n >= 1 { Some(self.pop()) } else { None };
                        self.frames[fi].pc = pc;
                        match exc {
                            None => {
                                let cur = self.exc_info.clone();
                                match cur {
                                    Value::Obj(e) => {
                                        pending = Some((e, true));
                                        // A bare `raise` adds this line to the
                                        // traceback, as CPython does.
                                        pending = pending.map(|(e, _)| (e, false));
                                        continue 'frame;
                                    }
                                    _ => tri!(Err(
                                        self.runtime_error("No active exception to reraise")
                                    )),
                                }
                            }
                            Some(e) => {
                                let e = tri!(self.make_raisable(e, cause));
                                self.set_context(&e);
                                pending = Some((e, false));
                                continue 'frame;
                            }
                        }
                    }
                    Instr::Reraise => {
                        let e = self.pop();
                        self.frames[fi].pc = pc;
                        match e {
                            Value::Obj(e) => {
                                pending = Some((e, true));
                                continue 'frame;
                            }
                            _ => tri!(Err(self.runtime_error("No active exception to reraise"))),
                        }
                    }
                    Instr::PushExcInfo => {
                        let exc = self.pop();
                        let prev = std::mem::replace(&mut self.exc_info, exc.clone());
                        self.stack.push(prev);
                        self.stack.push(exc);
                    }
                    Instr::PopExcept => {
                        let prev = self.pop();
                        self.exc_info = prev;
                    }
                    Instr::CheckExcMatch => {
                        let ty = self.pop();
                        let exc = self.top().clone();
                        let m = tri!(self.exception_matches(&exc, &ty));
                        self.stack.push(Value::Bool(m));
                    }
                    Instr::CheckEgMatch | Instr::PrepReraiseStar => {
                        tri!(Err(
                            self.not_implemented_error("'except*' is not supported yet")
                        ));
                    }
                    Instr::BeforeWith => {
                        let mgr = self.pop();
                        let (exit, entered) = tri!(self.before_with(&mgr));
                        self.stack.push(exit);
                        self.stack.push(entered);
                    }
                    Instr::WithExceptStart => {
                        let l = self.stack.len();
                        let exit = self.stack[l - 3].clone();
                        let exc = self.stack[l - 1].clone();
                        let ty = self.class_of(&exc).clone();
                        let tb = self.traceback_value(&exc);
                        let r = tri!(self.call(&exit, vec![Value::Obj(ty), exc, tb]));
                        self.stack.push(r);
                    }
                    Instr::LoadAssertionError => {
                        self.stack
                            .push(Value::Obj(self.exc.assertion_error.clone()));
                    }
                    Instr::SetupAnnotations => {
                        let locals = self.frames[fi].locals.clone();
                        let key = self.names.annotations.clone();
                        if tri!(self.mapping_get(&locals, &key)).is_none() {
                            let d = self.new_dict();
                            tri!(self.mapping_set(&locals, key, d));
                        }
                    }
                    Instr::MatchClass(_)
                    | Instr::MatchMapping
                    | Instr::MatchSequence
                    | Instr::MatchKeys
                    | Instr::GetLen
                    | Instr::CopyDictWithoutKeys => {
                        tri!(self.match_instr(instr));
                    }
                    Instr::PrintExpr => {
                        let v = self.pop();
                        tri!(self.display_hook(v));
                    }
                }
            }
        }
    }

    /// Finds the handler for an error at `pc - 1` in the top frame: adds the
    /// traceback entry, cuts the stack, pushes the exception; returns where
    /// to continue. Without a handler, returns the exception.
    fn handle_error(&mut self, exc: Obj, reraise: bool, pc: usize) -> Result<usize, Obj> {
        let fi = self.frames.len() - 1;
        let at = pc.saturating_sub(1) as u32;
        let code = self.frames[fi].code.clone();
        if !reraise {
            if let ObjKind::Exception(data) = exc.kind() {
                data.borrow_mut().traceback.push(TracebackEntry {
                    code: code.clone(),
                    pc: at,
                });
            }
        }
        match code.code.handler_for(at) {
            Some(h) => {
                let base = self.frames[fi].base + code.nlocalsplus;
                self.stack.truncate(base + h.depth as usize);
                self.stack.push(Value::Obj(exc));
                Ok(h.target as usize)
            }
            None => Err(exc),
        }
    }

    /// `cls(args)` from a call instruction, for a class made by `type`
    /// whose `__init__` is a Python function taking exactly the arguments
    /// given: the instance is made and the `__init__` frame pushed, with
    /// no native recursion. The stack holds a null at `p`, the class, then
    /// the arguments; the instance goes in place of both null and class.
    fn class_call_inline(&mut self, cls: &Obj, p: usize) -> PyResult<bool> {
        if !matches!(cls.kind(), ObjKind::Type(_)) || !cls.class().is(&self.types.type_) {
            return Ok(false);
        }
        let crate::types::NewPlan::PyInit(init) = self.new_plan(cls) else {
            return Ok(false);
        };
        let ObjKind::Function(f) = init.kind() else {
            return Ok(false);
        };
        let nargs = self.stack.len() - (p + 2);
        if !f.code.simple_args
            || nargs + 1 != f.code.code.argcount as usize
            || f.code.code.is_generator_like()
        {
            return Ok(false);
        }
        if self.depth >= self.recursion_limit {
            return Err(self.recursion_error());
        }
        let inst = crate::objtype::alloc_instance(self, cls);
        self.stack[p] = inst.clone();
        self.stack[p + 1] = inst;
        let mut frame = self.new_frame(f, p + 1, p + 1);
        frame.is_init = true;
        self.push_frame(frame);
        Ok(true)
    }

    fn make_function(
        &mut self,
        fi: usize,
        code_obj: &Value,
        closure: Vec<Value>,
        annotations: Value,
        kwdefaults: Value,
        defaults: Value,
    ) -> Value {
        let Some(ObjKind::Code(co)) = code_obj.kind() else {
            return Value::None;
        };
        let co = co.clone();
        let f = &self.frames[fi];
        let globals = f.globals.clone();
        let builtins = self.builtins_dict.clone();
        let module = crate::dictops::get_str_obj(&globals, &self.names.name).unwrap_or(Value::None);
        let doc = match co.code.consts.first() {
            Some(krait_compiler::Const::Str(_))
                if co.code.flags & krait_compiler::code::flags::OPTIMIZED != 0
                    && co.code.name != "<lambda>"
                    && !co.code.name.starts_with('<') =>
            {
                co.consts[0].clone()
            }
            _ => Value::None,
        };
        let func = Function {
            name: RefCell::new(Value::Obj(co.name.clone())),
            qualname: RefCell::new(Value::Obj(co.qualname.clone())),
            code: co,
            globals,
            builtins,
            defaults: RefCell::new(defaults),
            kwdefaults: RefCell::new(kwdefaults),
            closure: closure.into_boxed_slice(),
            annotations: RefCell::new(annotations),
            module: RefCell::new(module),
            doc: RefCell::new(doc),
        };
        Value::Obj(Obj::new(
            self.types.function.clone(),
            ObjKind::Function(Box::new(func)),
        ))
    }

    fn unbound_local(&self, name: &str) -> Obj {
        self.new_exception_msg(
            &self.exc.unbound_local_error,
            &format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }

    fn unbound_deref(&self, code: &crate::code::CodeObject, slot: usize) -> Obj {
        let name = code.code.slot_name(slot);
        if slot < code.nlocals + code.code.cellvars.len() {
            self.unbound_local(name)
        } else {
            self.name_error(format!(
                "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
            ))
        }
    }

    pub fn name_not_defined(&self, name: &Obj) -> Obj {
        let n = crate::strops::text(name).into_owned();
        let e = self.name_error(format!("name '{n}' is not defined"));
        // Candidates as CPython takes them: the frame's local variable
        // names, then its globals, then the builtins.
        let suggestion = self.frames.last().and_then(|f| {
            let keys = |d: &Obj| -> Vec<String> {
                crate::dictops::dict_cell(d)
                    .borrow()
                    .iter()
                    .filter_map(|e| {
                        crate::strops::value_pystr(&e.key).map(|s| s.to_string_lossy().into_owned())
                    })
                    .collect()
            };
            let locals: Vec<&str> = f.code.code.varnames.iter().map(String::as_str).collect();
            crate::suggest::closest(locals.into_iter(), &n)
                .or_else(|| {
                    crate::suggest::closest(keys(&f.globals).iter().map(String::as_str), &n)
                })
                .or_else(|| {
                    crate::suggest::closest(
                        keys(&self.builtins_dict).iter().map(String::as_str),
                        &n,
                    )
                })
        });
        if let ObjKind::Exception(d) = e.kind() {
            let mut d = d.borrow_mut();
            d.suggestion = suggestion;
            d.attr_name = Value::Obj(name.clone());
        }
        e
    }
}

#[inline]
fn fast_int_op(op: BinOp, x: i64, y: i64) -> Option<Value> {
    Some(Value::Int(match op {
        BinOp::Add | BinOp::InplaceAdd => x.checked_add(y)?,
        BinOp::Subtract | BinOp::InplaceSubtract => x.checked_sub(y)?,
        BinOp::Multiply | BinOp::InplaceMultiply => x.checked_mul(y)?,
        BinOp::And | BinOp::InplaceAnd => x & y,
        BinOp::Or | BinOp::InplaceOr => x | y,
        BinOp::Xor | BinOp::InplaceXor => x ^ y,
        BinOp::Remainder | BinOp::InplaceRemainder if y > 0 && x >= 0 => x % y,
        BinOp::FloorDivide | BinOp::InplaceFloorDivide if y > 0 && x >= 0 => x / y,
        BinOp::Rshift | BinOp::InplaceRshift if (0..64).contains(&y) => x >> y,
        BinOp::Lshift | BinOp::InplaceLshift if (0..63).contains(&y) && (x << y) >> y == x => {
            x << y
        }
        _ => return None,
    }))
}

fn cell_get(v: &Value) -> Value {
    match v.kind() {
        Some(ObjKind::Cell(c)) => c.borrow().clone(),
        _ => Value::Null,
    }
}

fn cell_set(cell: &Value, v: Value) {
    if let Some(ObjKind::Cell(c)) = cell.kind() {
        let old = std::mem::replace(&mut *c.borrow_mut(), v);
        drop(old);
    }
}

pub fn tuple_items(v: &Value) -> Vec<Value> {
    match v.kind() {
        Some(ObjKind::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    }
}
