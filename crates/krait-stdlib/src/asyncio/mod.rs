//! `_asyncio`: the native half of `asyncio`: `Future` and `Task` (the
//! event loop's hot path: every `await` of a future and every step of a
//! task), each thread's running loop, and the registry of tasks.
//!
//! `asyncio` imports this module while it is itself being imported, so
//! the Python helpers used here (the reprs of `asyncio.base_futures` and
//! `base_tasks`, `asyncio.exceptions`, the event loop policy) are looked
//! up when first needed and remembered, as CPython's module looks them up
//! once.

mod future;
mod task;

use krait_vm::api::{
    add_attr, tuple_items, Args, FunctionDef as F, ModuleDef, Obj, PyResult, Value, Vm,
};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

pub const MODULE: ModuleDef = ModuleDef {
    name: "_asyncio",
    doc: Some("Accelerator module for asyncio"),
    functions: &[
        F::new("get_event_loop", |vm, _| get_event_loop(vm)).no_args(),
        F::new("_get_event_loop", |vm, _| get_event_loop(vm)).named(&["stacklevel"], 0, 1, 0),
        F::new("get_running_loop", |vm, _| match running_loop(vm)? {
            Some(l) => Ok(l),
            None => Err(vm.runtime_error("no running event loop")),
        })
        .no_args(),
        F::new("_get_running_loop", |vm, _| {
            Ok(running_loop(vm)?.unwrap_or(Value::None))
        })
        .no_args(),
        F::new("_set_running_loop", |vm, a| {
            set_running_loop(vm, a.pos[0].clone())?;
            Ok(Value::None)
        })
        .one(),
        F::new("_register_task", |vm, a| {
            register_task(vm, &a.pos[0])?;
            Ok(Value::None)
        })
        .named(&["task"], 0, 1, 1),
        F::new("_unregister_task", |vm, a| {
            let st = state(vm)?;
            vm.call_method(&st.all_tasks, "discard", vec![a.pos[0].clone()])?;
            Ok(Value::None)
        })
        .named(&["task"], 0, 1, 1),
        F::new("_enter_task", |vm, a| {
            enter_task(vm, &a.pos[0], &a.pos[1])?;
            Ok(Value::None)
        })
        .named(&["loop", "task"], 0, 2, 2),
        F::new("_leave_task", |vm, a| {
            leave_task(vm, &a.pos[0], &a.pos[1])?;
            Ok(Value::None)
        })
        .named(&["loop", "task"], 0, 2, 2),
    ],
    init: Some(init),
};

/// What the module keeps for the interpreter: its types, the task
/// registry, and the Python helpers it has looked up.
struct State {
    future_type: Obj,
    task_type: Obj,
    iter_type: Obj,
    step_type: Obj,
    /// `task_wakeup`, bound to a task as the callback of what it awaits.
    wakeup: Value,
    /// `_all_tasks`: a `weakref.WeakSet` of the live tasks.
    all_tasks: Value,
    /// `_current_tasks`: `{loop: task}` for the tasks being stepped.
    current_tasks: Obj,
    /// Numbers the tasks made without a name (`Task-1`).
    task_names: Cell<u64>,
    helpers: RefCell<HashMap<(&'static str, &'static str), Value>>,
}

fn state(vm: &Vm) -> PyResult<Rc<State>> {
    vm.native_state::<State>()
        .ok_or_else(|| vm.runtime_error("_asyncio is not initialized"))
}

/// `module.name`, imported on first use and remembered.
fn helper(vm: &mut Vm, module: &'static str, name: &'static str) -> PyResult {
    let st = state(vm)?;
    if let Some(h) = st.helpers.borrow().get(&(module, name)) {
        return Ok(h.clone());
    }
    let m = vm.import(module)?;
    let h = vm.getattr_str(&m, name)?;
    st.helpers.borrow_mut().insert((module, name), h.clone());
    Ok(h)
}

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    let future_type = vm.new_native_base_type::<future::FutureType>(&future::FUTURE_TYPE);
    krait_vm::api::add_getsets(vm, &future_type, future::FUTURE_ATTRIBUTES);
    let task_type = vm.new_native_subtype::<task::TaskType>(&task::TASK_TYPE, &future_type);
    krait_vm::api::add_getsets(vm, &task_type, task::TASK_ATTRIBUTES);
    let iter_type = vm.new_native_type::<future::IterType>(&future::ITER_TYPE);
    let step_type = vm.new_native_type::<task::StepType>(&task::STEP_TYPE);
    krait_vm::api::add_getsets(vm, &step_type, task::STEP_ATTRIBUTES);
    let wakeup = krait_vm::api::native_function(vm, &task::WAKEUP, Some("_asyncio"), None);
    let weakref = vm.import("weakref")?;
    let weak_set = vm.getattr_str(&weakref, "WeakSet")?;
    let all_tasks = vm.call(&weak_set, Vec::new())?;
    let current_tasks = vm.new_dict();
    add_attr(vm, m, "Future", Value::Obj(future_type.clone()));
    add_attr(vm, m, "Task", Value::Obj(task_type.clone()));
    add_attr(vm, m, "_all_tasks", all_tasks.clone());
    add_attr(vm, m, "_current_tasks", current_tasks.clone());
    let current_tasks = current_tasks.as_obj().cloned().expect("a dict");
    vm.set_native_state(State {
        future_type,
        task_type,
        iter_type,
        step_type,
        wakeup,
        all_tasks,
        current_tasks,
        task_names: Cell::new(0),
        helpers: RefCell::new(HashMap::new()),
    });
    Ok(())
}

// ---- the running loop ----------------------------------------------------

/// Where each thread's dict holds its running loop, with the process id
/// it was set in (a forked child has no running loop).
const RUNNING_LOOP_KEY: &str = "__asyncio_running_event_loop__";

fn running_loop(vm: &mut Vm) -> PyResult<Option<Value>> {
    let d = vm.thread_dict();
    let d = d.as_obj().expect("a dict");
    let key = Value::Obj(vm.intern(RUNNING_LOOP_KEY));
    let Some(held) = vm.dict_get(d, &key)? else {
        return Ok(None);
    };
    let Some([running, pid]) = tuple_items(&held).and_then(|t| <[Value; 2]>::try_from(t).ok())
    else {
        return Ok(None);
    };
    let here = Value::Int(i64::from(std::process::id()));
    if running.is_none() || !matches!((&pid, &here), (Value::Int(a), Value::Int(b)) if a == b) {
        return Ok(None);
    }
    Ok(Some(running))
}

fn set_running_loop(vm: &mut Vm, running: Value) -> PyResult<()> {
    let d = vm.thread_dict();
    let d = d.as_obj().expect("a dict");
    let key = Value::Obj(vm.intern(RUNNING_LOOP_KEY));
    let held = vm.new_tuple(vec![running, Value::Int(i64::from(std::process::id()))]);
    vm.dict_set(d, key, held)
}

/// The running loop, or the policy's loop when none runs.
fn get_event_loop(vm: &mut Vm) -> PyResult {
    if let Some(l) = running_loop(vm)? {
        return Ok(l);
    }
    let get_policy = helper(vm, "asyncio.events", "get_event_loop_policy")?;
    let policy = vm.call(&get_policy, Vec::new())?;
    vm.call_method(&policy, "get_event_loop", Vec::new())
}

// ---- the task registry ---------------------------------------------------

fn register_task(vm: &mut Vm, task: &Value) -> PyResult<()> {
    let st = state(vm)?;
    vm.call_method(&st.all_tasks, "add", vec![task.clone()])?;
    Ok(())
}

fn enter_task(vm: &mut Vm, running: &Value, task: &Value) -> PyResult<()> {
    let st = state(vm)?;
    if let Some(current) = vm.dict_get(&st.current_tasks, running)? {
        let task = vm.repr_string(task)?;
        let current = vm.repr_string(&current)?;
        return Err(vm.runtime_error(format!(
            "Cannot enter into task {task} while another task {current} is being executed."
        )));
    }
    vm.dict_set(&st.current_tasks, running.clone(), task.clone())
}

fn leave_task(vm: &mut Vm, running: &Value, task: &Value) -> PyResult<()> {
    let st = state(vm)?;
    let current = vm.dict_get(&st.current_tasks, running)?;
    if !current.as_ref().is_some_and(|c| c.is(task)) {
        let task = vm.repr_string(task)?;
        let current = vm.repr_string(&current.unwrap_or(Value::None))?;
        return Err(vm.runtime_error(format!(
            "Leaving task {task} does not match the current task {current}."
        )));
    }
    vm.dict_remove(&st.current_tasks, running)?;
    Ok(())
}

// ---- shared helpers ------------------------------------------------------

/// `loop.call_soon(func[, arg], context=ctx)`.
fn call_soon(
    vm: &mut Vm,
    running: &Value,
    func: Value,
    arg: Option<Value>,
    ctx: Option<Value>,
) -> PyResult<()> {
    let call_soon = vm.getattr_str(running, "call_soon")?;
    let mut args = Args::new(std::iter::once(func).chain(arg));
    if let Some(ctx) = ctx {
        args.kw.push((vm.intern("context"), ctx));
    }
    vm.call_args(&call_soon, args)?;
    Ok(())
}

/// `contextvars.copy_context()`.
fn copy_context(vm: &mut Vm) -> PyResult {
    let copy = helper(vm, "_contextvars", "copy_context")?;
    vm.call(&copy, Vec::new())
}

/// `asyncio.InvalidStateError(msg)`.
fn invalid_state(vm: &mut Vm, msg: &str) -> Obj {
    vm.module_exception("asyncio.exceptions", "InvalidStateError", msg)
}

fn cancelled_error_class(vm: &mut Vm) -> PyResult<Obj> {
    vm.native_class("asyncio.exceptions", "CancelledError")
}

/// `getattr(v, name, None)`.
fn attr_or_none(vm: &mut Vm, v: &Value, name: &str) -> PyResult {
    match vm.getattr_str(v, name) {
        Err(e) if e.class().is_subtype(&vm.exc.attribute_error) => Ok(Value::None),
        r => r,
    }
}
