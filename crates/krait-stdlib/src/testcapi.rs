//! `_testcapi`: the part of CPython's C-API test module that is not about
//! the C API. CPython's test suite reads the C type limits from it
//! (`from _testcapi import INT_MAX, ULLONG_MAX`), so those are here with
//! this platform's values. Krait has no C API: every other name raises
//! an `AttributeError` that is also a `unittest.SkipTest`, so a test that
//! exercises the C API is skipped, as it is where `_testcapi` is missing,
//! and `from _testcapi import f` still fails with `ImportError`.

use krait_vm::api::{ModuleDef, Obj, PyResult, Vm};

pub const MODULE: ModuleDef = ModuleDef {
    name: "_testcapi",
    doc: None,
    functions: &[],
    init: Some(init),
};

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    use libc::{c_char, c_int, c_long, c_longlong, c_short, c_uchar, c_uint, c_ulong};
    use libc::{c_ulonglong, c_ushort, time_t};
    let limits = format!(
        "CHAR_MAX = {}\nCHAR_MIN = {}\nUCHAR_MAX = {}\n\
         SHRT_MAX = {}\nSHRT_MIN = {}\nUSHRT_MAX = {}\n\
         INT_MAX = {}\nINT_MIN = {}\nUINT_MAX = {}\n\
         LONG_MAX = {}\nLONG_MIN = {}\nULONG_MAX = {}\n\
         LLONG_MAX = {}\nLLONG_MIN = {}\nULLONG_MAX = {}\n\
         PY_SSIZE_T_MAX = {}\nPY_SSIZE_T_MIN = {}\n\
         FLT_MAX = {:?}\nFLT_MIN = {:?}\nDBL_MAX = {:?}\nDBL_MIN = {:?}\n\
         SIZEOF_TIME_T = {}\n",
        c_char::MAX,
        c_char::MIN,
        c_uchar::MAX,
        c_short::MAX,
        c_short::MIN,
        c_ushort::MAX,
        c_int::MAX,
        c_int::MIN,
        c_uint::MAX,
        c_long::MAX,
        c_long::MIN,
        c_ulong::MAX,
        c_longlong::MAX,
        c_longlong::MIN,
        c_ulonglong::MAX,
        isize::MAX,
        isize::MIN,
        f64::from(f32::MAX),
        f64::from(f32::MIN_POSITIVE),
        f64::MAX,
        f64::MIN_POSITIVE,
        std::mem::size_of::<time_t>(),
    );
    vm.exec_in(&limits, m)?;
    vm.exec_in(MISSING, m)
}

/// Krait allocates with Rust's allocator and checks the stack by depth,
/// so these two flags are false; everything else is the C API.
const MISSING: &str = "\
WITH_PYMALLOC = False
USE_STACKCHECK = False

_CApiMissing = None

def __getattr__(name):
    global _CApiMissing
    message = f\"module '_testcapi' has no attribute '{name}'\"
    if name.startswith('__'):
        raise AttributeError(message)
    if _CApiMissing is None:
        import unittest
        class CApiMissing(unittest.SkipTest, AttributeError):
            pass
        CApiMissing.__module__ = '_testcapi'
        _CApiMissing = CApiMissing
    raise _CApiMissing(message + ': Krait has no C API')
";
