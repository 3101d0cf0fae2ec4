//! `float` arithmetic with Python's rules for division, modulo and powers.

pub(crate) mod methods;

use crate::object::ObjKind;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_compiler::code::BinOp;

/// Python's `x % y` for floats: the result has the sign of `y`.
pub fn py_mod(x: f64, y: f64) -> f64 {
    let mut m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    m
}

pub fn py_floordiv(x: f64, y: f64) -> f64 {
    let m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 && ((y < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(x / y)
    }
}

pub fn binop(vm: &mut Vm, op: BinOp, x: f64, y: f64) -> PyResult<Option<Value>> {
    Ok(Some(Value::Float(match op {
        BinOp::Add => x + y,
        BinOp::Subtract => x - y,
        BinOp::Multiply => x * y,
        BinOp::TrueDivide => {
            if y == 0.0 {
                return Err(vm.zero_division("float division by zero"));
            }
            x / y
        }
        BinOp::FloorDivide => {
            if y == 0.0 {
                return Err(vm.zero_division("float floor division by zero"));
            }
            py_floordiv(x, y)
        }
        BinOp::Remainder => {
            if y == 0.0 {
                return Err(vm.zero_division("float modulo"));
            }
            py_mod(x, y)
        }
        BinOp::Power => return pow(vm, x, y).map(Some),
        _ => return Ok(None),
    })))
}

pub fn pow(vm: &mut Vm, x: f64, y: f64) -> PyResult {
    if x == 0.0 && y < 0.0 {
        return Err(vm.zero_division("0.0 cannot be raised to a negative power"));
    }
    if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        // A negative base to a fractional power is complex, computed as
        // complex ** complex.
        let (re, im) = crate::objects::float::methods::complex_pow(vm, (x, 0.0), (y, 0.0))?;
        return Ok(Value::Obj(Obj::new(
            vm.types.complex.clone(),
            ObjKind::Complex(re, im),
        )));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.new_exception(
            &vm.exc.overflow_error,
            vec![Value::Int(34), vm.new_str("Numerical result out of range")],
        ));
    }
    Ok(Value::Float(r))
}

/// The repr of a float: shortest round-trip digits, CPython's layout.
pub fn repr(x: f64) -> String {
    krait_values::float::float_repr(x, true)
}
