//! Generators and coroutines: a suspended frame whose locals and stack are
//! kept in the object between resumptions; `send`, `throw`, `close`,
//! delegation for `yield from` and `await`.

use crate::api::{add_getsets, add_methods, FunctionDef, GetSetDef};
use crate::eval::frame::Frame;
use crate::eval::Exit;
use crate::object::{GenKind, GenState, ObjKind};
use crate::objects::function::Args;
use crate::objects::typeobject::slots::{install, NativeType, Slots};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_compiler::code::{flags, Instr};
use std::cell::RefCell;

thread_local! {
    /// Suspended generators whose last reference went away: they still
    /// have to be closed (their `finally` blocks run), which needs the VM.
    static DYING: RefCell<Vec<GenState>> = const { RefCell::new(Vec::new()) };
    /// Coroutines dropped without ever running: each is reported with a
    /// RuntimeWarning, through `warnings` so that filters and
    /// `catch_warnings` see it.
    static NEVER_AWAITED: RefCell<Vec<GenState>> = const { RefCell::new(Vec::new()) };
}

static ANY_DYING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

impl Drop for GenState {
    fn drop(&mut self) {
        let started = self.frame.as_ref().map(|f| f.pc > 0);
        if started == Some(false) && !self.finished && self.kind == GenKind::Coroutine {
            let mut state = self.take();
            // Reported once: the warning's dropping of it is silent.
            state.finished = true;
            let _ = NEVER_AWAITED.try_with(|d| d.borrow_mut().push(state));
            ANY_DYING.store(true, std::sync::atomic::Ordering::Relaxed);
            return;
        }
        let suspended = started == Some(true) && !self.finished && !self.running;
        if !suspended {
            return;
        }
        let state = self.take();
        // A thread being torn down has nothing left to run them.
        let _ = DYING.try_with(|d| d.borrow_mut().push(state));
        ANY_DYING.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

impl GenState {
    /// This state moved out of a generator that is being dropped.
    fn take(&mut self) -> GenState {
        GenState {
            code: self.code.clone(),
            frame: self.frame.take(),
            saved: std::mem::take(&mut self.saved),
            running: false,
            running_frame: 0,
            finished: self.finished,
            name: std::mem::take(&mut self.name),
            qualname: std::mem::take(&mut self.qualname),
            kind: self.kind,
            exc_state: std::mem::take(&mut self.exc_state),
            running_async: false,
            origin: std::mem::take(&mut self.origin),
        }
    }
}

/// Moves `stack[base..]` to the end of `out`, as moves (no reference
/// count changes).
fn move_tail(stack: &mut Vec<Value>, base: usize, out: &mut Vec<Value>) {
    let n = stack.len() - base;
    out.reserve(n);
    // SAFETY: the `n` values from `base` are initialised. They are copied
    // bitwise into `out`'s spare capacity (reserved above), then `stack`
    // forgets them by setting its length to `base`, so every value has
    // exactly one owner afterwards. Nothing between the copy and the two
    // `set_len` calls can panic.
    unsafe {
        std::ptr::copy_nonoverlapping(stack.as_ptr().add(base), out.as_mut_ptr().add(out.len()), n);
        out.set_len(out.len() + n);
        stack.set_len(base);
    }
}

/// What resuming a generator produced.
pub enum Sent {
    Yielded(Value),
    Returned(Value),
}

pub fn register(vm: &mut Vm) {
    for ty in [vm.types.generator.clone(), vm.types.coroutine.clone()] {
        add_methods(vm, &ty, SHARED);
    }
    let g = vm.types.generator.clone();
    // `__next__` raises StopIteration with the generator's return value,
    // which the slot (returning `None` at the end) does not carry.
    add_methods(vm, &g, &[FunctionDef::unary("__next__", gen_next)]);
    install::<GeneratorType>(vm, &g);
    let c = vm.types.coroutine.clone();
    let wrapper = vm.new_native_type::<CoroutineWrapperType>(&COROUTINE_WRAPPER);
    vm.remember_native_class("builtins", "coroutine_wrapper", &wrapper);
    add_methods(vm, &c, &[FunctionDef::unary("__await__", coroutine_await)]);
    install::<CoroutineType>(vm, &c);
    let ag = vm.types.async_generator.clone();
    install::<CoroutineType>(vm, &ag);
    add_getsets(vm, &g, GENERATOR_ATTRIBUTES);
    add_getsets(vm, &c, COROUTINE_ATTRIBUTES);
    add_getsets(vm, &ag, ASYNC_GENERATOR_ATTRIBUTES);
}

fn gen_state(v: &Value) -> &RefCell<GenState> {
    state(v.as_obj().expect("generators are objects"))
}

fn gen_name(vm: &mut Vm, g: &Value) -> PyResult {
    let n = gen_state(g).borrow().name.clone();
    Ok(vm.new_string(n))
}

fn gen_qualname(vm: &mut Vm, g: &Value) -> PyResult {
    let n = gen_state(g).borrow().qualname.clone();
    Ok(vm.new_string(n))
}

/// `__name__`/`__qualname__` set to `value`, which must be a str.
fn set_gen_name(vm: &mut Vm, g: &Value, value: Option<Value>, qual: bool) -> PyResult<()> {
    let what = if qual { "__qualname__" } else { "__name__" };
    let Some(text) = value
        .as_ref()
        .and_then(crate::objects::str::value_pystr)
        .map(|s| s.to_string_lossy().into_owned())
    else {
        return Err(vm.type_error(format!("{what} must be set to a string object")));
    };
    let mut g = gen_state(g).borrow_mut();
    if qual {
        g.qualname = text;
    } else {
        g.name = text;
    }
    Ok(())
}

fn gen_running(_: &mut Vm, g: &Value) -> PyResult {
    Ok(Value::Bool(gen_state(g).borrow().running))
}

/// Started, not running and not finished: paused at a `yield`/`await`.
fn gen_suspended(_: &mut Vm, g: &Value) -> PyResult {
    let g = gen_state(g).borrow();
    let started = g.frame.as_ref().is_some_and(|f| f.pc > 0);
    Ok(Value::Bool(!g.running && !g.finished && started))
}

/// The frame of an unfinished generator: its code, line and globals.
fn gen_frame(vm: &mut Vm, g: &Value) -> PyResult {
    let g = gen_state(g).borrow();
    if g.running {
        // Its frame is on the frame stack, with its callers below it.
        let at = g.running_frame;
        let here = vm
            .frames
            .get(at)
            .is_some_and(|f| std::rc::Rc::ptr_eq(&f.code, &g.code));
        drop(g);
        return if here {
            vm.frame_object(vm.frames.len() - 1 - at)
        } else {
            Ok(Value::None)
        };
    }
    let Some(f) = g.frame.as_ref().filter(|_| !g.finished) else {
        return Ok(Value::None);
    };
    // Not started yet: at its `def` line, as CPython's frame is.
    let lineno = if f.pc == 0 {
        f.code.code.first_lineno
    } else {
        f.code
            .code
            .positions
            .get(f.pc - 1)
            .map_or(f.code.code.first_lineno, |p| p.lineno)
    };
    let code = Value::Obj(Obj::new(
        vm.types.code.clone(),
        ObjKind::Code(f.code.clone()),
    ));
    Ok(Value::Obj(Obj::new(
        vm.types.frame.clone(),
        ObjKind::Frame(Box::new(crate::objects::traceback::FrameSnapshot {
            code,
            lineno,
            lasti: f.code.lasti(f.pc as u32),
            globals: Value::Obj(f.globals.clone()),
            locals: std::cell::RefCell::new(Value::None),
            fast: Vec::new(),
            back: Value::None,
        })),
    )))
}

fn gen_code(vm: &mut Vm, g: &Value) -> PyResult {
    let code = gen_state(g).borrow().code.clone();
    Ok(Value::Obj(Obj::new(
        vm.types.code.clone(),
        ObjKind::Code(code),
    )))
}

/// What a suspended generator delegates to (`gi_yieldfrom`,
/// `cr_await`): the iterator of the `yield from` or `await` it waits in,
/// which sits on top of its saved stack; None otherwise.
fn gen_delegate(_: &mut Vm, g: &Value) -> PyResult {
    let s = gen_state(g).borrow();
    if s.running || s.finished {
        return Ok(Value::None);
    }
    let waiting = s
        .frame
        .as_ref()
        .is_some_and(|f| f.pc >= 2 && matches!(f.code.code.instrs[f.pc - 1], Instr::YieldValue(1)));
    Ok(if waiting {
        s.saved.last().cloned().unwrap_or(Value::None)
    } else {
        Value::None
    })
}

const GENERATOR_ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::new("__name__", gen_name).settable(|vm, g, v| set_gen_name(vm, g, v, false)),
    GetSetDef::new("__qualname__", gen_qualname).settable(|vm, g, v| set_gen_name(vm, g, v, true)),
    GetSetDef::member("gi_running", gen_running),
    GetSetDef::new("gi_suspended", gen_suspended),
    GetSetDef::new("gi_frame", gen_frame),
    GetSetDef::new("gi_code", gen_code),
    GetSetDef::new("gi_yieldfrom", gen_delegate),
];

const COROUTINE_ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::new("__name__", gen_name).settable(|vm, g, v| set_gen_name(vm, g, v, false)),
    GetSetDef::new("__qualname__", gen_qualname).settable(|vm, g, v| set_gen_name(vm, g, v, true)),
    GetSetDef::member("cr_running", gen_running),
    GetSetDef::new("cr_suspended", gen_suspended),
    GetSetDef::new("cr_frame", gen_frame),
    GetSetDef::new("cr_code", gen_code),
    GetSetDef::new("cr_await", gen_delegate),
    GetSetDef::member("cr_origin", |_, g| Ok(gen_state(g).borrow().origin.clone())),
];

const ASYNC_GENERATOR_ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::new("__name__", gen_name).settable(|vm, g, v| set_gen_name(vm, g, v, false)),
    GetSetDef::new("__qualname__", gen_qualname).settable(|vm, g, v| set_gen_name(vm, g, v, true)),
    GetSetDef::member("ag_running", |_, g| {
        Ok(Value::Bool(gen_state(g).borrow().running_async))
    }),
    GetSetDef::new("ag_frame", gen_frame),
    GetSetDef::new("ag_code", gen_code),
    GetSetDef::new("ag_await", gen_delegate),
];

/// The methods generators and coroutines share.
const SHARED: &[FunctionDef] = &[
    FunctionDef::method("send", gen_send).one(),
    FunctionDef::method("throw", gen_throw).args(1, 3),
    FunctionDef::method("close", gen_close).no_args(),
];

pub struct GeneratorType;

impl NativeType for GeneratorType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(repr),
        ..Slots::iterator(
            |vm, o| match vm.send_into(&Value::Obj(o.clone()), Value::None)? {
                Sent::Yielded(v) => Ok(Some(v)),
                Sent::Returned(_) => Ok(None),
            },
        )
    };
}

/// Coroutines and async generators: only their repr is a slot.
pub struct CoroutineType;

impl NativeType for CoroutineType {
    const SLOTS: &'static Slots = &Slots::repr(repr);
}

/// `<generator object f at 0x...>`, and the same for coroutines and async
/// generators.
fn repr(vm: &mut Vm, o: &Obj) -> PyResult {
    let ObjKind::Generator(g) = o.kind() else {
        unreachable!("generator slots are installed on generators")
    };
    let g = g.borrow();
    let what = match g.kind {
        GenKind::Generator => "generator",
        GenKind::Coroutine => "coroutine",
        GenKind::AsyncGenerator => "async_generator",
    };
    let r = format!("<{what} object {} at {:#x}>", g.qualname, o.addr());
    Ok(vm.new_string(r))
}

/// Something dropped needs the VM to finish it (a generator to close, an
/// object's `__del__` to run).
pub(crate) fn note_dying() {
    ANY_DYING.store(true, std::sync::atomic::Ordering::Relaxed);
}

fn state(o: &Obj) -> &RefCell<GenState> {
    match o.kind() {
        ObjKind::Generator(g) => g,
        _ => unreachable!("a generator"),
    }
}

impl Vm {
    /// Closes the suspended generators dropped since the last call, as
    /// CPython does when their reference count reaches zero.
    #[inline]
    pub fn run_finalizers(&mut self) {
        if ANY_DYING.load(std::sync::atomic::Ordering::Relaxed) {
            self.close_dying();
        }
    }

    #[cold]
    fn close_dying(&mut self) {
        ANY_DYING.store(false, std::sync::atomic::Ordering::Relaxed);
        let unawaited = NEVER_AWAITED.with(|d| std::mem::take(&mut *d.borrow_mut()));
        for state in unawaited {
            self.warn_unawaited(state);
        }
        for obj in crate::object::take_finalizable() {
            self.run_del(obj);
        }
        self.run_weakref_callbacks();
        let dying = DYING.with(|d| std::mem::take(&mut *d.borrow_mut()));
        for state in dying {
            let class = match state.kind {
                GenKind::Generator => self.types.generator.clone(),
                GenKind::Coroutine => self.types.coroutine.clone(),
                GenKind::AsyncGenerator => self.types.async_generator.clone(),
            };
            let g = Obj::new(class, ObjKind::Generator(Box::new(RefCell::new(state))));
            if let Err(e) = self.gen_close_obj(&g) {
                self.write_unraisable(&e, None, Value::Obj(g));
            }
        }
    }

    /// "coroutine '...' was never awaited", by `warnings`' own helper
    /// (which shows where it was made, with origin tracking on), given
    /// the coroutine as CPython gives it.
    fn warn_unawaited(&mut self, state: GenState) {
        let name = state.qualname.clone();
        let coro = Obj::new(
            self.types.coroutine.clone(),
            ObjKind::Generator(Box::new(RefCell::new(state))),
        );
        // With no Python code running (the program has ended), it is
        // written as CPython writes it once `warnings` is gone.
        let helper = if self.frames.is_empty() {
            Err(self.runtime_error("no frame to warn in"))
        } else {
            self.import("warnings")
                .and_then(|w| self.getattr_str(&w, "_warn_unawaited_coroutine"))
        };
        let warned = match helper {
            Ok(f) => self.call(&f, vec![Value::Obj(coro.clone())]).map(drop),
            Err(_) => {
                self.warn_here(
                    "RuntimeWarning",
                    &format!("coroutine '{name}' was never awaited"),
                    "",
                );
                Ok(())
            }
        };
        if let Err(e) = warned {
            self.write_unraisable(&e, None, Value::Obj(coro));
        }
    }

    /// Runs `obj.__del__()` for an object whose last reference went; an
    /// error is reported and ignored, as CPython does.
    fn run_del(&mut self, obj: Obj) {
        crate::object::mark_finalized(&obj);
        let cls = obj.class().clone();
        let Some(m) = self.lookup_type(&cls, "__del__") else {
            return;
        };
        if let Err(e) = self.call_method_value(&m, Value::Obj(obj), vec![]) {
            self.write_unraisable(&e, None, m);
        }
    }

    /// Wraps a freshly bound frame of a generator function.
    pub fn make_generator(&mut self, mut frame: Frame, func: &Obj) -> Value {
        let n = frame.code.nlocalsplus;
        let saved: Vec<Value> = self.stack.drain(frame.base..frame.base + n).collect();
        self.stack.truncate(frame.cleanup);
        let c = &frame.code.code;
        let kind = if c.flags & flags::COROUTINE != 0 {
            GenKind::Coroutine
        } else if c.flags & flags::ASYNC_GENERATOR != 0 {
            GenKind::AsyncGenerator
        } else {
            GenKind::Generator
        };
        let (name, qualname) = match func.kind() {
            ObjKind::Function(func) => (
                func.name.borrow().clone(),
                crate::eval::call::qualname(func),
            ),
            _ => (Value::None, String::new()),
        };
        let name = name
            .as_obj()
            .map(|o| crate::objects::str::text(o).into_owned())
            .unwrap_or_default();
        frame.pc = 0;
        let origin = if kind == GenKind::Coroutine && self.coroutine_origin_depth > 0 {
            self.coroutine_origin()
        } else {
            Value::None
        };
        let class = match kind {
            GenKind::Generator => self.types.generator.clone(),
            GenKind::Coroutine => self.types.coroutine.clone(),
            GenKind::AsyncGenerator => self.types.async_generator.clone(),
        };
        Value::Obj(Obj::new(
            class,
            ObjKind::Generator(Box::new(RefCell::new(GenState {
                code: frame.code.clone(),
                frame: Some(frame),
                saved,
                running: false,
                running_frame: 0,
                finished: false,
                name,
                qualname,
                kind,
                exc_state: Value::None,
                running_async: false,
                origin,
            }))),
        ))
    }

    /// `cr_origin` of a coroutine made now: `(filename, line, function)`
    /// of the innermost frames, as many as the tracking depth asks.
    fn coroutine_origin(&mut self) -> Value {
        let depth = self.coroutine_origin_depth;
        let entries: Vec<(String, u32, String)> = self
            .frames
            .iter()
            .rev()
            .take(depth)
            .map(|f| {
                let code = &f.code.code;
                (
                    code.filename.to_string(),
                    f.line_at(f.pc.saturating_sub(1)),
                    code.name.to_string(),
                )
            })
            .collect();
        let items = entries
            .into_iter()
            .map(|(file, line, name)| {
                let file = self.new_string(file);
                let name = self.new_string(name);
                self.new_tuple(vec![file, Value::Int(i64::from(line)), name])
            })
            .collect();
        self.new_tuple(items)
    }

    /// Resumes a generator with `value`.
    pub(crate) fn resume_generator(&mut self, g: &Obj, value: Value) -> PyResult<Sent> {
        self.resume(g, value, None)
    }

    /// Resumes a generator with `value` (or raising `exc` in it).
    fn resume(&mut self, g: &Obj, value: Value, exc: Option<Obj>) -> PyResult<Sent> {
        let st = state(g);
        let frame = {
            let mut s = st.borrow_mut();
            if s.running {
                let what = s.kind.word();
                return Err(self.value_error(format!("{what} already executing")));
            }
            if s.finished || s.frame.is_none() {
                if s.kind == GenKind::Coroutine && exc.is_none() {
                    return Err(self.runtime_error("cannot reuse already awaited coroutine"));
                }
                drop(s);
                return match exc {
                    Some(e) => Err(e),
                    None => Ok(Sent::Returned(Value::None)),
                };
            }
            let mut frame = s.frame.take().unwrap();
            if frame.pc == 0 && exc.is_none() && !value.is_none() {
                s.frame = Some(frame);
                let what = s.kind.word();
                return Err(self.type_error(format!(
                    "can't send non-None value to a just-started {what}"
                )));
            }
            if frame.pc == 0 {
                if let Some(e) = exc {
                    // Thrown into before it started: it finishes with the error.
                    s.finished = true;
                    drop(s);
                    return Err(e);
                }
            }
            if self.depth >= self.recursion_limit {
                s.frame = Some(frame);
                drop(s);
                return Err(self.recursion_error());
            }
            s.running = true;
            s.running_frame = self.frames.len();
            let exc_state = std::mem::replace(&mut s.exc_state, Value::None);
            // An exception thrown in where the generator handles one
            // chains to it, as one raised there would.
            let chain = exc.is_some() && matches!(exc_state, Value::Obj(_));
            self.enter_exc_state(exc_state);
            if let (true, Some(e)) = (chain, &exc) {
                self.set_context(e);
            }
            let base = self.stack.len();
            frame.base = base;
            frame.cleanup = base;
            frame.is_entry = true;
            // The saved buffer keeps its capacity for the next suspension.
            self.stack.append(&mut s.saved);
            frame
        };
        let started = frame.pc > 0;
        if started && exc.is_none() {
            self.stack.push(value);
        }
        self.depth += 1;
        self.frames.push(frame);
        let r = self.eval_raising(exc);
        let mut s = st.borrow_mut();
        s.running = false;
        let inner_exc = self.leave_exc_state();
        match r {
            Ok(Exit::Yield(v, frame)) => {
                move_tail(&mut self.stack, frame.base, &mut s.saved);
                s.frame = Some(frame);
                s.exc_state = inner_exc;
                Ok(Sent::Yielded(v))
            }
            Ok(Exit::Return(v)) => {
                s.finished = true;
                Ok(Sent::Returned(v))
            }
            Err(e) => {
                s.finished = true;
                let kind = s.kind;
                drop(s);
                Err(self.escaping_generator(kind, e))
            }
        }
    }

    /// Resuming a generator: the exception it was handling when it
    /// suspended becomes the current one; the caller's is kept beneath
    /// (`sys.exc_info()` looks through to it while the generator handles
    /// none, as in CPython).
    fn enter_exc_state(&mut self, own: Value) {
        let caller = std::mem::replace(&mut self.exc_info, own);
        self.exc_outer.push(caller);
    }

    /// Suspending or leaving a generator: restores the caller's exception
    /// state and returns the generator's own.
    fn leave_exc_state(&mut self) -> Value {
        let caller = self.exc_outer.pop().unwrap_or(Value::None);
        std::mem::replace(&mut self.exc_info, caller)
    }

    /// An exception leaving a generator's frame: StopIteration becomes a
    /// RuntimeError (PEP 479).
    fn escaping_generator(&self, kind: GenKind, e: Obj) -> Obj {
        let stop = if e.class().is_subtype(&self.exc.stop_iteration) {
            "StopIteration"
        } else if kind == GenKind::AsyncGenerator
            && e.class().is_subtype(&self.exc.stop_async_iteration)
        {
            "StopAsyncIteration"
        } else {
            return e;
        };
        let r = self.runtime_error(format!("{} raised {stop}", kind.word()));
        crate::objects::exceptions::methods::set_cause(&r, e);
        r
    }

    /// `FOR_ITER` over a suspended generator: its frame is pushed to run
    /// in the same loop as the caller (no native recursion), marked with
    /// the generator so that a yield, return or error hands it back.
    /// False when the generator cannot be resumed that way (running,
    /// finished, a coroutine, or the recursion limit reached): the general
    /// path then resumes it or reports the error.
    pub(crate) fn gen_enter_inline(&mut self) -> bool {
        self.gen_resume_inline(1)
    }

    /// `SEND` (a step of `yield from`) into a suspended generator: like
    /// [`Vm::gen_enter_inline`], with the value on top of the stack sent
    /// in. False (nothing popped) when it cannot be done that way.
    pub(crate) fn gen_send_inline(&mut self) -> bool {
        self.gen_resume_inline(2)
    }

    /// `gen.send(v)` as a method call (`[send, gen, v]` from `p` on the
    /// stack): the generator runs in the caller's loop, its yield becoming
    /// the call's result (and its return a StopIteration there).
    pub(crate) fn gen_call_send_inline(&mut self, p: usize) -> bool {
        if self.stack.len() != p + 3
            || !self.can_resume_inline(&self.stack[p + 1], &self.stack[p + 2])
        {
            return false;
        }
        let g = self.stack.remove(p + 1);
        self.stack[p] = g;
        self.gen_resume_inline(2)
    }

    /// Whether `g` is a generator that `gen_resume_inline` can resume
    /// with `sent`: suspended, not a coroutine, within the recursion limit,
    /// and taking only None before it has started (the general path raises
    /// the TypeError).
    fn can_resume_inline(&self, g: &Value, sent: &Value) -> bool {
        let Some(ObjKind::Generator(st)) = g.kind() else {
            return false;
        };
        let s = st.borrow();
        self.depth < self.recursion_limit
            && !s.running
            && !s.finished
            && s.kind == GenKind::Generator
            && s.frame.as_ref().is_some_and(|f| f.pc > 0 || sent.is_none())
    }

    /// Resumes the generator `depth` slots down the stack in the caller's
    /// loop; with `depth` 2 the top value is popped and sent in.
    fn gen_resume_inline(&mut self, depth: usize) -> bool {
        let len = self.stack.len();
        if len < depth {
            return false;
        }
        let g = self.stack[len - depth].clone();
        let none = Value::None;
        let sent = if depth == 2 {
            &self.stack[len - 1]
        } else {
            &none
        };
        if !self.can_resume_inline(&g, sent) {
            return false;
        }
        let sent = if depth == 2 {
            self.stack.pop().unwrap_or(Value::None)
        } else {
            Value::None
        };
        let Some(ObjKind::Generator(st)) = g.kind() else {
            return false;
        };
        let mut s = st.borrow_mut();
        let Some(frame) = s.frame.take() else {
            return false;
        };
        // Moved whole into the frame stack and edited there: a frame edited
        // field by field and then copied stalls on the copy.
        self.frames.push(frame);
        s.running = true;
        s.running_frame = self.frames.len() - 1;
        // While it runs, the generator keeps the caller's exception state.
        let own = std::mem::replace(&mut s.exc_state, Value::None);
        self.enter_exc_state(own);
        let base = self.stack.len();
        // The saved buffer keeps its capacity for the next suspension.
        self.stack.append(&mut s.saved);
        drop(s);
        let frame = self.frames.last_mut().expect("the frame just pushed");
        frame.base = base;
        frame.cleanup = base;
        frame.is_entry = false;
        frame.gen = g.as_obj().cloned();
        if frame.pc > 0 {
            self.stack.push(sent);
        }
        self.depth += 1;
        true
    }

    /// A generator frame run by [`Vm::gen_enter_inline`] yielded: it goes
    /// back into its generator, suspended.
    pub(crate) fn gen_suspend_inline(&mut self, frame: Frame) {
        let Some(g) = frame.gen.clone() else { return };
        let st = state(&g);
        let mut s = st.borrow_mut();
        move_tail(&mut self.stack, frame.base, &mut s.saved);
        s.running = false;
        s.exc_state = self.leave_exc_state();
        // Stored whole, then the link to the generator (which owns the
        // frame) dropped in place.
        let stored = s.frame.insert(frame);
        stored.gen = None;
    }

    /// A generator frame run by [`Vm::gen_enter_inline`] ended, by return
    /// or by `error`: the generator is finished; the error to pass on.
    pub(crate) fn gen_finish_inline(
        &mut self,
        frame: &mut Frame,
        error: Option<Obj>,
    ) -> Option<Obj> {
        let Some(g) = frame.gen.take() else {
            return error;
        };
        let st = state(&g);
        let mut s = st.borrow_mut();
        s.running = false;
        s.finished = true;
        self.leave_exc_state();
        let kind = s.kind;
        drop(s);
        error.map(|e| self.escaping_generator(kind, e))
    }

    /// One step of `yield from`/`await`/iteration: sends `value` into an
    /// iterator (a generator natively, others by `__next__`/`send`).
    pub fn send_into(&mut self, it: &Value, value: Value) -> PyResult<Sent> {
        if let Value::Obj(o) = it {
            match o.kind() {
                ObjKind::Generator(_) => return self.resume(o, value, None),
                ObjKind::AsyncOp(_) => return self.async_op_step(o, value, None),
                _ => {}
            }
        }
        // `None` goes to an iterator's `__next__`; anything else, or to a
        // non-iterator (a coroutine-like object), goes to `send`.
        let r = if value.is_none() && self.is_iterator(it) {
            match self.next(it) {
                Ok(Some(v)) => return Ok(Sent::Yielded(v)),
                Ok(None) => return Ok(Sent::Returned(Value::None)),
                Err(e) => Err(e),
            }
        } else {
            self.call_method(it, "send", vec![value])
        };
        match r {
            Ok(v) => Ok(Sent::Yielded(v)),
            Err(e) if e.class().is_subtype(&self.exc.stop_iteration) => {
                Ok(Sent::Returned(stop_value(self, &e)))
            }
            Err(e) => Err(e),
        }
    }

    /// `gen.throw(exc)`: delegated to a `yield from` target first.
    pub fn gen_throw(&mut self, g: &Obj, exc: Obj) -> PyResult<Sent> {
        // Suspended inside `yield from`: the delegate gets the exception.
        let delegate = {
            let s = state(g).borrow();
            match &s.frame {
                Some(f)
                    if f.pc >= 2
                        && matches!(f.code.code.instrs[f.pc - 1], Instr::YieldValue(1)) =>
                {
                    s.saved.last().cloned()
                }
                _ => None,
            }
        };
        if let Some(d) = delegate {
            let is_close = exc.class().is(&self.exc.generator_exit);
            let r = match d.as_obj().map(|o| o.kind()) {
                Some(ObjKind::Generator(_)) => {
                    let dobj = d.as_obj().unwrap().clone();
                    if is_close {
                        self.gen_close_obj(&dobj).map(|_| None)
                    } else {
                        self.set_running(g, true);
                        let r = self.gen_throw(&dobj, exc.clone());
                        self.set_running(g, false);
                        r.map(Some)
                    }
                }
                _ => {
                    let name = if is_close { "close" } else { "throw" };
                    let key = self.intern(name);
                    match self.getattr(&d, &key) {
                        Ok(m) => {
                            if is_close {
                                self.call(&m, vec![]).map(|_| None)
                            } else {
                                let ty = Value::Obj(exc.class().clone());
                                match self.call(&m, vec![ty, Value::Obj(exc.clone())]) {
                                    Ok(v) => Ok(Some(Sent::Yielded(v))),
                                    Err(e) if e.class().is_subtype(&self.exc.stop_iteration) => {
                                        Ok(Some(Sent::Returned(stop_value(self, &e))))
                                    }
                                    Err(e) => Err(e),
                                }
                            }
                        }
                        Err(e) if e.class().is_subtype(&self.exc.attribute_error) => Ok(None),
                        Err(e) => Err(e),
                    }
                }
            };
            match r {
                Ok(Some(Sent::Yielded(v))) => return Ok(Sent::Yielded(v)),
                Ok(Some(Sent::Returned(v))) => {
                    // The delegate finished: continue after the loop.
                    let mut s = state(g).borrow_mut();
                    if let Some(f) = s.frame.as_mut() {
                        if let Instr::Send(target) = f.code.code.instrs[f.pc - 2] {
                            f.pc = target as usize;
                        }
                    }
                    s.saved.pop();
                    s.saved.push(v);
                    // `resume` pushes the sent value; undo by resuming with
                    // the value already in place.
                    let v = s.saved.pop().unwrap();
                    drop(s);
                    return self.resume_after_delegate(g, v);
                }
                Ok(None) => {}
                Err(e) => return self.resume(g, Value::None, Some(e)),
            }
        }
        self.resume(g, Value::None, Some(exc))
    }

    fn resume_after_delegate(&mut self, g: &Obj, v: Value) -> PyResult<Sent> {
        // The frame continues at the loop exit with the result pushed.
        self.resume(g, v, None)
    }

    fn set_running(&mut self, g: &Obj, running: bool) {
        state(g).borrow_mut().running = running;
    }

    /// `gen.close()`.
    pub fn gen_close_obj(&mut self, g: &Obj) -> PyResult {
        {
            let mut s = state(g).borrow_mut();
            if s.finished || s.frame.is_none() {
                return Ok(Value::None);
            }
            if s.frame.as_ref().is_some_and(|f| f.pc == 0) {
                s.finished = true;
                s.frame = None;
                return Ok(Value::None);
            }
        }
        let kind = state(g).borrow().kind;
        let exc = self.new_exception(&self.exc.generator_exit.clone(), vec![]);
        match self.gen_throw(g, exc) {
            Ok(Sent::Yielded(_)) => {
                Err(self.runtime_error(format!("{} ignored GeneratorExit", kind.word())))
            }
            Ok(Sent::Returned(_)) => Ok(Value::None),
            Err(e)
                if e.class().is_subtype(&self.exc.generator_exit)
                    || e.class().is_subtype(&self.exc.stop_iteration) =>
            {
                Ok(Value::None)
            }
            Err(e) => Err(e),
        }
    }

    /// The iterator `yield from v` delegates to.
    pub fn yield_from_iter(&mut self, v: Value) -> PyResult {
        if let Some(ObjKind::Generator(g)) = v.kind() {
            if g.borrow().kind == GenKind::Coroutine {
                let in_coroutine = self.frames.last().is_some_and(|f| {
                    f.code.flags() & (flags::COROUTINE | flags::ITERABLE_COROUTINE) != 0
                });
                if !in_coroutine {
                    return Err(self.type_error(
                        "cannot 'yield from' a coroutine object in a non-coroutine generator",
                    ));
                }
            }
            return Ok(v);
        }
        self.iter(&v)
    }

    /// The iterator `await v` runs.
    pub fn get_awaitable(&mut self, v: Value) -> PyResult {
        let what = self.type_name(&v);
        self.awaitable_iter(v)?.ok_or_else(|| {
            self.type_error(format!("object {what} can't be used in 'await' expression"))
        })
    }

    /// The iterator `await v` runs; None when `v`'s type has no
    /// `__await__` (callers word that error).
    pub fn awaitable_iter(&mut self, v: Value) -> PyResult<Option<Value>> {
        if let Some(ObjKind::Generator(g)) = v.kind() {
            let g = g.borrow();
            if g.kind == GenKind::Coroutine {
                if g.frame.as_ref().is_some_and(|f| f.pc > 0) && !g.finished {
                    drop(g);
                    return Err(self.runtime_error("coroutine is being awaited already"));
                }
                drop(g);
                return Ok(Some(v));
            }
            // A generator-based coroutine (`types.coroutine`).
            let iterable_coroutine = g
                .frame
                .as_ref()
                .is_some_and(|f| f.code.flags() & flags::ITERABLE_COROUTINE != 0);
            drop(g);
            if iterable_coroutine {
                return Ok(Some(v));
            }
        }
        let cls = self.class_of(&v).clone();
        let name = self.names.await_.clone();
        let Some(m) = self.lookup_type_obj(&cls, &name) else {
            return Ok(None);
        };
        let it = self.call_method_value(&m, v.clone(), vec![])?;
        if let Some(ObjKind::Generator(g)) = it.kind() {
            if g.borrow().kind == GenKind::Coroutine {
                return Err(self.type_error("__await__() returned a coroutine"));
            }
        }
        if !self.is_iterator(&it) {
            return Err(self.type_error(format!(
                "__await__() returned non-iterator of type '{}'",
                self.type_name(&it)
            )));
        }
        Ok(Some(it))
    }
}

/// The value a StopIteration carries.
pub fn stop_value(vm: &mut Vm, e: &Obj) -> Value {
    let key = vm.intern("value");
    match e
        .object()
        .dict()
        .and_then(|d| crate::objects::dict::get_str_obj(d, &key))
    {
        Some(v) => v,
        None => match crate::objects::exceptions::methods::exc_data(e) {
            Some(d) => crate::eval::tuple_items(&d.borrow().args)
                .into_iter()
                .next()
                .unwrap_or(Value::None),
            None => Value::None,
        },
    }
}

fn gen_obj(vm: &Vm, v: &Value) -> PyResult<Obj> {
    match v {
        Value::Obj(o) if matches!(o.kind(), ObjKind::Generator(_)) => Ok(o.clone()),
        _ => Err(vm.type_error("expected a generator")),
    }
}

fn sent_result(vm: &mut Vm, r: PyResult<Sent>) -> PyResult {
    match r? {
        Sent::Yielded(v) => Ok(v),
        Sent::Returned(v) => Err(vm.stop_iteration(v)),
    }
}

pub(crate) fn gen_send(vm: &mut Vm, args: Args) -> PyResult {
    let g = gen_obj(vm, &args.pos[0])?;
    let r = vm.resume(&g, args.pos[1].clone(), None);
    sent_result(vm, r)
}

fn gen_next(vm: &mut Vm, args: Args) -> PyResult {
    let g = gen_obj(vm, &args.pos[0])?;
    let r = vm.resume(&g, Value::None, None);
    sent_result(vm, r)
}

fn gen_throw(vm: &mut Vm, args: Args) -> PyResult {
    let g = gen_obj(vm, &args.pos[0])?;
    let exc = thrown_exception(vm, &args.pos[1..])?;
    let r = vm.gen_throw(&g, exc);
    sent_result(vm, r)
}

/// The exception `throw(typ[, val[, tb]])` raises (`args` are those
/// three), with CPython's errors for arguments that do not make one.
pub fn thrown_exception(vm: &mut Vm, args: &[Value]) -> PyResult<Obj> {
    let typ = &args[0];
    let val = args.get(1).filter(|v| !v.is_none()).cloned();
    let tb = args.get(2).filter(|v| !v.is_none()).cloned();
    if let Some(tb) = &tb {
        if !vm.class_of(tb).is(&vm.types.traceback) {
            return Err(vm.type_error("throw() third argument must be a traceback object"));
        }
    }
    let is_class = typ.as_obj().is_some_and(|t| t.type_data().is_some());
    if !is_class && val.is_some() && vm.is_instance_of(typ, &vm.exc.base_exception) {
        return Err(vm.type_error("instance exception may not have a separate value"));
    }
    let exc = match (typ, val) {
        (Value::Obj(t), Some(v)) if is_class => {
            if vm.class_of(&v).is_subtype(t) {
                v
            } else {
                vm.call(typ, vec![v])?
            }
        }
        _ => typ.clone(),
    };
    let exc = vm.make_raisable(exc, None).map_err(|_| {
        vm.type_error(
            "exceptions must be classes or instances deriving from BaseException, not ".to_string()
                + &vm.type_name(typ),
        )
    })?;
    if let Some(tb) = tb {
        vm.set_traceback_attr(&Value::Obj(exc.clone()), tb)?;
    }
    Ok(exc)
}

fn gen_close(vm: &mut Vm, args: Args) -> PyResult {
    let g = gen_obj(vm, &args.pos[0])?;
    vm.gen_close_obj(&g)
}

/// What a coroutine's `__await__()` returns: an iterator over it, whose
/// `send`, `throw` and `close` go to the coroutine.
struct CoroutineWrapper(Obj);

struct CoroutineWrapperType;

impl NativeType for CoroutineWrapperType {
    const SLOTS: &'static Slots = &Slots::iterator(|vm, o| {
        let coro = wrapped(o);
        match vm.resume(&coro, Value::None, None)? {
            Sent::Yielded(v) => Ok(Some(v)),
            Sent::Returned(v) if v.is_none() => Ok(None),
            Sent::Returned(v) => Err(vm.stop_iteration(v)),
        }
    });
}

fn wrapped(o: &Obj) -> Obj {
    crate::api::native_data::<CoroutineWrapper>(o)
        .map(|w| w.0.clone())
        .expect("a coroutine_wrapper")
}

fn coroutine_await(vm: &mut Vm, args: Args) -> PyResult {
    let coro = gen_obj(vm, &args.pos[0])?;
    let cls = vm
        .remembered_native_class("builtins", "coroutine_wrapper")
        .expect("made with the coroutine type");
    Ok(vm.new_native(&cls, CoroutineWrapper(coro)))
}

/// The wrapper's method `name`, given the coroutine in its place.
fn on_coroutine(f: fn(&mut Vm, Args) -> PyResult, vm: &mut Vm, mut args: Args) -> PyResult {
    let Some(w) = args.pos[0].as_obj().cloned() else {
        return Err(vm.type_error("expected a coroutine_wrapper"));
    };
    args.pos[0] = Value::Obj(wrapped(&w));
    f(vm, args)
}

const COROUTINE_WRAPPER: crate::api::TypeDef = crate::api::TypeDef {
    name: "coroutine_wrapper",
    module: "builtins",
    doc: None,
    methods: &[
        FunctionDef::method("send", |vm, a| on_coroutine(gen_send, vm, a)).one(),
        FunctionDef::method("throw", |vm, a| on_coroutine(gen_throw, vm, a)).args(1, 3),
        FunctionDef::method("close", |vm, a| on_coroutine(gen_close, vm, a)).no_args(),
    ],
};

#[cfg(test)]
mod tests {
    use super::move_tail;
    use crate::value::Value;

    #[test]
    fn move_tail_moves_values_once() {
        let mut stack = vec![Value::Int(1), Value::Int(2), Value::Int(3)];
        let mut out = vec![Value::Int(0)];
        move_tail(&mut stack, 1, &mut out);
        assert_eq!(stack.len(), 1);
        let ints: Vec<i64> = out.iter().filter_map(crate::objects::int::small).collect();
        assert_eq!(ints, vec![0, 2, 3]);
        move_tail(&mut stack, 1, &mut out);
        assert_eq!(out.len(), 3);
    }
}
