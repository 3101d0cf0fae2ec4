//! The complex functions themselves, on `(real, imag)` pairs.
//!
//! Finite arguments are computed by Kahan's formulations (the inverse
//! functions through square roots of `1 ± z`, the logarithm through
//! `log1p` near the unit circle), with the same rescalings CPython uses
//! against spurious overflow and underflow, so results agree with
//! CPython's to the last bit on the same C library. Arguments with an
//! infinite or NaN part are answered from the tables in `special.rs`,
//! except where the answer depends on the finite part.

use super::special::{self, Table};
use crate::libm;
use std::f64::consts::{E, FRAC_PI_2, LN_10, LN_2};

pub type Complex = (f64, f64);

/// Why a function has no finite answer: CPython's ValueError ("math
/// domain error") or OverflowError ("math range error").
#[derive(Debug, PartialEq, Eq)]
pub enum Fault {
    Domain,
    Range,
}

pub type Outcome = Result<Complex, Fault>;

/// Above this, squaring or adding could overflow.
const LARGE: f64 = f64::MAX / 4.0;
/// 2**53 scales any subnormal into the normal range.
const SCALE_UP: f64 = 9007199254740992.0;
const SCALE_UP_BITS: f64 = 53.0;

fn sqrt_large() -> f64 {
    LARGE.sqrt()
}

fn log_large() -> f64 {
    LARGE.ln()
}

/// The table row or column of one part: -inf, negative, -0, +0,
/// positive, +inf, NaN.
fn class(x: f64) -> usize {
    match x {
        _ if x.is_nan() => 6,
        f64::NEG_INFINITY => 0,
        f64::INFINITY => 5,
        _ if x == 0.0 => {
            if x.is_sign_negative() {
                2
            } else {
                3
            }
        }
        _ if x < 0.0 => 1,
        _ => 4,
    }
}

fn is_finite(z: Complex) -> bool {
    z.0.is_finite() && z.1.is_finite()
}

fn lookup(table: &Table, z: Complex) -> Complex {
    table[class(z.0)][class(z.1)]
}

/// `iz`, and back: the trigonometric functions are the hyperbolic ones
/// turned a quarter.
fn times_i(z: Complex) -> Complex {
    (-z.1, z.0)
}

fn times_minus_i(z: Complex) -> Complex {
    (z.1, -z.0)
}

fn neg(z: Complex) -> Complex {
    (-z.0, -z.1)
}

/// `log(|z|) + log(2)` for `z` too large to square, as `log(|z/2|)`
/// shifted back.
fn log_abs_large(z: Complex) -> f64 {
    (z.0 / 2.0).hypot(z.1 / 2.0).ln() + LN_2 * 2.0
}

pub fn sqrt(z: Complex) -> Complex {
    if !is_finite(z) {
        return lookup(&special::SQRT, z);
    }
    if z.0 == 0.0 && z.1 == 0.0 {
        return (0.0, z.1);
    }
    let (ax, ay) = (z.0.abs(), z.1.abs());
    // s = sqrt((|x| + |z|) / 2), evaluated so that neither a huge
    // nor a subnormal argument loses bits.
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        let ax = ax * SCALE_UP;
        (ax + ax.hypot(ay * SCALE_UP)).sqrt() * 2f64.powi(-27)
    } else {
        let ax = ax / 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    if z.0 >= 0.0 {
        (s, d.copysign(z.1))
    } else {
        (d, s.copysign(z.1))
    }
}

pub fn acos(z: Complex) -> Complex {
    if !is_finite(z) {
        return lookup(&special::ACOS, z);
    }
    if z.0.abs() > LARGE || z.1.abs() > LARGE {
        return (z.1.abs().atan2(z.0), -log_abs_large(z).copysign(z.1));
    }
    let s1 = sqrt((1.0 - z.0, -z.1));
    let s2 = sqrt((1.0 + z.0, z.1));
    (
        2.0 * s1.0.atan2(s2.0),
        libm::asinh(s2.0 * s1.1 - s2.1 * s1.0),
    )
}

pub fn acosh(z: Complex) -> Complex {
    if !is_finite(z) {
        return lookup(&special::ACOSH, z);
    }
    if z.0.abs() > LARGE || z.1.abs() > LARGE {
        return (log_abs_large(z), z.1.atan2(z.0));
    }
    let s1 = sqrt((z.0 - 1.0, z.1));
    let s2 = sqrt((z.0 + 1.0, z.1));
    (
        libm::asinh(s1.0 * s2.0 + s1.1 * s2.1),
        2.0 * s1.1.atan2(s2.0),
    )
}

pub fn asin(z: Complex) -> Complex {
    times_minus_i(asinh(times_i(z)))
}

pub fn asinh(z: Complex) -> Complex {
    if !is_finite(z) {
        return lookup(&special::ASINH, z);
    }
    if z.0.abs() > LARGE || z.1.abs() > LARGE {
        let re = if z.1 >= 0.0 {
            log_abs_large(z).copysign(z.0)
        } else {
            -log_abs_large(z).copysign(-z.0)
        };
        return (re, z.1.atan2(z.0.abs()));
    }
    let s1 = sqrt((1.0 + z.1, -z.0));
    let s2 = sqrt((1.0 - z.1, z.0));
    (
        libm::asinh(s1.0 * s2.1 - s2.0 * s1.1),
        z.1.atan2(s1.0 * s2.0 - s1.1 * s2.1),
    )
}

pub fn atan(z: Complex) -> Outcome {
    atanh(times_i(z)).map(times_minus_i)
}

pub fn atanh(z: Complex) -> Outcome {
    if !is_finite(z) {
        return Ok(lookup(&special::ATANH, z));
    }
    if z.0 < 0.0 {
        return atanh(neg(z)).map(neg);
    }
    let ay = z.1.abs();
    if z.0 > sqrt_large() || ay > sqrt_large() {
        // atanh(z) is about 1/z ± iπ/2 for large |z|.
        let h = (z.0 / 2.0).hypot(z.1 / 2.0);
        return Ok((z.0 / 4.0 / h / h, FRAC_PI_2.copysign(z.1)));
    }
    if z.0 == 1.0 && ay < f64::MIN_POSITIVE.sqrt() {
        if ay == 0.0 {
            return Err(Fault::Domain);
        }
        return Ok((
            -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln(),
            (2f64.atan2(-ay) / 2.0).copysign(z.1),
        ));
    }
    let one_minus = 1.0 - z.0;
    Ok((
        (4.0 * z.0 / (one_minus * one_minus + ay * ay)).ln_1p() / 4.0,
        -(-2.0 * z.1).atan2(one_minus * (1.0 + z.0) - ay * ay) / 2.0,
    ))
}

/// An infinity in each part with the signs of `(cos y, sin y)`, for the
/// exponential-like functions at an infinite real part.
fn infinite_direction(y: f64) -> Complex {
    (
        f64::INFINITY.copysign(y.cos()),
        f64::INFINITY.copysign(y.sin()),
    )
}

fn overflow_checked(r: Complex) -> Outcome {
    if r.0.is_infinite() || r.1.is_infinite() {
        Err(Fault::Range)
    } else {
        Ok(r)
    }
}

pub fn cos(z: Complex) -> Outcome {
    cosh(times_i(z))
}

pub fn cosh(z: Complex) -> Outcome {
    if !is_finite(z) {
        if z.1.is_infinite() && !z.0.is_nan() {
            return Err(Fault::Domain);
        }
        if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            let (re, im) = infinite_direction(z.1);
            return Ok(if z.0 > 0.0 { (re, im) } else { (re, -im) });
        }
        return Ok(lookup(&special::COSH, z));
    }
    cos_sin_scaled(z, f64::cosh, f64::sinh)
}

/// `(cos y · f(x), sin y · g(x))` for finite `z`, the shape of both
/// `cosh` and `sinh`: for large |x|, f(x) overflows before the product
/// need to, so it is computed as f(x ∓ 1) · e.
fn cos_sin_scaled(z: Complex, f: fn(f64) -> f64, g: fn(f64) -> f64) -> Outcome {
    let r = if z.0.abs() > log_large() {
        let x_minus_one = z.0 - 1f64.copysign(z.0);
        (
            z.1.cos() * f(x_minus_one) * E,
            z.1.sin() * g(x_minus_one) * E,
        )
    } else {
        (z.1.cos() * f(z.0), z.1.sin() * g(z.0))
    };
    overflow_checked(r)
}

pub fn exp(z: Complex) -> Outcome {
    if !is_finite(z) {
        if z.1.is_infinite() && (z.0.is_finite() || z.0 == f64::INFINITY) {
            return Err(Fault::Domain);
        }
        if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            return Ok(if z.0 > 0.0 {
                infinite_direction(z.1)
            } else {
                (0f64.copysign(z.1.cos()), 0f64.copysign(z.1.sin()))
            });
        }
        return Ok(lookup(&special::EXP, z));
    }
    let r = if z.0 > log_large() {
        let l = (z.0 - 1.0).exp();
        (l * z.1.cos() * E, l * z.1.sin() * E)
    } else {
        let l = z.0.exp();
        (l * z.1.cos(), l * z.1.sin())
    };
    overflow_checked(r)
}

pub fn log(z: Complex) -> Outcome {
    if !is_finite(z) {
        return Ok(lookup(&special::LOG, z));
    }
    let (ax, ay) = (z.0.abs(), z.1.abs());
    let re = if ax > LARGE || ay > LARGE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax == 0.0 && ay == 0.0 {
            return Err(Fault::Domain);
        }
        // |z| is subnormal: scale it up to keep its bits.
        (ax * SCALE_UP).hypot(ay * SCALE_UP).ln() - SCALE_UP_BITS * LN_2
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            // Near the unit circle log(h) cancels; log1p(h² - 1) does not.
            let (big, small) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((big - 1.0) * (big + 1.0) + small * small).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    Ok((re, z.1.atan2(z.0)))
}

pub fn log10(z: Complex) -> Outcome {
    log(z).map(|(re, im)| (re / LN_10, im / LN_10))
}

pub fn sin(z: Complex) -> Outcome {
    sinh(times_i(z)).map(times_minus_i)
}

pub fn sinh(z: Complex) -> Outcome {
    if !is_finite(z) {
        if z.1.is_infinite() && !z.0.is_nan() {
            return Err(Fault::Domain);
        }
        if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            let (re, im) = infinite_direction(z.1);
            return Ok(if z.0 > 0.0 { (re, im) } else { (-re, im) });
        }
        return Ok(lookup(&special::SINH, z));
    }
    cos_sin_scaled(z, f64::sinh, f64::cosh)
}

pub fn tan(z: Complex) -> Outcome {
    tanh(times_i(z)).map(times_minus_i)
}

pub fn tanh(z: Complex) -> Outcome {
    if !is_finite(z) {
        if z.1.is_infinite() && z.0.is_finite() {
            return Err(Fault::Domain);
        }
        if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            let im = 0f64.copysign(2.0 * z.1.sin() * z.1.cos());
            return Ok((1f64.copysign(z.0), im));
        }
        return Ok(lookup(&special::TANH, z));
    }
    if z.0.abs() > log_large() {
        // 1 - tanh(x)² is 4·exp(-2|x|) to double precision here.
        let im = 4.0 * z.1.sin() * z.1.cos() * (-2.0 * z.0.abs()).exp();
        return Ok((1f64.copysign(z.0), im));
    }
    // tanh(x+iy) = (tanh x (1 + tan² y) + i tan y / cosh² x) / (1 + tanh² x tan² y)
    let tx = z.0.tanh();
    let ty = z.1.tan();
    let cx = 1.0 / z.0.cosh();
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    Ok((tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx))
}

/// `r·(cos φ + i sin φ)`; like `exp(log r + iφ)` for infinite or NaN
/// parts.
pub fn rect(r: f64, phi: f64) -> Outcome {
    if !r.is_finite() || !phi.is_finite() {
        if phi.is_infinite() && r != 0.0 && !r.is_nan() {
            return Err(Fault::Domain);
        }
        if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let z = infinite_direction(phi);
            return Ok(if r > 0.0 { z } else { neg(z) });
        }
        return Ok(lookup(&special::RECT, (r, phi)));
    }
    if phi == 0.0 {
        // Exact, and keeps the sign of a zero angle.
        return Ok((r, r * phi));
    }
    Ok((r * phi.cos(), r * phi.sin()))
}

/// `|z|`: infinite if either part is, NaN if either part is NaN, and
/// a range fault when finite parts overflow.
pub fn abs(z: Complex) -> Result<f64, Fault> {
    if z.0.is_infinite() || z.1.is_infinite() {
        return Ok(f64::INFINITY);
    }
    if z.0.is_nan() || z.1.is_nan() {
        return Ok(f64::NAN);
    }
    let r = z.0.hypot(z.1);
    if r.is_infinite() {
        return Err(Fault::Range);
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn square_roots_keep_the_sign_of_the_imaginary_part() {
        assert_eq!(sqrt((-4.0, 0.0)), (0.0, 2.0));
        assert_eq!(sqrt((-4.0, -0.0)), (0.0, -2.0));
        assert_eq!(sqrt((0.0, -0.0)).1.to_bits(), (-0.0f64).to_bits());
    }

    #[test]
    fn subnormal_arguments_are_rescaled() {
        let tiny = f64::from_bits(1);
        let (re, im) = sqrt((tiny, 0.0));
        assert_eq!(re, tiny.sqrt());
        assert_eq!(im, 0.0);
        assert!(log((tiny, tiny)).unwrap().0 < -744.0);
    }

    #[test]
    fn faults_follow_annex_g() {
        assert_eq!(log((0.0, 0.0)), Err(Fault::Domain));
        assert_eq!(atanh((1.0, 0.0)), Err(Fault::Domain));
        assert_eq!(atan((0.0, 1.0)), Err(Fault::Domain));
        assert_eq!(exp((710.0, 0.0)), Err(Fault::Range));
        assert_eq!(cos((f64::INFINITY, 0.0)), Err(Fault::Domain));
        assert_eq!(exp((f64::NEG_INFINITY, f64::INFINITY)), Ok((0.0, 0.0)));
        assert_eq!(abs((1.4e308, 1.4e308)), Err(Fault::Range));
        assert_eq!(rect(2.0, f64::INFINITY), Err(Fault::Domain));
    }

    #[test]
    fn large_arguments_do_not_overflow() {
        let (re, im) = acos((1e308, 0.0));
        assert!(re.is_finite() && im.is_finite());
        let (re, _) = cosh((710.0, 0.5)).unwrap();
        assert!(re.is_finite());
    }
}
