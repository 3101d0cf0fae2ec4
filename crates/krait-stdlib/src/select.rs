//! `select`: waiting for file descriptors to be ready, with `select()`
//! and `poll` objects, through the C library's `poll`.

use krait_vm::api::{
    add_attr, float_value, native_data, small_int, Args, FunctionDef as F, ModuleDef, NativeType,
    Obj, PyResult, Slots, TypeDef, Value, Vm,
};
use std::cell::RefCell;

pub const MODULE: ModuleDef = ModuleDef {
    name: "select",
    doc: Some("This module supports asynchronous I/O on multiple file descriptors."),
    functions: &[
        F::new("select", select).args(3, 4),
        F::new("poll", new_poll).no_args(),
    ],
    init: Some(init),
};

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    let error = Value::Obj(vm.exception_class("OSError"));
    add_attr(vm, m, "error", error);
    let cls = vm.new_native_type::<PollType>(&POLL_TYPE);
    add_attr(vm, m, "_PollType", Value::Obj(cls));
    for (name, v) in [
        ("POLLIN", libc::POLLIN),
        ("POLLPRI", libc::POLLPRI),
        ("POLLOUT", libc::POLLOUT),
        ("POLLERR", libc::POLLERR),
        ("POLLHUP", libc::POLLHUP),
        ("POLLNVAL", libc::POLLNVAL),
        ("POLLRDNORM", libc::POLLRDNORM),
        ("POLLRDBAND", libc::POLLRDBAND),
        ("POLLWRNORM", libc::POLLWRNORM),
        ("POLLWRBAND", libc::POLLWRBAND),
        ("POLLMSG", 0x400),
        ("POLLRDHUP", libc::POLLRDHUP),
    ] {
        add_attr(vm, m, name, Value::Int(v as i64));
    }
    add_attr(vm, m, "PIPE_BUF", Value::Int(libc::PIPE_BUF as i64));
    Ok(())
}

/// A file descriptor: an int, or an object's `fileno()`.
pub(crate) fn fileno(vm: &mut Vm, v: &Value) -> PyResult<libc::c_int> {
    let fd = match small_int(v) {
        Some(fd) => fd,
        None => {
            let r = vm.call_method(v, "fileno", vec![]).map_err(|_| {
                vm.type_error("argument must be an int, or have a fileno() method.")
            })?;
            small_int(&r).ok_or_else(|| vm.type_error("fileno() returned a non-integer"))?
        }
    };
    if fd < 0 {
        return Err(vm.value_error(format!(
            "file descriptor cannot be a negative integer ({fd})"
        )));
    }
    Ok(fd as libc::c_int)
}

/// A timeout in seconds (None: wait without end) as poll's milliseconds.
fn timeout_ms(vm: &mut Vm, v: Option<&Value>, scale: f64) -> PyResult<libc::c_int> {
    let Some(v) = v.filter(|v| !v.is_none()) else {
        return Ok(-1);
    };
    let t = match small_int(v) {
        Some(i) => i as f64,
        None => float_value(v).ok_or_else(|| vm.type_error("timeout must be a float or None"))?,
    };
    if t < 0.0 && scale == 1000.0 {
        return Err(vm.value_error("timeout must be non-negative"));
    }
    if t < 0.0 {
        return Ok(-1);
    }
    Ok((t * scale).ceil().min(i32::MAX as f64) as libc::c_int)
}

fn wait(vm: &mut Vm, fds: &mut [libc::pollfd], timeout: libc::c_int) -> PyResult<()> {
    let mut timeout = timeout;
    if timeout != 0 && vm.threads().others_alive() {
        // The other threads run until a descriptor is ready or the time
        // is up; the poll below then only collects what is ready.
        let deadline = (timeout > 0)
            .then(|| std::time::Instant::now() + std::time::Duration::from_millis(timeout as u64));
        let watched = fds.iter().map(|p| (p.fd, p.events)).collect();
        vm.wait_for(krait_vm::api::Wait::Fds(watched, deadline))?;
        timeout = 0;
    }
    // Interrupted by a signal, the wait goes on for what is left of the
    // timeout once the handlers have run (PEP 475).
    let deadline = (timeout > 0)
        .then(|| std::time::Instant::now() + std::time::Duration::from_millis(timeout as u64));
    let r = loop {
        // SAFETY: `fds` is a valid array of pollfd for its length.
        let r = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, timeout) };
        if r >= 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::EINTR) {
            break r;
        }
        vm.check_signals()?;
        if let Some(d) = deadline {
            let left = d.saturating_duration_since(std::time::Instant::now());
            timeout = left.as_millis().min(i32::MAX as u128) as libc::c_int;
        }
    };
    if r < 0 {
        let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        let cls = Value::Obj(vm.exception_class("OSError"));
        let msg = vm.new_string(std::io::Error::from_raw_os_error(errno).to_string());
        let e = vm.call(&cls, vec![Value::Int(errno as i64), msg])?;
        return Err(e.as_obj().cloned().expect("an exception"));
    }
    Ok(())
}

fn select(vm: &mut Vm, a: Args) -> PyResult {
    let lists: Vec<Vec<Value>> = a.pos[..3]
        .iter()
        .map(|v| vm.iterate(v))
        .collect::<PyResult<_>>()?;
    let timeout = timeout_ms(vm, a.pos.get(3), 1000.0)?;
    let events = [libc::POLLIN, libc::POLLOUT, libc::POLLPRI];
    let mut fds: Vec<libc::pollfd> = Vec::new();
    let mut owners: Vec<(usize, Value)> = Vec::new();
    for (k, list) in lists.iter().enumerate() {
        for v in list {
            let fd = fileno(vm, v)?;
            fds.push(libc::pollfd {
                fd,
                events: events[k],
                revents: 0,
            });
            owners.push((k, v.clone()));
        }
    }
    wait(vm, &mut fds, timeout)?;
    let mut ready: [Vec<Value>; 3] = Default::default();
    for (p, (k, v)) in fds.iter().zip(owners) {
        let hit = match k {
            0 => p.revents & (libc::POLLIN | libc::POLLHUP | libc::POLLERR) != 0,
            1 => p.revents & (libc::POLLOUT | libc::POLLERR) != 0,
            _ => p.revents & libc::POLLPRI != 0,
        };
        if hit {
            ready[k].push(v);
        }
    }
    let [r, w, x] = ready;
    let out = vec![vm.new_list(r), vm.new_list(w), vm.new_list(x)];
    Ok(vm.new_tuple(out))
}

/// A poll object: registered descriptors and their event masks.
struct Poll(RefCell<Vec<(libc::c_int, i16)>>);

struct PollType;

impl NativeType for PollType {
    const SLOTS: &'static Slots = &Slots::NONE;
}

fn poll_of(v: &Value) -> &Poll {
    v.as_obj()
        .and_then(native_data::<Poll>)
        .expect("poll methods are on poll objects")
}

fn new_poll(vm: &mut Vm, _: Args) -> PyResult {
    let cls = vm.native_class("select", "_PollType")?;
    Ok(vm.new_native(&cls, Poll(RefCell::new(Vec::new()))))
}

fn default_mask() -> i16 {
    libc::POLLIN | libc::POLLPRI | libc::POLLOUT
}

const POLL_TYPE: TypeDef = TypeDef {
    name: "poll",
    module: "select",
    doc: None,
    methods: &[
        F::method("register", |vm, a| {
            let fd = fileno(vm, &a.pos[1])?;
            let mask = a
                .pos
                .get(2)
                .and_then(small_int)
                .map_or(default_mask(), |m| m as i16);
            let mut p = poll_of(&a.pos[0]).0.borrow_mut();
            match p.iter_mut().find(|(f, _)| *f == fd) {
                Some(e) => e.1 = mask,
                None => p.push((fd, mask)),
            }
            Ok(Value::None)
        })
        .args(1, 2),
        F::method("modify", |vm, a| {
            let fd = fileno(vm, &a.pos[1])?;
            let mask = small_int(&a.pos[2]).unwrap_or(0) as i16;
            let mut p = poll_of(&a.pos[0]).0.borrow_mut();
            match p.iter_mut().find(|(f, _)| *f == fd) {
                Some(e) => {
                    e.1 = mask;
                    Ok(Value::None)
                }
                None => {
                    drop(p);
                    let cls = Value::Obj(vm.exception_class("FileNotFoundError"));
                    let msg = vm.new_str("No such file or directory");
                    let e = vm.call(&cls, vec![Value::Int(libc::ENOENT as i64), msg])?;
                    Err(e.as_obj().cloned().expect("an exception"))
                }
            }
        })
        .args(2, 2),
        F::method("unregister", |vm, a| {
            let fd = fileno(vm, &a.pos[1])?;
            let mut p = poll_of(&a.pos[0]).0.borrow_mut();
            let before = p.len();
            p.retain(|(f, _)| *f != fd);
            if p.len() == before {
                drop(p);
                return Err(vm.key_error(Value::Int(fd as i64)));
            }
            Ok(Value::None)
        })
        .one(),
        F::method("poll", |vm, a| {
            let timeout = timeout_ms(vm, a.pos.get(1), 1.0)?;
            let mut fds: Vec<libc::pollfd> = poll_of(&a.pos[0])
                .0
                .borrow()
                .iter()
                .map(|&(fd, events)| libc::pollfd {
                    fd,
                    events,
                    revents: 0,
                })
                .collect();
            wait(vm, &mut fds, timeout)?;
            let items = fds
                .iter()
                .filter(|p| p.revents != 0)
                .map(|p| vm.new_tuple(vec![Value::Int(p.fd as i64), Value::Int(p.revents as i64)]))
                .collect();
            Ok(vm.new_list(items))
        })
        .args(0, 1),
    ],
};
