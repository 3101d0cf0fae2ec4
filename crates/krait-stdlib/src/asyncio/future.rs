//! `_asyncio.Future`, and `FutureIter`, the iterator `await fut` runs.
//!
//! A future's state sits in a `RefCell` that is never borrowed across a
//! call into Python: callbacks are taken out before they are scheduled,
//! values are cloned out before they are compared or shown.

use super::{attr_or_none, call_soon, cancelled_error_class, copy_context, helper, invalid_state};
use super::{state, task::TaskCore};
use krait_vm::api::{
    native_data, thrown_exception, Args, FunctionDef as F, GetSetDef, NativeType, Obj, PyResult,
    Slots, TypeDef, Value, Vm, GENERIC_CLASS_GETITEM,
};
use std::cell::RefCell;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Status {
    Pending,
    Cancelled,
    Finished,
}

/// The state every future (and task) has.
pub(super) struct Core {
    /// `Value::Null` until `__init__` runs.
    pub(super) event_loop: Value,
    /// `(callback, context)` in the order they were added.
    callbacks: Vec<(Value, Value)>,
    result: Value,
    /// The exception set, `Value::Null` when none is.
    exception: Value,
    /// Its traceback when it was set: `result()` raises it with that one,
    /// not one grown by each earlier raise.
    exception_tb: Value,
    source_tb: Value,
    pub(super) cancel_msg: Value,
    /// The CancelledError a task's coroutine raised, to chain.
    pub(super) cancelled_exc: Value,
    pub(super) status: Status,
    log_tb: bool,
    blocking: bool,
}

impl Core {
    fn new() -> Core {
        Core {
            event_loop: Value::Null,
            callbacks: Vec::new(),
            result: Value::None,
            exception: Value::Null,
            exception_tb: Value::None,
            source_tb: Value::None,
            cancel_msg: Value::None,
            cancelled_exc: Value::Null,
            status: Status::Pending,
            log_tb: false,
            blocking: false,
        }
    }
}

/// What an instance of `Future` or `Task` (or a subclass) holds.
pub(super) struct AsyncFuture {
    pub(super) core: RefCell<Core>,
    /// A task's own state; `None` for a plain future.
    pub(super) task: Option<RefCell<TaskCore>>,
}

impl AsyncFuture {
    pub(super) fn new(task: Option<TaskCore>) -> AsyncFuture {
        AsyncFuture {
            core: RefCell::new(Core::new()),
            task: task.map(RefCell::new),
        }
    }

    pub(super) fn is_alive(&self) -> bool {
        !self.core.borrow().event_loop.is_null()
    }

    pub(super) fn event_loop(&self) -> Value {
        self.core.borrow().event_loop.clone()
    }

    pub(super) fn status(&self) -> Status {
        self.core.borrow().status
    }

    pub(super) fn is_blocking(&self) -> bool {
        self.core.borrow().blocking
    }

    pub(super) fn set_blocking(&self, blocking: bool) {
        self.core.borrow_mut().blocking = blocking;
    }

    /// Nobody needs to hear of the exception if it is never retrieved.
    pub(super) fn forget_exception(&self) {
        self.core.borrow_mut().log_tb = false;
    }

    pub(super) fn source_traceback(&self) -> Value {
        self.core.borrow().source_tb.clone()
    }
}

pub(super) fn data(o: &Obj) -> Option<&AsyncFuture> {
    native_data::<AsyncFuture>(o)
}

/// The receiver of a method, with its state.
pub(super) fn receiver(vm: &Vm, a: &Args) -> PyResult<Obj> {
    match a.pos.first().and_then(Value::as_obj) {
        Some(o) if data(o).is_some() => Ok(o.clone()),
        _ => Err(vm.type_error("descriptor requires a '_asyncio.Future' object")),
    }
}

pub(super) fn fut(o: &Obj) -> &AsyncFuture {
    data(o).expect("a receiver checked to be a future")
}

fn ensure_alive(vm: &Vm, f: &AsyncFuture) -> PyResult<()> {
    if f.is_alive() {
        Ok(())
    } else {
        Err(vm.runtime_error("Future object is not initialized."))
    }
}

// ---- what futures and tasks do --------------------------------------------

/// `Future.__init__`: pending, bound to `event_loop` (the current loop when
/// `None`), with the creation stack when the loop is in debug mode.
pub(super) fn init_future(vm: &mut Vm, o: &Obj, event_loop: Value) -> PyResult<()> {
    let f = fut(o);
    let old = std::mem::replace(&mut *f.core.borrow_mut(), Core::new());
    drop(old);
    let event_loop = if event_loop.is_none() || event_loop.is_null() {
        super::get_event_loop(vm)?
    } else {
        event_loop
    };
    f.core.borrow_mut().event_loop = event_loop.clone();
    let debug = vm.call_method(&event_loop, "get_debug", Vec::new())?;
    if vm.truthy(&debug)? {
        let extract = helper(vm, "traceback", "extract_stack")?;
        let stack = vm.call(&extract, Vec::new())?;
        f.core.borrow_mut().source_tb = stack;
    }
    Ok(())
}

/// Hands every callback to the loop, each with the future as argument.
fn schedule_callbacks(vm: &mut Vm, o: &Obj) -> PyResult<()> {
    let f = fut(o);
    let (event_loop, callbacks) = {
        let mut core = f.core.borrow_mut();
        (core.event_loop.clone(), std::mem::take(&mut core.callbacks))
    };
    for (callback, ctx) in callbacks {
        schedule(vm, &event_loop, o, callback, ctx)?;
    }
    Ok(())
}

/// `loop.call_soon(callback, future, context=ctx)`.
fn schedule(vm: &mut Vm, event_loop: &Value, o: &Obj, callback: Value, ctx: Value) -> PyResult<()> {
    call_soon(
        vm,
        event_loop,
        callback,
        Some(Value::Obj(o.clone())),
        Some(ctx),
    )
}

pub(super) fn set_result(vm: &mut Vm, o: &Obj, result: Value) -> PyResult<()> {
    let f = fut(o);
    ensure_alive(vm, f)?;
    if f.status() != Status::Pending {
        return Err(invalid_state(vm, "invalid state"));
    }
    {
        let mut core = f.core.borrow_mut();
        core.result = result;
        core.status = Status::Finished;
    }
    schedule_callbacks(vm, o)
}

/// `set_exception(exc)`: `exc` an exception or an exception class.
pub(super) fn set_exception(vm: &mut Vm, o: &Obj, exc: Value) -> PyResult<()> {
    let f = fut(o);
    if f.status() != Status::Pending {
        return Err(invalid_state(vm, "invalid state"));
    }
    let base = vm.exc.base_exception.clone();
    let is_class = exc
        .as_obj()
        .is_some_and(|c| c.type_data().is_some() && c.is_subtype(&base));
    let exc = if is_class {
        let made = vm.call(&exc, Vec::new())?;
        if f.status() != Status::Pending {
            return Err(invalid_state(vm, "invalid state"));
        }
        made
    } else {
        exc
    };
    if !vm.is_instance_of(&exc, &base) {
        return Err(vm.type_error("invalid exception object"));
    }
    if vm.class_of(&exc).is(&vm.exc.stop_iteration) {
        return Err(vm.type_error(
            "StopIteration interacts badly with generators and cannot be raised into a Future",
        ));
    }
    let tb = vm.getattr_str(&exc, "__traceback__")?;
    {
        let mut core = f.core.borrow_mut();
        core.exception = exc;
        core.exception_tb = tb;
        core.status = Status::Finished;
    }
    schedule_callbacks(vm, o)?;
    f.core.borrow_mut().log_tb = true;
    Ok(())
}

pub(super) fn cancel(vm: &mut Vm, o: &Obj, msg: Value) -> PyResult<bool> {
    let f = fut(o);
    {
        let mut core = f.core.borrow_mut();
        core.log_tb = false;
        if core.status != Status::Pending {
            return Ok(false);
        }
        core.status = Status::Cancelled;
        core.cancel_msg = msg;
    }
    schedule_callbacks(vm, o)?;
    Ok(true)
}

/// The CancelledError a cancelled future raises: the one its task's
/// coroutine raised, once, else a new one with the cancel message.
pub(super) fn make_cancelled_error(vm: &mut Vm, f: &AsyncFuture) -> PyResult {
    let (saved, msg) = {
        let mut core = f.core.borrow_mut();
        let saved = std::mem::replace(&mut core.cancelled_exc, Value::Null);
        (saved, core.cancel_msg.clone())
    };
    if !saved.is_null() {
        return Ok(saved);
    }
    let class = Value::Obj(cancelled_error_class(vm)?);
    let args = if msg.is_none() { Vec::new() } else { vec![msg] };
    vm.call(&class, args)
}

/// The CancelledError a cancelled future raises, as an exception to raise.
fn cancelled_error(vm: &mut Vm, f: &AsyncFuture) -> PyResult<Obj> {
    match make_cancelled_error(vm, f)? {
        Value::Obj(e) => Ok(e),
        _ => Err(vm.type_error("CancelledError() made no exception")),
    }
}

/// What the future ended with: `Ok(result)` or `Err(exception)`; the
/// call fails (CancelledError, InvalidStateError) when it has neither.
pub(super) fn outcome(vm: &mut Vm, f: &AsyncFuture) -> PyResult<Result<Value, Obj>> {
    match f.status() {
        Status::Cancelled => Err(cancelled_error(vm, f)?),
        Status::Pending => Err(invalid_state(vm, "Result is not set.")),
        Status::Finished => {
            let (exc, tb, result) = {
                let mut core = f.core.borrow_mut();
                core.log_tb = false;
                (
                    core.exception.clone(),
                    core.exception_tb.clone(),
                    core.result.clone(),
                )
            };
            match exc {
                Value::Obj(e) => {
                    vm.set_traceback_attr(&Value::Obj(e.clone()), tb)?;
                    Ok(Err(e))
                }
                _ => Ok(Ok(result)),
            }
        }
    }
}

/// Adds `callback` (called with the future, in `ctx`), or schedules it at
/// once when the future is done.
pub(super) fn add_callback(vm: &mut Vm, o: &Obj, callback: Value, ctx: Value) -> PyResult<()> {
    let f = fut(o);
    if !f.is_alive() {
        return Err(vm.runtime_error("uninitialized Future object"));
    }
    if f.status() == Status::Pending {
        f.core.borrow_mut().callbacks.push((callback, ctx));
        return Ok(());
    }
    let event_loop = f.event_loop();
    schedule(vm, &event_loop, o, callback, ctx)
}

/// Reports an exception nobody retrieved through the loop's exception
/// handler, as a future's finalizer does.
pub(super) fn log_unretrieved(vm: &mut Vm, o: &Obj) -> PyResult<()> {
    let f = fut(o);
    let (exc, source_tb, event_loop) = {
        let mut core = f.core.borrow_mut();
        if !core.log_tb {
            return Ok(());
        }
        core.log_tb = false;
        (
            core.exception.clone(),
            core.source_tb.clone(),
            core.event_loop.clone(),
        )
    };
    let this = Value::Obj(o.clone());
    let class_name = vm.getattr_str(&Value::Obj(o.class().clone()), "__name__")?;
    let class_name = vm.str(&class_name)?;
    let message = format!(
        "{} exception was never retrieved",
        krait_vm::api::str_value(&class_name).unwrap_or_default()
    );
    let message = vm.new_string(message);
    let mut items = vec![("message", message), ("exception", exc), ("future", this)];
    if !source_tb.is_none() {
        items.push(("source_traceback", source_tb));
    }
    report(vm, &event_loop, items)
}

/// `loop.call_exception_handler({...})`.
pub(super) fn report(
    vm: &mut Vm,
    event_loop: &Value,
    items: Vec<(&'static str, Value)>,
) -> PyResult<()> {
    let context = vm.new_dict();
    for (k, v) in items {
        let k = vm.new_str(k);
        vm.setitem(&context, k, v)?;
    }
    vm.call_method(event_loop, "call_exception_handler", vec![context])?;
    Ok(())
}

// ---- the type ---------------------------------------------------------------

pub struct FutureType;

impl NativeType for FutureType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(|vm, o| {
            ensure_alive(vm, fut(o))?;
            let repr = helper(vm, "asyncio.base_futures", "_future_repr")?;
            vm.call(&repr, vec![Value::Obj(o.clone())])
        }),
        iter: Some(new_iter),
        ..Slots::NONE
    };
}

pub(super) fn new_iter(vm: &mut Vm, o: &Obj) -> PyResult {
    ensure_alive(vm, fut(o))?;
    let st = state(vm)?;
    Ok(vm.new_native(&st.iter_type, FutureIter(RefCell::new(Some(o.clone())))))
}

const METHODS: &[F] = &[
    F::new("__new__", |vm, a| {
        let cls = class_arg(vm, &a)?;
        Ok(vm.new_native(&cls, AsyncFuture::new(None)))
    }),
    F::method("__init__", |vm, a| {
        let o = receiver(vm, &a)?;
        init_future(vm, &o, a.pos[1].clone())?;
        Ok(Value::None)
    })
    .named(&["loop"], 0, 0, 0),
    F::method("result", |vm, a| {
        let o = receiver(vm, &a)?;
        let f = fut(&o);
        if !f.is_alive() {
            return Err(invalid_state(vm, "Future object is not initialized."));
        }
        match outcome(vm, f)? {
            Ok(v) => Ok(v),
            Err(e) => Err(e),
        }
    })
    .no_args(),
    F::method("exception", |vm, a| {
        let o = receiver(vm, &a)?;
        let f = fut(&o);
        if !f.is_alive() {
            return Err(invalid_state(vm, "Future object is not initialized."));
        }
        match f.status() {
            Status::Cancelled => Err(cancelled_error(vm, f)?),
            Status::Pending => Err(invalid_state(vm, "Exception is not set.")),
            Status::Finished => {
                let mut core = f.core.borrow_mut();
                if core.exception.is_null() {
                    return Ok(Value::None);
                }
                core.log_tb = false;
                Ok(core.exception.clone())
            }
        }
    })
    .no_args(),
    F::method("set_result", |vm, a| {
        let o = receiver(vm, &a)?;
        set_result(vm, &o, a.pos[1].clone())?;
        Ok(Value::None)
    })
    .one(),
    F::method("set_exception", |vm, a| {
        let o = receiver(vm, &a)?;
        ensure_alive(vm, fut(&o))?;
        set_exception(vm, &o, a.pos[1].clone())?;
        Ok(Value::None)
    })
    .one(),
    F::method("add_done_callback", |vm, a| {
        let o = receiver(vm, &a)?;
        let ctx = match a.given(2) {
            Some(c) => c.clone(),
            None => copy_context(vm)?,
        };
        add_callback(vm, &o, a.pos[1].clone(), ctx)?;
        Ok(Value::None)
    })
    .named(&["fn", "context"], 1, 1, 1),
    F::method("remove_done_callback", |vm, a| {
        let o = receiver(vm, &a)?;
        let f = fut(&o);
        ensure_alive(vm, f)?;
        let callbacks = f.core.borrow().callbacks.clone();
        let mut kept = Vec::with_capacity(callbacks.len());
        for (callback, ctx) in callbacks.iter() {
            if !vm.eq(callback, &a.pos[1])? {
                kept.push((callback.clone(), ctx.clone()));
            }
        }
        let removed = callbacks.len() - kept.len();
        if removed > 0 {
            f.core.borrow_mut().callbacks = kept;
        }
        Ok(Value::Int(removed as i64))
    })
    .one(),
    F::method("cancel", |vm, a| {
        let o = receiver(vm, &a)?;
        ensure_alive(vm, fut(&o))?;
        let msg = a.given(1).cloned().unwrap_or(Value::None);
        Ok(Value::Bool(cancel(vm, &o, msg)?))
    })
    .named(&["msg"], 0, 1, 0),
    F::method("cancelled", |vm, a| {
        let o = receiver(vm, &a)?;
        let f = fut(&o);
        Ok(Value::Bool(f.is_alive() && f.status() == Status::Cancelled))
    })
    .no_args(),
    F::method("done", |vm, a| {
        let o = receiver(vm, &a)?;
        let f = fut(&o);
        Ok(Value::Bool(f.is_alive() && f.status() != Status::Pending))
    })
    .no_args(),
    F::method("get_loop", |vm, a| {
        let o = receiver(vm, &a)?;
        let f = fut(&o);
        ensure_alive(vm, f)?;
        Ok(f.event_loop())
    })
    .no_args(),
    F::method("_make_cancelled_error", |vm, a| {
        let o = receiver(vm, &a)?;
        make_cancelled_error(vm, fut(&o))
    })
    .no_args(),
    F::method("__await__", |vm, a| {
        let o = receiver(vm, &a)?;
        new_iter(vm, &o)
    })
    .no_args(),
    F::method("__del__", |vm, a| {
        let o = receiver(vm, &a)?;
        log_unretrieved(vm, &o)?;
        Ok(Value::None)
    })
    .no_args(),
    GENERIC_CLASS_GETITEM,
];

/// The class a `__new__` makes an instance of.
pub(super) fn class_arg(vm: &Vm, a: &Args) -> PyResult<Obj> {
    match a.pos.first().and_then(Value::as_obj) {
        Some(c) if c.type_data().is_some() => Ok(c.clone()),
        _ => Err(vm.type_error("__new__(X): X is not a type object")),
    }
}

pub const FUTURE_TYPE: TypeDef = TypeDef {
    name: "Future",
    module: "_asyncio",
    doc: Some(
        "This class is *almost* compatible with concurrent.futures.Future.\n\n    Differences:\n\n    - result() and exception() do not take a timeout argument and\n      raise an exception when the future isn't done yet.\n\n    - Callbacks registered with add_done_callback() are always called\n      via the event loop's call_soon_threadsafe().\n\n    - This class is not compatible with the wait() and as_completed()\n      methods in the concurrent.futures package.",
    ),
    methods: METHODS,
};

fn this_core(vm: &Vm, v: &Value) -> PyResult<Obj> {
    match v.as_obj() {
        Some(o) if data(o).is_some() => Ok(o.clone()),
        _ => Err(vm.type_error("descriptor requires a '_asyncio.Future' object")),
    }
}

fn alive_core(vm: &Vm, v: &Value) -> PyResult<Obj> {
    let o = this_core(vm, v)?;
    ensure_alive(vm, fut(&o))?;
    Ok(o)
}

fn cannot_delete(vm: &Vm) -> krait_vm::api::Obj {
    vm.new_exception_msg(&vm.exc.attribute_error.clone(), "cannot delete attribute")
}

pub const FUTURE_ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::new("_state", |vm, v| {
        let o = alive_core(vm, v)?;
        Ok(vm.new_str(match fut(&o).status() {
            Status::Pending => "PENDING",
            Status::Cancelled => "CANCELLED",
            Status::Finished => "FINISHED",
        }))
    }),
    GetSetDef::new("_asyncio_future_blocking", |vm, v| {
        let o = this_core(vm, v)?;
        let f = fut(&o);
        Ok(Value::Bool(f.is_alive() && f.is_blocking()))
    })
    .settable(|vm, v, value| {
        let o = alive_core(vm, v)?;
        let Some(value) = value else {
            return Err(cannot_delete(vm));
        };
        let blocking = vm.truthy(&value)?;
        fut(&o).set_blocking(blocking);
        Ok(())
    }),
    GetSetDef::new("_loop", |vm, v| {
        let o = this_core(vm, v)?;
        let l = fut(&o).event_loop();
        Ok(if l.is_null() { Value::None } else { l })
    }),
    GetSetDef::new("_callbacks", |vm, v| {
        let o = alive_core(vm, v)?;
        let callbacks = fut(&o).core.borrow().callbacks.clone();
        if callbacks.is_empty() {
            return Ok(Value::None);
        }
        let items = callbacks
            .into_iter()
            .map(|(cb, ctx)| vm.new_tuple(vec![cb, ctx]))
            .collect();
        Ok(vm.new_list(items))
    }),
    GetSetDef::new("_result", |vm, v| {
        let o = alive_core(vm, v)?;
        let result = fut(&o).core.borrow().result.clone();
        Ok(result)
    }),
    GetSetDef::new("_exception", |vm, v| {
        let o = alive_core(vm, v)?;
        let e = fut(&o).core.borrow().exception.clone();
        Ok(if e.is_null() { Value::None } else { e })
    }),
    GetSetDef::new("_log_traceback", |vm, v| {
        let o = alive_core(vm, v)?;
        let log = fut(&o).core.borrow().log_tb;
        Ok(Value::Bool(log))
    })
    .settable(|vm, v, value| {
        let o = this_core(vm, v)?;
        let Some(value) = value else {
            return Err(cannot_delete(vm));
        };
        if vm.truthy(&value)? {
            return Err(vm.value_error("_log_traceback can only be set to False"));
        }
        fut(&o).core.borrow_mut().log_tb = false;
        Ok(())
    }),
    GetSetDef::new("_source_traceback", |vm, v| {
        let o = this_core(vm, v)?;
        Ok(fut(&o).source_traceback())
    }),
    GetSetDef::new("_cancel_message", |vm, v| {
        let o = this_core(vm, v)?;
        let msg = fut(&o).core.borrow().cancel_msg.clone();
        Ok(msg)
    })
    .settable(|vm, v, value| {
        let o = this_core(vm, v)?;
        let Some(value) = value else {
            return Err(cannot_delete(vm));
        };
        fut(&o).core.borrow_mut().cancel_msg = value;
        Ok(())
    }),
];

// ---- the iterator -----------------------------------------------------------

/// What `await fut` (and `yield from fut`) runs: yields the future until
/// it is done, then returns its result.
struct FutureIter(RefCell<Option<Obj>>);

pub struct IterType;

impl NativeType for IterType {
    const SLOTS: &'static Slots = &Slots::iterator(iter_next);
}

fn iter_next(vm: &mut Vm, it: &Obj) -> PyResult<Option<Value>> {
    let it = native_data::<FutureIter>(it).expect("a FutureIter");
    let Some(o) = it.0.borrow().clone() else {
        return Ok(None);
    };
    let f = fut(&o);
    if f.status() == Status::Pending {
        if !f.is_blocking() {
            f.set_blocking(true);
            return Ok(Some(Value::Obj(o)));
        }
        return Err(vm.runtime_error("await wasn't used with future"));
    }
    *it.0.borrow_mut() = None;
    if !f.is_alive() {
        return Err(invalid_state(vm, "Future object is not initialized."));
    }
    match outcome(vm, f)? {
        Ok(v) if v.is_none() => Ok(None),
        Ok(v) => Err(vm.stop_iteration(v)),
        Err(e) => Err(e),
    }
}

fn iter_of(a: &Args) -> &FutureIter {
    a.pos[0]
        .as_obj()
        .and_then(native_data::<FutureIter>)
        .expect("a FutureIter method's receiver")
}

const ITER_METHODS: &[F] = &[
    F::method("send", |vm, a| {
        let it = a.pos[0].as_obj().cloned().expect("a receiver");
        match iter_next(vm, &it)? {
            Some(v) => Ok(v),
            None => Err(vm.stop_iteration(Value::None)),
        }
    })
    .one(),
    F::method("throw", |vm, a| {
        let tb = a.pos.get(3).filter(|v| !v.is_none());
        if tb.is_some_and(|tb| vm.type_name(tb) != "traceback") {
            return Err(vm.type_error("throw() third argument must be a traceback"));
        }
        let base = vm.exc.base_exception.clone();
        let typ = &a.pos[1];
        let is_class = typ
            .as_obj()
            .is_some_and(|t| t.type_data().is_some() && t.is_subtype(&base));
        if !is_class && !vm.is_instance_of(typ, &base) {
            return Err(vm.type_error(
                "exceptions must be classes deriving BaseException or instances of such a class",
            ));
        }
        let exc = thrown_exception(vm, &a.pos[1..])?;
        *iter_of(&a).0.borrow_mut() = None;
        Err(exc)
    })
    .tuple_args(1, 3),
    F::method("close", |_, a| {
        *iter_of(&a).0.borrow_mut() = None;
        Ok(Value::None)
    })
    .no_args(),
];

pub const ITER_TYPE: TypeDef = TypeDef {
    name: "FutureIter",
    module: "_asyncio",
    doc: None,
    methods: ITER_METHODS,
};

/// `_asyncio_future_blocking` of any future-like object (`None` when it
/// has none).
pub(super) fn blocking_attr(vm: &mut Vm, v: &Value) -> PyResult {
    attr_or_none(vm, v, "_asyncio_future_blocking")
}
