//! The interpreter loop. Python-to-Python calls push a frame and continue
//! in the same loop; returns pop it. Native code that calls Python (a sort
//! key, `__eq__` in a dict) re-enters through [`Vm::run_frame`], whose
//! frame is marked as an entry: returning from it leaves that run.
//!
//! An error unwinds by the exception table: the handler covering the
//! failing instruction gets the stack cut to its depth and the exception
//! pushed; without one, the frame is popped and the caller's call
//! instruction fails in turn.

pub(crate) mod attributes;
pub(crate) mod build;
pub(crate) mod cache;
pub(crate) mod call;
pub(crate) mod control;
pub(crate) mod exceptions;
pub(crate) mod frame;
pub(crate) mod functions;
pub(crate) mod generators;
pub(crate) mod glue;
pub(crate) mod imports;
pub(crate) mod instructions;
pub(crate) mod names;
pub(crate) mod operators;
pub(crate) mod with_;

use crate::eval::frame::{Frame, TracebackEntry};
use crate::object::ObjKind;
use crate::objects::code::CodeObject;
use crate::protocol::sequence::wrap_index;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_compiler::code::{BinOp, Instr};

/// How a run of the loop ended.
/// What the loop does after an instruction's handler.
pub(crate) enum Flow {
    /// Go on with this frame's next instruction.
    Next,
    /// Set up the top frame again: a frame was pushed or popped (whoever
    /// did it saved the frame's `pc`).
    Frame,
    /// Unwind with this exception (re-raised when the flag is set); the
    /// frame's `pc` is already saved.
    Raise(Obj, bool),
    /// The entry frame returned: leave the loop.
    Return(Value),
    /// The entry frame yielded: leave the loop with the frame suspended.
    Yield(Value),
}

/// Where the loop is: the running frame's index, the stack position of
/// its locals, and its code.
#[derive(Clone, Copy)]
pub(crate) struct At<'c> {
    pub fi: usize,
    pub base: usize,
    pub code: &'c CodeObject,
}

pub enum Exit {
    Return(Value),
    /// A generator's frame yielded; the frame is handed back to be kept.
    Yield(Value, Frame),
}

impl Vm {
    /// Runs a frame until it returns.
    pub fn run_frame(&mut self, frame: Frame) -> PyResult {
        if self.depth >= self.recursion_limit {
            self.stack.truncate(frame.cleanup);
            return Err(self.recursion_error());
        }
        self.push_frame(frame);
        self.run_pushed_frame()
    }

    /// Runs the frame on top of the frame stack until it returns.
    pub fn run_pushed_frame(&mut self) -> PyResult {
        // Marked where it is (a frame edited and then moved stalls on the
        // move).
        if let Some(frame) = self.frames.last_mut() {
            frame.is_entry = true;
        }
        match self.eval()? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(v, _) => Ok(v),
        }
    }

    pub(crate) fn push_frame(&mut self, frame: Frame) {
        self.depth += 1;
        self.frames.push(frame);
    }

    fn pop_frame(&mut self) -> Frame {
        self.depth -= 1;
        self.frames.pop().expect("a frame to pop")
    }

    /// The value on top of the stack, popped (`Null` if the stack is
    /// empty, which compiled code never makes it).
    #[inline]
    pub(crate) fn pop(&mut self) -> Value {
        self.stack.pop().unwrap_or(Value::Null)
    }

    #[inline]
    pub(crate) fn top(&self) -> &Value {
        self.stack.last().unwrap_or(&Value::Null)
    }

    /// Resumes the frame on top of the frame stack (pushed by the caller).
    pub fn eval(&mut self) -> PyResult<Exit> {
        self.eval_raising(None)
    }

    /// Resumes the top frame, first raising `exc` at its current
    /// instruction (for `generator.throw`).
    ///
    /// The loop keeps the common instructions inline and calls out to
    /// `evalops` for the rest: a small loop body lets the compiler keep
    /// `pc`, the code and the frame's base in registers.
    pub fn eval_raising(&mut self, exc: Option<Obj>) -> PyResult<Exit> {
        let mut pending: Option<(Obj, bool)> = exc.map(|e| (e, false));
        'frame: loop {
            let fi = self.frames.len() - 1;
            let code_rc = self.frames[fi].code.clone();
            let code: &CodeObject = &code_rc;
            let base = self.frames[fi].base;
            let mut pc = self.frames[fi].pc;
            if let Some((exc, reraise)) = pending.take() {
                // Unwind: the error happened at pc - 1 in this frame.
                match self.handle_error(exc, reraise, pc) {
                    Ok(target) => pc = target,
                    Err(mut exc) => {
                        let mut frame = self.pop_frame();
                        self.stack.truncate(frame.cleanup);
                        if frame.gen.is_some() {
                            if let Some(e) = self.gen_finish_inline(&mut frame, Some(exc.clone())) {
                                exc = e;
                            }
                        }
                        if frame.is_entry {
                            return Err(exc);
                        }
                        pending = Some((exc, false));
                        continue 'frame;
                    }
                }
            }
            let at = At { fi, base, code };
            // Held in a register rather than reloaded through `code` for
            // every instruction.
            let instrs = &code.instrs[..];
            // What an instruction's handler asks for next.
            macro_rules! step {
                ($e:expr) => {
                    match $e {
                        Ok(Flow::Next) => {}
                        Ok(Flow::Frame) => continue 'frame,
                        Ok(Flow::Raise(e, reraise)) => {
                            pending = Some((e, reraise));
                            continue 'frame;
                        }
                        Ok(Flow::Return(v)) => return Ok(Exit::Return(v)),
                        Ok(Flow::Yield(v)) => {
                            let frame = self.pop_frame();
                            return Ok(Exit::Yield(v, frame));
                        }
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
                    Instr::PopTop => step!(self.op_pop_top()),
                    Instr::Copy(n) => step!(self.op_copy(n)),
                    Instr::Swap(n) => step!(self.op_swap(n)),
                    Instr::PushNull => step!(self.op_push_null()),
                    Instr::LoadConst(i) => step!(self.op_load_const(at, i)),
                    Instr::LoadFast(i) => step!(self.op_load_fast(at, i)),
                    Instr::LoadFastLoadFast(a, b) => {
                        step!(self.op_load_fast_load_fast(at, &mut pc, a, b))
                    }
                    Instr::LoadFastLoadConst(a, c) => {
                        step!(self.op_load_fast_load_const(at, &mut pc, a, c))
                    }
                    Instr::StoreFastLoadFast(a, b) => {
                        step!(self.op_store_fast_load_fast(at, &mut pc, a, b))
                    }
                    Instr::LoadFastLoadAttr(a) => {
                        step!(self.op_load_fast_load_attr(at, &mut pc, a))
                    }
                    Instr::BinaryOpConst(op, c) => {
                        step!(self.op_binary_op_const(at, &mut pc, op, c))
                    }
                    Instr::CompareJumpIfFalse(op, t) => {
                        step!(self.op_compare_jump(&mut pc, op, t, false))
                    }
                    Instr::CompareJumpIfTrue(op, t) => {
                        step!(self.op_compare_jump(&mut pc, op, t, true))
                    }
                    Instr::StoreFast(i) => step!(self.op_store_fast(at, i)),
                    Instr::LoadDeref(i) => step!(self.op_load_deref(at, i)),
                    Instr::StoreDeref(i) => step!(self.op_store_deref(at, i)),
                    Instr::PushNullLoadGlobal(i) => {
                        step!(self.op_push_null_load_global(at, &mut pc, i))
                    }
                    Instr::LoadFastBinaryOp(l, op) => {
                        step!(self.op_load_fast_binary_op(at, &mut pc, l, op))
                    }
                    Instr::LoadFastConstBinaryOp(l, c, op) => {
                        step!(self.op_load_fast_const_binary_op(at, &mut pc, l, c, op))
                    }
                    Instr::LoadFastLoadFastBinaryOp(l, m, op) => {
                        step!(self.op_load_fast_load_fast_binary_op(at, &mut pc, l, m, op))
                    }
                    Instr::BinaryOpStoreFast(op, l) => {
                        step!(self.op_binary_op_store_fast(at, &mut pc, op, l))
                    }
                    Instr::LoadGlobal(i) => step!(self.op_load_global(at, pc, i)),
                    Instr::SliceSubscr(n) => step!(self.op_slice_subscr(at, &mut pc, n)),
                    Instr::SliceStore(n) => step!(self.op_slice_store(at, &mut pc, n)),
                    Instr::LoadAttr(i) => step!(self.op_load_attr(at, pc, i)),
                    Instr::StoreAttr(i) => step!(self.op_store_attr(at, pc, i)),
                    Instr::LoadMethod(i) => step!(self.op_load_method(at, pc, i)),
                    Instr::BinaryOp(op) => step!(self.op_binary_op(at, pc, op)),
                    Instr::Compare(op) => step!(self.op_compare(op)),
                    Instr::IsOp(inv) => step!(self.op_is_op(inv)),
                    Instr::BinarySubscr => step!(self.op_binary_subscr()),
                    Instr::StoreSubscr => step!(self.op_store_subscr()),
                    Instr::ListAppend(i) => step!(self.op_list_append(i)),
                    Instr::ForIter(target) => step!(self.op_for_iter(at, &mut pc, target)),
                    Instr::Jump(t) => step!(self.jump(&mut pc, t).map(|()| Flow::Next)),
                    Instr::PopJumpIfFalse(t) => step!(self.op_pop_jump_if(&mut pc, t, false)),
                    Instr::PopJumpIfTrue(t) => step!(self.op_pop_jump_if(&mut pc, t, true)),
                    Instr::PopJumpIfNone(t) => step!(self.op_pop_jump_if_none(&mut pc, t, true)),
                    Instr::PopJumpIfNotNone(t) => {
                        step!(self.op_pop_jump_if_none(&mut pc, t, false))
                    }
                    Instr::Call(n) => step!(self.op_call(at, pc, n)),
                    Instr::CallKw(n) => step!(self.op_call_kw(at, pc, n)),
                    Instr::ReturnValue => step!(self.op_return_value(fi)),
                    Instr::Send(_) => step!(self.op_send_inline(at, &mut pc, instr)),
                    Instr::YieldValue(_) => step!(self.op_yield_value(fi, pc)),
                    Instr::RaiseVarargs(n) => step!(self.op_raise_varargs(fi, pc, n)),
                    Instr::EndAsyncFor => step!(self.op_end_async_for(fi, pc)),
                    Instr::Reraise => step!(self.op_reraise(fi, pc)),
                    _ => step!(self.op_out_of_line(at, &mut pc, instr)),
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
                // Where it was raised (its first entry): an exception being
                // handled there becomes its context, whatever raised it.
                if data.borrow().traceback.is_empty() {
                    self.set_context(&exc);
                }
                data.borrow_mut().traceback.push(TracebackEntry {
                    code: code.clone(),
                    pc: at,
                    globals: Value::Obj(self.frames[fi].globals.clone()),
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

    /// The instruction of the top frame that resumed a generator running
    /// in this loop (`FOR_ITER`, `SEND` or a `CALL` of `send`): the one
    /// before its `pc`.
    fn resuming_instr(&self) -> Instr {
        let f = &self.frames[self.frames.len() - 1];
        f.code.code.instrs[f.pc - 1]
    }

    /// `LOAD_ATTR` of a property whose getter the cache holds: the getter
    /// runs as a frame of this loop with the object (on top of the stack)
    /// as its argument, and its result takes the object's place.
    fn property_inline(&mut self, cache: &crate::objects::code::InlineCache) -> bool {
        if cache.kind.get() != crate::objects::code::cache_kind::PROPERTY
            || self.depth >= self.recursion_limit
        {
            return false;
        }
        let Some(Value::Obj(o)) = self.stack.last() else {
            return false;
        };
        if cache.key.get() != o.class().tdata().version.get() {
            return false;
        }
        let fget = cache.value.take();
        cache.value.set(fget.clone());
        let Some(ObjKind::Function(f)) = fget.kind() else {
            return false;
        };
        let at = self.stack.len() - 1;
        self.push_new_frame(f, at, at);
        true
    }

    /// `a + b` (any binary operator) where `a`'s class has a plain Python
    /// function for it and `b` is not of a subclass (whose reflected method
    /// would go first): the method runs as a frame of this loop; if it
    /// declines, the return finishes the operator natively.
    fn binop_inline(&mut self, op: BinOp, a: &Value, b: &Value) -> bool {
        if op.is_inplace() || self.depth >= self.recursion_limit {
            return false;
        }
        // Only classes made by `class` statements (checked before anything
        // is cloned: built-in operands pass here on every operation).
        let Value::Obj(x) = a else {
            return false;
        };
        let cls = x.class();
        if !cls.tdata().heap {
            return false;
        }
        // A right operand of a subclass gets its reflected method first.
        let y = self.class_of(b);
        if !y.is(cls) && y.is_subtype(cls) {
            return false;
        }
        let cls = cls.clone();
        let name = self.names.binop[op as usize][0].clone();
        let Some(Value::Obj(m)) = self.lookup_type_obj(&cls, &name) else {
            return false;
        };
        let ObjKind::Function(f) = m.kind() else {
            return false;
        };
        if !f.code.simple_args || f.code.code.argcount != 2 || f.code.code.is_generator_like() {
            return false;
        }
        // The operands are kept below the frame as well: if the method
        // declines, the protocol goes on with them (the parameters may have
        // been reassigned or moved into cells).
        let at = self.stack.len();
        self.stack.push(a.clone());
        self.stack.push(b.clone());
        self.stack.push(a.clone());
        self.stack.push(b.clone());
        self.push_new_frame(f, at + 2, at);
        if let Some(frame) = self.frames.last_mut() {
            frame.binop = Some(op);
        }
        true
    }

    /// `cls(args)` from a call instruction, for a class made by `type`
    /// whose `__init__` is a Python function taking exactly the arguments
    /// given: the instance is made and the `__init__` frame pushed, with
    /// no native recursion. The stack holds a null at `p`, the class, then
    /// the arguments; the instance goes in place of both null and class.
    fn class_call_inline(&mut self, p: usize) -> PyResult<bool> {
        let Value::Obj(cls) = self.stack[p + 1].clone() else {
            return Ok(false);
        };
        if !matches!(cls.kind(), ObjKind::Type(_)) || !cls.class().is(&self.types.type_) {
            return Ok(false);
        }
        let (init, exception) = match self.new_plan(&cls) {
            crate::objects::typeobject::NewPlan::PyInit(init) => (init, false),
            crate::objects::typeobject::NewPlan::ExcInit(init) => (init, true),
            _ => return Ok(false),
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
        let inst = if exception {
            // `__new__` sees the class and the call's arguments.
            let mut pos: smallvec::SmallVec<[Value; 6]> = smallvec::SmallVec::new();
            pos.extend(self.stack[p + 1..].iter().cloned());
            crate::objects::exceptions::methods::exc_new(
                self,
                crate::objects::function::Args {
                    pos,
                    kw: Vec::new(),
                },
            )?
        } else {
            crate::objects::typeobject::object::alloc_instance(self, &cls)
        };
        self.stack[p] = inst.clone();
        self.stack[p + 1] = inst;
        self.push_new_frame(f, p + 1, p + 1);
        if let Some(frame) = self.frames.last_mut() {
            frame.is_init = true;
        }
        Ok(true)
    }

    pub(crate) fn unbound_local(&self, name: &str) -> Obj {
        self.new_exception_msg(
            &self.exc.unbound_local_error,
            &format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }

    pub(crate) fn unbound_deref(
        &self,
        code: &crate::objects::code::CodeObject,
        slot: usize,
    ) -> Obj {
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
        let n = crate::objects::str::text(name).into_owned();
        let e = self.name_error(format!("name '{n}' is not defined"));
        // Candidates as CPython takes them: the frame's local variable
        // names, then its globals, then the builtins.
        let suggestion = self.frames.last().and_then(|f| {
            let keys = |d: &Obj| -> Vec<String> {
                crate::objects::dict::dict_cell(d)
                    .borrow()
                    .iter()
                    .filter_map(|e| {
                        crate::objects::str::value_pystr(&e.key)
                            .map(|s| s.to_string_lossy().into_owned())
                    })
                    .collect()
            };
            let locals: Vec<&str> = f.code.code.varnames.iter().map(String::as_str).collect();
            crate::errors::suggest::closest(locals.into_iter(), &n)
                .or_else(|| {
                    crate::errors::suggest::closest(keys(&f.globals).iter().map(String::as_str), &n)
                })
                .or_else(|| {
                    crate::errors::suggest::closest(
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

impl Vm {
    /// `list[i]` and `tuple[i]` for an int index in range, on the built-in
    /// types themselves (a subclass may define `__getitem__`).
    #[inline]
    fn sequence_item(&self, container: &Value, key: &Value) -> Option<Value> {
        let (Value::Obj(o), Value::Int(i)) = (container, key) else {
            return None;
        };
        match o.kind() {
            ObjKind::List(items) if o.class().is(&self.types.list) => {
                let items = items.borrow();
                wrap_index(*i, items.len()).map(|j| items[j].clone())
            }
            ObjKind::Tuple(items) if o.class().is(&self.types.tuple) => {
                wrap_index(*i, items.len()).map(|j| items[j].clone())
            }
            _ => None,
        }
    }

    /// `list[i] = v` for an int index in range on a built-in list; gives
    /// the value back when it does not apply.
    #[inline]
    fn store_list_item(&self, container: &Value, key: &Value, v: Value) -> Option<Value> {
        let (Value::Obj(o), Value::Int(i)) = (container, key) else {
            return Some(v);
        };
        match o.kind() {
            ObjKind::List(items) if o.class().is(&self.types.list) => {
                let mut items = items.borrow_mut();
                let Some(j) = wrap_index(*i, items.len()) else {
                    return Some(v);
                };
                let old = std::mem::replace(&mut items[j], v);
                drop(items);
                drop(old);
                None
            }
            _ => Some(v),
        }
    }
}

/// Float arithmetic that cannot fail; `None` leaves the rest (division by
/// zero, overflowing or complex powers) to the general path.
#[inline(always)]
fn fast_float_op(op: BinOp, x: f64, y: f64) -> Option<f64> {
    match op.base() {
        BinOp::Add => Some(x + y),
        BinOp::Subtract => Some(x - y),
        BinOp::Multiply => Some(x * y),
        BinOp::TrueDivide if y != 0.0 => Some(x / y),
        BinOp::Power if x > 0.0 && x.is_finite() && y.is_finite() => {
            let r = x.powf(y);
            r.is_finite().then_some(r)
        }
        _ => None,
    }
}

pub(crate) fn cell_get(v: &Value) -> Value {
    match v.kind() {
        Some(ObjKind::Cell(c)) => c.borrow().clone(),
        _ => Value::Null,
    }
}

pub(crate) fn cell_set(cell: &Value, v: Value) {
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
