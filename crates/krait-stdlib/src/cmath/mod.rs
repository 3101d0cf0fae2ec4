//! `cmath`: the mathematical functions of CPython's `cmath` module over
//! complex numbers, with its special values and its errors (ValueError
//! "math domain error" where C99 Annex G signals divide-by-zero or
//! invalid, OverflowError "math range error" on overflow).

mod functions;
mod special;

use functions::{Complex, Fault, Outcome};
use krait_vm::api::{
    add_attr, complex_quotient, Args, FunctionDef as F, ModuleDef, Obj, PyResult, Value, Vm,
};

pub const MODULE: ModuleDef = ModuleDef {
    name: "cmath",
    doc: Some("This module provides access to mathematical functions for complex\nnumbers."),
    functions: FUNCTIONS,
    init: Some(init),
};

const FUNCTIONS: &[F] = &[
    F::new("acos", |vm, a| total(vm, &a, functions::acos)).one(),
    F::new("acosh", |vm, a| total(vm, &a, functions::acosh)).one(),
    F::new("asin", |vm, a| total(vm, &a, functions::asin)).one(),
    F::new("asinh", |vm, a| total(vm, &a, functions::asinh)).one(),
    F::new("atan", |vm, a| partial(vm, &a, functions::atan)).one(),
    F::new("atanh", |vm, a| partial(vm, &a, functions::atanh)).one(),
    F::new("cos", |vm, a| partial(vm, &a, functions::cos)).one(),
    F::new("cosh", |vm, a| partial(vm, &a, functions::cosh)).one(),
    F::new("exp", |vm, a| partial(vm, &a, functions::exp)).one(),
    F::new("isclose", isclose).named(&["a", "b", "rel_tol", "abs_tol"], 0, 2, 2),
    F::new("isfinite", |vm, a| {
        test(vm, &a, |z| z.0.is_finite() && z.1.is_finite())
    })
    .one(),
    F::new("isinf", |vm, a| {
        test(vm, &a, |z| z.0.is_infinite() || z.1.is_infinite())
    })
    .one(),
    F::new("isnan", |vm, a| {
        test(vm, &a, |z| z.0.is_nan() || z.1.is_nan())
    })
    .one(),
    F::new("log", log).args(1, 2),
    F::new("log10", |vm, a| partial(vm, &a, functions::log10)).one(),
    F::new("phase", phase).one(),
    F::new("polar", polar).one(),
    F::new("rect", rect).args(2, 2),
    F::new("sin", |vm, a| partial(vm, &a, functions::sin)).one(),
    F::new("sinh", |vm, a| partial(vm, &a, functions::sinh)).one(),
    F::new("sqrt", |vm, a| total(vm, &a, functions::sqrt)).one(),
    F::new("tan", |vm, a| partial(vm, &a, functions::tan)).one(),
    F::new("tanh", |vm, a| partial(vm, &a, functions::tanh)).one(),
];

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    crate::math::add_constants(vm, m);
    let infj = vm.new_complex(0.0, f64::INFINITY);
    add_attr(vm, m, "infj", infj);
    let nanj = vm.new_complex(0.0, f64::NAN);
    add_attr(vm, m, "nanj", nanj);
    Ok(())
}

fn fault(vm: &Vm, f: Fault) -> Obj {
    match f {
        Fault::Domain => vm.value_error("math domain error"),
        Fault::Range => vm.overflow_error("math range error"),
    }
}

/// A function defined everywhere.
fn total(vm: &mut Vm, a: &Args, f: fn(Complex) -> Complex) -> PyResult {
    let z = vm.complex_of(&a.pos[0])?;
    let r = f(z);
    Ok(vm.new_complex(r.0, r.1))
}

/// A function with poles or overflow.
fn partial(vm: &mut Vm, a: &Args, f: fn(Complex) -> Outcome) -> PyResult {
    let z = vm.complex_of(&a.pos[0])?;
    let r = f(z).map_err(|e| fault(vm, e))?;
    Ok(vm.new_complex(r.0, r.1))
}

fn test(vm: &mut Vm, a: &Args, f: fn(Complex) -> bool) -> PyResult {
    let z = vm.complex_of(&a.pos[0])?;
    Ok(Value::Bool(f(z)))
}

/// `log(z[, base])`: with a base, only the base's logarithm and the
/// division can fail (CPython keeps no error from `log(z)` itself then,
/// so `log(0, 2)` is `-inf+nanj`).
fn log(vm: &mut Vm, a: Args) -> PyResult {
    let z = vm.complex_of(&a.pos[0])?;
    let Some(base) = a.pos.get(1) else {
        let r = functions::log(z).map_err(|e| fault(vm, e))?;
        return Ok(vm.new_complex(r.0, r.1));
    };
    let base = vm.complex_of(base)?;
    let num = functions::log(z).unwrap_or((f64::NEG_INFINITY, z.1.atan2(z.0)));
    let den = functions::log(base).map_err(|e| fault(vm, e))?;
    if den == (0.0, 0.0) {
        return Err(fault(vm, Fault::Domain));
    }
    let r = complex_quotient(num, den);
    Ok(vm.new_complex(r.0, r.1))
}

/// `atan2(imag, real)`. CPython reports the C library's underflow
/// signal here: a non-zero angle too small for a float is a range error.
fn phase(vm: &mut Vm, a: Args) -> PyResult {
    let z = vm.complex_of(&a.pos[0])?;
    let phi = z.1.atan2(z.0);
    if phi == 0.0 && z.1 != 0.0 && z.1.is_finite() && z.0.is_finite() {
        return Err(fault(vm, Fault::Range));
    }
    Ok(Value::Float(phi))
}

fn polar(vm: &mut Vm, a: Args) -> PyResult {
    let z = vm.complex_of(&a.pos[0])?;
    let phi = z.1.atan2(z.0);
    let r = functions::abs(z).map_err(|e| fault(vm, e))?;
    Ok(vm.new_tuple(vec![Value::Float(r), Value::Float(phi)]))
}

fn rect(vm: &mut Vm, a: Args) -> PyResult {
    let r = vm.float_of(&a.pos[0])?;
    let phi = vm.float_of(&a.pos[1])?;
    let z = functions::rect(r, phi).map_err(|e| fault(vm, e))?;
    Ok(vm.new_complex(z.0, z.1))
}

fn isclose(vm: &mut Vm, a: Args) -> PyResult {
    let x = vm.complex_of(&a.pos[0])?;
    let y = vm.complex_of(&a.pos[1])?;
    let (rel_tol, abs_tol) = crate::math::tolerances(vm, &a)?;
    if x == y {
        return Ok(Value::Bool(true));
    }
    if [x.0, x.1, y.0, y.1].iter().any(|p| p.is_infinite()) {
        return Ok(Value::Bool(false));
    }
    let magnitude = |z: Complex| functions::abs(z).unwrap_or(f64::INFINITY);
    let diff = magnitude((x.0 - y.0, x.1 - y.1));
    let close = diff <= rel_tol * magnitude(y) || diff <= rel_tol * magnitude(x) || diff <= abs_tol;
    Ok(Value::Bool(close))
}
