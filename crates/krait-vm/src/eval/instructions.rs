//! The instructions the interpreter loop runs out of line: everything
//! but the handful of hot ones in `eval`. Each works on the value stack
//! of the top frame; one that jumps sets the frame's `pc`.

use crate::eval::{cell_get, cell_set, tuple_items};
use crate::object::ObjKind;
use crate::objects::code::CodeObject;
use crate::objects::function::{Args, Function};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_compiler::code::{format_value, make_function, Instr, UnaryOp};
use smallvec::SmallVec;
use std::cell::RefCell;

/// What one step of a `for` loop did.
pub(crate) enum ForStep {
    /// Pushed the next item.
    Item,
    /// Pushed the next item's two parts, unpacked.
    Unpacked,
    /// The iterator is exhausted and popped.
    Done,
}

impl Vm {
    fn pop_value(&mut self) -> Value {
        self.stack.pop().unwrap_or(Value::Null)
    }

    fn drain_from(&mut self, start: usize) -> Vec<Value> {
        self.stack.drain(start..).collect()
    }

    /// The instructions not handled inline by the loop.
    #[inline(never)]
    pub(crate) fn op_other(&mut self, instr: Instr, code: &CodeObject, fi: usize) -> PyResult<()> {
        let pc = self.frames[fi].pc;
        let base = self.frames[fi].base;
        match instr {
            Instr::DeleteFast(i) => {
                if self.stack[base + i as usize].is_null() {
                    return Err(self.unbound_local(&code.code.varnames[i as usize]));
                }
                self.stack[base + i as usize] = Value::Null;
                self.run_finalizers();
            }
            Instr::LoadClassDeref(i) => {
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
            }
            Instr::DeleteDeref(i) => {
                if cell_get(&self.stack[base + i as usize]).is_null() {
                    return Err(self.unbound_deref(code, i as usize));
                }
                cell_set(&self.stack[base + i as usize], Value::Null);
            }
            Instr::LoadClosure(i) => {
                let v = self.stack[base + i as usize].clone();
                self.stack.push(v);
            }
            Instr::StoreGlobal(i) => {
                let v = self.pop_value();
                let g = self.frames[fi].globals.clone();
                self.store_global_cached(&code.caches[pc - 1], &g, &code.names[i as usize], v);
            }
            Instr::DeleteGlobal(i) => {
                let g = self.frames[fi].globals.clone();
                let name = &code.names[i as usize];
                if crate::objects::dict::remove_str(&g, name).is_none() {
                    return Err(self.name_not_defined(name));
                }
            }
            Instr::LoadName(i) => {
                let v = self.load_name(code, fi, pc, i as usize)?;
                self.stack.push(v);
            }
            Instr::StoreName(i) => {
                let v = self.pop_value();
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
            }
            Instr::DeleteName(i) => {
                let name = code.names[i as usize].clone();
                let locals = self.frames[fi].locals.clone();
                if !self.mapping_del(&locals, &name)? {
                    return Err(self.name_not_defined(&name));
                }
                self.run_finalizers();
            }
            Instr::DeleteAttr(i) => {
                let obj = self.pop_value();
                self.delattr(&obj, &code.names[i as usize])?;
            }
            Instr::Unary(op) => {
                let v = self.pop_value();
                let r = match op {
                    UnaryOp::Not => Value::Bool(!self.truthy(&v)?),
                    UnaryOp::Negative => self.unary_negative(&v)?,
                    UnaryOp::Positive => self.unary_positive(&v)?,
                    UnaryOp::Invert => self.unary_invert(&v)?,
                };
                self.stack.push(r);
            }
            Instr::ContainsOp(inv) => {
                let container = self.pop_value();
                let item = self.pop_value();
                let r = self.contains(&container, &item)?;
                self.stack.push(Value::Bool(r != (inv == 1)));
            }
            Instr::DeleteSubscr => {
                let key = self.pop_value();
                let container = self.pop_value();
                self.delitem(&container, &key)?;
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
                let t = crate::objects::set::table_from(self, items)?;
                let s = crate::objects::set::new_set_obj(self, t, false);
                self.stack.push(Value::Obj(s));
            }
            Instr::BuildMap(n) => {
                let items = self.drain_from(self.stack.len() - 2 * n as usize);
                let d =
                    self.new_dict_obj(crate::objects::dict::table::Dict::with_capacity(n as usize));
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    crate::objects::dict::set(self, &d, k, v)?;
                }
                self.stack.push(Value::Obj(d));
            }
            Instr::BuildConstKeyMap(n) => {
                let keys = self.pop_value();
                let values = self.drain_from(self.stack.len() - n as usize);
                let d =
                    self.new_dict_obj(crate::objects::dict::table::Dict::with_capacity(n as usize));
                let keys = tuple_items(&keys);
                for (k, v) in keys.into_iter().zip(values) {
                    crate::objects::dict::set(self, &d, k, v)?;
                }
                self.stack.push(Value::Obj(d));
            }
            Instr::BuildString(n) => {
                let parts = self.drain_from(self.stack.len() - n as usize);
                let mut out = Vec::new();
                for p in &parts {
                    if let Some(s) = crate::objects::str::value_pystr(p) {
                        out.extend_from_slice(s.as_bytes());
                    }
                }
                let s = crate::objects::str::PyStr::from_wtf8(out);
                self.stack.push(self.new_pystr(s));
            }
            Instr::BuildSlice(n) => {
                let step = if n == 3 {
                    self.pop_value()
                } else {
                    Value::None
                };
                let stop = self.pop_value();
                let start = self.pop_value();
                let s = Obj::new(
                    self.types.slice.clone(),
                    ObjKind::Slice { start, stop, step },
                );
                self.stack.push(Value::Obj(s));
            }
            Instr::SetAdd(i) => {
                let v = self.pop_value();
                let s = self.stack[self.stack.len() - i as usize].clone();
                crate::objects::set::add(self, s.as_obj().unwrap(), v)?;
            }
            Instr::MapAdd(i) => {
                let v = self.pop_value();
                let k = self.pop_value();
                let d = self.stack[self.stack.len() - i as usize].clone();
                crate::objects::dict::set(self, d.as_obj().unwrap(), k, v)?;
            }
            Instr::ListExtend(i) => {
                let iterable = self.pop_value();
                let l = self.stack[self.stack.len() - i as usize].clone();
                let items = match self.iterate(&iterable) {
                    Ok(v) => v,
                    Err(e) => return Err(self.star_arg_error(e, &iterable)),
                };
                if let Some(ObjKind::List(l)) = l.kind() {
                    l.borrow_mut().extend(items);
                }
            }
            Instr::SetUpdate(i) => {
                let iterable = self.pop_value();
                let s = self.stack[self.stack.len() - i as usize].clone();
                if let Some(ObjKind::Set(cell)) = s.kind() {
                    let mut t = std::mem::take(&mut *cell.borrow_mut());
                    let r = crate::objects::set::methods::update_table(self, &mut t, &iterable);
                    *cell.borrow_mut() = t;
                    r?;
                }
            }
            Instr::DictUpdate(i) | Instr::DictMerge(i) => {
                let other = self.pop_value();
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
            }
            Instr::ListToTuple => {
                let l = self.pop_value();
                let items = match l.kind() {
                    Some(ObjKind::List(items)) => items.borrow().clone(),
                    _ => Vec::new(),
                };
                let t = self.new_tuple(items);
                self.stack.push(t);
            }
            Instr::FormatValue(flags) => {
                let spec = if flags & format_value::HAS_SPEC != 0 {
                    Some(self.pop_value())
                } else {
                    None
                };
                let mut v = self.pop_value();
                v = match flags & format_value::CONVERSION_MASK {
                    format_value::STR => self.str(&v)?,
                    format_value::REPR => self.repr(&v)?,
                    format_value::ASCII => self.ascii(&v)?,
                    _ => v,
                };
                let r = self.format(&v, spec.as_ref())?;
                self.stack.push(r);
            }
            Instr::UnpackSequence(n) => {
                let seq = self.pop_value();
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
            }
            Instr::UnpackEx(arg) => {
                let seq = self.pop_value();
                let before = (arg & 0xFF) as usize;
                let after = (arg >> 8) as usize;
                let items = self.unpack(&seq, before, Some(after))?;
                self.stack.extend(items.into_iter().rev());
            }
            Instr::GetIter => {
                let v = self.pop_value();
                let it = self.iter(&v)?;
                self.stack.push(it);
            }
            Instr::JumpIfFalseOrPop(t) => {
                let v = self.stack.last().cloned().unwrap_or(Value::Null);
                if self.truthy(&v)? {
                    self.stack.pop();
                } else {
                    self.frames[fi].pc = t as usize;
                }
            }
            Instr::JumpIfTrueOrPop(t) => {
                let v = self.stack.last().cloned().unwrap_or(Value::Null);
                if self.truthy(&v)? {
                    self.frames[fi].pc = t as usize;
                } else {
                    self.stack.pop();
                }
            }
            Instr::CallFunctionEx(flags) => {
                let kwargs = if flags & 1 != 0 {
                    Some(self.pop_value())
                } else {
                    None
                };
                let args = self.pop_value();
                let callable = self.pop_value();
                let _null = self.pop_value();
                let pos = match args.kind() {
                    Some(ObjKind::Tuple(t)) => t.to_vec(),
                    _ => match self.iterate(&args) {
                        Ok(v) => v,
                        Err(e) => return Err(self.star_call_error(e, &callable, &args)),
                    },
                };
                let mut kw = Vec::new();
                if let Some(k) = kwargs {
                    kw = self.kwargs_pairs(&callable, &k)?;
                }
                let args = Args {
                    pos: SmallVec::from_vec(pos),
                    kw,
                };
                // A pushed frame is noticed by the loop.
                self.call_inline(&callable, args)?;
            }
            Instr::MakeFunction(flags) => {
                let code_obj = self.pop_value();
                let closure = if flags & make_function::CLOSURE != 0 {
                    tuple_items(&self.pop_value())
                } else {
                    Vec::new()
                };
                let annotations = if flags & make_function::ANNOTATIONS != 0 {
                    self.pop_value()
                } else {
                    Value::None
                };
                let kwdefaults = if flags & make_function::KW_DEFAULTS != 0 {
                    self.pop_value()
                } else {
                    Value::None
                };
                let defaults = if flags & make_function::DEFAULTS != 0 {
                    self.pop_value()
                } else {
                    Value::None
                };
                let f =
                    self.make_function(fi, &code_obj, closure, annotations, kwdefaults, defaults);
                self.stack.push(f);
            }
            Instr::LoadBuildClass => {
                match crate::objects::dict::get_str(&self.builtins_dict, "__build_class__") {
                    Some(v) => self.stack.push(v),
                    None => {
                        let name = self.intern("__build_class__");
                        return Err(self.name_not_defined(&name));
                    }
                }
            }
            Instr::Send(target) => {
                let v = self.pop_value();
                let it = self.stack.last().cloned().unwrap_or(Value::Null);
                match self.send_into(&it, v)? {
                    crate::objects::generator::Sent::Yielded(x) => self.stack.push(x),
                    crate::objects::generator::Sent::Returned(r) => {
                        self.stack.pop();
                        self.stack.push(r);
                        self.frames[fi].pc = target as usize;
                    }
                }
            }
            Instr::GetYieldFromIter => {
                let v = self.pop_value();
                let it = self.yield_from_iter(v)?;
                self.stack.push(it);
            }
            Instr::GetAwaitable(n) => {
                let v = self.pop_value();
                let what = self.type_name(&v);
                let Some(it) = self.awaitable_iter(v)? else {
                    return Err(self.type_error(match n {
                        1 => format!("'async with' received an object from __aenter__ that does not implement __await__: {what}"),
                        2 => format!("'async with' received an object from __aexit__ that does not implement __await__: {what}"),
                        _ => format!("object {what} can't be used in 'await' expression"),
                    }));
                };
                self.stack.push(it);
            }
            Instr::GetAIter => {
                let v = self.pop_value();
                let it = self.get_aiter(&v, crate::objects::asyncgen::AiterCaller::AsyncFor)?;
                self.stack.push(it);
            }
            Instr::GetANext => {
                let it = self.stack.last().cloned().unwrap_or(Value::None);
                let awaitable = self.get_anext(&it)?;
                self.stack.push(awaitable);
            }
            Instr::BeforeAsyncWith => {
                let mgr = self.pop_value();
                let (exit, entered) = self.before_async_with(&mgr)?;
                self.stack.push(exit);
                self.stack.push(entered);
            }
            Instr::AsyncGenWrap => {
                let v = self.pop_value();
                let ty = self.types.async_generator_wrapped_value.clone();
                self.stack
                    .push(Value::Obj(Obj::new(ty, ObjKind::AsyncGenValue(v))));
            }
            Instr::ImportName(i) => {
                let fromlist = self.pop_value();
                let level = self.pop_value();
                let name = code.names[i as usize].clone();
                let m = self.import_name(fi, &name, &fromlist, &level)?;
                self.stack.push(m);
            }
            Instr::ImportFrom(i) => {
                let m = self.stack.last().cloned().unwrap_or(Value::Null);
                let v = self.import_from(&m, &code.names[i as usize])?;
                self.stack.push(v);
            }
            Instr::ImportStar => {
                let m = self.pop_value();
                let locals = self.frames[fi].locals.clone();
                self.import_star(&m, &locals)?;
            }
            Instr::PushExcInfo => {
                let exc = self.pop_value();
                let prev = std::mem::replace(&mut self.exc_info, exc.clone());
                self.stack.push(prev);
                self.stack.push(exc);
            }
            Instr::PopExcept => {
                let prev = self.pop_value();
                self.exc_info = prev;
            }
            Instr::CheckExcMatch => {
                let ty = self.pop_value();
                let exc = self.stack.last().cloned().unwrap_or(Value::Null);
                let m = self.exception_matches(&exc, &ty)?;
                self.stack.push(Value::Bool(m));
            }
            Instr::CheckEgMatch => {
                let ty = self.pop_value();
                let exc = self.pop_value();
                match self.except_star_match(&exc, &ty)? {
                    None => {
                        self.stack.push(exc);
                        self.stack.push(Value::None);
                    }
                    Some((matched, rest)) => {
                        self.stack.push(rest);
                        self.stack.push(matched.clone());
                        self.exc_info = matched;
                    }
                }
            }
            Instr::PrepReraiseStar => {
                let excs = self.pop_value();
                let orig = self.pop_value();
                let r = self.prep_reraise_star(&orig, &excs)?;
                self.stack.push(r);
            }
            Instr::BeforeWith => {
                let mgr = self.pop_value();
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
            }
            Instr::WithExceptStart => {
                let l = self.stack.len();
                let exit = self.stack[l - 3].clone();
                let exc = self.stack[l - 1].clone();
                let ty = self.class_of(&exc).clone();
                let tb = self.traceback_value(&exc);
                let r = self.call(&exit, vec![Value::Obj(ty), exc, tb])?;
                self.stack.push(r);
            }
            Instr::LoadAssertionError => {
                self.stack
                    .push(Value::Obj(self.exc.assertion_error.clone()));
            }
            Instr::SetupAnnotations => {
                let locals = self.frames[fi].locals.clone();
                let key = self.names.annotations.clone();
                if self.mapping_get(&locals, &key)?.is_none() {
                    let d = self.new_dict();
                    self.mapping_set(&locals, key, d)?;
                }
            }
            Instr::MatchClass(_)
            | Instr::MatchMapping
            | Instr::MatchSequence
            | Instr::MatchKeys
            | Instr::GetLen
            | Instr::CopyDictWithoutKeys => {
                self.match_instr(instr)?;
            }
            Instr::PrintExpr => {
                let v = self.pop_value();
                self.display_hook(v)?;
            }
            // The loop runs these itself.
            Instr::Nop
            | Instr::PopTop
            | Instr::Copy(_)
            | Instr::Swap(_)
            | Instr::PushNull
            | Instr::LoadConst(_)
            | Instr::LoadFast(_)
            | Instr::StoreFast(_)
            | Instr::LoadDeref(_)
            | Instr::StoreDeref(_)
            | Instr::LoadGlobal(_)
            | Instr::LoadAttr(_)
            | Instr::StoreAttr(_)
            | Instr::LoadMethod(_)
            | Instr::BinaryOp(_)
            | Instr::Compare(_)
            | Instr::IsOp(_)
            | Instr::BinarySubscr
            | Instr::StoreSubscr
            | Instr::ListAppend(_)
            | Instr::ForIter(_)
            | Instr::Jump(_)
            | Instr::PopJumpIfFalse(_)
            | Instr::PopJumpIfTrue(_)
            | Instr::PopJumpIfNone(_)
            | Instr::PopJumpIfNotNone(_)
            | Instr::Call(_)
            | Instr::CallKw(_)
            | Instr::ReturnValue
            | Instr::YieldValue(_)
            | Instr::RaiseVarargs(_)
            | Instr::Reraise
            | Instr::EndAsyncFor
            | Instr::LoadFastLoadFast(..)
            | Instr::LoadFastLoadConst(..)
            | Instr::StoreFastLoadFast(..)
            | Instr::LoadFastLoadAttr(_)
            | Instr::BinaryOpConst(..)
            | Instr::CompareJumpIfFalse(..)
            | Instr::CompareJumpIfTrue(..)
            | Instr::PushNullLoadGlobal(_)
            | Instr::LoadFastBinaryOp(..)
            | Instr::LoadFastConstBinaryOp(..)
            | Instr::LoadFastLoadFastBinaryOp(..)
            | Instr::BinaryOpStoreFast(..)
            | Instr::SliceSubscr(_)
            | Instr::SliceStore(_) => unreachable!("handled by the loop"),
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

    /// `FOR_ITER` on iterators the loop does not step itself: pushes the
    /// next item, or pops the iterator at the end. When `unpack2` (the
    /// loop unpacks two targets next) and the iterator makes pairs, the
    /// pair is pushed already unpacked.
    #[inline(never)]
    pub(crate) fn op_for_iter(&mut self, unpack2: bool) -> PyResult<ForStep> {
        let it = self.stack.last().cloned().unwrap_or(Value::Null);
        if unpack2 {
            if let Some(ObjKind::Iter(state)) = it.kind() {
                match crate::objects::iterators::next_pair(self, state)? {
                    crate::objects::iterators::Pair::Two(a, b) => {
                        self.stack.push(b);
                        self.stack.push(a);
                        return Ok(ForStep::Unpacked);
                    }
                    crate::objects::iterators::Pair::Done => {
                        self.stack.pop();
                        return Ok(ForStep::Done);
                    }
                    crate::objects::iterators::Pair::NotPairs => {}
                }
            }
        }
        match self.next(&it)? {
            Some(v) => {
                self.stack.push(v);
                Ok(ForStep::Item)
            }
            None => {
                self.stack.pop();
                Ok(ForStep::Done)
            }
        }
    }

    /// A call of a native function or method with positional arguments:
    /// they go from the stack straight into the argument list.
    #[inline(never)]
    pub(crate) fn call_native(&mut self, p: usize, ci: usize, callable: &Value) -> PyResult<()> {
        let Some(ObjKind::Builtin(b)) = callable.kind() else {
            return Ok(());
        };
        // `len(x)` and `isinstance(x, t)`: no argument list.
        let nargs = self.stack.len() - ci - 1;
        if b.receiver.is_null() {
            use crate::objects::function::NativeFn;
            if nargs == 1
                && std::ptr::fn_addr_eq(b.func, crate::modules::builtins::builtin_len as NativeFn)
            {
                let x = self.pop_value();
                self.stack.truncate(p);
                let n = self.len(&x)?;
                self.stack.push(Value::Int(n as i64));
                return Ok(());
            }
            if nargs == 2
                && std::ptr::fn_addr_eq(
                    b.func,
                    crate::modules::builtins::builtin_isinstance as NativeFn,
                )
            {
                let t = self.pop_value();
                let x = self.pop_value();
                self.stack.truncate(p);
                let r = self.isinstance(&x, &t)?;
                self.stack.push(Value::Bool(r));
                return Ok(());
            }
        }
        let mut pos: SmallVec<[Value; 6]> = SmallVec::new();
        let skip = if !b.receiver.is_null() {
            pos.push(b.receiver.clone());
            1
        } else {
            if b.owner.is_some() {
                crate::eval::call::check_unbound_receiver(self, b, self.stack.get(ci + 1))?;
            }
            b.receiver_count()
        };
        pos.extend(self.stack.drain(ci + 1..));
        self.stack.truncate(p);
        let args = Args {
            pos,
            kw: Vec::new(),
        };
        let args = if b.rebinds_args() {
            b.bind_named(self, args, skip)?
        } else {
            b.check_args(self, &args, skip)?;
            args
        };
        let r = (b.func)(self, args)?;
        self.stack.push(r);
        Ok(())
    }

    /// A call the loop's fast paths did not take: the callable at `ci`
    /// (above a null at `p`, or at `p` with its receiver first among the
    /// arguments), the arguments above it, `kwnames` naming the last ones.
    /// Pushes the result, or pushes a frame and returns true.
    #[inline(never)]
    pub(crate) fn op_call(&mut self, p: usize, ci: usize, kwnames: Vec<Value>) -> PyResult<bool> {
        let callable = self.stack[ci].clone();
        let npos = self.stack.len() - (ci + 1) - kwnames.len();
        let mut pos: SmallVec<[Value; 6]> = SmallVec::new();
        let mut kw: Vec<(Obj, Value)> = Vec::with_capacity(kwnames.len());
        let mut values = self.stack.drain(ci + 1..);
        pos.extend(values.by_ref().take(npos));
        for (k, v) in kwnames.into_iter().zip(values) {
            if let Value::Obj(k) = k {
                kw.push((k, v));
            }
        }
        self.stack.truncate(p);
        self.call_inline(&callable, Args { pos, kw })
    }

    /// Calls `callable` from the loop: a Python function, or a method bound
    /// to one, gets its frame pushed to run in the loop (true); anything
    /// else is called and its result pushed (false).
    pub(crate) fn call_inline(&mut self, callable: &Value, mut args: Args) -> PyResult<bool> {
        let func = match callable.kind() {
            Some(ObjKind::BoundMethod { func, receiver })
                if matches!(func.kind(), Some(ObjKind::Function(_))) =>
            {
                args.pos.insert(0, receiver.clone());
                func.clone()
            }
            _ => callable.clone(),
        };
        if let Value::Obj(fo) = &func {
            if let ObjKind::Function(_) = fo.kind() {
                let base = self.stack.len();
                self.bind_and_push(fo, args, base, base)?;
                let top = self.frames.len() - 1;
                let generator = self.frames[top].code.code.is_generator_like();
                // (The frame counts in the depth now.)
                if generator || self.depth > self.recursion_limit {
                    self.depth -= 1;
                    let frame = self.frames.pop().expect("the frame just pushed");
                    if !generator {
                        self.stack.truncate(base);
                        return Err(self.recursion_error());
                    }
                    let g = self.make_generator(frame, fo);
                    self.stack.push(g);
                    return Ok(false);
                }
                return Ok(true);
            }
        }
        let r = self.call_args(callable, args)?;
        self.stack.push(r);
        Ok(false)
    }

    /// `RAISE_VARARGS`: the exception to raise (or the error in making
    /// it).
    #[inline(never)]
    pub(crate) fn op_raise(&mut self, n: u32) -> Obj {
        let cause = if n == 2 { Some(self.pop_value()) } else { None };
        let exc = if n >= 1 { Some(self.pop_value()) } else { None };
        match exc {
            // A bare `raise` adds this line to the traceback, as CPython
            // does.
            None => match self.current_exception() {
                Value::Obj(e) => e,
                _ => self.runtime_error("No active exception to reraise"),
            },
            Some(e) => match self.make_raisable(e, cause) {
                Ok(e) => {
                    self.set_context(&e);
                    e
                }
                Err(e) => e,
            },
        }
    }

    pub(crate) fn make_function(
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
        let globals = self.frames[fi].globals.clone();
        let builtins = self.builtins_dict.clone();
        let module =
            crate::objects::dict::get_str_obj(&globals, &self.names.name).unwrap_or(Value::None);
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
}
