//! The `socket` object: a descriptor, its family, type and protocol, and
//! its timeout (see the module's notes).

use super::addr::{from_sockaddr, to_sockaddr};
use super::os_error_msg;
use crate::posix::errno_error;
use krait_vm::api::{
    bytes_data, float_value, native_data, small_int, Args, FunctionDef as F, GetSetDef, NativeType,
    Obj, PyResult, Slots, Value, Vm,
};
use socket2::SockAddr;
use std::cell::Cell;
use std::time::{Duration, Instant};

thread_local! {
    static DEFAULT_TIMEOUT: Cell<Option<f64>> = const { Cell::new(None) };
}

pub fn default_timeout() -> Option<f64> {
    DEFAULT_TIMEOUT.with(Cell::get)
}

pub fn set_default_timeout(t: Option<f64>) {
    DEFAULT_TIMEOUT.with(|d| d.set(t));
}

pub struct Socket {
    fd: Cell<i32>,
    family: Cell<i32>,
    kind: Cell<i32>,
    proto: Cell<i32>,
    /// `None`: blocking; `Some(0.0)`: non-blocking; else the timeout.
    timeout: Cell<Option<f64>>,
}

impl Socket {
    fn new() -> Self {
        Socket {
            fd: Cell::new(-1),
            family: Cell::new(libc::AF_INET),
            kind: Cell::new(libc::SOCK_STREAM),
            proto: Cell::new(0),
            timeout: Cell::new(None),
        }
    }
}

/// A socket the program never closed is closed when it is freed.
impl Drop for Socket {
    fn drop(&mut self) {
        let fd = self.fd.get();
        if fd >= 0 {
            // SAFETY: the descriptor is this object's own.
            unsafe { libc::close(fd) };
        }
    }
}

pub struct SocketType;

impl NativeType for SocketType {
    const SLOTS: &'static Slots = &Slots::repr(|vm, o| {
        let v = Value::Obj(o.clone());
        let s = sock(&v);
        let r = format!(
            "<socket object, fd={}, family={}, type={}, proto={}>",
            s.fd.get(),
            s.family.get(),
            s.kind.get(),
            s.proto.get()
        );
        Ok(vm.new_string(r))
    });
}

fn sock(v: &Value) -> &Socket {
    v.as_obj()
        .and_then(native_data::<Socket>)
        .expect("socket methods get socket objects")
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// The descriptor of an open socket, or `OSError(EBADF)`.
fn open_fd(vm: &mut Vm, s: &Socket) -> PyResult<i32> {
    let fd = s.fd.get();
    if fd < 0 {
        return Err(errno_error(vm, libc::EBADF, None, None));
    }
    Ok(fd)
}

pub fn timeout_arg(vm: &mut Vm, v: &Value) -> PyResult<Option<f64>> {
    if v.is_none() {
        return Ok(None);
    }
    let t = match (small_int(v), float_value(v)) {
        (Some(i), _) => i as f64,
        (_, Some(f)) => f,
        _ => {
            let t = vm.type_name(v);
            return Err(vm.type_error(format!(
                "'{t}' object cannot be interpreted as an integer or float"
            )));
        }
    };
    if t.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if t < 0.0 {
        return Err(vm.value_error("Timeout value out of range"));
    }
    Ok(Some(t))
}

fn set_nonblocking(fd: i32, on: bool) {
    // SAFETY: fcntl reads and sets the status flags of a descriptor.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags >= 0 {
            let flags = if on {
                flags | libc::O_NONBLOCK
            } else {
                flags & !libc::O_NONBLOCK
            };
            libc::fcntl(fd, libc::F_SETFL, flags);
        }
    }
}

fn apply_timeout(s: &Socket, t: Option<f64>) {
    s.timeout.set(t);
    if s.fd.get() >= 0 {
        set_nonblocking(s.fd.get(), t.is_some());
    }
}

fn timed_out(vm: &mut Vm) -> Obj {
    let cls = Value::Obj(vm.exception_class("TimeoutError"));
    let m = vm.new_str("timed out");
    match vm.call(&cls, vec![m]) {
        Ok(Value::Obj(e)) => e,
        Ok(_) => vm.runtime_error("TimeoutError made no exception"),
        Err(e) => e,
    }
}

/// Waits until `fd` is ready (to write, or to read) or the deadline
/// passes (`None`: no deadline).
fn wait_ready(vm: &mut Vm, fd: i32, writing: bool, deadline: Option<Instant>) -> PyResult<()> {
    let events = if writing { libc::POLLOUT } else { libc::POLLIN };
    if vm.threads().others_alive() {
        // The other threads run while this one waits.
        let ready = vm.wait_for(krait_vm::api::Wait::Fds(vec![(fd, events)], deadline))?;
        return if ready { Ok(()) } else { Err(timed_out(vm)) };
    }
    loop {
        let ms = match deadline {
            Some(d) => {
                let left = d.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return Err(timed_out(vm));
                }
                left.as_millis().clamp(1, i32::MAX as u128) as i32
            }
            None => -1,
        };
        let mut p = libc::pollfd {
            fd,
            events,
            revents: 0,
        };
        // SAFETY: poll on one pollfd structure on this stack.
        let r = unsafe { libc::poll(&mut p, 1, ms) };
        match r {
            0 => return Err(timed_out(vm)),
            r if r > 0 => return Ok(()),
            _ if errno() == libc::EINTR => vm.check_signals()?,
            _ => return Err(crate::posix::os_error(vm, None, None)),
        }
    }
}

/// Runs a socket call, waiting while it would block if the socket has a
/// timeout, and retrying after signals.
fn io_call(
    vm: &mut Vm,
    s: &Socket,
    writing: bool,
    mut op: impl FnMut(i32) -> isize,
) -> PyResult<isize> {
    let fd = open_fd(vm, s)?;
    let deadline = match s.timeout.get() {
        Some(t) if t > 0.0 => Some(Instant::now() + Duration::from_secs_f64(t)),
        _ => None,
    };
    if s.timeout.get().is_none() && vm.threads().others_alive() {
        // A blocking socket's call would stop every thread: wait for
        // readiness among them first.
        wait_ready(vm, fd, writing, None)?;
    }
    loop {
        let r = op(fd);
        if r >= 0 {
            return Ok(r);
        }
        let e = errno();
        if e == libc::EINTR {
            vm.check_signals()?;
            continue;
        }
        if (e == libc::EAGAIN || e == libc::EWOULDBLOCK) && deadline.is_some() {
            wait_ready(vm, fd, writing, deadline)?;
            continue;
        }
        return Err(errno_error(vm, e, None, None));
    }
}

fn new_socket(vm: &mut Vm, cls: &Obj) -> Value {
    vm.new_native(cls, Socket::new())
}

fn this(a: &Args) -> &Socket {
    sock(&a.pos[0])
}

fn int_at(a: &Args, i: usize, default: i64) -> i64 {
    a.pos
        .get(i)
        .filter(|v| !matches!(v, Value::Null) && !v.is_none())
        .and_then(small_int)
        .unwrap_or(default)
}

fn query_int(fd: i32, level: i32, opt: i32) -> Option<i32> {
    let mut v: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: getsockopt writes one int and its length.
    let r = unsafe {
        libc::getsockopt(
            fd,
            level,
            opt,
            &mut v as *mut _ as *mut libc::c_void,
            &mut len,
        )
    };
    (r == 0).then_some(v)
}

fn init(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(&a);
    let family = int_at(&a, 1, -1) as i32;
    let kind = int_at(&a, 2, -1) as i32;
    let proto = int_at(&a, 3, -1) as i32;
    let fileno = a
        .pos
        .get(4)
        .filter(|v| !matches!(v, Value::Null) && !v.is_none())
        .cloned();
    let flags_mask = libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC;
    let fd = match fileno {
        Some(f) => {
            let fd = crate::posix::fd_arg(vm, &f)?;
            if fd < 0 {
                return Err(vm.value_error("negative file descriptor"));
            }
            let query = |opt, given: i32| {
                if given == -1 {
                    query_int(fd, libc::SOL_SOCKET, opt)
                } else {
                    Some(given)
                }
            };
            let Some(family) = query(libc::SO_DOMAIN, family) else {
                return Err(crate::posix::os_error(vm, None, None));
            };
            s.family.set(family);
            s.kind
                .set(query(libc::SO_TYPE, kind).unwrap_or(libc::SOCK_STREAM) & !flags_mask);
            s.proto.set(query(libc::SO_PROTOCOL, proto).unwrap_or(0));
            fd
        }
        None => {
            let family = if family == -1 { libc::AF_INET } else { family };
            let kind = if kind == -1 { libc::SOCK_STREAM } else { kind };
            let proto = if proto == -1 { 0 } else { proto };
            // SAFETY: socket(2) with integer arguments.
            let fd = unsafe { libc::socket(family, kind | libc::SOCK_CLOEXEC, proto) };
            if fd < 0 {
                return Err(crate::posix::os_error(vm, None, None));
            }
            s.family.set(family);
            s.kind.set(kind & !flags_mask);
            s.proto.set(proto);
            fd
        }
    };
    let old = s.fd.replace(fd);
    if old >= 0 && old != fd {
        // SAFETY: the descriptor the object held before.
        unsafe { libc::close(old) };
    }
    let requested_nonblocking = kind != -1 && kind & libc::SOCK_NONBLOCK != 0;
    let t = if requested_nonblocking {
        Some(0.0)
    } else {
        default_timeout()
    };
    if t.is_some() {
        apply_timeout(s, t);
    } else {
        s.timeout.set(None);
    }
    Ok(Value::None)
}

fn sockaddr_of(vm: &mut Vm, s: &Socket, peer: bool) -> PyResult {
    let fd = open_fd(vm, s)?;
    // SAFETY: getsockname/getpeername fill the zeroed storage and length.
    let r = unsafe {
        SockAddr::try_init(|storage, len| {
            let r = if peer {
                libc::getpeername(fd, storage.cast(), len)
            } else {
                libc::getsockname(fd, storage.cast(), len)
            };
            if r != 0 {
                Err(std::io::Error::last_os_error())
            } else {
                Ok(())
            }
        })
    };
    match r {
        Ok(((), addr)) => Ok(from_sockaddr(vm, &addr)),
        Err(e) => Err(errno_error(vm, e.raw_os_error().unwrap_or(0), None, None)),
    }
}

fn connect(vm: &mut Vm, s: &Socket, addr: &Value) -> PyResult<i32> {
    let fd = open_fd(vm, s)?;
    let sa = to_sockaddr(vm, s.family.get(), addr, "connect")?;
    // SAFETY: connect(2) with an address and its length from SockAddr.
    let r = unsafe { libc::connect(fd, sa.as_ptr().cast(), sa.len()) };
    if r == 0 {
        return Ok(0);
    }
    let e = errno();
    let waits = match s.timeout.get() {
        Some(t) => t > 0.0,
        None => true,
    };
    if (e == libc::EINPROGRESS || e == libc::EINTR) && waits {
        if e == libc::EINTR {
            vm.check_signals()?;
        }
        let deadline = s
            .timeout
            .get()
            .map(|t| Instant::now() + Duration::from_secs_f64(t));
        wait_ready(vm, fd, true, deadline)?;
        return Ok(query_int(fd, libc::SOL_SOCKET, libc::SO_ERROR).unwrap_or(0));
    }
    Ok(e)
}

fn recv_bytes(vm: &mut Vm, s: &Socket, size: i64, flags: i32) -> PyResult<Vec<u8>> {
    if size < 0 {
        return Err(vm.value_error("negative buffersize in recv"));
    }
    // Not zeroed: a large `recv(n)` that gets a few bytes (an event loop
    // asking for a megabyte at a time) must not pay for clearing `n`.
    let mut buf: Vec<u8> = Vec::with_capacity(size as usize);
    let n = io_call(vm, s, false, |fd| {
        let spare = buf.spare_capacity_mut();
        // SAFETY: recv writes at most `spare.len()` bytes into the
        // vector's spare capacity, which is valid for writes.
        unsafe {
            libc::recv(
                fd,
                spare.as_mut_ptr() as *mut libc::c_void,
                spare.len(),
                flags,
            )
        }
    })?;
    // SAFETY: recv initialised the first `n` bytes (n <= capacity).
    unsafe { buf.set_len(n as usize) };
    if buf.capacity() > 2 * buf.len() + 4096 {
        buf.shrink_to_fit();
    }
    Ok(buf)
}

pub const METHODS: &[F] = &[
    F::new("__new__", |vm, a| {
        let Some(cls) = a.pos.first().and_then(|c| c.as_obj()).cloned() else {
            return Err(vm.type_error("socket.__new__(X): X is not a type object"));
        };
        Ok(new_socket(vm, &cls))
    }),
    F::method("__init__", init).named(&["family", "type", "proto", "fileno"], 0, 4, 0),
    F::method("_accept", |vm, a| {
        let s = this(&a);
        let mut addr = None;
        let fd = io_call(vm, s, false, |fd| {
            // SAFETY: accept4 fills the zeroed storage; the address is
            // kept only when the call succeeds.
            match unsafe {
                SockAddr::try_init(|storage, len| {
                    let r = libc::accept4(fd, storage.cast(), len, libc::SOCK_CLOEXEC);
                    if r < 0 {
                        Err(std::io::Error::last_os_error())
                    } else {
                        Ok(r)
                    }
                })
            } {
                Ok((new_fd, a)) => {
                    addr = Some(a);
                    new_fd as isize
                }
                Err(_) => -1,
            }
        })?;
        let addr = match &addr {
            Some(a) => from_sockaddr(vm, a),
            None => Value::None,
        };
        Ok(vm.new_tuple(vec![Value::Int(fd as i64), addr]))
    })
    .no_args(),
    F::method("bind", |vm, a| {
        let s = this(&a);
        let fd = open_fd(vm, s)?;
        let sa = to_sockaddr(vm, s.family.get(), &a.pos[1], "bind")?;
        // SAFETY: bind(2) with an address and its length from SockAddr.
        if unsafe { libc::bind(fd, sa.as_ptr().cast(), sa.len()) } != 0 {
            return Err(crate::posix::os_error(vm, None, None));
        }
        Ok(Value::None)
    })
    .one(),
    F::method("listen", |vm, a| {
        let s = this(&a);
        let fd = open_fd(vm, s)?;
        let backlog = int_at(&a, 1, 128).clamp(0, i32::MAX as i64) as i32;
        // SAFETY: listen(2) with integers.
        if unsafe { libc::listen(fd, backlog) } != 0 {
            return Err(crate::posix::os_error(vm, None, None));
        }
        Ok(Value::None)
    })
    .args(0, 1),
    F::method("connect", |vm, a| {
        let s = this(&a);
        match connect(vm, s, &a.pos[1])? {
            0 => Ok(Value::None),
            e if e == libc::EINPROGRESS || e == libc::EAGAIN => Err(errno_error(vm, e, None, None)),
            e => Err(errno_error(vm, e, None, None)),
        }
    })
    .one(),
    F::method("connect_ex", |vm, a| {
        let s = this(&a);
        Ok(Value::Int(connect(vm, s, &a.pos[1])? as i64))
    })
    .one(),
    F::method("close", |vm, a| {
        let s = this(&a);
        let fd = s.fd.replace(-1);
        // SAFETY: the descriptor was this object's; it is given up here.
        if fd >= 0 && unsafe { libc::close(fd) } != 0 && errno() != libc::ECONNRESET {
            return Err(crate::posix::os_error(vm, None, None));
        }
        Ok(Value::None)
    })
    .no_args(),
    F::method("detach", |_, a| {
        Ok(Value::Int(this(&a).fd.replace(-1) as i64))
    })
    .no_args(),
    F::method("fileno", |_, a| Ok(Value::Int(this(&a).fd.get() as i64))).no_args(),
    F::method("getblocking", |_, a| {
        Ok(Value::Bool(this(&a).timeout.get() != Some(0.0)))
    })
    .no_args(),
    F::method("gettimeout", |vm, a| {
        Ok(match this(&a).timeout.get() {
            Some(t) => vm.new_float(t),
            None => Value::None,
        })
    })
    .no_args(),
    F::method("settimeout", |vm, a| {
        let t = timeout_arg(vm, &a.pos[1])?;
        apply_timeout(this(&a), t);
        Ok(Value::None)
    })
    .one(),
    F::method("setblocking", |vm, a| {
        let blocking = vm.truthy(&a.pos[1])?;
        apply_timeout(this(&a), if blocking { None } else { Some(0.0) });
        Ok(Value::None)
    })
    .one(),
    F::method("getsockname", |vm, a| sockaddr_of(vm, this(&a), false)).no_args(),
    F::method("getpeername", |vm, a| sockaddr_of(vm, this(&a), true)).no_args(),
    F::method("getsockopt", |vm, a| {
        let s = this(&a);
        let fd = open_fd(vm, s)?;
        let level = int_at(&a, 1, 0) as i32;
        let opt = int_at(&a, 2, 0) as i32;
        match a.pos.get(3).filter(|v| !matches!(v, Value::Null)) {
            None => match query_int(fd, level, opt) {
                Some(v) => Ok(Value::Int(v as i64)),
                None => Err(crate::posix::os_error(vm, None, None)),
            },
            Some(n) => {
                let n = small_int(n).unwrap_or(0);
                if !(0..=1024).contains(&n) {
                    return Err(os_error_msg(vm, "getsockopt buflen out of range"));
                }
                let mut buf = vec![0u8; n as usize];
                let mut len = n as libc::socklen_t;
                // SAFETY: getsockopt writes at most `len` bytes into `buf`.
                let r = unsafe {
                    libc::getsockopt(
                        fd,
                        level,
                        opt,
                        buf.as_mut_ptr() as *mut libc::c_void,
                        &mut len,
                    )
                };
                if r != 0 {
                    return Err(crate::posix::os_error(vm, None, None));
                }
                buf.truncate(len as usize);
                Ok(vm.new_bytes(buf))
            }
        }
    })
    .args(2, 3),
    F::method("setsockopt", |vm, a| {
        let s = this(&a);
        let fd = open_fd(vm, s)?;
        let level = int_at(&a, 1, 0) as i32;
        let opt = int_at(&a, 2, 0) as i32;
        let value = a.pos[3].clone();
        let bytes = match (small_int(&value), bytes_data(&value)) {
            (Some(i), _) => (i as libc::c_int).to_ne_bytes().to_vec(),
            (_, Some(b)) => b.into_owned(),
            _ => {
                let t = vm.type_name(&value);
                return Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")));
            }
        };
        // SAFETY: setsockopt reads `bytes.len()` bytes.
        let r = unsafe {
            libc::setsockopt(
                fd,
                level,
                opt,
                bytes.as_ptr() as *const libc::c_void,
                bytes.len() as libc::socklen_t,
            )
        };
        if r != 0 {
            return Err(crate::posix::os_error(vm, None, None));
        }
        Ok(Value::None)
    })
    .args(3, 4),
    F::method("recv", |vm, a| {
        let s = this(&a);
        let size = int_at(&a, 1, 0);
        let flags = int_at(&a, 2, 0) as i32;
        let data = recv_bytes(vm, s, size, flags)?;
        Ok(vm.new_bytes(data))
    })
    .args(1, 2),
    F::method("recv_into", |vm, a| {
        let s = this(&a);
        let buffer = a.pos[1].clone();
        let len = vm.call_method(&buffer, "__len__", vec![])?;
        let capacity = small_int(&len).unwrap_or(0);
        let n = int_at(&a, 2, 0);
        if n < 0 {
            return Err(vm.value_error("negative buffersize in recv_into"));
        }
        if n > capacity {
            return Err(vm.value_error("buffer too small for requested bytes"));
        }
        let size = if n == 0 { capacity } else { n };
        let flags = int_at(&a, 3, 0) as i32;
        let data = recv_bytes(vm, s, size, flags)?;
        let got = data.len() as i64;
        let window = vm.new_slice(0, got);
        let bytes = vm.new_bytes(data);
        vm.call_method(&buffer, "__setitem__", vec![window, bytes])?;
        Ok(Value::Int(got))
    })
    .named(&["buffer", "nbytes", "flags"], 0, 3, 1),
    F::method("recvfrom", |vm, a| {
        let s = this(&a);
        let size = int_at(&a, 1, 0);
        if size < 0 {
            return Err(vm.value_error("negative buffersize in recvfrom"));
        }
        let flags = int_at(&a, 2, 0) as i32;
        let mut buf = vec![0u8; size as usize];
        let mut from = None;
        let n = io_call(vm, s, false, |fd| {
            // SAFETY: recvfrom writes at most `buf.len()` bytes and fills
            // the zeroed address storage.
            match unsafe {
                SockAddr::try_init(|storage, len| {
                    let r = libc::recvfrom(
                        fd,
                        buf.as_mut_ptr() as *mut libc::c_void,
                        buf.len(),
                        flags,
                        storage.cast(),
                        len,
                    );
                    if r < 0 {
                        Err(std::io::Error::last_os_error())
                    } else {
                        Ok(r)
                    }
                })
            } {
                Ok((n, addr)) => {
                    from = Some(addr);
                    n
                }
                Err(_) => -1,
            }
        })?;
        buf.truncate(n as usize);
        let data = vm.new_bytes(buf);
        let addr = match &from {
            Some(a) => from_sockaddr(vm, a),
            None => Value::None,
        };
        Ok(vm.new_tuple(vec![data, addr]))
    })
    .args(1, 2),
    F::method("send", |vm, a| {
        let s = this(&a);
        let data = vm.bytes_like(&a.pos[1])?;
        let flags = int_at(&a, 2, 0) as i32;
        let n = io_call(vm, s, true, |fd| {
            // SAFETY: send reads `data.len()` bytes.
            unsafe {
                libc::send(
                    fd,
                    data.as_ptr() as *const libc::c_void,
                    data.len(),
                    flags | libc::MSG_NOSIGNAL,
                )
            }
        })?;
        Ok(Value::Int(n as i64))
    })
    .args(1, 2),
    F::method("sendall", |vm, a| {
        let s = this(&a);
        let data = vm.bytes_like(&a.pos[1])?;
        let flags = int_at(&a, 2, 0) as i32;
        let mut sent = 0;
        while sent < data.len() {
            let rest = &data[sent..];
            let n = io_call(vm, s, true, |fd| {
                // SAFETY: send reads `rest.len()` bytes.
                unsafe {
                    libc::send(
                        fd,
                        rest.as_ptr() as *const libc::c_void,
                        rest.len(),
                        flags | libc::MSG_NOSIGNAL,
                    )
                }
            })?;
            sent += n as usize;
            vm.check_signals()?;
        }
        Ok(Value::None)
    })
    .args(1, 2),
    F::method("sendto", |vm, a| {
        let s = this(&a);
        let data = vm.bytes_like(&a.pos[1])?;
        let (flags, addr) = match a.pos.len() {
            3 => (0, a.pos[2].clone()),
            4 => (int_at(&a, 2, 0) as i32, a.pos[3].clone()),
            n => {
                return Err(
                    vm.type_error(format!("sendto() takes 2 or 3 arguments ({} given)", n - 1))
                )
            }
        };
        let sa = to_sockaddr(vm, s.family.get(), &addr, "sendto")?;
        let n = io_call(vm, s, true, |fd| {
            // SAFETY: sendto reads `data.len()` bytes and the address.
            unsafe {
                libc::sendto(
                    fd,
                    data.as_ptr() as *const libc::c_void,
                    data.len(),
                    flags | libc::MSG_NOSIGNAL,
                    sa.as_ptr().cast(),
                    sa.len(),
                )
            }
        })?;
        Ok(Value::Int(n as i64))
    }),
    F::method("shutdown", |vm, a| {
        let s = this(&a);
        let fd = open_fd(vm, s)?;
        let how = int_at(&a, 1, 0) as i32;
        // SAFETY: shutdown(2) with integers.
        if unsafe { libc::shutdown(fd, how) } != 0 {
            return Err(crate::posix::os_error(vm, None, None));
        }
        Ok(Value::None)
    })
    .one(),
    F::method("recvmsg", |vm, _| {
        Err(vm.not_implemented_error("socket.recvmsg is not supported yet"))
    }),
    F::method("sendmsg", |vm, _| {
        Err(vm.not_implemented_error("socket.sendmsg is not supported yet"))
    }),
    F::method("recvfrom_into", |vm, _| {
        Err(vm.not_implemented_error("socket.recvfrom_into is not supported yet"))
    }),
];

pub const ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::member("family", |_, o| Ok(Value::Int(sock(o).family.get() as i64))),
    GetSetDef::member("type", |_, o| Ok(Value::Int(sock(o).kind.get() as i64))),
    GetSetDef::member("proto", |_, o| Ok(Value::Int(sock(o).proto.get() as i64))),
    GetSetDef::member("timeout", |vm, o| {
        Ok(match sock(o).timeout.get() {
            Some(t) => vm.new_float(t),
            None => Value::None,
        })
    }),
];

/// `socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0)`.
pub fn socketpair(vm: &mut Vm, a: Args) -> PyResult {
    let family = int_at(&a, 0, libc::AF_UNIX as i64) as i32;
    let kind = int_at(&a, 1, libc::SOCK_STREAM as i64) as i32;
    let proto = int_at(&a, 2, 0) as i32;
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: socketpair fills the two-element array.
    if unsafe { libc::socketpair(family, kind | libc::SOCK_CLOEXEC, proto, fds.as_mut_ptr()) } != 0
    {
        return Err(crate::posix::os_error(vm, None, None));
    }
    let cls = vm.native_class("_socket", "socket")?;
    let mut pair = Vec::new();
    for fd in fds {
        let v = new_socket(vm, &cls);
        let s = sock(&v);
        s.fd.set(fd);
        s.family.set(family);
        s.kind
            .set(kind & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC));
        s.proto.set(proto);
        apply_timeout(s, default_timeout());
        pair.push(v);
    }
    Ok(vm.new_tuple(pair))
}
