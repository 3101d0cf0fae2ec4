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

fn key_error(vm: &mut Vm, msg: &str) -> krait_vm::api::Obj {
    let cls = vm.exception_class("KeyError");
    vm.new_exception_msg(&cls, msg)
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

/// Calls a reentrant lookup (`getpwnam_r`...) with a buffer that grows
/// while the C library says it is too small. `Ok(false)` means not found.
fn lookup_with_buffer(
    buffer: &mut Vec<c_char>,
    mut call: impl FnMut(&mut [c_char]) -> (libc::c_int, bool),
) -> Result<bool, i32> {
    loop {
        let (err, found) = call(buffer);
        match err {
            0 => return Ok(found),
            libc::ERANGE if buffer.len() < 1 << 24 => {
                let bigger = buffer.len() * 2;
                buffer.resize(bigger, 0);
            }
            libc::ENOENT | libc::ESRCH | libc::EBADF | libc::EPERM => return Ok(false),
            e => return Err(e),
        }
    }
}
