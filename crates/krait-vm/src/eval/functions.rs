//! Making and calling functions: `MAKE_FUNCTION`, calls with `*args` and
//! `**kwargs`, native calls, and calls run in the same loop.

use crate::eval::tuple_items;
use crate::eval::{At, Flow};
use crate::object::ObjKind;
use crate::objects::function::{Args, Function};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_compiler::code::make_function;
use krait_compiler::code::Instr;
use smallvec::SmallVec;
use std::cell::RefCell;

impl Vm {
    /// `CALL_FUNCTION_EX`.
    pub(crate) fn op_call_function_ex(&mut self, flags: u32) -> PyResult<()> {
        let kwargs = if flags & 1 != 0 {
            Some(self.pop())
        } else {
            None
        };
        let args = self.pop();
        let callable = self.pop();
        let _null = self.pop();
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
        Ok(())
    }

    /// `MAKE_FUNCTION`.
    pub(crate) fn op_make_function(&mut self, flags: u32, fi: usize) -> PyResult<()> {
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
        let f = self.make_function(fi, &code_obj, closure, annotations, kwdefaults, defaults);
        self.stack.push(f);
        Ok(())
    }

    /// `LOAD_BUILD_CLASS`.
    pub(crate) fn op_load_build_class(&mut self) -> PyResult<()> {
        match crate::objects::dict::get_str(&self.builtins_dict, "__build_class__") {
            Some(v) => self.stack.push(v),
            None => {
                let name = self.intern("__build_class__");
                return Err(self.name_not_defined(&name));
            }
        }
        Ok(())
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
            // By address: on this hot path a name comparison costs more,
            // and a miss only loses the shortcut.
            use crate::objects::function::NativeFn;
            if nargs == 1
                && std::ptr::fn_addr_eq(b.func, crate::modules::builtins::builtin_len as NativeFn)
            {
                let x = self.pop();
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
                let t = self.pop();
                let x = self.pop();
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
    pub(crate) fn call_general(
        &mut self,
        p: usize,
        ci: usize,
        kwnames: Vec<Value>,
    ) -> PyResult<bool> {
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

    /// `CALL n`. A Python function called with its positional parameters
    /// runs in this loop, its arguments becoming its locals in place;
    /// built-in functions, classes and the rest have their own paths.
    #[inline(always)]
    pub(crate) fn op_call(&mut self, at: At, pc: usize, n: u32) -> PyResult<Flow> {
        self.frames[at.fi].pc = pc;
        let p = self.stack.len() - n as usize - 2;
        // The callable: above a null, or a method below its receiver.
        let ci = if self.stack[p].is_null() { p + 1 } else { p };
        let callable = self.stack[ci].clone();
        if let Some(ObjKind::Function(f)) = callable.kind() {
            let nargs = self.stack.len() - ci - 1;
            // (Defaults are pushed only when the call is taken here.)
            if f.code.simple_args
                && !f.code.code.is_generator_like()
                && (nargs == f.code.code.argcount as usize
                    || nargs < f.code.code.argcount as usize && self.push_defaults(f, nargs))
            {
                if self.depth >= self.recursion_limit {
                    return Err(self.recursion_error());
                }
                self.push_new_frame(f, ci + 1, p);
                return Ok(Flow::Frame);
            }
        }
        if let Some(ObjKind::Builtin(b)) = callable.kind() {
            if ci == p
                && std::ptr::fn_addr_eq(
                    b.func,
                    crate::objects::generator::gen_send as crate::objects::function::NativeFn,
                )
                && self.gen_call_send_inline(p)
            {
                return Ok(Flow::Frame);
            }
            self.call_native(p, ci, &callable)?;
            return Ok(Flow::Next);
        }
        if ci == p + 1 && self.class_call_inline(p)? {
            return Ok(Flow::Frame);
        }
        if self.call_general(p, ci, Vec::new())? {
            return Ok(Flow::Frame);
        }
        Ok(Flow::Next)
    }

    /// `CALL_KW n`: the keyword names are a tuple on top.
    #[inline(always)]
    pub(crate) fn op_call_kw(&mut self, at: At, pc: usize, n: u32) -> PyResult<Flow> {
        self.frames[at.fi].pc = pc;
        let kwnames = tuple_items(&self.pop());
        let p = self.stack.len() - n as usize - 2;
        let ci = if self.stack[p].is_null() { p + 1 } else { p };
        if self.call_general(p, ci, kwnames)? {
            return Ok(Flow::Frame);
        }
        Ok(Flow::Next)
    }

    /// `RETURN_VALUE`. A plain call returning to a caller in this loop
    /// drops its frame where it is; the rest finish a generator run in
    /// its caller's loop, an operator method that declined, an `__init__`,
    /// or leave the loop from the entry frame.
    #[inline(always)]
    pub(crate) fn op_return_value(&mut self, fi: usize) -> PyResult<Flow> {
        let v = self.pop();
        let plain = {
            let f = &self.frames[fi];
            (!f.is_entry && !f.is_init && f.binop.is_none() && f.gen.is_none()).then_some(f.cleanup)
        };
        if let Some(cleanup) = plain {
            self.frames.truncate(fi);
            self.depth -= 1;
            self.stack.truncate(cleanup);
            self.run_finalizers();
            self.stack.push(v);
            return Ok(Flow::Frame);
        }
        Ok(self.return_special(v))
    }

    /// The returns that are not plain calls (see `op_return_value`).
    #[inline(never)]
    fn return_special(&mut self, v: Value) -> Flow {
        let mut frame = self.pop_frame();
        // An operator method declining: the operator's TypeError, naming
        // the operands' class.
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
            // A generator run in its caller's loop returned: a `for` drops
            // it and leaves the loop; a `yield from` replaces it with the
            // result.
            self.gen_finish_inline(&mut frame, None);
            drop(frame);
            self.stack.pop();
            let caller = self.frames.len() - 1;
            let mut flow = Flow::Frame;
            match self.resuming_instr() {
                Instr::ForIter(t) => self.frames[caller].pc = t as usize,
                Instr::Send(t) => {
                    self.stack.push(v);
                    self.frames[caller].pc = t as usize;
                }
                // `gen.send(v)`: the call raises StopIteration.
                Instr::Call(_) => flow = Flow::Raise(self.stop_iteration(v), false),
                _ => {}
            }
            self.run_finalizers();
            return flow;
        }
        let (is_entry, is_init) = (frame.is_entry, frame.is_init);
        drop(frame);
        self.run_finalizers();
        if is_entry {
            return Flow::Return(v);
        }
        if let Some((op, a, b)) = declined {
            // The left operand's method declined: the right operand's
            // reflected method and the rest.
            let rname = self.names.binop[op.base() as usize][1].clone();
            let (ta, tb) = (self.class_of(&a).clone(), self.class_of(&b).clone());
            let right = if ta.is(&tb) {
                None
            } else {
                self.lookup_type_obj(&tb, &rname)
            };
            return match self.binop_after_left(op, &a, &b, right) {
                Ok(r) => {
                    self.stack.push(r);
                    Flow::Frame
                }
                Err(e) => Flow::Raise(e, false),
            };
        }
        if is_init && !v.is_none() {
            // The instance is already in place of the result.
            return Flow::Raise(self.init_returned(&v), false);
        }
        if !is_init {
            self.stack.push(v);
        }
        Flow::Frame
    }
}
