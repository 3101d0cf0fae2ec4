//! `posix`, the module `os` is built on: files and directories, file
//! descriptors, the environment, the process, through the C library.
//!
//! Paths are accepted as str, bytes or path-like objects (and some
//! functions take a file descriptor). A str path is encoded as UTF-8 with
//! `surrogateescape`, as CPython's file-system encoding does on Linux, and
//! names come back as str or bytes as the path was given.

mod dirent;
mod fs;
mod process;
pub(crate) mod subprocess;

pub(crate) use process::fill_random;

use krait_vm::api::{
    add_attr, bytes_data, small_int, value_pystr, ModuleDef, Obj, PyResult, StructSeqDef, Value, Vm,
};
use std::ffi::CString;

pub const MODULE: ModuleDef = ModuleDef {
    name: "posix",
    doc: Some("This module provides access to operating system functionality that is\nstandardized by the C Standard and the POSIX standard (a thinly\ndisguised Unix interface).  Refer to the library manual and\ncorresponding Unix manual entries for more information on calls."),
    functions: &[],
    init: Some(init),
};

const STAT_RESULT: StructSeqDef = StructSeqDef {
    name: "os.stat_result",
    module: "os",
    doc: Some("stat_result: Result from stat, fstat, or lstat."),
    // Items 7 to 9 are the whole-second times, shown under the names of
    // the float times that follow, as CPython shows them.
    fields: &[
        "st_mode",
        "st_ino",
        "st_dev",
        "st_nlink",
        "st_uid",
        "st_gid",
        "st_size",
        "st_atime",
        "st_mtime",
        "st_ctime",
        "st_atime",
        "st_mtime",
        "st_ctime",
        "st_atime_ns",
        "st_mtime_ns",
        "st_ctime_ns",
        "st_blksize",
        "st_blocks",
        "st_rdev",
    ],
    visible: 10,
};

const TERMINAL_SIZE: StructSeqDef = StructSeqDef {
    name: "os.terminal_size",
    module: "os",
    doc: Some("A tuple of (columns, lines) for holding terminal window size"),
    fields: &["columns", "lines"],
    visible: 2,
};

const TIMES_RESULT: StructSeqDef = StructSeqDef {
    name: "posix.times_result",
    module: "posix",
    doc: None,
    fields: &[
        "user",
        "system",
        "children_user",
        "children_system",
        "elapsed",
    ],
    visible: 5,
};

const UNAME_RESULT: StructSeqDef = StructSeqDef {
    name: "posix.uname_result",
    module: "posix",
    doc: None,
    fields: &["sysname", "nodename", "release", "version", "machine"],
    visible: 5,
};

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    for def in [&STAT_RESULT, &TERMINAL_SIZE, &TIMES_RESULT, &UNAME_RESULT] {
        let cls = vm.new_struct_seq_type(def);
        let name = def.name.rsplit('.').next().unwrap_or(def.name);
        add_attr(vm, m, name, Value::Obj(cls));
    }
    for f in fs::FUNCTIONS
        .iter()
        .chain(process::FUNCTIONS)
        .chain(dirent::FUNCTIONS)
    {
        let v = krait_vm::api::native_function(vm, f, Some("posix"), None);
        add_attr(vm, m, f.name, v);
    }
    dirent::add_types(vm, m);
    let error = Value::Obj(vm.exception_class("OSError"));
    add_attr(vm, m, "error", error);
    for (name, value) in CONSTANTS {
        add_attr(vm, m, name, Value::Int(*value as i64));
    }
    process::add_environ(vm, m)?;
    let have: Vec<Value> = HAVE_FUNCTIONS.iter().map(|n| vm.new_str(n)).collect();
    let have = vm.new_list(have);
    add_attr(vm, m, "_have_functions", have);
    Ok(())
}

/// The names `os` checks to decide which functions accept a file
/// descriptor, `dir_fd` or `follow_symlinks=False`: only what Krait does
/// (`chmod`, `chown` and `truncate` take a descriptor; `chown` can leave
/// links alone; `lstat` exists).
const HAVE_FUNCTIONS: &[&str] = &[
    "HAVE_FCHMOD",
    "HAVE_FCHOWN",
    "HAVE_FTRUNCATE",
    "HAVE_LCHOWN",
    "HAVE_LSTAT",
];

const CONSTANTS: &[(&str, libc::c_int)] = &[
    ("GRND_NONBLOCK", libc::GRND_NONBLOCK as libc::c_int),
    ("GRND_RANDOM", libc::GRND_RANDOM as libc::c_int),
    ("F_OK", libc::F_OK),
    ("R_OK", libc::R_OK),
    ("W_OK", libc::W_OK),
    ("X_OK", libc::X_OK),
    ("O_RDONLY", libc::O_RDONLY),
    ("O_WRONLY", libc::O_WRONLY),
    ("O_RDWR", libc::O_RDWR),
    ("O_ACCMODE", libc::O_ACCMODE),
    ("O_APPEND", libc::O_APPEND),
    ("O_CREAT", libc::O_CREAT),
    ("O_EXCL", libc::O_EXCL),
    ("O_TRUNC", libc::O_TRUNC),
    ("O_CLOEXEC", libc::O_CLOEXEC),
    ("O_NONBLOCK", libc::O_NONBLOCK),
    ("O_NDELAY", libc::O_NDELAY),
    ("O_DIRECTORY", libc::O_DIRECTORY),
    ("O_NOFOLLOW", libc::O_NOFOLLOW),
    ("O_NOCTTY", libc::O_NOCTTY),
    ("O_SYNC", libc::O_SYNC),
    ("O_DSYNC", libc::O_DSYNC),
    ("O_NOATIME", libc::O_NOATIME),
    ("O_PATH", libc::O_PATH),
    ("O_TMPFILE", libc::O_TMPFILE),
    ("SEEK_SET", libc::SEEK_SET),
    ("SEEK_CUR", libc::SEEK_CUR),
    ("SEEK_END", libc::SEEK_END),
    ("SEEK_DATA", libc::SEEK_DATA),
    ("SEEK_HOLE", libc::SEEK_HOLE),
    ("EX_OK", libc::EXIT_SUCCESS),
    ("WNOHANG", libc::WNOHANG),
    ("WUNTRACED", libc::WUNTRACED),
    ("WCONTINUED", libc::WCONTINUED),
    ("P_PID", libc::P_PID as libc::c_int),
    ("P_ALL", libc::P_ALL as libc::c_int),
    ("ST_RDONLY", libc::ST_RDONLY as libc::c_int),
    ("ST_NOSUID", libc::ST_NOSUID as libc::c_int),
    ("NGROUPS_MAX", 65536),
    ("TMP_MAX", 238328),
    ("RTLD_LAZY", libc::RTLD_LAZY),
    ("RTLD_NOW", libc::RTLD_NOW),
    ("RTLD_GLOBAL", libc::RTLD_GLOBAL),
    ("RTLD_LOCAL", libc::RTLD_LOCAL),
];

/// A path argument, as bytes for the C library, and whether it was given
/// as bytes (so names derived from it are bytes too).
pub struct PathArg {
    pub c: CString,
    pub bytes: bool,
    /// The argument as given, for error messages.
    pub given: Value,
}

/// Reads a str, bytes or path-like argument (`what` names the function
/// in messages).
pub fn path_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<PathArg> {
    let mut value = v.clone();
    if value_pystr(&value).is_none() && bytes_data(&value).is_none() {
        if let Some(fspath) = vm.special_method(&value, "__fspath__") {
            value = vm.call(&fspath, vec![value.clone()])?;
        }
    }
    let (raw, bytes) = if let Some(s) = value_pystr(&value) {
        let raw = if s.has_surrogates() {
            let b = vm.encode_text(s, "utf-8", "surrogateescape")?;
            bytes_data(&b).map(|b| b.into_owned()).unwrap_or_default()
        } else {
            s.as_bytes().to_vec()
        };
        (raw, false)
    } else if let Some(b) = bytes_data(&value) {
        (b.into_owned(), true)
    } else {
        return Err(vm.type_error(format!(
            "{what}: path should be string, bytes or os.PathLike, not {}",
            vm.type_name(v)
        )));
    };
    let c = CString::new(raw)
        .map_err(|_| vm.value_error(format!("{what}: embedded null character in path")))?;
    Ok(PathArg {
        c,
        bytes,
        given: value,
    })
}

/// A name from the file system, as str (decoded with `surrogateescape`)
/// or bytes.
pub fn name_value(vm: &mut Vm, raw: &[u8], bytes: bool) -> PyResult {
    if bytes {
        return Ok(vm.new_bytes(raw.to_vec()));
    }
    match std::str::from_utf8(raw) {
        Ok(s) => Ok(vm.new_str(s)),
        Err(_) => vm.decode_data(raw, "utf-8", "surrogateescape"),
    }
}

/// Makes a system call until a signal no longer interrupts it, running
/// the Python signal handlers after each interruption (PEP 475): a
/// handler's exception ends the call. `call` returns the C result, negative
/// on failure with `errno` set.
pub fn retry_interrupted<T: Copy + Into<i64>>(
    vm: &mut Vm,
    mut call: impl FnMut() -> T,
) -> PyResult<T> {
    loop {
        let r = call();
        if r.into() >= 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::EINTR) {
            return Ok(r);
        }
        vm.check_signals()?;
    }
}

/// The `OSError` (of the subclass the errno calls for) the last C call
/// failed with, naming `path` (and `path2`) if given.
pub fn os_error(vm: &mut Vm, path: Option<&Value>, path2: Option<&Value>) -> Obj {
    let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
    errno_error(vm, errno, path, path2)
}

pub fn errno_error(vm: &mut Vm, errno: i32, path: Option<&Value>, path2: Option<&Value>) -> Obj {
    let msg = strerror(errno);
    let mut args = vec![Value::Int(errno as i64), vm.new_string(msg)];
    if let Some(p) = path {
        args.push(p.clone());
        if let Some(p2) = path2 {
            args.push(Value::Int(0));
            args.push(p2.clone());
        }
    }
    let cls = Value::Obj(vm.exception_class("OSError"));
    match vm.call(&cls, args) {
        Ok(Value::Obj(e)) => e,
        Ok(_) => vm.runtime_error("OSError made no exception"),
        Err(e) => e,
    }
}

pub fn strerror(errno: i32) -> String {
    // SAFETY: strerror returns a pointer to a NUL-terminated message that
    // stays valid until the next call; it is copied at once.
    let p = unsafe { libc::strerror(errno) };
    if p.is_null() {
        return format!("Unknown error {errno}");
    }
    // SAFETY: `p` is non-null and NUL-terminated, per strerror.
    unsafe { std::ffi::CStr::from_ptr(p) }
        .to_string_lossy()
        .into_owned()
}

/// A file descriptor argument.
pub fn fd_arg(vm: &mut Vm, v: &Value) -> PyResult<libc::c_int> {
    if let Some(i) = small_int(v) {
        return i32::try_from(i).map_err(|_| vm.overflow_error("fd is greater than maximum"));
    }
    match vm.index_int(v)? {
        Some(i) => small_int(&i)
            .and_then(|i| i32::try_from(i).ok())
            .ok_or_else(|| vm.overflow_error("fd is greater than maximum")),
        None => Err(vm.type_error(format!(
            "argument must be an int, or have a fileno() method, not {}",
            vm.type_name(v)
        ))),
    }
}

/// A struct sequence of this module's type `name`.
pub fn struct_value(vm: &mut Vm, name: &'static str, values: Vec<Value>) -> PyResult {
    let cls = vm.native_class("posix", name)?;
    Ok(vm.new_struct_seq(&cls, values))
}
