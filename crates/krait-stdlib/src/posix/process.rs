//! The process: identity, environment, signals, waiting, the system.

use super::{errno_error, fd_arg, os_error, path_arg, retry_interrupted, strerror, struct_value};
use krait_vm::api::{add_attr, small_int, FunctionDef as F, Obj, PyResult, Value, Vm};

/// `environ`: the process environment as a dict of bytes to bytes, as
/// `os` expects of `posix.environ`.
pub fn add_environ(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    use std::os::unix::ffi::OsStrExt;
    let d = vm.new_dict();
    for (k, v) in std::env::vars_os() {
        let k = vm.new_bytes(k.as_bytes().to_vec());
        let v = vm.new_bytes(v.as_bytes().to_vec());
        vm.setitem(&d, k, v)?;
    }
    add_attr(vm, m, "environ", d);
    Ok(())
}

fn int(v: i64) -> PyResult {
    Ok(Value::Int(v))
}

fn c_string(vm: &mut Vm, v: &Value, what: &str) -> PyResult<std::ffi::CString> {
    Ok(path_arg(vm, v, what)?.c)
}

fn status_arg(vm: &Vm, v: &Value) -> PyResult<libc::c_int> {
    small_int(v)
        .map(|i| i as libc::c_int)
        .ok_or_else(|| vm.type_error("an integer is required"))
}

/// Fills `buf` from the kernel's random source; `false` on failure
/// (`errno` says why).
pub(crate) fn fill_random(buf: &mut [u8]) -> bool {
    let mut filled = 0;
    while filled < buf.len() {
        // SAFETY: the slice from `filled` is writable for its length.
        let r = unsafe {
            libc::getrandom(
                buf[filled..].as_mut_ptr() as *mut libc::c_void,
                buf.len() - filled,
                0,
            )
        };
        if r <= 0 {
            return false;
        }
        filled += r as usize;
    }
    true
}

pub const FUNCTIONS: &[F] =
    &[
        // SAFETY (all the id getters): they always succeed.
        F::new("getpid", |_, _| int(unsafe { libc::getpid() } as i64)).no_args(),
        F::new("getppid", |_, _| int(unsafe { libc::getppid() } as i64)).no_args(),
        F::new("getuid", |_, _| int(unsafe { libc::getuid() } as i64)).no_args(),
        F::new("geteuid", |_, _| int(unsafe { libc::geteuid() } as i64)).no_args(),
        F::new("getgid", |_, _| int(unsafe { libc::getgid() } as i64)).no_args(),
        F::new("getegid", |_, _| int(unsafe { libc::getegid() } as i64)).no_args(),
        F::new("getpgrp", |_, _| int(unsafe { libc::getpgrp() } as i64)).no_args(),
        F::new("getsid", |vm, a| {
            let pid = small_int(&a.pos[0]).unwrap_or(0) as libc::pid_t;
            // SAFETY: getsid takes any pid; errors are returned.
            let r = unsafe { libc::getsid(pid) };
            if r < 0 {
                return Err(os_error(vm, None, None));
            }
            int(r as i64)
        })
        .one(),
        F::new("getgroups", |vm, _| {
            let mut groups = vec![0 as libc::gid_t; 256];
            // SAFETY: `groups` has room for 256 ids.
            let n = unsafe { libc::getgroups(groups.len() as libc::c_int, groups.as_mut_ptr()) };
            if n < 0 {
                return Err(os_error(vm, None, None));
            }
            let items = groups[..n as usize]
                .iter()
                .map(|&g| Value::Int(g as i64))
                .collect();
            Ok(vm.new_list(items))
        })
        .no_args(),
        F::new("strerror", |vm, a| {
            let code = status_arg(vm, &a.pos[0])?;
            Ok(vm.new_string(strerror(code)))
        })
        .one(),
        F::new("urandom", |vm, a| {
            let n = small_int(&a.pos[0]).ok_or_else(|| vm.type_error("an integer is required"))?;
            if n < 0 {
                return Err(vm.value_error("negative argument not allowed"));
            }
            let mut buf = vec![0u8; n as usize];
            if !fill_random(&mut buf) {
                return Err(os_error(vm, None, None));
            }
            Ok(vm.new_bytes(buf))
        })
        .one(),
        F::new("getrandom", |vm, a| {
            let n = vm.ssize_arg(&a.pos[0])?;
            if n < 0 {
                return Err(errno_error(vm, libc::EINVAL, None, None));
            }
            let flags = match a.given(1) {
                Some(v) => vm.ssize_arg(v)? as libc::c_uint,
                None => 0,
            };
            let mut buf = vec![0u8; n as usize];
            let got = retry_interrupted(vm, || {
                // SAFETY: `buf` is writable for its length.
                unsafe {
                    libc::getrandom(buf.as_mut_ptr() as *mut libc::c_void, buf.len(), flags) as i64
                }
            })?;
            if got < 0 {
                return Err(os_error(vm, None, None));
            }
            buf.truncate(got as usize);
            Ok(vm.new_bytes(buf))
        })
        .named(&["size", "flags"], 0, 2, 1),
        F::new("pidfd_open", |vm, a| {
            let pid = vm.ssize_arg(&a.pos[0])?;
            let flags = match a.given(1) {
                Some(v) => vm.ssize_arg(v)? as libc::c_uint,
                None => 0,
            };
            // SAFETY: pidfd_open takes a pid and flags and returns a new
            // descriptor or -1 with errno set.
            let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid as libc::pid_t, flags) };
            if fd < 0 {
                return Err(os_error(vm, None, None));
            }
            int(fd)
        })
        .named(&["pid", "flags"], 0, 2, 1),
        F::new("cpu_count", |_, _| {
            Ok(std::thread::available_parallelism()
                .map_or(Value::None, |n| Value::Int(n.get() as i64)))
        })
        .no_args(),
        F::new("uname", |vm, _| {
            // SAFETY: utsname is a plain C struct, filled by uname.
            let mut u: libc::utsname = unsafe { std::mem::zeroed() };
            // SAFETY: `u` is valid for uname to fill.
            if unsafe { libc::uname(&mut u) } < 0 {
                return Err(os_error(vm, None, None));
            }
            let field = |f: &[libc::c_char]| {
                let bytes: Vec<u8> = f
                    .iter()
                    .take_while(|&&c| c != 0)
                    .map(|&c| c as u8)
                    .collect();
                String::from_utf8_lossy(&bytes).into_owned()
            };
            let values = [
                &u.sysname[..],
                &u.nodename,
                &u.release,
                &u.version,
                &u.machine,
            ]
            .iter()
            .map(|f| vm.new_string(field(f)))
            .collect();
            struct_value(vm, "uname_result", values)
        })
        .no_args(),
        F::new("get_terminal_size", |vm, a| {
            let fd = match a.pos.first() {
                Some(v) => fd_arg(vm, v)?,
                None => 1,
            };
            // SAFETY: winsize is a plain C struct, filled by the ioctl.
            let mut w: libc::winsize = unsafe { std::mem::zeroed() };
            // SAFETY: TIOCGWINSZ writes a winsize to `w`.
            if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut w) } < 0 {
                return Err(os_error(vm, None, None));
            }
            let cls = vm.native_class("posix", "terminal_size")?;
            Ok(vm.new_struct_seq(
                &cls,
                vec![Value::Int(w.ws_col as i64), Value::Int(w.ws_row as i64)],
            ))
        })
        .args(0, 1),
        F::new("times", |vm, _| {
            // SAFETY: tms is a plain C struct, filled by times.
            let mut t: libc::tms = unsafe { std::mem::zeroed() };
            // SAFETY: `t` is valid for times to fill.
            let elapsed = unsafe { libc::times(&mut t) };
            // SAFETY: sysconf has no preconditions.
            let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
            let f = |x: libc::clock_t| Value::Float(x as f64 / hz);
            let values = vec![
                f(t.tms_utime),
                f(t.tms_stime),
                f(t.tms_cutime),
                f(t.tms_cstime),
                f(elapsed),
            ];
            struct_value(vm, "times_result", values)
        })
        .no_args(),
        F::new("putenv", |vm, a| {
            let k = c_string(vm, &a.pos[0], "putenv")?;
            let v = c_string(vm, &a.pos[1], "putenv")?;
            if k.as_bytes().is_empty() || k.as_bytes().contains(&b'=') {
                return Err(vm.value_error("illegal environment variable name"));
            }
            // SAFETY: both strings are NUL-terminated; Krait runs one thread.
            let r = unsafe { libc::setenv(k.as_ptr(), v.as_ptr(), 1) };
            if r < 0 {
                return Err(os_error(vm, None, None));
            }
            Ok(Value::None)
        })
        .args(2, 2),
        F::new("unsetenv", |vm, a| {
            let k = c_string(vm, &a.pos[0], "unsetenv")?;
            // SAFETY: `k` is NUL-terminated; Krait runs one thread.
            let r = unsafe { libc::unsetenv(k.as_ptr()) };
            if r < 0 {
                return Err(os_error(vm, None, None));
            }
            Ok(Value::None)
        })
        .one(),
        F::new("_exit", |vm, a| {
            let code = status_arg(vm, &a.pos[0])?;
            // SAFETY: ends the process at once, as os._exit does.
            unsafe { libc::_exit(code) }
        })
        .one(),
        F::new("kill", |vm, a| {
            let pid = status_arg(vm, &a.pos[0])?;
            let sig = status_arg(vm, &a.pos[1])?;
            // SAFETY: kill takes any arguments; errors are returned.
            if unsafe { libc::kill(pid, sig) } < 0 {
                return Err(os_error(vm, None, None));
            }
            // A signal sent to this process is handled before kill
            // returns, as CPython checks at once.
            vm.check_signals()?;
            Ok(Value::None)
        })
        .args(2, 2),
        F::new("system", |vm, a| {
            let cmd = c_string(vm, &a.pos[0], "system")?;
            vm.flush_stdio();
            // SAFETY: `cmd` is NUL-terminated.
            int(unsafe { libc::system(cmd.as_ptr()) } as i64)
        })
        .named(&["command"], 0, 1, 1),
        F::new("wait", |vm, _| {
            if vm.threads().others_alive() {
                wait_child_exit(vm, -1)?;
            }
            let mut status = 0;
            // SAFETY: `status` is valid for wait to fill.
            let r = retry_interrupted(vm, || unsafe { libc::wait(&mut status) })?;
            if r < 0 {
                return Err(os_error(vm, None, None));
            }
            Ok(vm.new_tuple(vec![Value::Int(r as i64), Value::Int(status as i64)]))
        })
        .no_args(),
        F::new("waitpid", |vm, a| {
            let pid = status_arg(vm, &a.pos[0])?;
            let options = status_arg(vm, &a.pos[1])?;
            if options & libc::WNOHANG == 0 && vm.threads().others_alive() {
                wait_child_exit(vm, pid)?;
            }
            let mut status = 0;
            // SAFETY: `status` is valid for waitpid to fill.
            let r = retry_interrupted(vm, || unsafe { libc::waitpid(pid, &mut status, options) })?;
            if r < 0 {
                return Err(os_error(vm, None, None));
            }
            Ok(vm.new_tuple(vec![Value::Int(r as i64), Value::Int(status as i64)]))
        })
        .args(2, 2),
        F::new("waitstatus_to_exitcode", |vm, a| {
            let s = status_arg(vm, &a.pos[0])?;
            if libc::WIFEXITED(s) {
                int(libc::WEXITSTATUS(s) as i64)
            } else if libc::WIFSIGNALED(s) {
                int(-(libc::WTERMSIG(s) as i64))
            } else {
                Err(vm.value_error(format!("invalid wait status: {s}")))
            }
        })
        .one(),
        F::new("WIFEXITED", |vm, a| {
            Ok(Value::Bool(libc::WIFEXITED(status_arg(vm, &a.pos[0])?)))
        })
        .one(),
        F::new("WEXITSTATUS", |vm, a| {
            int(libc::WEXITSTATUS(status_arg(vm, &a.pos[0])?) as i64)
        })
        .one(),
        F::new("WIFSIGNALED", |vm, a| {
            Ok(Value::Bool(libc::WIFSIGNALED(status_arg(vm, &a.pos[0])?)))
        })
        .one(),
        F::new("WTERMSIG", |vm, a| {
            int(libc::WTERMSIG(status_arg(vm, &a.pos[0])?) as i64)
        })
        .one(),
        F::new("WIFSTOPPED", |vm, a| {
            Ok(Value::Bool(libc::WIFSTOPPED(status_arg(vm, &a.pos[0])?)))
        })
        .one(),
        F::new("WSTOPSIG", |vm, a| {
            int(libc::WSTOPSIG(status_arg(vm, &a.pos[0])?) as i64)
        })
        .one(),
        F::new("getloadavg", |vm, _| {
            let mut l = [0f64; 3];
            // SAFETY: `l` holds three doubles.
            if unsafe { libc::getloadavg(l.as_mut_ptr(), 3) } != 3 {
                return Err(vm.new_exception_msg(
                    &vm.exception_class("OSError"),
                    "Load averages are unobtainable",
                ));
            }
            Ok(vm.new_tuple(l.iter().map(|&x| Value::Float(x)).collect()))
        })
        .no_args(),
        F::new("fork", |vm, _| {
            vm.flush_stdio();
            // SAFETY: Krait runs Python on one thread, so the child has all of
            // the interpreter's state.
            let pid = unsafe { libc::fork() };
            if pid < 0 {
                return Err(os_error(vm, None, None));
            }
            int(pid as i64)
        })
        .no_args(),
        F::new("register_at_fork", |_, _| Ok(Value::None)),
    ];

/// Lets the other threads run until child `pid` has changed state, so
/// that the blocking `waitpid` after it returns at once: through a pidfd
/// when the system has them, else by looking now and then.
fn wait_child_exit(vm: &mut Vm, pid: i32) -> PyResult<()> {
    use krait_vm::api::Wait;
    use std::time::{Duration, Instant};
    if pid > 0 {
        // SAFETY: pidfd_open takes a pid and flags and returns a new
        // descriptor (closed below) or -1.
        let pidfd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) } as i32;
        if pidfd >= 0 {
            let waited = vm.wait_for(Wait::Fds(vec![(pidfd, libc::POLLIN)], None));
            // SAFETY: `pidfd` was opened above and is closed once.
            unsafe { libc::close(pidfd) };
            return waited.map(|_| ());
        }
    }
    let mut pause = Duration::from_millis(1);
    loop {
        // SAFETY: siginfo_t is plain data, valid when zeroed.
        let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
        let (idtype, id) = if pid > 0 {
            (libc::P_PID, pid as libc::id_t)
        } else {
            (libc::P_ALL, 0)
        };
        // SAFETY: waitid with WNOWAIT only looks at the child's state
        // (leaving it to the waitpid that follows); `info` is zeroed.
        let r = unsafe {
            libc::waitid(
                idtype,
                id,
                &mut info,
                libc::WEXITED | libc::WNOHANG | libc::WNOWAIT,
            )
        };
        // SAFETY: si_pid is set by waitid when a child is reported.
        if r != 0 || unsafe { info.si_pid() } != 0 {
            return Ok(());
        }
        vm.wait_for(Wait::Sleep(Instant::now() + pause))?;
        pause = (pause * 2).min(Duration::from_millis(50));
    }
}
