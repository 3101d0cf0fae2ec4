//! `_thread`: starting threads, locks, thread identity and thread-local
//! data, under `threading`.
//!
//! Threads are the VM's (see `krait_vm::threads`): interleaved on one OS
//! thread, each with a stack of its own. A lock that is held makes the
//! acquiring thread wait while the others run; when no thread could ever
//! release it, the wait fails with a RuntimeError instead of hanging.

use krait_vm::api::Wait;
use krait_vm::api::{
    add_attr, native_data, Args, FunctionDef as F, ModuleDef, NativeType, Obj, Params, PyResult,
    Slots, TypeDef, Value, Vm,
};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::time::{Duration, Instant};

pub const MODULE: ModuleDef = ModuleDef {
    name: "_thread",
    doc: Some("This module provides primitive operations to write multi-threaded programs.\nThe 'threading' module provides a more convenient interface."),
    functions: FUNCTIONS,
    init: Some(init),
};

/// CPython's `TIMEOUT_MAX` on Linux.
const TIMEOUT_MAX: f64 = 9223372036.0;

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    let lock = vm.new_native_type::<LockType>(&LOCK_TYPE);
    add_attr(vm, m, "LockType", Value::Obj(lock));
    let rlock = vm.new_native_type::<RLockType>(&RLOCK_TYPE);
    add_attr(vm, m, "RLock", Value::Obj(rlock));
    let error = Value::Obj(vm.exception_class("RuntimeError"));
    add_attr(vm, m, "error", error);
    add_attr(vm, m, "TIMEOUT_MAX", Value::Float(TIMEOUT_MAX));
    vm.exec_in(LOCAL_SOURCE, m)?;
    Ok(())
}

/// Thread-local data: each thread sees its own `__dict__`, made (and
/// `__init__` run again with the constructor's arguments) on its first
/// use in that thread; a thread's dict goes when the thread ends.
const LOCAL_SOURCE: &str = include_str!("local.py");

const FUNCTIONS: &[F] = &[
    F::new("get_ident", |vm, _| Ok(Value::Int(vm.thread_ident()))).no_args(),
    F::new("get_native_id", |vm, _| {
        Ok(Value::Int(vm.threads().current_native_id()))
    })
    .no_args(),
    F::new("allocate_lock", new_lock).no_args(),
    F::new("allocate", new_lock).no_args(),
    F::new("_set_sentinel", set_sentinel).no_args(),
    F::new("_count", |vm, _| {
        Ok(Value::Int(vm.threads().started_alive() as i64))
    })
    .no_args(),
    F::new("stack_size", stack_size).args(0, 1),
    F::new("start_new_thread", start_thread).args(2, 3),
    F::new("start_new", start_thread).args(2, 3),
    F::new("interrupt_main", interrupt_main).args(0, 1),
    F::new("exit", |vm, _| {
        let e = vm.exception_class("SystemExit");
        Err(vm.new_exception(&e, Vec::new()))
    })
    .no_args(),
    F::new("exit_thread", |vm, _| {
        let e = vm.exception_class("SystemExit");
        Err(vm.new_exception(&e, Vec::new()))
    })
    .no_args(),
];

thread_local! {
    /// `stack_size`'s setting (0: the default). Thread stacks are reserved
    /// large enough for the VM's own recursion whatever is asked, so the
    /// setting is kept and reported only.
    static STACK_SIZE: Cell<i64> = const { Cell::new(0) };
}

/// `stack_size([size])`: the setting before the call; the call sets
/// `size`, 0 (the default) when not given, as CPython's does.
fn stack_size(vm: &mut Vm, a: Args) -> PyResult {
    let n = match a.pos.first() {
        Some(v) => vm.ssize_arg(v)?,
        None => 0,
    };
    if n < 0 {
        return Err(vm.value_error("size must be 0 or a positive value"));
    }
    if n != 0 && n < 32768 {
        return Err(vm.value_error("size not valid: 32768 bytes"));
    }
    Ok(Value::Int(STACK_SIZE.with(|s| s.replace(n))))
}

fn start_thread(vm: &mut Vm, a: Args) -> PyResult {
    let func = a.pos[0].clone();
    if !vm.is_callable(&func) {
        return Err(vm.type_error("first arg must be callable"));
    }
    let pos = krait_vm::api::tuple_items(&a.pos[1])
        .ok_or_else(|| vm.type_error("2nd arg must be a tuple"))?;
    let mut args = Args::new(pos);
    if let Some(kwargs) = a.pos.get(2) {
        let pairs = krait_vm::api::dict_items(kwargs)
            .ok_or_else(|| vm.type_error("optional 3rd arg must be a dictionary"))?;
        for (k, v) in pairs {
            match k {
                Value::Obj(k) if krait_vm::api::str_value(&Value::Obj(k.clone())).is_some() => {
                    args.kw.push((k, v))
                }
                _ => return Err(vm.type_error("keywords must be strings")),
            }
        }
    }
    let ident = vm.start_thread(Box::new(move |vm| run_thread(vm, func, args)))?;
    Ok(Value::Int(ident))
}

/// A started thread's whole life: the call, an uncaught exception
/// reported as CPython reports it, then its sentinel locks released.
fn run_thread(vm: &mut Vm, func: Value, args: Args) {
    if let Err(e) = vm.call_args(&func, args) {
        let system_exit = vm.exception_class("SystemExit");
        if !e.class().is_subtype(&system_exit) {
            vm.write_unraisable(&e, Some("Exception ignored in thread started by"), func);
        }
    }
    let me = vm.thread_ident();
    // Its thread-local data goes with the thread.
    if let Ok(m) = vm.import("_thread") {
        if let Ok(ended) = vm.getattr_str(&m, "_thread_ended") {
            let _ = vm.call(&ended, vec![Value::Int(me)]);
        }
    }
    let sentinels = SENTINELS.with(|s| s.borrow_mut().remove(&me));
    for l in sentinels.into_iter().flatten() {
        lock(&l).held.set(false);
    }
}

thread_local! {
    /// The locks `_set_sentinel` gave each thread (which `threading`
    /// takes at once), released when it ends: joining a thread waits for
    /// them.
    static SENTINELS: RefCell<HashMap<i64, Vec<Obj>>> = RefCell::new(HashMap::new());
}

fn set_sentinel(vm: &mut Vm, a: Args) -> PyResult {
    let l = new_lock(vm, a)?;
    let o = l.as_obj().cloned().expect("a lock");
    let me = vm.thread_ident();
    SENTINELS.with(|s| s.borrow_mut().entry(me).or_default().push(o));
    Ok(l)
}

fn interrupt_main(vm: &mut Vm, a: Args) -> PyResult {
    let sig = match a.pos.first() {
        Some(v) => vm.ssize_arg(v)?,
        None => libc::SIGINT as i64,
    };
    if !(1..krait_vm::signals::NSIG as i64).contains(&sig) {
        return Err(vm.value_error("signal number out of range"));
    }
    // A signal not handled in Python (SIG_DFL, SIG_IGN) is left alone,
    // as CPython leaves it.
    if matches!(vm.signal_handler(sig as usize), Value::Obj(_)) {
        krait_vm::signals::simulate(sig as i32);
        // Called in the main thread, the handler runs at once.
        vm.check_signals()?;
    }
    Ok(Value::None)
}

fn new_lock(vm: &mut Vm, _: Args) -> PyResult {
    let cls = vm.native_class("_thread", "LockType")?;
    Ok(vm.new_native(
        &cls,
        Lock {
            held: Cell::new(false),
        },
    ))
}

// ---- lock --------------------------------------------------------------

struct Lock {
    held: Cell<bool>,
}

struct LockType;

impl NativeType for LockType {
    const SLOTS: &'static Slots = &Slots::repr(|vm, o| {
        let state = if lock(o).held.get() {
            "locked"
        } else {
            "unlocked"
        };
        let r = format!("<{state} _thread.lock object at {:#x}>", o.addr());
        Ok(vm.new_string(r))
    });
}

fn lock(o: &Obj) -> &Lock {
    native_data::<Lock>(o).expect("lock methods are on locks")
}

const ACQUIRE_PARAMS: Params = Params::Named {
    names: &["blocking", "timeout"],
    posonly: 0,
    positional: 2,
    required: 0,
};

/// Reads `acquire(blocking=True, timeout=-1)`: the timeout in seconds, or
/// `None` to wait without end.
fn acquire_args(vm: &mut Vm, a: Args, name: &str) -> PyResult<(Obj, Option<Instant>)> {
    let o = a.pos[0].as_obj().cloned().expect("a lock");
    let b = ACQUIRE_PARAMS.bind(vm, name, a, 1)?;
    let blocking = match b.given(1) {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let timeout = match b.given(2) {
        Some(v) => match krait_vm::api::small_int(v) {
            Some(i) => i as f64,
            None => krait_vm::api::float_value(v)
                .ok_or_else(|| vm.type_error("timeout must be a number"))?,
        },
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.value_error("timeout value must be a non-negative number"));
    }
    if timeout > TIMEOUT_MAX {
        return Err(vm.overflow_error("timeout value is too large"));
    }
    let deadline = match (blocking, timeout) {
        (false, _) => Some(Instant::now()),
        (true, t) if t < 0.0 => None,
        (true, t) => Some(Instant::now() + Duration::from_secs_f64(t)),
    };
    Ok((o, deadline))
}

fn lock_acquire(vm: &mut Vm, a: Args) -> PyResult {
    let (o, deadline) = acquire_args(vm, a, "acquire")?;
    if lock(&o).held.get() {
        let held = o.clone();
        let free = Wait::Until(Box::new(move || !lock(&held).held.get()), deadline);
        if !vm.wait_for(free)? {
            return Ok(Value::Bool(false));
        }
    }
    lock(&o).held.set(true);
    Ok(Value::Bool(true))
}

fn lock_release(vm: &mut Vm, a: Args) -> PyResult {
    let o = a.pos[0].as_obj().expect("a lock");
    let l = lock(o);
    if !l.held.get() {
        return Err(vm.runtime_error("release unlocked lock"));
    }
    l.held.set(false);
    Ok(Value::None)
}

const LOCK_TYPE: TypeDef = TypeDef {
    name: "lock",
    module: "_thread",
    doc: Some("A lock object is a synchronization primitive."),
    methods: &[
        F::method("acquire", lock_acquire),
        F::method("acquire_lock", lock_acquire),
        F::method("__enter__", lock_acquire),
        F::method("release", lock_release).no_args(),
        F::method("release_lock", lock_release).no_args(),
        F::method("__exit__", lock_release),
        F::method("locked", |_, a| {
            Ok(Value::Bool(
                lock(a.pos[0].as_obj().expect("a lock")).held.get(),
            ))
        })
        .no_args(),
        F::method("locked_lock", |_, a| {
            Ok(Value::Bool(
                lock(a.pos[0].as_obj().expect("a lock")).held.get(),
            ))
        })
        .no_args(),
        F::method("_at_fork_reinit", |_, a| {
            lock(a.pos[0].as_obj().expect("a lock")).held.set(false);
            Ok(Value::None)
        })
        .no_args(),
    ],
};

// ---- RLock -------------------------------------------------------------

struct RLock {
    owner: Cell<i64>,
    count: Cell<u64>,
}

struct RLockType;

impl NativeType for RLockType {
    const SLOTS: &'static Slots = &Slots::repr(|vm, o| {
        let r = rlock(o);
        let state = if r.count.get() > 0 {
            "locked"
        } else {
            "unlocked"
        };
        let text = format!(
            "<{state} _thread.RLock object owner={} count={} at {:#x}>",
            r.owner.get(),
            r.count.get(),
            o.addr()
        );
        Ok(vm.new_string(text))
    });
}

fn rlock(o: &Obj) -> &RLock {
    native_data::<RLock>(o).expect("RLock methods are on RLocks")
}

fn rlock_acquire(vm: &mut Vm, a: Args) -> PyResult {
    let (o, deadline) = acquire_args(vm, a, "acquire")?;
    let me = vm.thread_ident();
    let r = rlock(&o);
    if r.count.get() > 0 && r.owner.get() != me && !wait_rlock_free(vm, &o, deadline)? {
        return Ok(Value::Bool(false));
    }
    let r = rlock(&o);
    r.owner.set(me);
    r.count.set(r.count.get() + 1);
    Ok(Value::Bool(true))
}

/// Waits until no thread holds `o`; false when the deadline passed first.
fn wait_rlock_free(vm: &mut Vm, o: &Obj, deadline: Option<Instant>) -> PyResult<bool> {
    let held = o.clone();
    vm.wait_for(Wait::Until(
        Box::new(move || rlock(&held).count.get() == 0),
        deadline,
    ))
}

fn rlock_release(vm: &mut Vm, a: Args) -> PyResult {
    let r = rlock(a.pos[0].as_obj().expect("an RLock"));
    if r.count.get() == 0 || r.owner.get() != vm.thread_ident() {
        return Err(vm.runtime_error("cannot release un-acquired lock"));
    }
    r.count.set(r.count.get() - 1);
    if r.count.get() == 0 {
        r.owner.set(0);
    }
    Ok(Value::None)
}

const RLOCK_TYPE: TypeDef = TypeDef {
    name: "RLock",
    module: "_thread",
    doc: None,
    methods: &[
        F::new("__new__", |vm, a| {
            let cls = a.pos[0].as_obj().cloned().expect("a class");
            Ok(vm.new_native(
                &cls,
                RLock {
                    owner: Cell::new(0),
                    count: Cell::new(0),
                },
            ))
        }),
        F::method("acquire", rlock_acquire),
        F::method("__enter__", rlock_acquire),
        F::method("release", rlock_release).no_args(),
        F::method("__exit__", rlock_release),
        F::method("_is_owned", |vm, a| {
            let r = rlock(a.pos[0].as_obj().expect("an RLock"));
            Ok(Value::Bool(
                r.count.get() > 0 && r.owner.get() == vm.thread_ident(),
            ))
        })
        .no_args(),
        F::method("_recursion_count", |vm, a| {
            let r = rlock(a.pos[0].as_obj().expect("an RLock"));
            let mine = r.owner.get() == vm.thread_ident();
            Ok(Value::Int(if mine { r.count.get() as i64 } else { 0 }))
        })
        .no_args(),
        F::method("_release_save", |vm, a| {
            let r = rlock(a.pos[0].as_obj().expect("an RLock"));
            if r.count.get() == 0 {
                return Err(vm.runtime_error("cannot release un-acquired lock"));
            }
            let saved = vm.new_tuple(vec![
                Value::Int(r.count.get() as i64),
                Value::Int(r.owner.get()),
            ]);
            r.count.set(0);
            r.owner.set(0);
            Ok(saved)
        })
        .no_args(),
        F::method("_acquire_restore", |vm, a| {
            let o = a.pos[0].as_obj().cloned().expect("an RLock");
            let parts = krait_vm::api::tuple_items(&a.pos[1])
                .ok_or_else(|| vm.type_error("_acquire_restore() argument must be a tuple"))?;
            if rlock(&o).count.get() > 0 {
                wait_rlock_free(vm, &o, None)?;
            }
            let r = rlock(&o);
            let get = |i: usize| parts.get(i).and_then(krait_vm::api::small_int).unwrap_or(0);
            r.count.set(get(0) as u64);
            r.owner.set(get(1));
            Ok(Value::None)
        })
        .one(),
        F::method("_at_fork_reinit", |_, a| {
            let r = rlock(a.pos[0].as_obj().expect("an RLock"));
            r.count.set(0);
            r.owner.set(0);
            Ok(Value::None)
        })
        .no_args(),
    ],
};
