//! `_thread`: locks, thread identity and thread-local data, under
//! `threading`.
//!
//! Krait runs Python code on one thread. Locks therefore never wait for
//! another thread: acquiring a free lock takes it; acquiring a held lock
//! without blocking fails, with a timeout waits that long and fails, and
//! blocking forever raises RuntimeError, because no other thread could
//! ever release it (CPython would hang). Starting a thread raises
//! RuntimeError saying threads are not supported yet.

use krait_vm::api::{
    add_attr, native_data, Args, FunctionDef as F, ModuleDef, NativeType, Obj, Params, PyResult,
    Slots, TypeDef, Value, Vm,
};
use std::cell::Cell;

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
    // Thread-local data is plain instance data while there is one thread.
    vm.exec_in(LOCAL_SOURCE, m)?;
    Ok(())
}

const LOCAL_SOURCE: &str = "\
class _local:
    \"\"\"Thread-local data\"\"\"
    __module__ = '_thread'
    def __new__(cls, /, *args, **kw):
        if (args or kw) and (cls.__init__ is object.__init__):
            raise TypeError('Initialization arguments are not supported')
        return object.__new__(cls)
";

fn ident() -> i64 {
    // SAFETY: pthread_self has no preconditions and only reads the
    // calling thread's identity.
    unsafe { libc::pthread_self() as i64 }
}

const FUNCTIONS: &[F] = &[
    F::new("get_ident", |_, _| Ok(Value::Int(ident()))).no_args(),
    F::new("get_native_id", |_, _| {
        // SAFETY: gettid has no preconditions.
        Ok(Value::Int(unsafe { libc::gettid() } as i64))
    })
    .no_args(),
    F::new("allocate_lock", new_lock).no_args(),
    F::new("allocate", new_lock).no_args(),
    F::new("_set_sentinel", new_lock).no_args(),
    F::new("_count", |_, _| Ok(Value::Int(0))).no_args(),
    F::new("stack_size", |vm, a| match a.pos.first() {
        None => Ok(Value::Int(0)),
        Some(v) => {
            let n = vm.index_arg(v)?;
            if n != krait_vm::api::BigInt::ZERO && n < krait_vm::api::BigInt::from(32768) {
                return Err(vm.value_error("size not valid: 32768 bytes"));
            }
            Ok(Value::Int(0))
        }
    })
    .args(0, 1),
    F::new("start_new_thread", start_thread).args(2, 3),
    F::new("start_new", start_thread).args(2, 3),
    F::new("interrupt_main", |vm, _| {
        Err(vm.runtime_error("interrupt_main() is not supported by Krait yet"))
    })
    .args(0, 1),
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

fn start_thread(vm: &mut Vm, _: Args) -> PyResult {
    Err(vm.runtime_error("can't start new thread: Krait does not run threads yet"))
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
fn acquire_args(vm: &mut Vm, a: Args, name: &str) -> PyResult<(Obj, Option<f64>)> {
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
    let wait = match (blocking, timeout) {
        (false, _) => Some(0.0),
        (true, t) if t < 0.0 => None,
        (true, t) => Some(t),
    };
    Ok((o, wait))
}

/// Waiting for a lock only this thread could release: fails after the
/// timeout, or at once when the wait would never end.
fn wait_held(vm: &Vm, wait: Option<f64>) -> PyResult<bool> {
    match wait {
        Some(t) => {
            if t > 0.0 {
                std::thread::sleep(std::time::Duration::from_secs_f64(t));
            }
            Ok(false)
        }
        None => Err(vm.runtime_error(
            "deadlock: acquiring a lock held by the only running thread would wait forever",
        )),
    }
}

fn lock_acquire(vm: &mut Vm, a: Args) -> PyResult {
    let (o, wait) = acquire_args(vm, a, "acquire")?;
    let l = lock(&o);
    if !l.held.get() {
        l.held.set(true);
        return Ok(Value::Bool(true));
    }
    wait_held(vm, wait).map(Value::Bool)
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
    let (o, wait) = acquire_args(vm, a, "acquire")?;
    let r = rlock(&o);
    let me = ident();
    if r.count.get() == 0 || r.owner.get() == me {
        r.owner.set(me);
        r.count.set(r.count.get() + 1);
        return Ok(Value::Bool(true));
    }
    wait_held(vm, wait).map(Value::Bool)
}

fn rlock_release(vm: &mut Vm, a: Args) -> PyResult {
    let r = rlock(a.pos[0].as_obj().expect("an RLock"));
    if r.count.get() == 0 || r.owner.get() != ident() {
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
        F::method("_is_owned", |_, a| {
            let r = rlock(a.pos[0].as_obj().expect("an RLock"));
            Ok(Value::Bool(r.count.get() > 0 && r.owner.get() == ident()))
        })
        .no_args(),
        F::method("_recursion_count", |_, a| {
            let r = rlock(a.pos[0].as_obj().expect("an RLock"));
            let mine = r.owner.get() == ident();
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
            let r = rlock(a.pos[0].as_obj().expect("an RLock"));
            let parts = krait_vm::api::tuple_items(&a.pos[1])
                .ok_or_else(|| vm.type_error("_acquire_restore() argument must be a tuple"))?;
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
