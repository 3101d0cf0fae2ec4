//! Files, directories and file descriptors.

use super::{errno_error, fd_arg, name_value, os_error, path_arg, retry_interrupted, struct_value};
use krait_vm::api::{
    bytes_data, small_int, Args, BigInt, FunctionDef as F, Params, PyResult, Value, Vm,
};

/// `fn(path, *, dir_fd=None, follow_symlinks=True)` and friends.
const PATH_PARAMS: Params = Params::Named {
    names: &["path", "dir_fd", "follow_symlinks"],
    posonly: 0,
    positional: 1,
    required: 1,
};

/// Refuses a `dir_fd` argument (at position `i`), as CPython does where
/// the platform lacks it: Krait resolves paths from the working directory
/// only.
fn no_dir_fd(vm: &Vm, a: &Args, i: usize) -> PyResult<()> {
    match a.given(i) {
        Some(v) if !v.is_none() => {
            Err(vm.not_implemented_error("dir_fd unavailable on this platform"))
        }
        _ => Ok(()),
    }
}

/// Refuses `follow_symlinks=False` (at position `i`) for `what`.
fn must_follow(vm: &mut Vm, a: &Args, i: usize, what: &str) -> PyResult<()> {
    match a.given(i) {
        Some(v) if !vm.truthy(&v.clone())? => Err(vm.not_implemented_error(format!(
            "{what}: follow_symlinks unavailable on this platform"
        ))),
        _ => Ok(()),
    }
}

fn check(vm: &mut Vm, r: libc::c_int, path: Option<&Value>) -> PyResult<libc::c_int> {
    if r == -1 {
        Err(os_error(vm, path, None))
    } else {
        Ok(r)
    }
}

/// A stat result from a C `stat` structure.
pub fn stat_value(vm: &mut Vm, st: &libc::stat) -> PyResult {
    let time = |s: i64, ns: i64| Value::Float(s as f64 + ns as f64 * 1e-9);
    let ns = |vm: &Vm, s: i64, n: i64| {
        let total = s as i128 * 1_000_000_000 + n as i128;
        match i64::try_from(total) {
            Ok(v) => Value::Int(v),
            Err(_) => vm.new_int(BigInt::from(total)),
        }
    };
    let values = vec![
        Value::Int(st.st_mode as i64),
        Value::Int(st.st_ino as i64),
        Value::Int(st.st_dev as i64),
        Value::Int(st.st_nlink as i64),
        Value::Int(st.st_uid as i64),
        Value::Int(st.st_gid as i64),
        Value::Int(st.st_size),
        Value::Int(st.st_atime),
        Value::Int(st.st_mtime),
        Value::Int(st.st_ctime),
        time(st.st_atime, st.st_atime_nsec),
        time(st.st_mtime, st.st_mtime_nsec),
        time(st.st_ctime, st.st_ctime_nsec),
        ns(vm, st.st_atime, st.st_atime_nsec),
        ns(vm, st.st_mtime, st.st_mtime_nsec),
        ns(vm, st.st_ctime, st.st_ctime_nsec),
        Value::Int(st.st_blksize),
        Value::Int(st.st_blocks),
        Value::Int(st.st_rdev as i64),
    ];
    struct_value(vm, "stat_result", values)
}

fn empty_stat() -> libc::stat {
    // SAFETY: stat is a plain C struct; all-zero bytes are a valid value.
    unsafe { std::mem::zeroed() }
}

/// `stat(path)`/`lstat(path)`, or `fstat` for an int.
fn do_stat(vm: &mut Vm, a: Args, name: &str, follow: bool) -> PyResult {
    let b = PATH_PARAMS.bind(vm, name, a, 0)?;
    no_dir_fd(vm, &b, 1)?;
    let target = b.given(0).cloned().expect("required");
    let follow = match b.given(2) {
        Some(v) => follow && vm.truthy(v)?,
        None => follow,
    };
    let mut st = empty_stat();
    if let Some(fd) = small_int(&target) {
        // SAFETY: `st` is valid for fstat to fill.
        let r = unsafe { libc::fstat(fd as libc::c_int, &mut st) };
        check(vm, r, None)?;
        return stat_value(vm, &st);
    }
    let p = path_arg(vm, &target, name)?;
    // SAFETY: `p.c` is a NUL-terminated path and `st` valid to fill.
    let r = unsafe {
        if follow {
            libc::stat(p.c.as_ptr(), &mut st)
        } else {
            libc::lstat(p.c.as_ptr(), &mut st)
        }
    };
    check(vm, r, Some(&p.given))?;
    stat_value(vm, &st)
}

fn listdir(vm: &mut Vm, a: Args) -> PyResult {
    let target = a.pos.first().cloned().unwrap_or(Value::None);
    let p = if target.is_none() {
        path_arg(vm, &vm.new_str("."), "listdir")?
    } else {
        path_arg(vm, &target, "listdir")?
    };
    let names = read_dir_names(vm, &p)?;
    let mut out = Vec::with_capacity(names.len());
    for n in names {
        out.push(name_value(vm, &n, p.bytes)?);
    }
    Ok(vm.new_list(out))
}

/// The entry names of a directory, without `.` and `..`.
pub fn read_dir_names(vm: &mut Vm, p: &super::PathArg) -> PyResult<Vec<Vec<u8>>> {
    // SAFETY: `p.c` is a NUL-terminated path.
    let dir = unsafe { libc::opendir(p.c.as_ptr()) };
    if dir.is_null() {
        return Err(os_error(vm, Some(&p.given), None));
    }
    let mut names = Vec::new();
    loop {
        // SAFETY: `dir` is an open directory stream.
        let entry = unsafe { libc::readdir(dir) };
        if entry.is_null() {
            break;
        }
        // SAFETY: `entry` points to a dirent whose d_name is NUL-terminated.
        let name = unsafe { std::ffi::CStr::from_ptr((*entry).d_name.as_ptr()) };
        let name = name.to_bytes();
        if name != b"." && name != b".." {
            names.push(name.to_vec());
        }
    }
    // SAFETY: `dir` is open and closed once.
    unsafe { libc::closedir(dir) };
    Ok(names)
}

/// A function of one path returning None: `rmdir`, `unlink`, `chdir`.
fn path_call(
    vm: &mut Vm,
    a: &Args,
    name: &str,
    f: unsafe extern "C" fn(*const libc::c_char) -> libc::c_int,
) -> PyResult {
    let p = path_arg(vm, &a.pos[0], name)?;
    // SAFETY: `p.c` is a NUL-terminated path.
    let r = unsafe { f(p.c.as_ptr()) };
    check(vm, r, Some(&p.given))?;
    Ok(Value::None)
}

fn two_paths(
    vm: &mut Vm,
    a: &Args,
    name: &str,
    f: unsafe extern "C" fn(*const libc::c_char, *const libc::c_char) -> libc::c_int,
) -> PyResult {
    let src = path_arg(vm, &a.pos[0], name)?;
    let dst = path_arg(vm, &a.pos[1], name)?;
    // SAFETY: both are NUL-terminated paths.
    let r = unsafe { f(src.c.as_ptr(), dst.c.as_ptr()) };
    if r == -1 {
        return Err(os_error(vm, Some(&src.given), Some(&dst.given)));
    }
    Ok(Value::None)
}

/// A user or group id; -1 (leave unchanged) is the C library's all-ones.
fn id_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<libc::uid_t> {
    let Some(i) = vm.index_int(v)? else {
        return Err(vm.type_error(format!("{what} should be integer, not {}", vm.type_name(v))));
    };
    // As CPython words it: a value that would be cut short is "less than
    // minimum"; only one beyond an unsigned long is "greater than maximum".
    let beyond_unsigned_long =
        || krait_vm::api::big_int(&i).is_some_and(|b| b > krait_vm::api::BigInt::from(u64::MAX));
    match small_int(&i) {
        Some(-1) => Ok(libc::uid_t::MAX),
        Some(n) if (0..=libc::uid_t::MAX as i64).contains(&n) => Ok(n as libc::uid_t),
        None if beyond_unsigned_long() => {
            Err(vm.overflow_error(format!("{what} is greater than maximum")))
        }
        _ => Err(vm.overflow_error(format!("{what} is less than minimum"))),
    }
}

fn mode_arg(a: &Args, i: usize, default: i64) -> libc::mode_t {
    a.pos.get(i).and_then(small_int).unwrap_or(default) as libc::mode_t
}

fn open(vm: &mut Vm, a: Args) -> PyResult {
    let params = Params::Named {
        names: &["path", "flags", "mode", "dir_fd"],
        posonly: 0,
        positional: 3,
        required: 2,
    };
    let b = params.bind(vm, "open", a, 0)?;
    no_dir_fd(vm, &b, 3)?;
    let p = path_arg(vm, b.given(0).expect("required"), "open")?;
    let flags = b.given(1).and_then(small_int).unwrap_or(0) as libc::c_int;
    let mode = b.given(2).and_then(small_int).unwrap_or(0o777) as libc::c_uint;
    // SAFETY: `p.c` is a NUL-terminated path.
    let fd = retry_interrupted(vm, || unsafe {
        libc::open(p.c.as_ptr(), flags | libc::O_CLOEXEC, mode)
    })?;
    check(vm, fd, Some(&p.given))?;
    Ok(Value::Int(fd as i64))
}

fn read(vm: &mut Vm, a: Args) -> PyResult {
    let fd = fd_arg(vm, &a.pos[0])?;
    let n = small_int(&a.pos[1]).ok_or_else(|| vm.type_error("an integer is required"))?;
    if n < 0 {
        return Err(errno_error(vm, libc::EINVAL, None, None));
    }
    if vm.threads().others_alive() {
        // A read from an empty pipe would stop every thread: the others
        // run until there is something to read.
        vm.wait_for(krait_vm::api::Wait::Fds(vec![(fd, libc::POLLIN)], None))?;
    }
    let mut buf = vec![0u8; n as usize];
    // SAFETY: `buf` has `n` writable bytes.
    let r = retry_interrupted(vm, || unsafe {
        libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, n as usize) as i64
    })?;
    if r < 0 {
        return Err(os_error(vm, None, None));
    }
    buf.truncate(r as usize);
    Ok(vm.new_bytes(buf))
}

fn write(vm: &mut Vm, a: Args) -> PyResult {
    let fd = fd_arg(vm, &a.pos[0])?;
    let Some(data) = bytes_data(&a.pos[1]) else {
        return Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(&a.pos[1])
        )));
    };
    loop {
        let mut len = data.len();
        if vm.threads().others_alive() {
            // A write to a full pipe would stop every thread, the reader
            // too: the others run until there is room, and a pipe or
            // socket then takes no more than it surely has room for
            // (os.write may write less than it is given).
            vm.wait_for(krait_vm::api::Wait::Fds(vec![(fd, libc::POLLOUT)], None))?;
            if len > libc::PIPE_BUF && is_stream(fd) {
                len = libc::PIPE_BUF;
            }
        }
        // SAFETY: `data` is readable for `len <= data.len()` bytes.
        let r = unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, len) };
        if r >= 0 {
            return Ok(Value::Int(r as i64));
        }
        if std::io::Error::last_os_error().raw_os_error() != Some(libc::EINTR) {
            return Err(os_error(vm, None, None));
        }
        // Interrupted: the handlers run (one may start the reader), then
        // the write is tried again (PEP 475).
        vm.check_signals()?;
    }
}

/// Whether `fd` is a pipe, socket or terminal, where a large write can
/// block until a reader takes some.
fn is_stream(fd: libc::c_int) -> bool {
    // SAFETY: stat is a plain C struct; zero is a valid value to fill.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: fstat fills `st` for any descriptor, or fails.
    if unsafe { libc::fstat(fd, &mut st) } != 0 {
        return false;
    }
    matches!(
        st.st_mode & libc::S_IFMT,
        libc::S_IFIFO | libc::S_IFSOCK | libc::S_IFCHR
    )
}

fn fd_call(vm: &mut Vm, a: &Args, f: unsafe extern "C" fn(libc::c_int) -> libc::c_int) -> PyResult {
    let fd = fd_arg(vm, &a.pos[0])?;
    // SAFETY: the call takes any int; a bad descriptor is an error return.
    let r = unsafe { f(fd) };
    check(vm, r, None)?;
    Ok(Value::None)
}

pub const FUNCTIONS: &[F] = &[
    F::new("stat", |vm, a| do_stat(vm, a, "stat", true)),
    F::new("lstat", |vm, a| do_stat(vm, a, "lstat", false)),
    F::new("fstat", |vm, a| {
        let fd = fd_arg(vm, &a.pos[0])?;
        let mut st = empty_stat();
        // SAFETY: `st` is valid for fstat to fill.
        let r = unsafe { libc::fstat(fd, &mut st) };
        check(vm, r, None)?;
        stat_value(vm, &st)
    })
    .one(),
    F::new("getcwd", |vm, _| {
        let d = std::env::current_dir()
            .map_err(|e| errno_error(vm, e.raw_os_error().unwrap_or(0), None, None))?;
        use std::os::unix::ffi::OsStrExt;
        name_value(vm, d.as_os_str().as_bytes(), false)
    })
    .no_args(),
    F::new("getcwdb", |vm, _| {
        let d = std::env::current_dir()
            .map_err(|e| errno_error(vm, e.raw_os_error().unwrap_or(0), None, None))?;
        use std::os::unix::ffi::OsStrExt;
        Ok(vm.new_bytes(d.as_os_str().as_bytes().to_vec()))
    })
    .no_args(),
    F::new("chdir", |vm, a| path_call(vm, &a, "chdir", libc::chdir)).one(),
    F::new("listdir", listdir).args(0, 1),
    F::new("mkdir", |vm, a| {
        no_dir_fd(vm, &a, 2)?;
        let p = path_arg(vm, &a.pos[0], "mkdir")?;
        let mode = mode_arg(&a, 1, 0o777);
        // SAFETY: `p.c` is a NUL-terminated path.
        let r = unsafe { libc::mkdir(p.c.as_ptr(), mode) };
        check(vm, r, Some(&p.given))?;
        Ok(Value::None)
    })
    .named(&["path", "mode", "dir_fd"], 0, 2, 1),
    F::new("rmdir", |vm, a| {
        no_dir_fd(vm, &a, 1)?;
        path_call(vm, &a, "rmdir", libc::rmdir)
    })
    .named(&["path", "dir_fd"], 0, 1, 1),
    F::new("unlink", |vm, a| {
        no_dir_fd(vm, &a, 1)?;
        path_call(vm, &a, "unlink", libc::unlink)
    })
    .named(&["path", "dir_fd"], 0, 1, 1),
    F::new("remove", |vm, a| {
        no_dir_fd(vm, &a, 1)?;
        path_call(vm, &a, "remove", libc::unlink)
    })
    .named(&["path", "dir_fd"], 0, 1, 1),
    F::new("rename", |vm, a| {
        no_dir_fd(vm, &a, 2)?;
        no_dir_fd(vm, &a, 3)?;
        two_paths(vm, &a, "rename", libc::rename)
    })
    .named(&["src", "dst", "src_dir_fd", "dst_dir_fd"], 0, 2, 2),
    F::new("replace", |vm, a| {
        no_dir_fd(vm, &a, 2)?;
        no_dir_fd(vm, &a, 3)?;
        two_paths(vm, &a, "replace", libc::rename)
    })
    .named(&["src", "dst", "src_dir_fd", "dst_dir_fd"], 0, 2, 2),
    F::new("symlink", |vm, a| {
        no_dir_fd(vm, &a, 3)?;
        two_paths(vm, &a, "symlink", libc::symlink)
    })
    .named(&["src", "dst", "target_is_directory", "dir_fd"], 0, 3, 2),
    F::new("link", |vm, a| {
        no_dir_fd(vm, &a, 2)?;
        no_dir_fd(vm, &a, 3)?;
        must_follow(vm, &a, 4, "link")?;
        two_paths(vm, &a, "link", libc::link)
    })
    .named(
        &["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"],
        0,
        2,
        2,
    ),
    F::new("readlink", |vm, a| {
        no_dir_fd(vm, &a, 1)?;
        let p = path_arg(vm, &a.pos[0], "readlink")?;
        let mut buf = vec![0u8; libc::PATH_MAX as usize];
        // SAFETY: `buf` has PATH_MAX writable bytes.
        let n = unsafe {
            libc::readlink(
                p.c.as_ptr(),
                buf.as_mut_ptr() as *mut libc::c_char,
                buf.len(),
            )
        };
        if n < 0 {
            return Err(os_error(vm, Some(&p.given), None));
        }
        buf.truncate(n as usize);
        name_value(vm, &buf, p.bytes)
    })
    .named(&["path", "dir_fd"], 0, 1, 1),
    F::new("chmod", |vm, a| {
        no_dir_fd(vm, &a, 2)?;
        must_follow(vm, &a, 3, "chmod")?;
        let mode = mode_arg(&a, 1, 0);
        if let Some(fd) = small_int(&a.pos[0]) {
            // SAFETY: fchmod takes any int; a bad one is an error return.
            let r = unsafe { libc::fchmod(fd as libc::c_int, mode) };
            check(vm, r, None)?;
            return Ok(Value::None);
        }
        let p = path_arg(vm, &a.pos[0], "chmod")?;
        // SAFETY: `p.c` is a NUL-terminated path.
        let r = unsafe { libc::chmod(p.c.as_ptr(), mode) };
        check(vm, r, Some(&p.given))?;
        Ok(Value::None)
    })
    .named(&["path", "mode", "dir_fd", "follow_symlinks"], 0, 2, 2),
    F::new("fchmod", |vm, a| {
        let fd = fd_arg(vm, &a.pos[0])?;
        // SAFETY: fchmod takes any int; a bad one is an error return.
        let r = unsafe { libc::fchmod(fd, mode_arg(&a, 1, 0)) };
        check(vm, r, None)?;
        Ok(Value::None)
    })
    .named(&["fd", "mode"], 0, 2, 2),
    F::new("chown", |vm, a| {
        no_dir_fd(vm, &a, 3)?;
        let (uid, gid) = (id_arg(vm, &a.pos[1], "uid")?, id_arg(vm, &a.pos[2], "gid")?);
        if let Some(fd) = small_int(&a.pos[0]) {
            // SAFETY: fchown takes any int; a bad one is an error return.
            let r = unsafe { libc::fchown(fd as libc::c_int, uid, gid) };
            check(vm, r, None)?;
            return Ok(Value::None);
        }
        let follow = match a.given(4) {
            Some(v) => vm.truthy(&v.clone())?,
            None => true,
        };
        let p = path_arg(vm, &a.pos[0], "chown")?;
        // SAFETY: `p.c` is a NUL-terminated path.
        let r = unsafe {
            if follow {
                libc::chown(p.c.as_ptr(), uid, gid)
            } else {
                libc::lchown(p.c.as_ptr(), uid, gid)
            }
        };
        check(vm, r, Some(&p.given))?;
        Ok(Value::None)
    })
    .named(
        &["path", "uid", "gid", "dir_fd", "follow_symlinks"],
        0,
        3,
        3,
    ),
    F::new("lchown", |vm, a| {
        let (uid, gid) = (id_arg(vm, &a.pos[1], "uid")?, id_arg(vm, &a.pos[2], "gid")?);
        let p = path_arg(vm, &a.pos[0], "lchown")?;
        // SAFETY: `p.c` is a NUL-terminated path.
        let r = unsafe { libc::lchown(p.c.as_ptr(), uid, gid) };
        check(vm, r, Some(&p.given))?;
        Ok(Value::None)
    })
    .named(&["path", "uid", "gid"], 0, 3, 3),
    F::new("fchown", |vm, a| {
        let fd = fd_arg(vm, &a.pos[0])?;
        let (uid, gid) = (id_arg(vm, &a.pos[1], "uid")?, id_arg(vm, &a.pos[2], "gid")?);
        // SAFETY: fchown takes any int; a bad one is an error return.
        let r = unsafe { libc::fchown(fd, uid, gid) };
        check(vm, r, None)?;
        Ok(Value::None)
    })
    .named(&["fd", "uid", "gid"], 0, 3, 3),
    F::new("mkfifo", |vm, a| {
        no_dir_fd(vm, &a, 2)?;
        let p = path_arg(vm, &a.pos[0], "mkfifo")?;
        // SAFETY: `p.c` is a NUL-terminated path.
        let r = unsafe { libc::mkfifo(p.c.as_ptr(), mode_arg(&a, 1, 0o666)) };
        check(vm, r, Some(&p.given))?;
        Ok(Value::None)
    })
    .named(&["path", "mode", "dir_fd"], 0, 2, 1),
    F::new("access", |vm, a| {
        no_dir_fd(vm, &a, 2)?;
        must_follow(vm, &a, 4, "access")?;
        let p = path_arg(vm, &a.pos[0], "access")?;
        let mode = small_int(&a.pos[1]).unwrap_or(0) as libc::c_int;
        // SAFETY: `p.c` is a NUL-terminated path.
        let r = unsafe { libc::access(p.c.as_ptr(), mode) };
        Ok(Value::Bool(r == 0))
    })
    .named(
        &["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"],
        0,
        2,
        2,
    ),
    F::new("utime", |vm, a| {
        no_dir_fd(vm, &a, 3)?;
        must_follow(vm, &a, 4, "utime")?;
        let p = path_arg(vm, &a.pos[0], "utime")?;
        let times = a.pos.get(1).filter(|v| !v.is_none());
        let r = match times.and_then(krait_vm::api::tuple_items) {
            Some(t) if t.len() == 2 => {
                let f = |v: &Value| {
                    small_int(v)
                        .map(|i| i as f64)
                        .or_else(|| krait_vm::api::float_value(v))
                        .unwrap_or(0.0)
                };
                let ts = |x: f64| libc::timespec {
                    tv_sec: x.floor() as libc::time_t,
                    tv_nsec: ((x - x.floor()) * 1e9) as libc::c_long,
                };
                let spec = [ts(f(&t[0])), ts(f(&t[1]))];
                // SAFETY: `p.c` is a NUL-terminated path, `spec` two timespecs.
                unsafe { libc::utimensat(libc::AT_FDCWD, p.c.as_ptr(), spec.as_ptr(), 0) }
            }
            Some(_) => {
                return Err(
                    vm.type_error("utime: 'times' must be either a tuple of two ints or None")
                )
            }
            // SAFETY: a null times pointer means now.
            None => unsafe { libc::utimensat(libc::AT_FDCWD, p.c.as_ptr(), std::ptr::null(), 0) },
        };
        check(vm, r, Some(&p.given))?;
        Ok(Value::None)
    })
    .named(
        &["path", "times", "ns", "dir_fd", "follow_symlinks"],
        0,
        2,
        1,
    ),
    F::new("truncate", |vm, a| {
        let len = small_int(&a.pos[1]).unwrap_or(0);
        if let Some(fd) = small_int(&a.pos[0]) {
            // SAFETY: ftruncate takes any int; a bad one is an error return.
            let r = unsafe { libc::ftruncate(fd as libc::c_int, len) };
            check(vm, r, None)?;
            return Ok(Value::None);
        }
        let p = path_arg(vm, &a.pos[0], "truncate")?;
        // SAFETY: `p.c` is a NUL-terminated path.
        let r = unsafe { libc::truncate(p.c.as_ptr(), len) };
        check(vm, r, Some(&p.given))?;
        Ok(Value::None)
    })
    .args(2, 2),
    F::new("open", open),
    F::new("close", |vm, a| fd_call(vm, &a, libc::close)).one(),
    F::new("closerange", |vm, a| {
        let lo = fd_arg(vm, &a.pos[0])?;
        let hi = fd_arg(vm, &a.pos[1])?;
        for fd in lo..hi {
            // SAFETY: closing descriptors the caller named; errors ignored.
            unsafe { libc::close(fd) };
        }
        Ok(Value::None)
    })
    .args(2, 2),
    F::new("read", read).args(2, 2),
    F::new("write", write).args(2, 2),
    F::new("lseek", |vm, a| {
        let fd = fd_arg(vm, &a.pos[0])?;
        let pos = small_int(&a.pos[1]).unwrap_or(0);
        let how = small_int(&a.pos[2]).unwrap_or(0) as libc::c_int;
        // SAFETY: lseek takes any arguments; errors are returned.
        let r = unsafe { libc::lseek(fd, pos, how) };
        if r < 0 {
            return Err(os_error(vm, None, None));
        }
        Ok(Value::Int(r))
    })
    .args(3, 3),
    F::new("fsync", |vm, a| fd_call(vm, &a, libc::fsync)).one(),
    F::new("ftruncate", |vm, a| {
        let fd = fd_arg(vm, &a.pos[0])?;
        let len = small_int(&a.pos[1]).unwrap_or(0);
        // SAFETY: ftruncate takes any arguments; errors are returned.
        let r = unsafe { libc::ftruncate(fd, len) };
        check(vm, r, None)?;
        Ok(Value::None)
    })
    .args(2, 2),
    F::new("isatty", |vm, a| {
        let fd = fd_arg(vm, &a.pos[0])?;
        // SAFETY: isatty takes any int.
        Ok(Value::Bool(unsafe { libc::isatty(fd) } == 1))
    })
    .one(),
    F::new("pipe", |vm, _| {
        let mut fds = [0 as libc::c_int; 2];
        // SAFETY: `fds` holds two ints for pipe2 to fill.
        let r = unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) };
        check(vm, r, None)?;
        Ok(vm.new_tuple(vec![Value::Int(fds[0] as i64), Value::Int(fds[1] as i64)]))
    })
    .no_args(),
    F::new("openpty", |vm, _| {
        let (mut master, mut slave) = (0 as libc::c_int, 0 as libc::c_int);
        // SAFETY: openpty fills the two ints; the name, termios and
        // window size it may also take are left null.
        let r = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                std::ptr::null(),
            )
        };
        check(vm, r, None)?;
        // Both ends are not inherited by child processes, as CPython's.
        for fd in [master, slave] {
            // SAFETY: fcntl on the descriptors just made.
            unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
        }
        Ok(vm.new_tuple(vec![Value::Int(master as i64), Value::Int(slave as i64)]))
    })
    .no_args(),
    F::new("dup", |vm, a| {
        let fd = fd_arg(vm, &a.pos[0])?;
        // SAFETY: fcntl with F_DUPFD_CLOEXEC on any int; errors returned.
        let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
        check(vm, r, None)?;
        Ok(Value::Int(r as i64))
    })
    .one(),
    F::new("dup2", |vm, a| {
        let fd = fd_arg(vm, &a.pos[0])?;
        let fd2 = fd_arg(vm, &a.pos[1])?;
        // SAFETY: dup2 takes any ints; errors are returned.
        let r = unsafe { libc::dup2(fd, fd2) };
        check(vm, r, None)?;
        Ok(Value::Int(r as i64))
    })
    .named(&["fd", "fd2", "inheritable"], 0, 3, 2),
    F::new("umask", |vm, a| {
        let mask = small_int(&a.pos[0]).ok_or_else(|| vm.type_error("an integer is required"))?;
        // SAFETY: umask always succeeds.
        Ok(Value::Int(
            unsafe { libc::umask(mask as libc::mode_t) } as i64
        ))
    })
    .one(),
    F::new("get_inheritable", |vm, a| {
        let fd = fd_arg(vm, &a.pos[0])?;
        // SAFETY: fcntl F_GETFD on any int; errors returned.
        let r = unsafe { libc::fcntl(fd, libc::F_GETFD) };
        check(vm, r, None)?;
        Ok(Value::Bool(r & libc::FD_CLOEXEC == 0))
    })
    .one(),
    F::new("set_inheritable", |vm, a| {
        let fd = fd_arg(vm, &a.pos[0])?;
        let on = vm.truthy(&a.pos[1])?;
        // SAFETY: fcntl on any int; errors returned.
        let r = unsafe { libc::fcntl(fd, libc::F_GETFD) };
        check(vm, r, None)?;
        let flags = if on {
            r & !libc::FD_CLOEXEC
        } else {
            r | libc::FD_CLOEXEC
        };
        // SAFETY: as above.
        let r = unsafe { libc::fcntl(fd, libc::F_SETFD, flags) };
        check(vm, r, None)?;
        Ok(Value::None)
    })
    .args(2, 2),
    F::new("get_blocking", |vm, a| {
        let fd = fd_arg(vm, &a.pos[0])?;
        // SAFETY: fcntl F_GETFL on any int; errors returned.
        let r = unsafe { libc::fcntl(fd, libc::F_GETFL) };
        check(vm, r, None)?;
        Ok(Value::Bool(r & libc::O_NONBLOCK == 0))
    })
    .one(),
    F::new("set_blocking", |vm, a| {
        let fd = fd_arg(vm, &a.pos[0])?;
        let on = vm.truthy(&a.pos[1])?;
        // SAFETY: fcntl on any int; errors returned.
        let r = unsafe { libc::fcntl(fd, libc::F_GETFL) };
        check(vm, r, None)?;
        let flags = if on {
            r & !libc::O_NONBLOCK
        } else {
            r | libc::O_NONBLOCK
        };
        // SAFETY: as above.
        let r = unsafe { libc::fcntl(fd, libc::F_SETFL, flags) };
        check(vm, r, None)?;
        Ok(Value::None)
    })
    .args(2, 2),
    F::new("device_encoding", |vm, a| {
        let fd = fd_arg(vm, &a.pos[0])?;
        // SAFETY: isatty takes any int.
        if unsafe { libc::isatty(fd) } == 1 {
            Ok(vm.new_str("UTF-8"))
        } else {
            Ok(Value::None)
        }
    })
    .one(),
    F::new("fspath", |vm, a| {
        let v = a.pos[0].clone();
        if krait_vm::api::value_pystr(&v).is_some() || bytes_data(&v).is_some() {
            return Ok(v);
        }
        match vm.special_method(&v, "__fspath__") {
            Some(f) => {
                let r = vm.call(&f, vec![v.clone()])?;
                if krait_vm::api::value_pystr(&r).is_some() || bytes_data(&r).is_some() {
                    Ok(r)
                } else {
                    let (t, rt) = (vm.type_name(&v), vm.type_name(&r));
                    Err(vm.type_error(format!(
                        "expected {t}.__fspath__() to return str or bytes, not {rt}"
                    )))
                }
            }
            None => Err(vm.type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                vm.type_name(&v)
            ))),
        }
    })
    .named(&["path"], 0, 1, 1),
];
