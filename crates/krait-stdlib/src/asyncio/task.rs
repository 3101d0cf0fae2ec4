//! `_asyncio.Task`: a coroutine driven by the event loop. Each step sends
//! into the coroutine (or throws into it) and looks at what it yielded:
//! a future to wait for (the task wakes when it is done), `None` (run
//! again soon), or a mistake, reported by stepping again with an error.

use super::future::{self, data, fut, receiver, AsyncFuture, Status};
use super::{
    call_soon, cancelled_error_class, copy_context, enter_task, helper, leave_task, register_task,
    state, State,
};
use krait_vm::api::{
    native_data, stop_value, Args, FunctionDef as F, GetSetDef, NativeType, Obj, PyResult, Sent,
    Slots, TypeDef, Value, Vm,
};

/// What a task has beyond a future's state.
pub(super) struct TaskCore {
    /// The future the coroutine waits for, or `None`.
    fut_waiter: Value,
    /// `Value::Null` until `__init__` runs.
    coro: Value,
    name: Value,
    context: Value,
    must_cancel: bool,
    log_destroy_pending: bool,
    cancels_requested: i64,
}

impl TaskCore {
    fn new() -> TaskCore {
        TaskCore {
            fut_waiter: Value::None,
            coro: Value::Null,
            name: Value::None,
            context: Value::None,
            must_cancel: false,
            log_destroy_pending: true,
            cancels_requested: 0,
        }
    }
}

fn task_of<'a>(vm: &Vm, o: &'a Obj) -> PyResult<&'a std::cell::RefCell<TaskCore>> {
    fut(o)
        .task
        .as_ref()
        .ok_or_else(|| vm.type_error("descriptor requires a '_asyncio.Task' object"))
}

// ---- stepping -----------------------------------------------------------------

/// One step of the task, as the current task of its loop.
fn step(vm: &mut Vm, task: &Obj, exc: Option<Value>) -> PyResult {
    let st = state(vm)?;
    let event_loop = fut(task).event_loop();
    let this = Value::Obj(task.clone());
    enter_task(vm, &event_loop, &this)?;
    let stepped = step_impl(vm, &st, task, exc);
    let left = leave_task(vm, &event_loop, &this);
    match (stepped, left) {
        (Ok(v), Ok(())) => Ok(v),
        (Err(e), Ok(())) => Err(e),
        (Ok(_), Err(e)) => Err(e),
        (Err(first), Err(e)) => {
            vm.setattr_str(&Value::Obj(e.clone()), "__context__", Value::Obj(first))?;
            Err(e)
        }
    }
}

fn step_impl(vm: &mut Vm, st: &State, task: &Obj, exc: Option<Value>) -> PyResult {
    let f = fut(task);
    let t = task_of(vm, task)?;
    if f.status() != Status::Pending {
        let this = vm.repr_string(&Value::Obj(task.clone()))?;
        let exc = vm.repr_string(exc.as_ref().unwrap_or(&Value::None))?;
        return Err(super::invalid_state(
            vm,
            &format!("_step(): already done: {this} {exc}"),
        ));
    }
    let mut exc = exc;
    if t.borrow().must_cancel {
        let is_cancel = match &exc {
            Some(e) => {
                let cancelled = Value::Obj(cancelled_error_class(vm)?);
                vm.isinstance(e, &cancelled)?
            }
            None => false,
        };
        if !is_cancel {
            exc = Some(future::make_cancelled_error(vm, f)?);
        }
        t.borrow_mut().must_cancel = false;
    }
    let waiter = std::mem::replace(&mut t.borrow_mut().fut_waiter, Value::None);
    drop(waiter);
    let coro = t.borrow().coro.clone();
    if coro.is_null() {
        return Err(vm.runtime_error("uninitialized Task object"));
    }
    let sent = match exc {
        None => vm.send_into(&coro, Value::None),
        Some(e) => throw_into(vm, &coro, e),
    };
    match sent {
        Ok(Sent::Returned(value)) => {
            if t.borrow().must_cancel {
                // Cancelled right before the coroutine returned.
                t.borrow_mut().must_cancel = false;
                let msg = f.core.borrow().cancel_msg.clone();
                future::cancel(vm, task, msg)?;
            } else {
                future::set_result(vm, task, value)?;
            }
            Ok(Value::None)
        }
        Ok(Sent::Yielded(result)) => {
            on_yield(vm, st, task, result)?;
            Ok(Value::None)
        }
        Err(e) => {
            let cancelled = cancelled_error_class(vm)?;
            if e.class().is_subtype(&cancelled) {
                f.core.borrow_mut().cancelled_exc = Value::Obj(e);
                future::cancel(vm, task, Value::None)?;
                return Ok(Value::None);
            }
            future::set_exception(vm, task, Value::Obj(e.clone()))?;
            let fatal = e.class().is_subtype(&vm.exc.keyboard_interrupt)
                || e.class().is_subtype(&vm.exc.system_exit);
            if fatal {
                return Err(e);
            }
            Ok(Value::None)
        }
    }
}

/// `coro.throw(exc)`, as a step of the coroutine.
fn throw_into(vm: &mut Vm, coro: &Value, exc: Value) -> PyResult<Sent> {
    let native =
        vm.class_of(coro).is(&vm.types.coroutine) || vm.class_of(coro).is(&vm.types.generator);
    if let (true, Value::Obj(g), Value::Obj(e)) = (native, coro, &exc) {
        return vm.gen_throw(g, e.clone());
    }
    match vm.call_method(coro, "throw", vec![exc]) {
        Ok(v) => Ok(Sent::Yielded(v)),
        Err(e) if e.class().is_subtype(&vm.exc.stop_iteration) => {
            Ok(Sent::Returned(stop_value(vm, &e)))
        }
        Err(e) => Err(e),
    }
}

/// What the coroutine yielded: a future to wait for, `None` to run again
/// soon, or a mistake to report by stepping with a RuntimeError.
fn on_yield(vm: &mut Vm, st: &State, task: &Obj, result: Value) -> PyResult<()> {
    let this = Value::Obj(task.clone());
    let event_loop = fut(task).event_loop();
    if result.is(&this) {
        let shown = vm.repr_string(&this)?;
        return error_soon(vm, task, format!("Task cannot await on itself: {shown}"));
    }
    let exact = result
        .as_obj()
        .filter(|r| r.class().is(&st.future_type) || r.class().is(&st.task_type));
    if let Some(r) = exact {
        let awaited = fut(r);
        if !awaited.event_loop().is(&event_loop) {
            return different_loop(vm, task, &result);
        }
        if !awaited.is_blocking() {
            return yield_instead_of_await(vm, task, &result);
        }
        awaited.set_blocking(false);
        let wakeup = vm.bound_method(st.wakeup.clone(), this);
        let ctx = task_of(vm, task)?.borrow().context.clone();
        future::add_callback(vm, r, wakeup, ctx)?;
        return wait_for(vm, task, result);
    }
    if result.is_none() {
        // A bare `yield` gives the loop one turn.
        return call_step_soon(vm, st, task, None);
    }
    let blocking = future::blocking_attr(vm, &result)?;
    if !blocking.is_none() {
        let blocking = vm.truthy(&blocking)?;
        let other_loop = future_loop(vm, st, &result)?;
        if !other_loop.is(&event_loop) {
            return different_loop(vm, task, &result);
        }
        if !blocking {
            return yield_instead_of_await(vm, task, &result);
        }
        vm.setattr_str(&result, "_asyncio_future_blocking", Value::Bool(false))?;
        let wakeup = vm.bound_method(st.wakeup.clone(), this);
        let ctx = task_of(vm, task)?.borrow().context.clone();
        let add = vm.getattr_str(&result, "add_done_callback")?;
        let mut args = Args::new([wakeup]);
        args.kw.push((vm.intern("context"), ctx));
        vm.call_args(&add, args)?;
        return wait_for(vm, task, result);
    }
    if vm.class_of(&result).is_subtype(&vm.types.generator) {
        return report_yield(vm, task, &result, |task, result| {
            format!(
                "yield was used instead of yield from for generator in task {task} with {result}"
            )
        });
    }
    report_yield(vm, task, &result, |_, result| {
        format!("Task got bad yield: {result}")
    })
}

/// The task now waits for `awaited`; a cancellation asked for meanwhile
/// goes to it.
fn wait_for(vm: &mut Vm, task: &Obj, awaited: Value) -> PyResult<()> {
    let t = task_of(vm, task)?;
    t.borrow_mut().fut_waiter = awaited.clone();
    if t.borrow().must_cancel {
        let msg = fut(task).core.borrow().cancel_msg.clone();
        let cancelled = vm.call_method(&awaited, "cancel", vec![msg])?;
        if vm.truthy(&cancelled)? {
            t.borrow_mut().must_cancel = false;
        }
    }
    Ok(())
}

fn different_loop(vm: &mut Vm, task: &Obj, result: &Value) -> PyResult<()> {
    report_yield(vm, task, result, |task, result| {
        format!("Task {task} got Future {result} attached to a different loop")
    })
}

fn yield_instead_of_await(vm: &mut Vm, task: &Obj, result: &Value) -> PyResult<()> {
    report_yield(vm, task, result, |task, result| {
        format!("yield was used instead of yield from in task {task} with {result}")
    })
}

/// Steps the task again soon with a RuntimeError about what it yielded,
/// worded by `say` from the reprs of the task and the yielded value.
fn report_yield(
    vm: &mut Vm,
    task: &Obj,
    result: &Value,
    say: fn(&str, &str) -> String,
) -> PyResult<()> {
    let shown_task = vm.repr_string(&Value::Obj(task.clone()))?;
    let shown = vm.repr_string(result)?;
    error_soon(vm, task, say(&shown_task, &shown))
}

/// The loop of a future-like object (`asyncio.futures._get_loop`).
fn future_loop(vm: &mut Vm, st: &State, v: &Value) -> PyResult {
    if let Some(o) = v.as_obj() {
        if o.class().is(&st.future_type) || o.class().is(&st.task_type) {
            return Ok(fut(o).event_loop());
        }
    }
    match vm.getattr_str(v, "get_loop") {
        Ok(get_loop) => vm.call(&get_loop, Vec::new()),
        Err(e) if e.class().is_subtype(&vm.exc.attribute_error) => vm.getattr_str(v, "_loop"),
        Err(e) => Err(e),
    }
}

/// Steps the task again soon with a RuntimeError saying `msg`.
fn error_soon(vm: &mut Vm, task: &Obj, msg: String) -> PyResult<()> {
    let st = state(vm)?;
    let exc = vm.runtime_error(msg);
    call_step_soon(vm, &st, task, Some(Value::Obj(exc)))
}

fn call_step_soon(vm: &mut Vm, st: &State, task: &Obj, arg: Option<Value>) -> PyResult<()> {
    let wrapper = vm.new_native(
        &st.step_type,
        StepWrapper {
            task: task.clone(),
            arg,
        },
    );
    let event_loop = fut(task).event_loop();
    let ctx = task_of(vm, task)?.borrow().context.clone();
    call_soon(vm, &event_loop, wrapper, None, Some(ctx))
}

/// `task_wakeup(task, future)`: the awaited future is done; step with its
/// exception, or without one.
fn wakeup(vm: &mut Vm, a: Args) -> PyResult {
    if a.pos.len() != 2 || !a.kw.is_empty() {
        return Err(vm.type_error(format!(
            "task_wakeup() takes exactly one argument ({} given)",
            a.pos.len().saturating_sub(1)
        )));
    }
    let Some(task) = a.pos[0].as_obj().filter(|t| data(t).is_some()).cloned() else {
        return Err(vm.type_error("task_wakeup() needs a task"));
    };
    let st = state(vm)?;
    let awaited = &a.pos[1];
    let exact = awaited
        .as_obj()
        .filter(|r| r.class().is(&st.future_type) || r.class().is(&st.task_type));
    let failed = match exact {
        Some(r) => match future::outcome(vm, fut(r)) {
            Ok(Ok(_)) => None,
            Ok(Err(e)) | Err(e) => Some(e),
        },
        None => vm.call_method(awaited, "result", Vec::new()).err(),
    };
    step(vm, &task, failed.map(Value::Obj))
}

pub const WAKEUP: F = F::new("task_wakeup", wakeup);

// ---- the type ---------------------------------------------------------------

pub struct TaskType;

impl NativeType for TaskType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(|vm, o| {
            if !fut(o).is_alive() {
                return Err(vm.runtime_error("Future object is not initialized."));
            }
            let repr = helper(vm, "asyncio.base_tasks", "_task_repr")?;
            vm.call(&repr, vec![Value::Obj(o.clone())])
        }),
        iter: Some(future::new_iter),
        ..Slots::NONE
    };
}

fn init(vm: &mut Vm, a: Args) -> PyResult {
    let o = receiver(vm, &a)?;
    let t = task_of(vm, &o)?;
    let event_loop = a.given(2).cloned().unwrap_or(Value::None);
    future::init_future(vm, &o, event_loop)?;
    let coro = a.pos[1].clone();
    if !is_coroutine(vm, &coro)? {
        t.borrow_mut().log_destroy_pending = false;
        let shown = vm.repr_string(&coro)?;
        return Err(vm.type_error(format!("a coroutine was expected, got {shown}")));
    }
    let context = match a.given(4).filter(|c| !c.is_none()) {
        Some(c) => c.clone(),
        None => copy_context(vm)?,
    };
    let name = match a.given(3).filter(|n| !n.is_none()) {
        Some(n) if vm.class_of(n).is(&vm.types.str_) => n.clone(),
        Some(n) => vm.str(n)?,
        None => {
            let st = state(vm)?;
            let n = st.task_names.get() + 1;
            st.task_names.set(n);
            vm.new_string(format!("Task-{n}"))
        }
    };
    let old = std::mem::replace(
        &mut *t.borrow_mut(),
        TaskCore {
            coro,
            name,
            context,
            ..TaskCore::new()
        },
    );
    drop(old);
    let st = state(vm)?;
    call_step_soon(vm, &st, &o, None)?;
    register_task(vm, &Value::Obj(o))?;
    Ok(Value::None)
}

/// A native coroutine, or what `asyncio.iscoroutine` accepts.
fn is_coroutine(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    if vm.class_of(v).is(&vm.types.coroutine) {
        return Ok(true);
    }
    let iscoroutine = helper(vm, "asyncio.coroutines", "iscoroutine")?;
    let r = vm.call(&iscoroutine, vec![v.clone()])?;
    vm.truthy(&r)
}

fn cancel(vm: &mut Vm, a: Args) -> PyResult {
    let o = receiver(vm, &a)?;
    let t = task_of(vm, &o)?;
    let f = fut(&o);
    let msg = a.given(1).cloned().unwrap_or(Value::None);
    f.forget_exception();
    if f.status() != Status::Pending {
        return Ok(Value::Bool(false));
    }
    t.borrow_mut().cancels_requested += 1;
    let waiter = t.borrow().fut_waiter.clone();
    if !waiter.is_none() {
        let cancelled = vm.call_method(&waiter, "cancel", vec![msg.clone()])?;
        if vm.truthy(&cancelled)? {
            return Ok(Value::Bool(true));
        }
    }
    t.borrow_mut().must_cancel = true;
    f.core.borrow_mut().cancel_msg = msg;
    Ok(Value::Bool(true))
}

fn unsupported(vm: &mut Vm, what: &str) -> PyResult {
    Err(vm.runtime_error(format!("Task does not support {what} operation")))
}

const METHODS: &[F] = &[
    F::new("__new__", |vm, a| {
        let cls = future::class_arg(vm, &a)?;
        Ok(vm.new_native(&cls, AsyncFuture::new(Some(TaskCore::new()))))
    }),
    F::method("__init__", init).named(&["coro", "loop", "name", "context"], 0, 1, 1),
    F::method("cancel", cancel).named(&["msg"], 0, 1, 0),
    F::method("cancelling", |vm, a| {
        let o = receiver(vm, &a)?;
        let n = task_of(vm, &o)?.borrow().cancels_requested;
        Ok(Value::Int(n))
    })
    .no_args(),
    F::method("uncancel", |vm, a| {
        let o = receiver(vm, &a)?;
        let mut t = task_of(vm, &o)?.borrow_mut();
        if t.cancels_requested > 0 {
            t.cancels_requested -= 1;
        }
        Ok(Value::Int(t.cancels_requested))
    })
    .no_args(),
    F::method("get_stack", |vm, a| {
        let get_stack = helper(vm, "asyncio.base_tasks", "_task_get_stack")?;
        let limit = a.given(1).cloned().unwrap_or(Value::None);
        vm.call(&get_stack, vec![a.pos[0].clone(), limit])
    })
    .named(&["limit"], 0, 0, 0),
    F::method("print_stack", |vm, a| {
        let print_stack = helper(vm, "asyncio.base_tasks", "_task_print_stack")?;
        let limit = a.given(1).cloned().unwrap_or(Value::None);
        let file = a.given(2).cloned().unwrap_or(Value::None);
        vm.call(&print_stack, vec![a.pos[0].clone(), limit, file])
    })
    .named(&["limit", "file"], 0, 0, 0),
    F::method("set_result", |vm, _| unsupported(vm, "set_result")).one(),
    F::method("set_exception", |vm, _| unsupported(vm, "set_exception")).one(),
    F::method("get_coro", |vm, a| {
        let o = receiver(vm, &a)?;
        let coro = task_of(vm, &o)?.borrow().coro.clone();
        Ok(if coro.is_null() { Value::None } else { coro })
    })
    .no_args(),
    F::method("get_name", |vm, a| {
        let o = receiver(vm, &a)?;
        let name = task_of(vm, &o)?.borrow().name.clone();
        Ok(name)
    })
    .no_args(),
    F::method("set_name", |vm, a| {
        let o = receiver(vm, &a)?;
        let t = task_of(vm, &o)?;
        let name = if vm.class_of(&a.pos[1]).is(&vm.types.str_) {
            a.pos[1].clone()
        } else {
            vm.str(&a.pos[1])?
        };
        t.borrow_mut().name = name;
        Ok(Value::None)
    })
    .one(),
    F::method("__del__", |vm, a| {
        let o = receiver(vm, &a)?;
        let f = fut(&o);
        let pending = f.is_alive()
            && f.status() == Status::Pending
            && f.task
                .as_ref()
                .is_some_and(|t| t.borrow().log_destroy_pending);
        if pending {
            let mut items = vec![
                (
                    "message",
                    vm.new_str("Task was destroyed but it is pending!"),
                ),
                ("task", Value::Obj(o.clone())),
            ];
            let source_tb = f.source_traceback();
            if !source_tb.is_none() {
                items.push(("source_traceback", source_tb));
            }
            future::report(vm, &f.event_loop(), items)?;
        }
        future::log_unretrieved(vm, &o)?;
        Ok(Value::None)
    })
    .no_args(),
];

pub const TASK_TYPE: TypeDef = TypeDef {
    name: "Task",
    module: "_asyncio",
    doc: Some("A coroutine wrapped in a Future."),
    methods: METHODS,
};

fn task_attr(vm: &Vm, v: &Value) -> PyResult<Obj> {
    match v.as_obj() {
        Some(o) if data(o).is_some_and(|f| f.task.is_some()) => Ok(o.clone()),
        _ => Err(vm.type_error("descriptor requires a '_asyncio.Task' object")),
    }
}

pub const TASK_ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::new("_log_destroy_pending", |vm, v| {
        let o = task_attr(vm, v)?;
        let log = task_of(vm, &o)?.borrow().log_destroy_pending;
        Ok(Value::Bool(log))
    })
    .settable(|vm, v, value| {
        let o = task_attr(vm, v)?;
        let Some(value) = value else {
            return Err(
                vm.new_exception_msg(&vm.exc.attribute_error.clone(), "cannot delete attribute")
            );
        };
        let log = vm.truthy(&value)?;
        task_of(vm, &o)?.borrow_mut().log_destroy_pending = log;
        Ok(())
    }),
    GetSetDef::new("_must_cancel", |vm, v| {
        let o = task_attr(vm, v)?;
        let must = task_of(vm, &o)?.borrow().must_cancel;
        Ok(Value::Bool(must))
    }),
    GetSetDef::new("_coro", |vm, v| {
        let o = task_attr(vm, v)?;
        let coro = task_of(vm, &o)?.borrow().coro.clone();
        Ok(if coro.is_null() { Value::None } else { coro })
    }),
    GetSetDef::new("_fut_waiter", |vm, v| {
        let o = task_attr(vm, v)?;
        let waiter = task_of(vm, &o)?.borrow().fut_waiter.clone();
        Ok(waiter)
    }),
];

// ---- the step callback ----------------------------------------------------------

/// What the loop calls to step a task: `TaskStepMethWrapper`.
struct StepWrapper {
    task: Obj,
    arg: Option<Value>,
}

pub struct StepType;

impl NativeType for StepType {
    const SLOTS: &'static Slots = &Slots {
        call: Some(|vm, o, a| {
            if !a.kw.is_empty() {
                return Err(vm.type_error("function takes no keyword arguments"));
            }
            if !a.pos.is_empty() {
                return Err(vm.type_error("function takes no positional arguments"));
            }
            let w = native_data::<StepWrapper>(o).expect("a TaskStepMethWrapper");
            let (task, arg) = (w.task.clone(), w.arg.clone());
            step(vm, &task, arg)
        }),
        ..Slots::NONE
    };
}

pub const STEP_TYPE: TypeDef = TypeDef {
    name: "TaskStepMethWrapper",
    module: "builtins",
    doc: None,
    methods: &[],
};

pub const STEP_ATTRIBUTES: &[GetSetDef] = &[GetSetDef::new("__self__", |_, v| {
    let w = v.as_obj().and_then(native_data::<StepWrapper>);
    Ok(w.map_or(Value::None, |w| Value::Obj(w.task.clone())))
})];
