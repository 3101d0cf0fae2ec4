//! The C library's functions that Rust's standard library does not call
//! (or computes its own way): CPython's `math` and `cmath` use the
//! platform's `erf`, `erfc`, `asinh`, `acosh`, `atanh` and `cbrt`, and
//! calling the same ones gives the same last bits (`cbrt(-27.0)` is -3.0000000000000004 in C,
//! -3.0 in Rust).

mod ffi {
    extern "C" {
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn asinh(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
        // Rust's runtime defines its own `cbrt`, which the linker prefers;
        // glibc's other name for its function reaches the C library's.
        #[cfg_attr(target_env = "gnu", link_name = "cbrtf64")]
        pub fn cbrt(x: f64) -> f64;
    }
}

// SAFETY (every function below): the C functions take a double by value
// and return one; they have no preconditions, touch no memory of ours,
// and are defined for every input (NaN and infinities included). The C
// library is linked by Rust's standard library on every platform it
// supports.

pub fn erf(x: f64) -> f64 {
    // SAFETY: see above.
    unsafe { ffi::erf(x) }
}

pub fn erfc(x: f64) -> f64 {
    // SAFETY: see above.
    unsafe { ffi::erfc(x) }
}

pub fn asinh(x: f64) -> f64 {
    // SAFETY: see above.
    unsafe { ffi::asinh(x) }
}

pub fn acosh(x: f64) -> f64 {
    // SAFETY: see above.
    unsafe { ffi::acosh(x) }
}

pub fn atanh(x: f64) -> f64 {
    // SAFETY: see above.
    unsafe { ffi::atanh(x) }
}

pub fn cbrt(x: f64) -> f64 {
    // SAFETY: see above.
    unsafe { ffi::cbrt(x) }
}
