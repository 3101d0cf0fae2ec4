//! `_signal`, under `signal`: Python handlers for signals (run by the VM
//! between instructions, see `krait_vm::signals`), dispositions, alarms
//! and interval timers, signal masks, and the wake-up fd event loops use.
//!
//! Ctrl-C keeps the operating system's default until the command line
//! takes it over; `getsignal(SIGINT)` answers `default_int_handler`, as
//! CPython's does.

use crate::posix::{errno_error, os_error};
use krait_vm::api::{
    float_value, small_int, Args, FunctionDef as F, ModuleDef, Obj, PyResult, Value, Vm,
};
use krait_vm::signals::{self, Disposition, NSIG};

pub const MODULE: ModuleDef = ModuleDef {
    name: "_signal",
    doc: Some("This module provides mechanisms to use signal handlers in Python."),
    functions: &[
        F::new("signal", signal).args(2, 2),
        F::new("getsignal", getsignal).one(),
        F::new("default_int_handler", |vm, _| {
            let cls = Value::Obj(vm.exception_class("KeyboardInterrupt"));
            let e = vm.call(&cls, vec![])?;
            Err(e.as_obj().cloned().expect("an exception"))
        }),
        F::new("raise_signal", raise_signal).one(),
        F::new("strsignal", strsignal).one(),
        F::new("valid_signals", |vm, _| {
            let sigs = (1..NSIG as i64)
                .filter(|&s| !(32..=33).contains(&s))
                .map(Value::Int)
                .collect();
            let set = vm.getattr_str(&Value::Obj(vm.builtins.clone()), "set")?;
            let list = vm.new_list(sigs);
            vm.call(&set, vec![list])
        })
        .no_args(),
        F::new("alarm", |vm, a| {
            let secs = uint_arg(vm, &a.pos[0])?;
            // SAFETY: alarm(2) has no memory effects.
            Ok(Value::Int(
                unsafe { libc::alarm(secs as libc::c_uint) } as i64
            ))
        })
        .one(),
        F::new("pause", |vm, _| {
            // SAFETY: pause(2) returns once a signal is caught.
            unsafe { libc::pause() };
            vm.check_signals()?;
            Ok(Value::None)
        })
        .no_args(),
        F::new("set_wakeup_fd", set_wakeup_fd).named(&["fd", "warn_on_full_buffer"], 1, 1, 1),
        F::new("siginterrupt", |vm, a| {
            let sig = signal_number(vm, &a.pos[0])?;
            let flag = vm.truthy(&a.pos[1])?;
            if signals::set_interrupts_calls(sig, flag).is_err() {
                return Err(os_error(vm, None, None));
            }
            Ok(Value::None)
        })
        .args(2, 2),
        F::new("pthread_kill", |vm, a| {
            let thread =
                small_int(&a.pos[0]).ok_or_else(|| vm.type_error("an integer is required"))?;
            let sig =
                small_int(&a.pos[1]).ok_or_else(|| vm.type_error("an integer is required"))?;
            // SAFETY: pthread_kill with a thread id the program got from
            // threading; an invalid one is reported as an error.
            let r = unsafe { libc::pthread_kill(thread as libc::pthread_t, sig as libc::c_int) };
            if r != 0 {
                return Err(errno_error(vm, r, None, None));
            }
            vm.check_signals()?;
            Ok(Value::None)
        })
        .args(2, 2),
        F::new("pthread_sigmask", pthread_sigmask).args(2, 2),
        F::new("sigpending", |vm, _| {
            // SAFETY: sigpending fills the zeroed set it is given.
            let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
            if unsafe { libc::sigpending(&mut set) } != 0 {
                return Err(os_error(vm, None, None));
            }
            set_to_python(vm, &set)
        })
        .no_args(),
        F::new("sigwait", |vm, a| {
            let set = set_from_python(vm, &a.pos[0])?;
            let mut sig: libc::c_int = 0;
            // SAFETY: sigwait reads the set and writes one int.
            let r = unsafe { libc::sigwait(&set, &mut sig) };
            if r != 0 {
                return Err(errno_error(vm, r, None, None));
            }
            Ok(Value::Int(sig as i64))
        })
        .one(),
        F::new("setitimer", setitimer).args(2, 3),
        F::new("getitimer", getitimer).one(),
    ],
    init: Some(init),
};

/// The signals Linux numbers, by name.
const SIGNALS: &[(&str, i32)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGABRT", libc::SIGABRT),
    ("SIGIOT", libc::SIGIOT),
    ("SIGBUS", libc::SIGBUS),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGSTKFLT", libc::SIGSTKFLT),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGCLD", libc::SIGCHLD),
    ("SIGCONT", libc::SIGCONT),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGURG", libc::SIGURG),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGIO", libc::SIGIO),
    ("SIGPOLL", libc::SIGPOLL),
    ("SIGPWR", libc::SIGPWR),
    ("SIGSYS", libc::SIGSYS),
    ("SIGRTMIN", 34),
    ("SIGRTMAX", 64),
];

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    let ints: &[(&str, i64)] = &[
        ("SIG_DFL", 0),
        ("SIG_IGN", 1),
        ("NSIG", NSIG as i64),
        ("SIG_BLOCK", libc::SIG_BLOCK as i64),
        ("SIG_UNBLOCK", libc::SIG_UNBLOCK as i64),
        ("SIG_SETMASK", libc::SIG_SETMASK as i64),
        ("ITIMER_REAL", libc::ITIMER_REAL as i64),
        ("ITIMER_VIRTUAL", libc::ITIMER_VIRTUAL as i64),
        ("ITIMER_PROF", libc::ITIMER_PROF as i64),
    ];
    krait_vm::api::add_int_constants(vm, m, ints);
    let signals: Vec<(&str, i64)> = SIGNALS.iter().map(|&(n, v)| (n, v as i64)).collect();
    krait_vm::api::add_int_constants(vm, m, &signals);
    vm.exec_in(
        "class ItimerError(OSError): pass\nItimerError.__module__ = 'signal'\nItimerError.__name__ = ItimerError.__qualname__ = 'itimer_error'\n",
        m,
    )?;
    // What each signal does before Python sets it: the default, ignored
    // (SIGPIPE and SIGXFSZ, as the runtime leaves them), or, for SIGINT,
    // CPython's `default_int_handler`.
    let int_handler = vm.getattr_str(&Value::Obj(m.clone()), "default_int_handler")?;
    for sig in 1..NSIG {
        let h = match signals::current_disposition(sig as i32) {
            _ if sig == libc::SIGINT as usize => int_handler.clone(),
            Some(Disposition::Default) => Value::Int(0),
            Some(Disposition::Ignore) => Value::Int(1),
            _ => Value::None,
        };
        if vm.signal_handler(sig).is_none() {
            vm.set_signal_handler(sig, h);
        }
    }
    Ok(())
}

fn signal_number(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let Some(n) = small_int(v) else {
        let t = vm.type_name(v);
        return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
    };
    if n < 1 || n >= NSIG as i64 {
        return Err(vm.value_error("signal number out of range"));
    }
    Ok(n as i32)
}

fn uint_arg(vm: &mut Vm, v: &Value) -> PyResult<u64> {
    match small_int(v) {
        Some(n) if n >= 0 => Ok(n as u64),
        Some(_) => Err(vm.overflow_error("Python int too large to convert to C unsigned long")),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}

/// `signal.signal(signalnum, handler)`: returns the previous handler.
fn signal(vm: &mut Vm, a: Args) -> PyResult {
    let handler = a.pos[1].clone();
    let disposition = match small_int(&handler) {
        Some(0) if !matches!(handler, Value::Truth(_)) => Disposition::Default,
        Some(1) if !matches!(handler, Value::Truth(_)) => Disposition::Ignore,
        _ if vm.is_callable(&handler) => Disposition::Catch,
        _ => {
            return Err(vm.type_error(
                "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
            ))
        }
    };
    let sig = signal_number(vm, &a.pos[0])?;
    if let Err(e) = signals::set_disposition(sig, disposition) {
        return Err(errno_error(
            vm,
            e.raw_os_error().unwrap_or(libc::EINVAL),
            None,
            None,
        ));
    }
    let old = vm.signal_handler(sig as usize);
    let stored = match disposition {
        Disposition::Default => Value::Int(0),
        Disposition::Ignore => Value::Int(1),
        Disposition::Catch => handler,
    };
    vm.set_signal_handler(sig as usize, stored);
    Ok(old)
}

fn getsignal(vm: &mut Vm, a: Args) -> PyResult {
    let sig = signal_number(vm, &a.pos[0])?;
    Ok(vm.signal_handler(sig as usize))
}

fn raise_signal(vm: &mut Vm, a: Args) -> PyResult {
    let sig = signal_number(vm, &a.pos[0])?;
    // SAFETY: raise(3) sends a valid signal number to this thread.
    if unsafe { libc::raise(sig) } != 0 {
        return Err(os_error(vm, None, None));
    }
    vm.check_signals()?;
    Ok(Value::None)
}

fn strsignal(vm: &mut Vm, a: Args) -> PyResult {
    let sig = signal_number(vm, &a.pos[0])?;
    // SAFETY: strsignal returns a NUL-terminated message (or null), copied
    // at once.
    let p = unsafe { libc::strsignal(sig) };
    if p.is_null() {
        return Ok(Value::None);
    }
    // SAFETY: non-null and NUL-terminated, per strsignal.
    let text = unsafe { std::ffi::CStr::from_ptr(p) }
        .to_string_lossy()
        .into_owned();
    if text.starts_with("Unknown signal") || text.starts_with("Real-time signal") {
        return Ok(Value::None);
    }
    Ok(vm.new_string(text))
}

fn set_wakeup_fd(vm: &mut Vm, a: Args) -> PyResult {
    let fd = small_int(&a.pos[0]).ok_or_else(|| vm.type_error("an integer is required"))?;
    if fd != -1 {
        // SAFETY: fstat on any int only reports whether it is an open fd.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        if unsafe { libc::fstat(fd as libc::c_int, &mut st) } != 0 {
            return Err(os_error(vm, None, None));
        }
    }
    Ok(Value::Int(signals::set_wakeup_fd(fd as i32) as i64))
}

fn set_from_python(vm: &mut Vm, v: &Value) -> PyResult<libc::sigset_t> {
    // SAFETY: sigemptyset initialises the zeroed set.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    unsafe { libc::sigemptyset(&mut set) };
    for item in vm.iterate(v)? {
        let sig = signal_number(vm, &item)?;
        // SAFETY: a valid signal number added to an initialised set.
        unsafe { libc::sigaddset(&mut set, sig) };
    }
    Ok(set)
}

fn set_to_python(vm: &mut Vm, set: &libc::sigset_t) -> PyResult {
    let sigs = (1..NSIG as i32)
        // SAFETY: sigismember reads an initialised set.
        .filter(|&s| unsafe { libc::sigismember(set, s) } == 1)
        .map(|s| Value::Int(s as i64))
        .collect();
    let list = vm.new_list(sigs);
    let set_type = vm.getattr_str(&Value::Obj(vm.builtins.clone()), "set")?;
    vm.call(&set_type, vec![list])
}

fn pthread_sigmask(vm: &mut Vm, a: Args) -> PyResult {
    let how = small_int(&a.pos[0]).ok_or_else(|| vm.type_error("an integer is required"))?;
    let set = set_from_python(vm, &a.pos[1])?;
    // SAFETY: pthread_sigmask reads `set` and fills the zeroed `old`.
    let mut old: libc::sigset_t = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::pthread_sigmask(how as libc::c_int, &set, &mut old) };
    if r != 0 {
        return Err(errno_error(vm, r, None, None));
    }
    vm.check_signals()?;
    set_to_python(vm, &old)
}

fn seconds(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match (small_int(v), float_value(v)) {
        (Some(i), _) => Ok(i as f64),
        (_, Some(f)) => Ok(f),
        _ => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("must be real number, not {t}")))
        }
    }
}

fn timeval(secs: f64) -> libc::timeval {
    let whole = secs.trunc();
    let mut usec = ((secs - whole) * 1e6).round() as libc::suseconds_t;
    let mut sec = whole as libc::time_t;
    if usec >= 1_000_000 {
        sec += 1;
        usec -= 1_000_000;
    }
    // A positive time below a microsecond still arms the timer.
    if sec == 0 && usec == 0 && secs > 0.0 {
        usec = 1;
    }
    libc::timeval {
        tv_sec: sec,
        tv_usec: usec,
    }
}

fn itimer_tuple(vm: &mut Vm, v: &libc::itimerval) -> Value {
    let f = |t: &libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    let items = vec![
        vm.new_float(f(&v.it_value)),
        vm.new_float(f(&v.it_interval)),
    ];
    vm.new_tuple(items)
}

fn itimer_error(vm: &mut Vm) -> Obj {
    let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
    let cls = vm.native_class("_signal", "ItimerError");
    let msg = crate::posix::strerror(errno);
    let args = vec![Value::Int(errno as i64), vm.new_string(msg)];
    match cls.and_then(|c| vm.call(&Value::Obj(c), args)) {
        Ok(Value::Obj(e)) => e,
        Ok(_) => vm.runtime_error("ItimerError made no exception"),
        Err(e) => e,
    }
}

fn setitimer(vm: &mut Vm, a: Args) -> PyResult {
    let which = small_int(&a.pos[0]).ok_or_else(|| vm.type_error("an integer is required"))?;
    let value = seconds(vm, &a.pos[1])?;
    let interval = match a.pos.get(2) {
        Some(v) => seconds(vm, v)?,
        None => 0.0,
    };
    let new = libc::itimerval {
        it_value: timeval(value),
        it_interval: timeval(interval),
    };
    // SAFETY: setitimer reads `new` and fills the zeroed `old`.
    let mut old: libc::itimerval = unsafe { std::mem::zeroed() };
    if unsafe { libc::setitimer(which as libc::c_int, &new, &mut old) } != 0 {
        return Err(itimer_error(vm));
    }
    Ok(itimer_tuple(vm, &old))
}

fn getitimer(vm: &mut Vm, a: Args) -> PyResult {
    let which = small_int(&a.pos[0]).ok_or_else(|| vm.type_error("an integer is required"))?;
    // SAFETY: getitimer fills the zeroed struct.
    let mut cur: libc::itimerval = unsafe { std::mem::zeroed() };
    if unsafe { libc::getitimer(which as libc::c_int, &mut cur) } != 0 {
        return Err(itimer_error(vm));
    }
    Ok(itimer_tuple(vm, &cur))
}
