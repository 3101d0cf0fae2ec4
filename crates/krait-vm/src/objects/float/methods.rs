//! `float` and `complex`: constructors, conversions and methods.

use crate::api::{add_methods, check_positional, FunctionDef};
use crate::object::ObjKind;
use crate::objects::function::Args;
use crate::objects::str::value_pystr;
use crate::objects::typeobject::slots::{install, NativeType, Slots};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    let f = vm.types.float.clone();
    add_methods(vm, &f, &[FunctionDef::new("__new__", float_new), REPR]);
    install::<FloatType>(vm, &f);
    add_methods(vm, &f, METHODS);
    add_methods(vm, &f, crate::objects::int::methods::NUMBER_DUNDERS);
    add_methods(vm, &f, FLOAT_DUNDERS);
    crate::api::add_getsets(vm, &f, ATTRIBUTES);
}

const ATTRIBUTES: &[crate::api::GetSetDef] = &[
    crate::api::GetSetDef::new("real", |vm, f| Ok(Value::Float(vm.float_of(f)?))),
    crate::api::GetSetDef::new("imag", |_, _| Ok(Value::Float(0.0))),
];

const REPR: FunctionDef = FunctionDef::unary("__repr__", |vm, a| {
    let x = vm.float_of(&a.pos[0])?;
    Ok(vm.new_string(crate::objects::float::repr(x)))
});

/// `float`'s rounding dunders, after the shared ones.
const FLOAT_DUNDERS: &[FunctionDef] = &[
    FunctionDef::method("__floor__", |vm, a| {
        let x = vm.float_of(&a.pos[0])?;
        crate::objects::int::methods::float_to_int(vm, x.floor())
    })
    .no_args(),
    FunctionDef::method("__ceil__", |vm, a| {
        let x = vm.float_of(&a.pos[0])?;
        crate::objects::int::methods::float_to_int(vm, x.ceil())
    })
    .no_args(),
];

const METHODS: &[FunctionDef] = &[
    FunctionDef::method("__getnewargs__", |vm, a| {
        let value = vm.float_of(&a.pos[0])?;
        Ok(vm.new_tuple(vec![Value::Float(value)]))
    })
    .no_args(),
    FunctionDef::classmethod("__getformat__", |vm, a| {
        let what = crate::objects::str::value_pystr(&a.pos[1]).ok_or_else(|| {
            vm.type_error(format!(
                "__getformat__() argument must be str, not {}",
                vm.arg_type_name(&a.pos[1])
            ))
        })?;
        match what.as_str() {
            Some("double" | "float") => Ok(vm.new_str(if cfg!(target_endian = "little") {
                "IEEE, little-endian"
            } else {
                "IEEE, big-endian"
            })),
            _ => Err(vm.value_error("__getformat__() argument 1 must be 'double' or 'float'")),
        }
    })
    .one(),
    FunctionDef::unary("__float__", |vm, a| {
        Ok(Value::Float(vm.float_of(&a.pos[0])?))
    }),
    FunctionDef::unary("__int__", |vm, a| {
        let x = vm.float_of(&a.pos[0])?;
        crate::objects::int::methods::float_to_int(vm, x)
    }),
    FunctionDef::method("__trunc__", |vm, a| {
        let x = vm.float_of(&a.pos[0])?;
        crate::objects::int::methods::float_to_int(vm, x)
    })
    .no_args(),
    FunctionDef::unary("__bool__", |vm, a| {
        Ok(Value::Bool(vm.float_of(&a.pos[0])? != 0.0))
    }),
    FunctionDef::unary("__hash__", |vm, a| {
        Ok(Value::Int(crate::protocol::hash::hash_float(
            vm.float_of(&a.pos[0])?,
        )))
    }),
    FunctionDef::method("__format__", |vm, a| {
        let x = Value::Float(vm.float_of(&a.pos[0])?);
        crate::objects::int::methods::num_format(vm, Args::new([x, a.pos[1].clone()]))
    })
    .one(),
    FunctionDef::method("__round__", |vm, a| {
        let x = vm.float_of(&a.pos[0])?;
        round_float(vm, x, a.pos.get(1))
    })
    .args(0, 1),
    FunctionDef::method("hex", |vm, a| {
        let x = vm.float_of(&a.pos[0])?;
        Ok(vm.new_string(float_hex(x)))
    })
    .no_args(),
    FunctionDef::classmethod("fromhex", |vm, a| {
        let Some(s) = crate::objects::str::value_pystr(&a.pos[1]) else {
            return Err(vm.type_error("bad argument type for built-in operation"));
        };
        let text = s.to_string_lossy().into_owned();
        let x = float_fromhex(vm, &text)?;
        let cls = a.pos[0].clone();
        if cls.as_obj().is_some_and(|c| c.is(&vm.types.float)) {
            Ok(Value::Float(x))
        } else {
            vm.call(&cls, vec![Value::Float(x)])
        }
    })
    .one(),
    FunctionDef::method("is_integer", |vm, a| {
        let x = vm.float_of(&a.pos[0])?;
        Ok(Value::Bool(x.is_finite() && x.fract() == 0.0))
    })
    .no_args(),
    FunctionDef::method("conjugate", |vm, a| {
        Ok(Value::Float(vm.float_of(&a.pos[0])?))
    })
    .no_args(),
    FunctionDef::method("as_integer_ratio", |vm, a| {
        let x = vm.float_of(&a.pos[0])?;
        if x.is_nan() {
            return Err(vm.value_error("cannot convert NaN to integer ratio"));
        }
        if x.is_infinite() {
            return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
        }
        let (mut m, mut e) = frexp(x);
        let mut i = 0;
        while m != m.floor() && i < 300 {
            m *= 2.0;
            e -= 1;
            i += 1;
        }
        let num = dashu_int::IBig::try_from(m).unwrap_or_default();
        let (num, den) = if e >= 0 {
            (num << e as usize, dashu_int::IBig::from(1))
        } else {
            (num, dashu_int::IBig::from(1) << (-e) as usize)
        };
        let (n, d) = (vm.new_int(num), vm.new_int(den));
        Ok(vm.new_tuple(vec![n, d]))
    })
    .no_args(),
];

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (0.0, 0);
    }
    let e = x.abs().log2().floor() as i32 + 1;
    let m = x / 2f64.powi(e);
    if m.abs() >= 1.0 {
        (m / 2.0, e + 1)
    } else if m.abs() < 0.5 {
        (m * 2.0, e - 1)
    } else {
        (m, e)
    }
}

/// Parses `float(str)` text: decimal or special values, underscores
/// between digits, surrounding whitespace.
pub fn parse_float(text: &str) -> Option<f64> {
    let text = crate::objects::str::unicode::ascii_digits(text);
    let t = text.trim_matches(|c: char| matches!(c, ' ' | '\t'..='\r'));
    let lower = t.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    let neg = lower.starts_with('-');
    if lower.len() - body.len() > 1 {
        return None;
    }
    let special = match body {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Some(if neg { -v } else { v });
    }
    if body.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
        return None;
    }
    let ok = body
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | '+' | '-' | '_'));
    if !ok {
        return None;
    }
    // Underscores only between digits.
    let bytes = body.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'_'
            && !(i > 0
                && bytes[i - 1].is_ascii_digit()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            return None;
        }
    }
    let cleaned: String = t.chars().filter(|&c| c != '_').collect();
    cleaned
        .parse::<f64>()
        .ok()
        .filter(|_| !body.starts_with('e') && body != ".")
}

impl Vm {
    /// A real number as f64: floats, ints (exactly rounded) and `__float__`
    /// or `__index__` objects.
    pub fn float_of(&mut self, v: &Value) -> PyResult<f64> {
        match v {
            Value::FloatBits(f) => return Ok(f64::from_bits(*f)),
            Value::Int(i) => return Ok(*i as f64),
            Value::Truth(b) => return Ok(*b as i64 as f64),
            _ => {}
        }
        match v.kind() {
            Some(ObjKind::Float(f)) => return Ok(*f),
            Some(ObjKind::Int(b)) => return crate::objects::int::big_to_f64(self, b),
            _ => {}
        }
        let cls = self.class_of(v).clone();
        if let Some(m) = self.lookup_type(&cls, "__float__") {
            let r = self.call_method_value(&m, v.clone(), vec![])?;
            return match r {
                Value::FloatBits(f) => Ok(f64::from_bits(f)),
                _ => match r.kind() {
                    Some(ObjKind::Float(f)) => Ok(*f),
                    _ => Err(self.type_error(format!(
                        "{}.__float__ returned non-float (type {})",
                        cls.type_name(),
                        self.type_name(&r)
                    ))),
                },
            };
        }
        if let Some(i) = self.index_int(v)? {
            return self.float_of(&i);
        }
        Err(self.type_error(format!("must be real number, not {}", self.type_name(v))))
    }
}

fn float_new(vm: &mut Vm, a: Args) -> PyResult {
    check_positional(vm, &a, "float", 1, 0, 1)?;
    let cls = a.pos[0].as_obj().cloned().unwrap();
    let x = match a.pos.get(1) {
        None => 0.0,
        Some(v) => match v.kind() {
            _ if crate::objects::str::lossy_text(v).is_some() => {
                let text = crate::objects::str::lossy_text(v).unwrap_or_default();
                match parse_float(&text) {
                    Some(f) => f,
                    None => {
                        let r = vm.repr_string(v)?;
                        return Err(
                            vm.value_error(format!("could not convert string to float: {r}"))
                        );
                    }
                }
            }
            _ => match vm.float_of(v) {
                Ok(f) => f,
                Err(e) if e.class().is(&vm.exc.type_error) && !matches!(v, Value::Int(_)) => {
                    let cls_v = vm.class_of(v).clone();
                    if vm.lookup_type(&cls_v, "__float__").is_some() {
                        return Err(e);
                    }
                    return Err(vm.type_error(format!(
                        "float() argument must be a string or a real number, not '{}'",
                        vm.type_name(v)
                    )));
                }
                Err(e) => return Err(e),
            },
        },
    };
    if cls.is(&vm.types.float) {
        return Ok(Value::Float(x));
    }
    Ok(Value::Obj(Obj::new(cls, ObjKind::Float(x))))
}

/// `round(x[, ndigits])` for floats: half to even on the exact value.
pub fn round_float(vm: &mut Vm, x: f64, ndigits: Option<&Value>) -> PyResult {
    match ndigits.filter(|v| !v.is_none()) {
        None => {
            let r = x.round_ties_even();
            crate::objects::int::methods::float_to_int(vm, r)
        }
        Some(n) => {
            let n = vm.index_i64(n)?.ok_or_else(|| {
                vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(n)
                ))
            })?;
            if !x.is_finite() || x == 0.0 {
                return Ok(Value::Float(x));
            }
            if n > 323 {
                return Ok(Value::Float(x));
            }
            if n < -308 {
                return Ok(Value::Float(0.0 * x.signum()));
            }
            let r = if n >= 0 {
                format!("{:.*}", n as usize, x).parse::<f64>().unwrap_or(x)
            } else {
                let p = 10f64.powi((-n) as i32);
                let y = (x / p).round_ties_even() * p;
                if y.is_infinite() {
                    return Err(vm.overflow_error("rounded value too large to represent"));
                }
                y
            };
            Ok(Value::Float(r))
        }
    }
}

/// A str argument's text.
pub fn text_arg(v: &Value) -> Option<String> {
    value_pystr(v).map(|s| s.to_string_lossy().into_owned())
}

/// A number as a complex pair, for mixed complex arithmetic.
pub fn as_complex(vm: &Vm, v: &Value) -> Option<(f64, f64)> {
    match v {
        Value::Int(i) => Some((*i as f64, 0.0)),
        Value::Truth(b) => Some((*b as i64 as f64, 0.0)),
        Value::FloatBits(f) => Some((f64::from_bits(*f), 0.0)),
        Value::Obj(o) => match o.kind() {
            ObjKind::Complex(re, im) => Some((*re, *im)),
            ObjKind::Float(f) => Some((*f, 0.0)),
            ObjKind::Int(b) => crate::objects::int::big_to_f64(vm, b)
                .ok()
                .map(|f| (f, 0.0)),
            _ => None,
        },
        Value::None | Value::Null => None,
    }
}

fn complex_value(vm: &Vm, re: f64, im: f64) -> Value {
    Value::Obj(Obj::new(vm.types.complex.clone(), ObjKind::Complex(re, im)))
}

pub(crate) fn complex_pow(vm: &Vm, a: (f64, f64), b: (f64, f64)) -> PyResult<(f64, f64)> {
    if b == (0.0, 0.0) {
        return Ok((1.0, 0.0));
    }
    if a == (0.0, 0.0) {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(vm.zero_division("0.0 to a negative or complex power"));
        }
        return Ok((0.0, 0.0));
    }
    // Small integer exponents by repeated multiplication, as CPython does.
    if b.1 == 0.0 && b.0.fract() == 0.0 && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        let mul = |x: (f64, f64), y: (f64, f64)| (x.0 * y.0 - x.1 * y.1, x.0 * y.1 + x.1 * y.0);
        let mut result = (1.0, 0.0);
        let mut base = a;
        let mut e = n.unsigned_abs();
        while e > 0 {
            if e & 1 == 1 {
                result = mul(result, base);
            }
            base = mul(base, base);
            e >>= 1;
        }
        if n < 0 {
            let d = result.0 * result.0 + result.1 * result.1;
            result = (result.0 / d, -result.1 / d);
        }
        return Ok(result);
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Ok((len * phase.cos(), len * phase.sin()))
}

/// `x / y` for a non-zero `y` by Smith's algorithm, as CPython divides
/// (a NaN in `y` gives NaN parts).
pub fn complex_quotient(x: (f64, f64), y: (f64, f64)) -> (f64, f64) {
    if y.0.abs() >= y.1.abs() {
        let ratio = y.1 / y.0;
        let denom = y.0 + y.1 * ratio;
        ((x.0 + x.1 * ratio) / denom, (x.1 - x.0 * ratio) / denom)
    } else if y.1.abs() >= y.0.abs() {
        let ratio = y.0 / y.1;
        let denom = y.0 * ratio + y.1;
        ((x.0 * ratio + x.1) / denom, (x.1 * ratio - x.0) / denom)
    } else {
        (f64::NAN, f64::NAN)
    }
}

/// Arithmetic where one operand is complex; `None` if the other operand
/// is not a number.
pub fn complex_binop(
    vm: &mut Vm,
    op: krait_compiler::code::BinOp,
    a: &Value,
    b: &Value,
) -> PyResult<Option<Value>> {
    use krait_compiler::code::BinOp;
    let (Some(x), Some(y)) = (as_complex(vm, a), as_complex(vm, b)) else {
        return Ok(None);
    };
    let r = match op.base() {
        BinOp::Add => (x.0 + y.0, x.1 + y.1),
        BinOp::Subtract => (x.0 - y.0, x.1 - y.1),
        BinOp::Multiply => (x.0 * y.0 - x.1 * y.1, x.0 * y.1 + x.1 * y.0),
        BinOp::TrueDivide => {
            if y == (0.0, 0.0) {
                return Err(vm.zero_division("complex division by zero"));
            }
            complex_quotient(x, y)
        }
        BinOp::Power => {
            let r = complex_pow(vm, x, y)?;
            if r.0.is_infinite() || r.1.is_infinite() {
                return Err(vm.overflow_error("complex exponentiation"));
            }
            r
        }
        _ => return Ok(None),
    };
    Ok(Some(complex_value(vm, r.0, r.1)))
}

/// `float.hex()`: `[-]0x1.<13 hex digits>p<exponent>` (`0x0.` for zero
/// and subnormals).
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x < 0.0 { "-inf" } else { "inf" }.into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1 << 52) - 1);
    if exp == 0 && mant == 0 {
        return format!("{sign}0x0.0p+0");
    }
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    let esign = if e < 0 { "-" } else { "+" };
    format!("{sign}0x{lead}.{mant:013x}p{esign}{}", e.abs())
}

/// `x * 2**e` without overflowing the intermediate scale factors.
/// `x * 2**e` for an `x` of at most 54 bits and an `e` that keeps the
/// product within a double's range (or just past it, to overflow).
fn ldexp(x: f64, e: i64) -> f64 {
    let e = e.clamp(-2200, 2200) as i32;
    // In two steps, so that neither factor overflows on its own.
    let half = e / 2;
    x * 2f64.powi(half) * 2f64.powi(e - half)
}

/// `float.fromhex(s)`: the value of the hexadecimal digits, rounded once
/// to the nearest double (ties to even), subnormals included.
fn float_fromhex(vm: &Vm, text: &str) -> PyResult<f64> {
    let invalid = || vm.value_error("invalid hexadecimal floating-point string");
    let t = text.trim_matches(|c: char| c.is_ascii_whitespace());
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let special = match lower.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Ok(if neg { -v } else { v });
    }
    let hex = lower.strip_prefix("0x").unwrap_or(&lower);
    let (digits, exp) = match hex.split_once('p') {
        Some((d, e)) => {
            let (eneg, e) = match e.as_bytes().first() {
                Some(b'-') => (true, &e[1..]),
                Some(b'+') => (false, &e[1..]),
                _ => (false, e),
            };
            if e.is_empty() || !e.bytes().all(|c| c.is_ascii_digit()) {
                return Err(invalid());
            }
            // Exponents past any double's range saturate.
            let n = e.parse::<i64>().unwrap_or(i64::MAX / 4).min(i64::MAX / 4);
            (d, if eneg { -n } else { n })
        }
        None => (hex, 0),
    };
    let (int_part, frac_part) = digits.split_once('.').unwrap_or((digits, ""));
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(invalid());
    }
    let mut nibbles = Vec::with_capacity(int_part.len() + frac_part.len());
    for c in int_part.chars().chain(frac_part.chars()) {
        nibbles.push(c.to_digit(16).ok_or_else(invalid)? as u8);
    }
    let sign = |v: f64| if neg { -v } else { v };
    // value = D * 2**scale, D the digits as one integer.
    let scale = exp as i128 - 4 * frac_part.len() as i128;
    let Some(first) = nibbles.iter().position(|&d| d != 0) else {
        return Ok(sign(0.0));
    };
    let d = &nibbles[first..];
    let bits = 4 * (d.len() as i128 - 1) + (8 - d[0].leading_zeros() as i128);
    // The value lies in [2**(top-1), 2**top).
    let top = bits + scale;
    if top > 1024 {
        return Err(vm.overflow_error("hexadecimal value too large to represent as a float"));
    }
    if top < -1074 {
        return Ok(sign(0.0));
    }
    // The lowest bit a double keeps here: 53 bits down from the top, but
    // never below 2**-1074 (subnormals).
    let low = (top - 53).max(-1074);
    let shift = low - scale;
    let bit = |i: i128| -> u64 {
        let k = (i / 4) as usize;
        if i < 0 || k >= d.len() {
            return 0;
        }
        ((d[d.len() - 1 - k] >> (i % 4)) & 1) as u64
    };
    let mut kept: u64 = 0;
    let mut i = bits - 1;
    while i >= shift.max(0) {
        kept = kept << 1 | bit(i);
        i -= 1;
    }
    if shift > 0 {
        let round = bit(shift - 1) == 1;
        let below = shift - 1;
        // Any set bit under the rounding bit breaks a tie upwards.
        let whole = (below / 4) as usize;
        let sticky = d[d.len() - whole..].iter().any(|&n| n != 0)
            || (0..below % 4).any(|j| bit(4 * whole as i128 + j) == 1);
        if round && (sticky || kept & 1 == 1) {
            kept += 1;
        }
        let v = ldexp(kept as f64, low as i64);
        if v.is_infinite() {
            return Err(vm.overflow_error("hexadecimal value too large to represent as a float"));
        }
        return Ok(sign(v));
    }
    // Every digit fits: the value is exact.
    Ok(sign(ldexp(kept as f64, scale as i64)))
}

pub struct FloatType;

impl NativeType for FloatType {
    const SLOTS: &'static Slots = &Slots::repr(|vm, o| match o.kind() {
        ObjKind::Float(f) => Ok(vm.new_string(crate::objects::float::repr(*f))),
        _ => unreachable!("float slots are installed on float"),
    });
}
