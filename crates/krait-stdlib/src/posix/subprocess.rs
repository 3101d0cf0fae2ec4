//! `_posixsubprocess.fork_exec`, which `subprocess` starts children with:
//! fork, set up the child's standard streams, directory, session, ids
//! and descriptors, and exec the first program of a list that runs. A
//! failure in the child comes back to the parent through the error pipe
//! as `OSError:<hex errno>:` (`noexec` when it failed before exec), which
//! `subprocess` turns into the exception.
//!
//! Everything the child needs is made before the fork: between fork and
//! exec the child only makes system calls (unless the program asked for
//! a `preexec_fn`, which runs Python there, as CPython does).

use super::{fd_arg, os_error, path_arg};
use krait_vm::api::{small_int, Args, FunctionDef as F, ModuleDef, PyResult, Value, Vm};
use std::ffi::CString;

pub const MODULE: ModuleDef = ModuleDef {
    name: "_posixsubprocess",
    doc: Some("A POSIX helper for the subprocess module."),
    functions: &[F::new("fork_exec", fork_exec).args(23, 23)],
    init: None,
};

/// Everything the child does, prepared in the parent.
struct ChildPlan {
    argv: Vec<CString>,
    executables: Vec<CString>,
    env: Option<Vec<CString>>,
    cwd: Option<CString>,
    close_fds: bool,
    keep: Vec<libc::c_int>,
    /// stdin's read end, stdout's and stderr's write ends (or -1), and the
    /// parent's ends the child closes.
    p2cread: libc::c_int,
    p2cwrite: libc::c_int,
    c2pread: libc::c_int,
    c2pwrite: libc::c_int,
    errread: libc::c_int,
    errwrite: libc::c_int,
    errpipe_read: libc::c_int,
    errpipe_write: libc::c_int,
    restore_signals: bool,
    setsid: bool,
    pgid: i64,
    gid: Option<libc::gid_t>,
    groups: Option<Vec<libc::gid_t>>,
    uid: Option<libc::uid_t>,
    umask: i64,
}

fn int_or_none(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    if v.is_none() {
        return Ok(None);
    }
    small_int(v)
        .map(Some)
        .ok_or_else(|| vm.type_error("an integer is required"))
}

fn bytes_list(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Vec<CString>> {
    let mut out = Vec::new();
    for item in vm.iterate(v)? {
        out.push(path_arg(vm, &item, what)?.c);
    }
    Ok(out)
}

fn fork_exec(vm: &mut Vm, a: Args) -> PyResult {
    let p = &a.pos;
    let argv = if p[0].is_none() {
        Vec::new()
    } else {
        bytes_list(vm, &p[0], "fork_exec")?
    };
    let executables = bytes_list(vm, &p[1], "fork_exec")?;
    let close_fds = vm.truthy(&p[2])?;
    let mut keep = Vec::new();
    for fd in vm.iterate(&p[3])? {
        keep.push(fd_arg(vm, &fd)?);
    }
    let cwd = if p[4].is_none() {
        None
    } else {
        Some(path_arg(vm, &p[4], "fork_exec")?.c)
    };
    let env = if p[5].is_none() {
        None
    } else {
        Some(bytes_list(vm, &p[5], "fork_exec")?)
    };
    let mut fds = [0; 8];
    for (slot, v) in fds.iter_mut().zip(&p[6..14]) {
        *slot = small_int(v).ok_or_else(|| vm.type_error("an integer is required"))? as libc::c_int;
    }
    if close_fds && fds[7] < 3 {
        return Err(vm.value_error("errpipe_write must be >= 3"));
    }
    let groups = if p[18].is_none() {
        None
    } else {
        let mut g = Vec::new();
        for item in vm.iterate(&p[18])? {
            g.push(
                small_int(&item).ok_or_else(|| vm.type_error("an integer is required"))?
                    as libc::gid_t,
            );
        }
        Some(g)
    };
    let plan = ChildPlan {
        argv,
        executables,
        env,
        cwd,
        close_fds,
        keep,
        p2cread: fds[0],
        p2cwrite: fds[1],
        c2pread: fds[2],
        c2pwrite: fds[3],
        errread: fds[4],
        errwrite: fds[5],
        errpipe_read: fds[6],
        errpipe_write: fds[7],
        restore_signals: vm.truthy(&p[14])?,
        setsid: vm.truthy(&p[15])?,
        pgid: small_int(&p[16]).unwrap_or(-1),
        gid: int_or_none(vm, &p[17])?.map(|g| g as libc::gid_t),
        groups,
        uid: int_or_none(vm, &p[19])?.map(|u| u as libc::uid_t),
        umask: small_int(&p[20]).unwrap_or(-1),
    };
    let preexec = p[21].clone();
    let argv_ptrs = null_terminated(&plan.argv);
    let env_ptrs = plan.env.as_ref().map(|e| null_terminated(e));
    // SAFETY: fork(2); the child below only makes system calls on data
    // prepared above (or runs the program's preexec_fn, as CPython does).
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        return Err(os_error(vm, None, None));
    }
    if pid == 0 {
        child(vm, &plan, &argv_ptrs, env_ptrs.as_deref(), &preexec);
    }
    Ok(Value::Int(pid as i64))
}

fn null_terminated(items: &[CString]) -> Vec<*const libc::c_char> {
    items
        .iter()
        .map(|c| c.as_ptr())
        .chain(std::iter::once(std::ptr::null()))
        .collect()
}

/// Reports a failure to the parent through the error pipe and exits.
fn fail(plan: &ChildPlan, prefix: &[u8], errno: i32, before_exec: bool) -> ! {
    let mut msg = [0u8; 64];
    let mut n = 0;
    for &b in prefix {
        msg[n] = b;
        n += 1;
    }
    // The errno in hex, without allocating.
    let mut digits = [0u8; 8];
    let mut d = 0;
    let mut e = errno as u32;
    loop {
        digits[d] = b"0123456789abcdef"[(e % 16) as usize];
        d += 1;
        e /= 16;
        if e == 0 {
            break;
        }
    }
    while d > 0 {
        d -= 1;
        msg[n] = digits[d];
        n += 1;
    }
    msg[n] = b':';
    n += 1;
    if before_exec {
        for &b in b"noexec" {
            msg[n] = b;
            n += 1;
        }
    }
    // SAFETY: write(2) of a stack buffer, then _exit(2): nothing of the
    // parent's state is touched.
    unsafe {
        libc::write(plan.errpipe_write, msg.as_ptr() as *const libc::c_void, n);
        libc::_exit(255);
    }
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// Clears close-on-exec, so the descriptor survives exec.
fn make_inheritable(fd: libc::c_int) -> bool {
    // SAFETY: fcntl on a descriptor number; failure is reported.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFD);
        flags >= 0 && libc::fcntl(fd, libc::F_SETFD, flags & !libc::FD_CLOEXEC) >= 0
    }
}

/// The child's side of `fork_exec`; never returns.
fn child(
    vm: &mut Vm,
    plan: &ChildPlan,
    argv: &[*const libc::c_char],
    env: Option<&[*const libc::c_char]>,
    preexec: &Value,
) -> ! {
    // SAFETY (for the calls below): each is a system call on descriptor
    // numbers, ids and NUL-terminated strings made before the fork.
    unsafe {
        for fd in [plan.p2cwrite, plan.c2pread, plan.errread, plan.errpipe_read] {
            if fd >= 0 {
                libc::close(fd);
            }
        }
        // A write end sitting on 0 or 1 would be overwritten by the dup2
        // onto it below: move it out of the way first.
        let mut c2pwrite = plan.c2pwrite;
        if c2pwrite == 0 {
            c2pwrite = libc::dup(c2pwrite);
            if c2pwrite < 0 {
                fail(plan, b"OSError:", errno(), true);
            }
        }
        let mut errwrite = plan.errwrite;
        while errwrite == 0 || errwrite == 1 {
            errwrite = libc::dup(errwrite);
            if errwrite < 0 {
                fail(plan, b"OSError:", errno(), true);
            }
        }
        for (fd, target) in [(plan.p2cread, 0), (c2pwrite, 1), (errwrite, 2)] {
            if fd == target {
                if !make_inheritable(fd) {
                    fail(plan, b"OSError:", errno(), true);
                }
            } else if fd >= 0 && libc::dup2(fd, target) < 0 {
                fail(plan, b"OSError:", errno(), true);
            }
        }
        if let Some(cwd) = &plan.cwd {
            if libc::chdir(cwd.as_ptr()) < 0 {
                fail(plan, b"OSError:", errno(), true);
            }
        }
        if plan.umask >= 0 {
            libc::umask(plan.umask as libc::mode_t);
        }
        if plan.restore_signals {
            for sig in [libc::SIGPIPE, libc::SIGXFSZ] {
                libc::signal(sig, libc::SIG_DFL);
            }
        }
        if plan.setsid && libc::setsid() < 0 {
            fail(plan, b"OSError:", errno(), true);
        }
        if plan.pgid >= 0 && libc::setpgid(0, plan.pgid as libc::pid_t) < 0 {
            fail(plan, b"OSError:", errno(), true);
        }
        if let Some(groups) = &plan.groups {
            if libc::setgroups(groups.len(), groups.as_ptr()) < 0 {
                fail(plan, b"OSError:", errno(), true);
            }
        }
        if let Some(gid) = plan.gid {
            if libc::setregid(gid, gid) < 0 {
                fail(plan, b"OSError:", errno(), true);
            }
        }
        if let Some(uid) = plan.uid {
            if libc::setreuid(uid, uid) < 0 {
                fail(plan, b"OSError:", errno(), true);
            }
        }
    }
    if !preexec.is_none() && vm.call(preexec, vec![]).is_err() {
        let msg = b"SubprocessError:0:Exception occurred in preexec_fn.";
        // SAFETY: write(2) of a static message, then _exit(2).
        unsafe {
            libc::write(
                plan.errpipe_write,
                msg.as_ptr() as *const libc::c_void,
                msg.len(),
            );
            libc::_exit(255);
        }
    }
    for &fd in &plan.keep {
        if fd != plan.errpipe_write && !make_inheritable(fd) {
            fail(plan, b"OSError:", errno(), true);
        }
    }
    if plan.close_fds {
        close_other_fds(&plan.keep);
    }
    let mut first_error = 0;
    for exe in &plan.executables {
        // SAFETY: exec with NUL-terminated argument and environment
        // arrays that end in a null pointer; it returns only on failure.
        unsafe {
            match env {
                Some(env) => libc::execve(exe.as_ptr(), argv.as_ptr(), env.as_ptr()),
                None => libc::execv(exe.as_ptr(), argv.as_ptr()),
            };
        }
        let e = errno();
        if e != libc::ENOENT && e != libc::ENOTDIR && first_error == 0 {
            first_error = e;
        }
    }
    let e = if first_error != 0 {
        first_error
    } else {
        errno()
    };
    fail(plan, b"OSError:", e, false)
}

/// Closes every descriptor from 3 up, except those in `keep` (sorted).
fn close_other_fds(keep: &[libc::c_int]) {
    let mut low: libc::c_uint = 3;
    let mut bounds: Vec<libc::c_uint> = Vec::new();
    bounds.extend(
        keep.iter()
            .filter(|&&fd| fd >= 3)
            .map(|&fd| fd as libc::c_uint),
    );
    bounds.push(libc::c_uint::MAX);
    for &k in &bounds {
        if k > low {
            close_range(low, k - 1);
        }
        low = low.max(k.saturating_add(1));
    }
}

fn close_range(first: libc::c_uint, last: libc::c_uint) {
    // SAFETY: the close_range system call takes two descriptor numbers
    // and flags; where the kernel lacks it, descriptors are closed one by
    // one up to the process's limit.
    let r = unsafe { libc::syscall(libc::SYS_close_range, first, last, 0) };
    if r == 0 {
        return;
    }
    let max = unsafe { libc::sysconf(libc::_SC_OPEN_MAX) }.max(256) as libc::c_uint;
    for fd in first..=last.min(max) {
        // SAFETY: closing a descriptor number; EBADF is harmless here.
        unsafe { libc::close(fd as libc::c_int) };
    }
}
