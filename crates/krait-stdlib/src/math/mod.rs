//! `math`: the functions of CPython's `math` module, with its error
//! rules: a NaN from a non-NaN argument is "math domain error"
//! (ValueError), an infinity from finite arguments "math range error"
//! (OverflowError) where the function can overflow and a domain error
//! where it cannot.

mod gamma;
mod integer;
mod sum;

use crate::libm;
use krait_vm::api::{add_attr, big_int, FunctionDef as F, ModuleDef, Obj, PyResult, Value, Vm};

pub const MODULE: ModuleDef = ModuleDef {
    name: "math",
    doc: Some(
        "This module provides access to the mathematical functions\n\
         defined by the C standard.",
    ),
    functions: FUNCTIONS,
    init: Some(init),
};

const FUNCTIONS: &[F] = &[
    F::new("acos", |vm, a| unary(vm, &a.pos[0], f64::acos, false)).one(),
    F::new("acosh", |vm, a| unary(vm, &a.pos[0], libm::acosh, false)).one(),
    F::new("asin", |vm, a| unary(vm, &a.pos[0], f64::asin, false)).one(),
    F::new("asinh", |vm, a| unary(vm, &a.pos[0], libm::asinh, false)).one(),
    F::new("atan", |vm, a| unary(vm, &a.pos[0], f64::atan, false)).one(),
    F::new("atan2", |vm, a| binary(vm, &a.pos, f64::atan2)).args(2, 2),
    F::new("atanh", |vm, a| unary(vm, &a.pos[0], libm::atanh, false)).one(),
    F::new("cbrt", |vm, a| unary(vm, &a.pos[0], libm::cbrt, false)).one(),
    F::new("ceil", |vm, a| {
        rounding(vm, &a.pos[0], "__ceil__", f64::ceil)
    })
    .one(),
    F::new("comb", integer::comb).args(2, 2),
    F::new("copysign", |vm, a| binary(vm, &a.pos, f64::copysign)).args(2, 2),
    F::new("cos", |vm, a| unary(vm, &a.pos[0], f64::cos, false)).one(),
    F::new("cosh", |vm, a| unary(vm, &a.pos[0], f64::cosh, true)).one(),
    F::new("degrees", |vm, a| {
        unary(vm, &a.pos[0], f64::to_degrees, true)
    })
    .one(),
    F::new("dist", sum::dist).args(2, 2),
    F::new("erf", |vm, a| unary(vm, &a.pos[0], libm::erf, false)).one(),
    F::new("erfc", |vm, a| unary(vm, &a.pos[0], libm::erfc, false)).one(),
    F::new("exp", |vm, a| unary(vm, &a.pos[0], f64::exp, true)).one(),
    F::new("exp2", |vm, a| unary(vm, &a.pos[0], f64::exp2, true)).one(),
    F::new("expm1", |vm, a| unary(vm, &a.pos[0], f64::exp_m1, true)).one(),
    F::new("fabs", |vm, a| unary(vm, &a.pos[0], f64::abs, false)).one(),
    F::new("factorial", integer::factorial).one(),
    F::new("floor", |vm, a| {
        rounding(vm, &a.pos[0], "__floor__", f64::floor)
    })
    .one(),
    F::new("fmod", fmod).args(2, 2),
    F::new("frexp", frexp).one(),
    F::new("fsum", sum::fsum).one(),
    F::new("gamma", |vm, a| gamma::call(vm, &a.pos[0], gamma::tgamma)).one(),
    F::new("gcd", integer::gcd),
    F::new("hypot", sum::hypot),
    F::new("isclose", isclose).named(&["a", "b", "rel_tol", "abs_tol"], 0, 2, 2),
    F::new("isfinite", |vm, a| test(vm, &a.pos[0], f64::is_finite)).one(),
    F::new("isinf", |vm, a| test(vm, &a.pos[0], f64::is_infinite)).one(),
    F::new("isnan", |vm, a| test(vm, &a.pos[0], f64::is_nan)).one(),
    F::new("isqrt", integer::isqrt).one(),
    F::new("lcm", integer::lcm),
    F::new("ldexp", ldexp).args(2, 2),
    F::new("lgamma", |vm, a| gamma::call(vm, &a.pos[0], gamma::lgamma)).one(),
    F::new("log", log),
    F::new("log10", |vm, a| {
        log_of(vm, &a.pos[0], Base::Ten).map(Value::Float)
    })
    .one(),
    F::new("log1p", |vm, a| unary(vm, &a.pos[0], f64::ln_1p, false)).one(),
    F::new("log2", |vm, a| {
        log_of(vm, &a.pos[0], Base::Two).map(Value::Float)
    })
    .one(),
    F::new("modf", modf).one(),
    F::new("nextafter", |vm, a| binary(vm, &a.pos, next_after)).args(2, 2),
    F::new("perm", integer::perm).args(1, 2),
    F::new("pow", pow).args(2, 2),
    F::new("prod", sum::prod).named(&["iterable", "start"], 1, 1, 1),
    F::new("radians", |vm, a| {
        unary(vm, &a.pos[0], f64::to_radians, false)
    })
    .one(),
    F::new("remainder", remainder).args(2, 2),
    F::new("sin", |vm, a| unary(vm, &a.pos[0], f64::sin, false)).one(),
    F::new("sinh", |vm, a| unary(vm, &a.pos[0], f64::sinh, true)).one(),
    F::new("sqrt", |vm, a| unary(vm, &a.pos[0], f64::sqrt, false)).one(),
    F::new("tan", |vm, a| unary(vm, &a.pos[0], f64::tan, false)).one(),
    F::new("tanh", |vm, a| unary(vm, &a.pos[0], f64::tanh, false)).one(),
    F::new("trunc", trunc).one(),
    F::new("ulp", |vm, a| unary(vm, &a.pos[0], ulp, false)).one(),
];

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    add_constants(vm, m);
    Ok(())
}

/// `pi`, `e`, `tau`, `inf` and `nan`, which `math` and `cmath` both have.
pub(crate) fn add_constants(vm: &mut Vm, m: &Obj) {
    use std::f64::consts;
    for (name, v) in [
        ("pi", consts::PI),
        ("e", consts::E),
        ("tau", consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        add_attr(vm, m, name, Value::Float(v));
    }
}

pub(crate) fn domain_error(vm: &Vm) -> Obj {
    vm.value_error("math domain error")
}

pub(crate) fn range_error(vm: &Vm) -> Obj {
    vm.overflow_error("math range error")
}

/// The result of a function of one real argument, checked by the rules
/// in the module's doc comment.
fn checked(vm: &Vm, x: f64, r: f64, can_overflow: bool) -> PyResult {
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error(vm)
        } else {
            domain_error(vm)
        });
    }
    Ok(Value::Float(r))
}

fn unary(vm: &mut Vm, v: &Value, f: fn(f64) -> f64, can_overflow: bool) -> PyResult {
    let x = vm.float_of(v)?;
    checked(vm, x, f(x), can_overflow)
}

fn binary(vm: &mut Vm, args: &[Value], f: fn(f64, f64) -> f64) -> PyResult {
    let x = vm.float_of(&args[0])?;
    let y = vm.float_of(&args[1])?;
    Ok(Value::Float(f(x, y)))
}

fn test(vm: &mut Vm, v: &Value, f: fn(f64) -> bool) -> PyResult {
    let x = vm.float_of(v)?;
    Ok(Value::Bool(f(x)))
}

/// `floor` and `ceil`: ints as they are, floats rounded, anything else
/// through its `__floor__`/`__ceil__`, else as a float.
fn rounding(vm: &mut Vm, v: &Value, dunder: &str, f: fn(f64) -> f64) -> PyResult {
    match v {
        Value::Int(i) => return Ok(Value::Int(*i)),
        Value::Truth(b) => return Ok(Value::Int(*b as i64)),
        _ => {}
    }
    if let Value::FloatBits(bits) = v {
        return vm.int_from_f64(f(f64::from_bits(*bits)));
    }
    if let Some(m) = vm.special_method(v, dunder) {
        return vm.call_method_value(&m, v.clone(), vec![]);
    }
    let x = vm.float_of(v)?;
    vm.int_from_f64(f(x))
}

fn trunc(vm: &mut Vm, a: krait_vm::api::Args) -> PyResult {
    let v = &a.pos[0];
    if let Value::FloatBits(f) = v {
        return vm.int_from_f64(f64::from_bits(*f).trunc());
    }
    match vm.special_method(v, "__trunc__") {
        Some(m) => vm.call_method_value(&m, v.clone(), vec![]),
        None => Err(vm.type_error(format!(
            "type {} doesn't define __trunc__ method",
            vm.type_name(v)
        ))),
    }
}

fn fmod(vm: &mut Vm, a: krait_vm::api::Args) -> PyResult {
    let x = vm.float_of(&a.pos[0])?;
    let y = vm.float_of(&a.pos[1])?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    Ok(Value::Float(r))
}

fn remainder(vm: &mut Vm, a: krait_vm::api::Args) -> PyResult {
    let x = vm.float_of(&a.pos[0])?;
    let y = vm.float_of(&a.pos[1])?;
    if x.is_nan() || y.is_nan() {
        return Ok(Value::Float(f64::NAN));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain_error(vm));
    }
    if y.is_infinite() {
        return Ok(Value::Float(x));
    }
    // IEEE 754 remainder: x - n*y with n the integer nearest x/y, ties to
    // even; computed exactly from the absolute values.
    let (ax, ay) = (x.abs(), y.abs());
    let m = ax % ay;
    let c = ay - m;
    let r = if m < c {
        m
    } else if m > c {
        -c
    } else {
        // Exactly halfway: pick the even multiple.
        let half = 0.5 * (ax - m);
        m - 2.0 * (half % ay)
    };
    Ok(Value::Float(1.0f64.copysign(x) * r))
}

fn frexp(vm: &mut Vm, a: krait_vm::api::Args) -> PyResult {
    let x = vm.float_of(&a.pos[0])?;
    let (m, e) = if x == 0.0 || !x.is_finite() {
        (x, 0)
    } else {
        split_exponent(x)
    };
    Ok(vm.new_tuple(vec![Value::Float(m), Value::Int(e)]))
}

/// `x` as `m * 2**e` with `0.5 <= |m| < 1` (x finite and non-zero).
pub(crate) fn split_exponent(x: f64) -> (f64, i64) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = split_exponent(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

fn modf(vm: &mut Vm, a: krait_vm::api::Args) -> PyResult {
    let x = vm.float_of(&a.pos[0])?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else {
        let t = x.trunc();
        ((x - t).copysign(x), t)
    };
    Ok(vm.new_tuple(vec![Value::Float(frac), Value::Float(int)]))
}

fn ldexp(vm: &mut Vm, a: krait_vm::api::Args) -> PyResult {
    let x = vm.float_of(&a.pos[0])?;
    let Some(e) = big_int(&a.pos[1]) else {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::Float(x));
    }
    let e = i64::try_from(&e).unwrap_or(if e > krait_vm::api::BigInt::ZERO {
        i64::MAX
    } else {
        i64::MIN
    });
    let r = scale_by_power_of_two(x, e.clamp(-5000, 5000) as i32);
    if r.is_infinite() {
        return Err(range_error(vm));
    }
    Ok(Value::Float(r))
}

/// `x * 2**e`, rounded once.
fn scale_by_power_of_two(mut x: f64, mut e: i32) -> f64 {
    // Steps that keep every intermediate exact until the last.
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        // Stop short of the subnormal range so only the last step rounds.
        if (x.abs() * 2f64.powi(-1000)) < f64::MIN_POSITIVE {
            break;
        }
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    if e < -1074 - 60 {
        return 0.0f64.copysign(x);
    }
    if e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
        return x * 2f64.powi(e);
    }
    x * 2f64.powi(e)
}

fn pow(vm: &mut Vm, a: krait_vm::api::Args) -> PyResult {
    let x = vm.float_of(&a.pos[0])?;
    let y = vm.float_of(&a.pos[1])?;
    // C99's special cases, which `powf` follows, then CPython's errors.
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else {
            x.powf(y)
        };
        return Ok(Value::Float(r));
    }
    if x == 0.0 && y < 0.0 {
        return Err(domain_error(vm));
    }
    if x < 0.0 && y.fract() != 0.0 {
        return Err(domain_error(vm));
    }
    let r = x.powf(y);
    if r.is_infinite() {
        return Err(range_error(vm));
    }
    Ok(Value::Float(r))
}

/// `isclose`'s `rel_tol` and `abs_tol` (arguments 2 and 3), checked.
pub(crate) fn tolerances(vm: &mut Vm, a: &krait_vm::api::Args) -> PyResult<(f64, f64)> {
    let rel_tol = match &a.pos[2] {
        Value::Null => 1e-9,
        v => vm.float_of(v)?,
    };
    let abs_tol = match &a.pos[3] {
        Value::Null => 0.0,
        v => vm.float_of(v)?,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    Ok((rel_tol, abs_tol))
}

fn isclose(vm: &mut Vm, a: krait_vm::api::Args) -> PyResult {
    let x = vm.float_of(&a.pos[0])?;
    let y = vm.float_of(&a.pos[1])?;
    let (rel_tol, abs_tol) = tolerances(vm, &a)?;
    if x == y {
        return Ok(Value::Bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (y - x).abs();
    let close = diff <= (rel_tol * y).abs() || diff <= (rel_tol * x).abs() || diff <= abs_tol;
    Ok(Value::Bool(close))
}

fn next_after(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

fn ulp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let x = x.abs();
    if x.is_infinite() {
        return x;
    }
    let next = next_after(x, f64::INFINITY);
    if next.is_infinite() {
        return x - next_after(x, -f64::INFINITY);
    }
    next - x
}

#[derive(Clone, Copy)]
enum Base {
    E,
    Two,
    Ten,
}

impl Base {
    fn log(self, x: f64) -> f64 {
        match self {
            Base::E => x.ln(),
            Base::Two => x.log2(),
            Base::Ten => x.log10(),
        }
    }
}

/// The logarithm of a real number or of an int of any size.
fn log_of(vm: &mut Vm, v: &Value, base: Base) -> PyResult<f64> {
    if let Some(n) = big_int(v) {
        if n <= krait_vm::api::BigInt::ZERO {
            return Err(domain_error(vm));
        }
        let x = n.to_f64().value();
        if x.is_finite() {
            return Ok(base.log(x));
        }
        // Too big for a float: log(m * 2**e) = log(m) + e * log(2).
        let bits = dashu_int::ops::BitTest::bit_len(&dashu_int::ops::UnsignedAbs::unsigned_abs(&n));
        let shift = bits - 64;
        let top: u64 = u64::try_from(&(n >> shift)).unwrap_or(u64::MAX);
        let m = top as f64 / 2f64.powi(64);
        let e = (shift + 64) as f64;
        return Ok(base.log(m) + e * base.log(2.0));
    }
    let x = vm.float_of(v)?;
    if x.is_nan() || x == f64::INFINITY {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain_error(vm));
    }
    Ok(base.log(x))
}

fn log(vm: &mut Vm, a: krait_vm::api::Args) -> PyResult {
    if !a.kw.is_empty() {
        return Err(vm.type_error("math.log() takes no keyword arguments"));
    }
    if a.pos.is_empty() || a.pos.len() > 2 {
        return Err(vm.type_error("math.log requires 1 to 2 arguments"));
    }
    let num = log_of(vm, &a.pos[0], Base::E)?;
    if a.pos.len() == 1 {
        return Ok(Value::Float(num));
    }
    let den = log_of(vm, &a.pos[1], Base::E)?;
    if den == 0.0 {
        return Err(vm.zero_division("float division by zero"));
    }
    Ok(Value::Float(num / den))
}
