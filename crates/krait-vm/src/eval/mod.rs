//! The interpreter loop. Python-to-Python calls push a frame and continue
//! in the same loop; returns pop it. Native code that calls Python (a sort
//! key, `__eq__` in a dict) re-enters through [`Vm::run_frame`], whose
//! frame is marked as an entry: returning from it leaves that run.
//!
//! An error unwinds by the exception table: the handler covering the
//! failing instruction gets the stack cut to its depth and the exception
//! pushed; without one, the frame is popped and the caller's call
//! instruction fails in turn.

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
use crate::eval::instructions::ForStep;
use crate::object::{IterState, ObjKind};
use crate::objects::code::CodeObject;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_compiler::code::{BinOp, Instr};

/// How a run of the loop ended.
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
            let instrs = &code.instrs[..];
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
            // `LOAD_ATTR i` on `obj`, alone or fused after a load.
            macro_rules! load_attr {
                ($i:expr) => {{
                    let cache = &code.caches[pc - 1];
                    let name = &code.names[$i as usize];
                    // An instance attribute where the cache says: the
                    // object on top is replaced in place, without a call.
                    let hit = match self.top() {
                        Value::Obj(o) => crate::eval::cache::instance_attr_hit(cache, o, name),
                        _ => None,
                    };
                    if let Some(v) = hit {
                        if let Some(top) = self.stack.last_mut() {
                            *top = v;
                        }
                        continue;
                    }
                    if cache.kind.get() == crate::objects::code::cache_kind::PROPERTY
                        && self.property_inline(cache)
                    {
                        self.frames[fi].pc = pc;
                        continue 'frame;
                    }
                    let obj = self.pop();
                    let v = tri!(self.load_attr_cached(cache, &obj, name));
                    self.stack.push(v);
                }};
            }
            // `LOAD_GLOBAL i`: the cached entry without a call, or the
            // lookup.
            macro_rules! load_global {
                ($i:expr) => {{
                    let name = &code.names[$i as usize];
                    let cache = &code.caches[pc - 1];
                    let g = &self.frames[fi].globals;
                    let v =
                        match crate::eval::cache::global_hit(cache, g, &self.builtins_dict, name) {
                            Some(v) => v,
                            None => match self.load_global_cached(cache, g, name) {
                                Some(v) => v,
                                None => tri!(Err(self.name_not_defined(name))),
                            },
                        };
                    self.stack.push(v);
                }};
            }
            // `BINARY_OP op` on `a` and `b`, alone or fused after a constant.
            macro_rules! binary_op {
                ($op:expr, $a:expr, $b:expr) => {{
                    let (op, a, b) = ($op, $a, $b);
                    let r = match (&a, &b) {
                        (Value::Int(x), Value::Int(y)) => match fast_int_op(op, *x, *y) {
                            Some(v) => v,
                            None => tri!(self.binary_op(op, &a, &b)),
                        },
                        (Value::FloatBits(x), Value::FloatBits(y)) => {
                            match fast_float_op(op, f64::from_bits(*x), f64::from_bits(*y)) {
                                Some(v) => Value::Float(v),
                                None => tri!(self.binary_op(op, &a, &b)),
                            }
                        }
                        _ => {
                            if self.binop_inline(op, &a, &b) {
                                self.frames[fi].pc = pc;
                                continue 'frame;
                            }
                            tri!(self.binary_op(op, &a, &b))
                        }
                    };
                    self.stack.push(r);
                }};
            }
            // `LOAD_FAST i`.
            macro_rules! load_fast {
                ($i:expr) => {{
                    let v = self.stack[base + $i as usize].clone();
                    if v.is_null() {
                        tri!(Err(self.unbound_local(&code.code.varnames[$i as usize])));
                    }
                    self.stack.push(v);
                }};
            }
            // `COMPARE op` then a conditional jump to `t` taken when the
            // result's truth is `when`.
            macro_rules! compare_jump {
                ($op:expr, $t:expr, $when:expr) => {{
                    let op = $op;
                    let b = self.pop();
                    let a = self.pop();
                    let truth = match (&a, &b) {
                        (Value::Int(x), Value::Int(y)) => {
                            pc += 1;
                            op.holds(x, y)
                        }
                        _ => {
                            let r = tri!(self.compare(op, &a, &b));
                            // The truth test belongs to the jump.
                            pc += 1;
                            match r {
                                Value::Truth(b) => b != 0,
                                v => tri!(self.truthy(&v)),
                            }
                        }
                    };
                    if truth == $when {
                        pc = $t as usize;
                    }
                }};
            }
            // `FOR_ITER target`: the next item, or the jump past the loop.
            macro_rules! for_iter {
                ($target:expr) => {{
                    let target = $target;
                    // Ranges and lists step without a call.
                    if let Some(ObjKind::Iter(state)) = self.top().kind() {
                        let mut st = state.borrow_mut();
                        match &mut *st {
                            IterState::Range { next, stop, step } if *step == 1 => {
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
                            IterState::Dict {
                                dict,
                                pos,
                                what,
                                len,
                            } if *what < 2 => {
                                let d = crate::objects::dict::dict_cell(dict).borrow();
                                // A changed size is reported by the general
                                // path.
                                if d.len() == *len {
                                    match d.next_from(*pos) {
                                        Some((p, e)) => {
                                            *pos = p + 1;
                                            let v = if *what == 0 {
                                                e.key.clone()
                                            } else {
                                                e.value.clone()
                                            };
                                            drop(d);
                                            drop(st);
                                            self.stack.push(v);
                                        }
                                        None => {
                                            *pos = usize::MAX / 2;
                                            drop(d);
                                            drop(st);
                                            self.stack.pop();
                                            pc = target as usize;
                                        }
                                    }
                                    continue;
                                }
                            }
                            IterState::Seq { seq, index } => {
                                if let Some(ObjKind::List(l)) = seq.kind() {
                                    let item = l.borrow().get(*index).cloned();
                                    match item {
                                        Some(v) => {
                                            *index += 1;
                                            drop(st);
                                            self.stack.push(v);
                                        }
                                        None => {
                                            *st = IterState::Exhausted;
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
                    if let Some(ObjKind::Generator(_)) = self.top().kind() {
                        self.frames[fi].pc = pc;
                        if self.gen_enter_inline() {
                            continue 'frame;
                        }
                    }
                    let unpack2 = matches!(instrs.get(pc), Some(Instr::UnpackSequence(2)));
                    match tri!(self.op_for_iter(unpack2)) {
                        ForStep::Item => {}
                        ForStep::Unpacked => pc += 1,
                        ForStep::Done => pc = target as usize,
                    }
                }};
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
                    Instr::LoadFast(i) => load_fast!(i),
                    Instr::LoadFastLoadFast(a, b) => {
                        load_fast!(a);
                        pc += 1;
                        load_fast!(b);
                    }
                    Instr::LoadFastLoadConst(a, c) => {
                        load_fast!(a);
                        pc += 1;
                        self.stack.push(code.consts[c as usize].clone());
                    }
                    Instr::StoreFastLoadFast(a, b) => {
                        let v = self.pop();
                        self.stack[base + a as usize] = v;
                        pc += 1;
                        load_fast!(b);
                    }
                    Instr::LoadFastLoadAttr(a) => {
                        load_fast!(a);
                        let Instr::LoadAttr(i) = instrs[pc] else {
                            unreachable!("fused before a LOAD_ATTR")
                        };
                        pc += 1;
                        load_attr!(i);
                    }
                    Instr::BinaryOpConst(op, c) => {
                        let b = code.consts[c as usize].clone();
                        let a = self.pop();
                        pc += 1;
                        binary_op!(op, a, b);
                    }
                    Instr::CompareJumpIfFalse(op, t) => compare_jump!(op, t, false),
                    Instr::CompareJumpIfTrue(op, t) => compare_jump!(op, t, true),
                    Instr::StoreFast(i) => {
                        let v = self.pop();
                        self.stack[base + i as usize] = v;
                    }
                    Instr::LoadDeref(i) => {
                        let v = cell_get(&self.stack[base + i as usize]);
                        if v.is_null() {
                            tri!(Err(self.unbound_deref(code, i as usize)));
                        }
                        self.stack.push(v);
                    }
                    Instr::StoreDeref(i) => {
                        let v = self.pop();
                        cell_set(&self.stack[base + i as usize], v);
                    }
                    Instr::PushNullLoadGlobal(i) => {
                        self.stack.push(Value::Null);
                        pc += 1;
                        load_global!(i);
                    }
                    Instr::LoadFastBinaryOp(l, op) => {
                        let b = self.stack[base + l as usize].clone();
                        if b.is_null() {
                            tri!(Err(self.unbound_local(&code.code.varnames[l as usize])));
                        }
                        let a = self.pop();
                        pc += 1;
                        binary_op!(op, a, b);
                    }
                    Instr::LoadFastConstBinaryOp(l, c, op) => {
                        let a = self.stack[base + l as usize].clone();
                        if a.is_null() {
                            tri!(Err(self.unbound_local(&code.code.varnames[l as usize])));
                        }
                        let b = code.consts[c as usize].clone();
                        pc += 2;
                        binary_op!(op, a, b);
                    }
                    Instr::LoadFastLoadFastBinaryOp(l, m, op) => {
                        let a = self.stack[base + l as usize].clone();
                        if a.is_null() {
                            tri!(Err(self.unbound_local(&code.code.varnames[l as usize])));
                        }
                        pc += 1;
                        let b = self.stack[base + m as usize].clone();
                        if b.is_null() {
                            tri!(Err(self.unbound_local(&code.code.varnames[m as usize])));
                        }
                        pc += 1;
                        binary_op!(op, a, b);
                    }
                    Instr::BinaryOpStoreFast(op, l) => {
                        let b = self.pop();
                        let a = self.pop();
                        binary_op!(op, a, b);
                        // The operator may have run in a frame of its own;
                        // then the store runs by itself when it returns.
                        let v = self.pop();
                        pc += 1;
                        self.stack[base + l as usize] = v;
                    }
                    Instr::LoadGlobal(i) => load_global!(i),
                    Instr::SliceSubscr(n) => {
                        let (l, k) = (self.stack.len(), n as usize);
                        match self.slice_now(&self.stack[l - k - 1], &self.stack[l - k..]) {
                            Some(v) => {
                                self.stack.truncate(l - k - 1);
                                self.stack.push(v);
                                pc += 1;
                            }
                            // The slice object, then the subscription on its
                            // own.
                            None => {
                                self.frames[fi].pc = pc;
                                tri!(self.op_other(Instr::BuildSlice(n), code, fi));
                            }
                        }
                    }
                    Instr::SliceStore(n) => {
                        let (l, k) = (self.stack.len(), n as usize);
                        if self.store_slice_now(
                            &self.stack[l - k - 1],
                            &self.stack[l - k..],
                            &self.stack[l - k - 2],
                        ) {
                            self.stack.truncate(l - k - 2);
                            pc += 1;
                        } else {
                            self.frames[fi].pc = pc;
                            tri!(self.op_other(Instr::BuildSlice(n), code, fi));
                        }
                    }
                    Instr::LoadAttr(i) => load_attr!(i),
                    Instr::StoreAttr(i) => {
                        let obj = self.pop();
                        let v = self.pop();
                        let cache = &code.caches[pc - 1];
                        let name = &code.names[i as usize];
                        let v = match &obj {
                            Value::Obj(o) => {
                                match crate::eval::cache::instance_store_hit(cache, o, name, v) {
                                    Ok(()) => continue,
                                    Err(v) => v,
                                }
                            }
                            _ => v,
                        };
                        tri!(self.store_attr_cached(
                            &code.caches[pc - 1],
                            &obj,
                            &code.names[i as usize],
                            v
                        ));
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
                        binary_op!(op, a, b);
                    }
                    Instr::Compare(op) => {
                        let b = self.pop();
                        let a = self.pop();
                        let r = match (&a, &b) {
                            (Value::Int(x), Value::Int(y)) => Value::Bool(op.holds(x, y)),
                            _ => tri!(self.compare(op, &a, &b)),
                        };
                        self.stack.push(r);
                    }
                    Instr::IsOp(inv) => {
                        let b = self.pop();
                        let a = self.pop();
                        self.stack.push(Value::Bool(a.is(&b) != (inv == 1)));
                    }
                    Instr::BinarySubscr => {
                        let key = self.pop();
                        let container = self.pop();
                        let v = match self.sequence_item(&container, &key) {
                            Some(v) => v,
                            None => tri!(self.getitem(&container, &key)),
                        };
                        self.stack.push(v);
                    }
                    Instr::StoreSubscr => {
                        let key = self.pop();
                        let container = self.pop();
                        let v = self.pop();
                        if let Some(v) = self.store_list_item(&container, &key, v) {
                            tri!(self.setitem(&container, key, v));
                        }
                    }
                    Instr::ListAppend(i) => {
                        let v = self.pop();
                        if let Some(ObjKind::List(items)) =
                            self.stack[self.stack.len() - i as usize].kind()
                        {
                            items.borrow_mut().push(v);
                        }
                    }
                    Instr::ForIter(target) => for_iter!(target),
                    Instr::Jump(t) => pc = t as usize,
                    Instr::PopJumpIfFalse(t) => {
                        let b = match self.pop() {
                            Value::Truth(b) => b != 0,
                            v => tri!(self.truthy(&v)),
                        };
                        if !b {
                            pc = t as usize;
                        }
                    }
                    Instr::PopJumpIfTrue(t) => {
                        let b = match self.pop() {
                            Value::Truth(b) => b != 0,
                            v => tri!(self.truthy(&v)),
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
                    Instr::Call(n) => {
                        self.frames[fi].pc = pc;
                        let p = self.stack.len() - n as usize - 2;
                        // The callable: above a null, or a method below its
                        // receiver.
                        let ci = if self.stack[p].is_null() { p + 1 } else { p };
                        // A Python function called with exactly its positional
                        // parameters: the arguments become its locals in place.
                        let callable = self.stack[ci].clone();
                        if let Some(ObjKind::Function(f)) = callable.kind() {
                            let nargs = self.stack.len() - ci - 1;
                            // (Defaults are pushed only when the call is
                            // taken here.)
                            if f.code.simple_args
                                && !f.code.code.is_generator_like()
                                && (nargs == f.code.code.argcount as usize
                                    || nargs < f.code.code.argcount as usize
                                        && self.push_defaults(f, nargs))
                            {
                                if self.depth >= self.recursion_limit {
                                    tri!(Err(self.recursion_error()));
                                }
                                self.push_new_frame(f, ci + 1, p);
                                continue 'frame;
                            }
                        }
                        if let Some(ObjKind::Builtin(b)) = callable.kind() {
                            if ci == p
                                && std::ptr::fn_addr_eq(
                                    b.func,
                                    crate::objects::generator::gen_send
                                        as crate::objects::function::NativeFn,
                                )
                                && self.gen_call_send_inline(p)
                            {
                                continue 'frame;
                            }
                            tri!(self.call_native(p, ci, &callable));
                            continue;
                        }
                        if ci == p + 1 && tri!(self.class_call_inline(p)) {
                            continue 'frame;
                        }
                        if tri!(self.op_call(p, ci, Vec::new())) {
                            continue 'frame;
                        }
                    }
                    Instr::CallKw(n) => {
                        self.frames[fi].pc = pc;
                        let kwnames = tuple_items(&self.pop());
                        let p = self.stack.len() - n as usize - 2;
                        let ci = if self.stack[p].is_null() { p + 1 } else { p };
                        if tri!(self.op_call(p, ci, kwnames)) {
                            continue 'frame;
                        }
                    }
                    Instr::ReturnValue => {
                        let v = self.pop();
                        // A plain call returning to the caller in this loop:
                        // the frame is dropped where it is.
                        let plain = {
                            let f = &self.frames[fi];
                            (!f.is_entry && !f.is_init && f.binop.is_none() && f.gen.is_none())
                                .then_some(f.cleanup)
                        };
                        if let Some(cleanup) = plain {
                            self.frames.truncate(fi);
                            self.depth -= 1;
                            self.stack.truncate(cleanup);
                            self.run_finalizers();
                            self.stack.push(v);
                            continue 'frame;
                        }
                        let mut frame = self.pop_frame();
                        // An operator method declining: the operator's
                        // TypeError, naming the operands' class.
                        let declined = match frame.binop {
                            Some(op) if self.is_not_implemented(&v) => {
                                let a = self.stack[frame.cleanup].clone();
                                let b = self.stack[frame.cleanup + 1].clone();
                                Some((op, a, b))
                            }
                            _ => None,
                        };
                        self.stack.truncate(frame.cleanup);
                        if frame.gen.is_some() {
                            // A generator run in its caller's loop returned:
                            // a `for` drops it and leaves the loop; a
                            // `yield from` replaces it with the result.
                            self.gen_finish_inline(&mut frame, None);
                            drop(frame);
                            self.stack.pop();
                            let caller = self.frames.len() - 1;
                            match self.resuming_instr() {
                                Instr::ForIter(t) => self.frames[caller].pc = t as usize,
                                Instr::Send(t) => {
                                    self.stack.push(v);
                                    self.frames[caller].pc = t as usize;
                                }
                                // `gen.send(v)`: the call raises StopIteration.
                                Instr::Call(_) => pending = Some((self.stop_iteration(v), false)),
                                _ => {}
                            }
                            self.run_finalizers();
                            continue 'frame;
                        }
                        let (is_entry, is_init) = (frame.is_entry, frame.is_init);
                        drop(frame);
                        self.run_finalizers();
                        if is_entry {
                            return Ok(Exit::Return(v));
                        }
                        if let Some((op, a, b)) = declined {
                            // The left operand's method declined: the right
                            // operand's reflected method and the rest.
                            let rname = self.names.binop[op.base() as usize][1].clone();
                            let (ta, tb) = (self.class_of(&a).clone(), self.class_of(&b).clone());
                            let right = if ta.is(&tb) {
                                None
                            } else {
                                self.lookup_type_obj(&tb, &rname)
                            };
                            match self.binop_after_left(op, &a, &b, right) {
                                Ok(r) => self.stack.push(r),
                                Err(e) => pending = Some((e, false)),
                            }
                            continue 'frame;
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
                    Instr::Send(_) => {
                        self.frames[fi].pc = pc;
                        if self.gen_send_inline() {
                            continue 'frame;
                        }
                        tri!(self.op_other(instr, code, fi));
                        pc = self.frames[fi].pc;
                    }
                    Instr::YieldValue(_) => {
                        let v = self.pop();
                        self.frames[fi].pc = pc;
                        let frame = self.pop_frame();
                        if frame.gen.is_some() {
                            self.gen_suspend_inline(frame);
                            // After `gen.send(v)` the yielded value is the
                            // call's result, in place of the generator.
                            if let Instr::Call(_) = self.resuming_instr() {
                                self.stack.pop();
                            }
                            self.stack.push(v);
                            continue 'frame;
                        }
                        return Ok(Exit::Yield(v, frame));
                    }
                    Instr::RaiseVarargs(n) => {
                        self.frames[fi].pc = pc;
                        pending = Some((self.op_raise(n), false));
                        continue 'frame;
                    }
                    Instr::EndAsyncFor => {
                        // The loop's handler: StopAsyncIteration ends it,
                        // anything else goes on.
                        let e = self.pop();
                        self.pop();
                        self.frames[fi].pc = pc;
                        if let Value::Obj(e) = e {
                            if !e.class().is_subtype(&self.exc.stop_async_iteration) {
                                pending = Some((e, true));
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
                    _ => {
                        self.frames[fi].pc = pc;
                        tri!(self.op_other(instr, code, fi));
                        // A call that pushed a frame to run in the loop.
                        if self.frames.len() != fi + 1 {
                            continue 'frame;
                        }
                        // Jumps taken by out-of-line instructions.
                        pc = self.frames[fi].pc;
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
                // Where it was raised (its first entry): an exception being
                // handled there becomes its context, whatever raised it.
                if data.borrow().traceback.is_empty() {
                    self.set_context(&exc);
                }
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
        let at = |len: usize| {
            let j = if *i < 0 { *i + len as i64 } else { *i };
            (0..len as i64).contains(&j).then_some(j as usize)
        };
        match o.kind() {
            ObjKind::List(items) if o.class().is(&self.types.list) => {
                let items = items.borrow();
                at(items.len()).map(|j| items[j].clone())
            }
            ObjKind::Tuple(items) if o.class().is(&self.types.tuple) => {
                at(items.len()).map(|j| items[j].clone())
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
                let len = items.len() as i64;
                let j = if *i < 0 { *i + len } else { *i };
                if !(0..len).contains(&j) {
                    return Some(v);
                }
                let old = std::mem::replace(&mut items[j as usize], v);
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

#[inline(always)]
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
