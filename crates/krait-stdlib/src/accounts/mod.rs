//! `pwd` and `grp`: the system's user and group databases, read through
//! the C library (`getpwnam_r` and kin), so whatever NSS serves is seen.

pub mod grp;
pub mod pwd;

use crate::posix::name_value;
use krait_vm::api::{PyResult, Value, Vm};
use std::ffi::{c_char, CStr};

/// A C string field of an entry, decoded as the file system's names are.
fn text(vm: &mut Vm, p: *const c_char) -> PyResult {
    if p.is_null() {
        return Ok(vm.new_str(""));
    }
    // SAFETY: the C library's entries hold NUL-terminated strings, valid
    // while the entry and its buffer live, which outlive this call.
    let bytes = unsafe { CStr::from_ptr(p) }.to_bytes();
    name_value(vm, bytes, false)
}

/// The KeyError of a lookup that found nothing: `what` names the
/// function and key (`getpwuid(): uid`), followed by the key's repr when
/// it was one the database could hold.
fn not_found(vm: &mut Vm, what: &str, key: Option<&Value>) -> PyResult<krait_vm::api::Obj> {
    let msg = match key {
        Some(k) => format!("{what} not found: {}", vm.repr_string(k)?),
        None => format!("{what} not found"),
    };
    let cls = vm.exception_class("KeyError");
    Ok(vm.new_exception_msg(&cls, &msg))
}

/// A user or group id argument: `None` when it is out of range (then it
/// is not found), the TypeError CPython raises when it is not an integer.
fn id_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Option<u32>> {
    match vm.index_int(v)? {
        Some(i) => Ok(krait_vm::api::small_int(&i).and_then(|n| match n {
            -1 => Some(u32::MAX),
            n => u32::try_from(n).ok(),
        })),
        None => Err(vm.type_error(format!("{what} should be integer, not {}", vm.type_name(v)))),
    }
}

/// A name argument as a C string. `argument` is how CPython's message
/// names it (`argument 'name'` for `getgrnam`, `argument` for `getpwnam`).
fn name_arg(vm: &mut Vm, v: &Value, function: &str, argument: &str) -> PyResult<std::ffi::CString> {
    let Some(s) = krait_vm::api::value_pystr(v) else {
        return Err(vm.type_error(format!(
            "{function}() {argument} must be str, not {}",
            vm.type_name(v)
        )));
    };
    let bytes = if s.has_surrogates() {
        let b = vm.encode_text(s, "utf-8", "surrogateescape")?;
        krait_vm::api::bytes_data(&b)
            .map(|b| b.into_owned())
            .unwrap_or_default()
    } else {
        s.as_bytes().to_vec()
    };
    std::ffi::CString::new(bytes).map_err(|_| vm.value_error("embedded null byte"))
}

/// An entry type of the C library's databases (`passwd`, `group`) and
/// how it becomes a Python value.
trait Record: Sized {
    fn to_value(vm: &mut Vm, record: &Self) -> PyResult;
}

impl Record for libc::passwd {
    fn to_value(vm: &mut Vm, record: &Self) -> PyResult {
        pwd::entry(vm, record)
    }
}

impl Record for libc::group {
    fn to_value(vm: &mut Vm, record: &Self) -> PyResult {
        grp::entry(vm, record)
    }
}

/// Looks an entry up with a reentrant call (`getpwnam_r`...), growing its
/// buffer while the C library says it is too small: the entry as a
/// value, or `None` when there is none.
fn find<R: Record>(
    vm: &mut Vm,
    mut call: impl FnMut(*mut R, &mut [c_char], *mut *mut R) -> libc::c_int,
) -> PyResult<Option<Value>> {
    // SAFETY: the records are plain C structs; all-zero bytes are valid.
    let mut record: R = unsafe { std::mem::zeroed() };
    let mut buffer = vec![0 as c_char; 1024];
    let mut result: *mut R = std::ptr::null_mut();
    loop {
        match call(&mut record, &mut buffer, &mut result) {
            0 if result.is_null() => return Ok(None),
            0 => return R::to_value(vm, &record).map(Some),
            libc::ERANGE if buffer.len() < 1 << 24 => {
                let bigger = buffer.len() * 2;
                buffer.resize(bigger, 0);
            }
            libc::ENOENT | libc::ESRCH | libc::EBADF | libc::EPERM => return Ok(None),
            errno => return Err(crate::posix::errno_error(vm, errno, None, None)),
        }
    }
}

/// Every entry of a database, walked with its `set`/`get`/`end` calls
/// (`setpwent`, `getpwent`, `endpwent`).
fn all_entries<R: Record>(
    vm: &mut Vm,
    start: unsafe extern "C" fn(),
    next: unsafe extern "C" fn() -> *mut R,
    end: unsafe extern "C" fn(),
) -> PyResult {
    let mut entries = Vec::new();
    // SAFETY: the walk runs on the interpreter's thread with no Python
    // code in between; each entry is copied into Python values before the
    // next call replaces it, and the walk is ended on every path.
    unsafe {
        start();
        loop {
            let p = next();
            if p.is_null() {
                break;
            }
            match R::to_value(vm, &*p) {
                Ok(v) => entries.push(v),
                Err(e) => {
                    end();
                    return Err(e);
                }
            }
        }
        end();
    }
    Ok(vm.new_list(entries))
}
