//! `int` arithmetic: inline 64-bit values with overflow checks, promoted
//! to big integers (dashu's `IBig`) when a result does not fit.

pub(crate) mod methods;

use crate::object::ObjKind;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use dashu_int::IBig;
use krait_compiler::code::BinOp;

pub type BigInt = IBig;

/// An inline int or bool as i64.
#[inline]
pub fn small(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Truth(b) => Some(*b as i64),
        _ => None,
    }
}

/// Any int (or bool, or int subclass instance) as a big integer.
pub fn to_big(v: &Value) -> Option<IBig> {
    match v {
        Value::Int(i) => Some(IBig::from(*i)),
        Value::Truth(b) => Some(IBig::from(*b as i64)),
        Value::Obj(o) => match o.kind() {
            ObjKind::Int(b) => Some(b.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// An int of an exact built-in type (`int` or `bool`), inline or big.
pub fn is_exact_int(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::Truth(_) => true,
        Value::Obj(o) => o.class().is(&vm.types.int),
        _ => false,
    }
}

pub fn big_to_f64(vm: &Vm, b: &IBig) -> PyResult<f64> {
    let f = b.to_f64().value();
    if f.is_infinite() {
        return Err(vm.overflow_error("int too large to convert to float"));
    }
    Ok(f)
}

fn floor_div(x: i64, y: i64) -> i64 {
    let q = x / y;
    if (x % y != 0) && ((x < 0) != (y < 0)) {
        q - 1
    } else {
        q
    }
}

fn floor_mod(x: i64, y: i64) -> i64 {
    let r = x % y;
    if r != 0 && ((r < 0) != (y < 0)) {
        r + y
    } else {
        r
    }
}

/// The int operations that can neither fail nor overflow for these
/// operands, worked out inline (the loop calls this before anything
/// else); `None` leaves the rest (overflow, a zero or negative divisor,
/// long shifts, powers, true division) to [`binop_small`].
#[inline(always)]
pub fn fast_op(op: BinOp, x: i64, y: i64) -> Option<Value> {
    Some(Value::Int(match op {
        BinOp::Add | BinOp::InplaceAdd => x.checked_add(y)?,
        BinOp::Subtract | BinOp::InplaceSubtract => x.checked_sub(y)?,
        BinOp::Multiply | BinOp::InplaceMultiply => x.checked_mul(y)?,
        BinOp::And | BinOp::InplaceAnd => x & y,
        BinOp::Or | BinOp::InplaceOr => x | y,
        BinOp::Xor | BinOp::InplaceXor => x ^ y,
        BinOp::Remainder | BinOp::InplaceRemainder if y > 0 && x >= 0 => x % y,
        BinOp::FloorDivide | BinOp::InplaceFloorDivide if y > 0 && x >= 0 => x / y,
        BinOp::Rshift | BinOp::InplaceRshift if (0..64).contains(&y) => x >> y,
        BinOp::Lshift | BinOp::InplaceLshift if (0..63).contains(&y) && (x << y) >> y == x => {
            x << y
        }
        _ => return None,
    }))
}

/// Arithmetic on two inline ints; `None` for operators ints lack (`@`).
pub fn binop_small(vm: &mut Vm, op: BinOp, x: i64, y: i64) -> PyResult<Option<Value>> {
    if let Some(v) = fast_op(op, x, y) {
        return Ok(Some(v));
    }
    let promote = |vm: &mut Vm| binop_big(vm, op, &IBig::from(x), &IBig::from(y));
    Ok(Some(match op {
        // The fast path declines these only when they overflow.
        BinOp::Add | BinOp::Subtract | BinOp::Multiply => return promote(vm),
        BinOp::FloorDivide => {
            if y == 0 {
                return Err(vm.zero_division("integer division or modulo by zero"));
            }
            if x == i64::MIN && y == -1 {
                return promote(vm);
            }
            Value::Int(floor_div(x, y))
        }
        BinOp::Remainder => {
            if y == 0 {
                return Err(vm.zero_division("integer modulo by zero"));
            }
            if y == -1 {
                return Ok(Some(Value::Int(0)));
            }
            Value::Int(floor_mod(x, y))
        }
        BinOp::TrueDivide => {
            if y == 0 {
                return Err(vm.zero_division("division by zero"));
            }
            if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                Value::Float(x as f64 / y as f64)
            } else {
                return promote(vm);
            }
        }
        BinOp::Power => {
            if y < 0 {
                if x == 0 {
                    return Err(vm.zero_division("0.0 cannot be raised to a negative power"));
                }
                return crate::objects::float::binop(vm, BinOp::Power, x as f64, y as f64);
            }
            match u32::try_from(y).ok().and_then(|e| x.checked_pow(e)) {
                Some(r) => Value::Int(r),
                None => return promote(vm),
            }
        }
        BinOp::Lshift => {
            if y < 0 {
                return Err(vm.value_error("negative shift count"));
            }
            if x == 0 {
                Value::Int(0)
            } else if y < 63 && (x << y) >> y == x {
                Value::Int(x << y)
            } else {
                return promote(vm);
            }
        }
        BinOp::Rshift => {
            if y < 0 {
                return Err(vm.value_error("negative shift count"));
            }
            Value::Int(if y >= 64 {
                if x < 0 {
                    -1
                } else {
                    0
                }
            } else {
                x >> y
            })
        }
        _ => return Ok(None),
    }))
}

/// Arithmetic on big integers.
pub fn binop_big(vm: &mut Vm, op: BinOp, x: &IBig, y: &IBig) -> PyResult<Option<Value>> {
    let zero = IBig::from(0);
    Ok(Some(match op {
        BinOp::Add => vm.new_int(x + y),
        BinOp::Subtract => vm.new_int(x - y),
        BinOp::Multiply => vm.new_int(x * y),
        BinOp::FloorDivide | BinOp::Remainder => {
            if *y == zero {
                return Err(vm.zero_division(if op == BinOp::Remainder {
                    "integer modulo by zero"
                } else {
                    "integer division or modulo by zero"
                }));
            }
            let (q, r) = krait_values::int::floor_divmod(x, y);
            vm.new_int(if op == BinOp::FloorDivide { q } else { r })
        }
        BinOp::TrueDivide => {
            if *y == zero {
                return Err(vm.zero_division("division by zero"));
            }
            Value::Float(true_divide(vm, x, y)?)
        }
        BinOp::Power => {
            if *y < zero {
                if *x == zero {
                    return Err(vm.zero_division("0.0 cannot be raised to a negative power"));
                }
                let xf = big_to_f64(vm, x)?;
                let yf = big_to_f64(vm, y)?;
                return crate::objects::float::binop(vm, BinOp::Power, xf, yf);
            }
            let e = usize::try_from(y).map_err(|_| vm.overflow_error("exponent too large"))?;
            vm.new_int(x.pow(e))
        }
        BinOp::Lshift => {
            if *y < zero {
                return Err(vm.value_error("negative shift count"));
            }
            let s =
                usize::try_from(y).map_err(|_| vm.overflow_error("too many digits in integer"))?;
            vm.new_int(x << s)
        }
        BinOp::Rshift => {
            if *y < zero {
                return Err(vm.value_error("negative shift count"));
            }
            match usize::try_from(y) {
                Ok(s) => vm.new_int(x >> s),
                Err(_) => Value::Int(if *x < zero { -1 } else { 0 }),
            }
        }
        BinOp::And => vm.new_int(x & y),
        BinOp::Or => vm.new_int(x | y),
        BinOp::Xor => vm.new_int(x ^ y),
        _ => return Ok(None),
    }))
}

/// `x / y` correctly rounded.
fn true_divide(vm: &Vm, x: &IBig, y: &IBig) -> PyResult<f64> {
    let xf = x.to_f64().value();
    let yf = y.to_f64().value();
    if xf.is_finite() && yf.is_finite() && xf.abs() < 9.0e15 && yf.abs() < 9.0e15 {
        return Ok(xf / yf);
    }
    // Scale so the quotient has 64 significant bits, then round once.
    use dashu_int::ops::{BitTest, UnsignedAbs};
    let xb = x.clone().unsigned_abs().bit_len() as i64;
    let yb = y.clone().unsigned_abs().bit_len() as i64;
    let shift = 64 - (xb - yb);
    let (num, den) = if shift >= 0 {
        (x.clone() << shift as usize, y.clone())
    } else {
        (x.clone(), y.clone() << (-shift) as usize)
    };
    let q = &num / &den;
    let r = q.to_f64().value() * 2f64.powi(-(shift as i32));
    if r.is_infinite() {
        return Err(vm.overflow_error("integer division result too large for a float"));
    }
    Ok(r)
}
