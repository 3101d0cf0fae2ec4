//! `int`, `bool` and `float`: constructors, conversions, and the methods
//! Python code calls on them.

use crate::api::{add_methods, FunctionDef, Params};
use crate::object::ObjKind;
use crate::objects::function::Args;
use crate::objects::str::value_pystr;
use crate::objects::typeobject::slots::{install, NativeType, Slots};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use dashu_int::ops::{Abs, BitTest, UnsignedAbs};
use dashu_int::IBig;
use krait_compiler::code::{BinOp, CompareOp};

pub fn register(vm: &mut Vm) {
    let int = vm.types.int.clone();
    add_methods(vm, &int, &[FunctionDef::new("__new__", int_new), REPR]);
    install::<IntType>(vm, &int);
    add_methods(vm, &int, METHODS);
    add_methods(vm, &int, NUMBER_DUNDERS);
    add_methods(vm, &int, INT_DUNDERS);
    crate::api::add_getsets(vm, &int, ATTRIBUTES);
    let b = vm.types.bool_.clone();
    add_methods(vm, &b, BOOL_METHODS);
}

const REPR: FunctionDef = FunctionDef::unary("__repr__", int_repr);

/// The value as an exact `int` (`True.real` is 1).
fn exact_int(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(match unwrap_number(vm, v) {
        Value::Truth(b) => Value::Int(b as i64),
        v => v,
    })
}

const ATTRIBUTES: &[crate::api::GetSetDef] = &[
    crate::api::GetSetDef::new("real", exact_int),
    crate::api::GetSetDef::new("imag", |_, _| Ok(Value::Int(0))),
    crate::api::GetSetDef::new("numerator", exact_int),
    crate::api::GetSetDef::new("denominator", |_, _| Ok(Value::Int(1))),
];

const METHODS: &[FunctionDef] = &[
    FunctionDef::method("__getnewargs__", |vm, a| {
        let value = int_index(vm, a)?;
        Ok(vm.new_tuple(vec![value]))
    })
    .no_args(),
    FunctionDef::unary("__index__", int_index),
    FunctionDef::unary("__int__", int_index),
    FunctionDef::unary("__float__", int_float),
    FunctionDef::unary("__bool__", int_bool),
    FunctionDef::unary("__hash__", num_hash),
    FunctionDef::method("__format__", num_format).one(),
    FunctionDef::method("bit_length", int_bit_length).no_args(),
    FunctionDef::method("bit_count", int_bit_count).no_args(),
    FunctionDef::method("conjugate", int_index).no_args(),
    FunctionDef::method("to_bytes", int_to_bytes).named(TO_BYTES, 0, 2, 0),
    FunctionDef::classmethod("from_bytes", int_from_bytes).named(FROM_BYTES, 0, 2, 1),
    FunctionDef::method("as_integer_ratio", int_ratio).no_args(),
];

const TO_BYTES: &[&str] = &["length", "byteorder", "signed"];
const FROM_BYTES: &[&str] = &["bytes", "byteorder", "signed"];

const BOOL_METHODS: &[FunctionDef] = &[
    FunctionDef::new("__new__", bool_new),
    FunctionDef::unary("__repr__", bool_repr),
];

/// `a op b` on the payloads of two numbers (reflected: `b op a`), so
/// that subclasses and `int.__add__(a, b)` work.
fn number_binop(vm: &mut Vm, args: &Args, op: BinOp, reflected: bool) -> PyResult {
    let (a, b) = if reflected {
        (&args.pos[1], &args.pos[0])
    } else {
        (&args.pos[0], &args.pos[1])
    };
    let modulus = args.pos.get(2).filter(|m| !m.is_none());
    if modulus.is_some() && is_float(&args.pos[0]) {
        return Err(
            vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    }
    let (a, b) = (unwrap_number(vm, a), unwrap_number(vm, b));
    if !operands_fit(&args.pos[0], &a, &b) {
        return Ok(vm.not_implemented());
    }
    if op == BinOp::Power {
        if let Some(m) = args.pos.get(2).filter(|m| !m.is_none()) {
            return vm.pow_mod(&a, &b, m);
        }
    }
    match vm.native_binop(op, &a, &b)? {
        Some(v) => Ok(v),
        None => Ok(vm.not_implemented()),
    }
}

fn number_compare(vm: &mut Vm, args: &Args, op: CompareOp) -> PyResult {
    let (a, b) = (
        unwrap_number(vm, &args.pos[0]),
        unwrap_number(vm, &args.pos[1]),
    );
    if !operands_fit(&args.pos[0], &a, &b) {
        return Ok(vm.not_implemented());
    }
    match vm.native_compare(op, &a, &b)? {
        Some(r) => Ok(Value::Bool(r)),
        None => Ok(vm.not_implemented()),
    }
}

fn number_divmod(vm: &mut Vm, args: &Args, reflected: bool) -> PyResult {
    let (a, b) = if reflected {
        (&args.pos[1], &args.pos[0])
    } else {
        (&args.pos[0], &args.pos[1])
    };
    let (a, b) = (unwrap_number(vm, a), unwrap_number(vm, b));
    if !operands_fit(&args.pos[0], &a, &b) {
        return Ok(vm.not_implemented());
    }
    vm.divmod(&a, &b)
}

macro_rules! binop {
    ($name:literal, $op:ident, $reflected:literal) => {
        FunctionDef::binary($name, |vm, a| number_binop(vm, &a, BinOp::$op, $reflected))
    };
}

macro_rules! compare {
    ($name:literal, $op:ident) => {
        FunctionDef::binary($name, |vm, a| number_compare(vm, &a, CompareOp::$op))
    };
}

/// The arithmetic and comparison dunders `int` and `float` share (the
/// bitwise ones are `int`'s alone).
pub(crate) const NUMBER_DUNDERS: &[FunctionDef] = &[
    binop!("__add__", Add, false),
    binop!("__radd__", Add, true),
    binop!("__sub__", Subtract, false),
    binop!("__rsub__", Subtract, true),
    binop!("__mul__", Multiply, false),
    binop!("__rmul__", Multiply, true),
    binop!("__truediv__", TrueDivide, false),
    binop!("__rtruediv__", TrueDivide, true),
    binop!("__floordiv__", FloorDivide, false),
    binop!("__rfloordiv__", FloorDivide, true),
    binop!("__mod__", Remainder, false),
    binop!("__rmod__", Remainder, true),
    FunctionDef::ternary("__pow__", |vm, a| number_binop(vm, &a, BinOp::Power, false)),
    FunctionDef::ternary("__rpow__", |vm, a| number_binop(vm, &a, BinOp::Power, true)),
    compare!("__eq__", Eq),
    compare!("__ne__", Ne),
    compare!("__lt__", Lt),
    compare!("__le__", Le),
    compare!("__gt__", Gt),
    compare!("__ge__", Ge),
    FunctionDef::binary("__divmod__", |vm, a| number_divmod(vm, &a, false)),
    FunctionDef::binary("__rdivmod__", |vm, a| number_divmod(vm, &a, true)),
    FunctionDef::unary("__neg__", |vm, a| {
        let x = unwrap_number(vm, &a.pos[0]);
        vm.unary_negative(&x)
    }),
    FunctionDef::unary("__pos__", |vm, a| {
        let x = unwrap_number(vm, &a.pos[0]);
        vm.unary_positive(&x)
    }),
    FunctionDef::unary("__abs__", |vm, a| {
        let x = unwrap_number(vm, &a.pos[0]);
        vm.abs(&x)
    }),
];

const INT_DUNDERS: &[FunctionDef] = &[
    binop!("__lshift__", Lshift, false),
    binop!("__rlshift__", Lshift, true),
    binop!("__rshift__", Rshift, false),
    binop!("__rrshift__", Rshift, true),
    binop!("__and__", And, false),
    binop!("__rand__", And, true),
    binop!("__or__", Or, false),
    binop!("__ror__", Or, true),
    binop!("__xor__", Xor, false),
    binop!("__rxor__", Xor, true),
    FunctionDef::unary("__invert__", |vm, a| {
        let x = unwrap_number(vm, &a.pos[0]);
        vm.unary_invert(&x)
    }),
    FunctionDef::method("__round__", |vm, a| {
        let x = unwrap_number(vm, &a.pos[0]);
        let ndigits = a.pos.get(1).filter(|n| !n.is_none());
        match crate::objects::int::to_big(&x) {
            Some(b) => vm.round_int(b, ndigits),
            None => Ok(vm.not_implemented()),
        }
    })
    .args(0, 1),
    FunctionDef::method("__floor__", int_index).no_args(),
    FunctionDef::method("__ceil__", int_index).no_args(),
    FunctionDef::method("__trunc__", int_index).no_args(),
];

/// Whether an operator method of `receiver`'s type handles these operands:
/// int methods only ints (`(3).__add__(1.5)` is NotImplemented, left to
/// float's reflected method), float methods ints and floats.
fn operands_fit(receiver: &Value, a: &Value, b: &Value) -> bool {
    if is_float(receiver) {
        is_number(a) && is_number(b)
    } else {
        is_int(a) && is_int(b)
    }
}

fn is_float(v: &Value) -> bool {
    matches!(v, Value::FloatBits(_)) || matches!(v.kind(), Some(ObjKind::Float(_)))
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Truth(_)) || matches!(v.kind(), Some(ObjKind::Int(_)))
}

fn is_number(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Truth(_) | Value::FloatBits(_))
        || matches!(v.kind(), Some(ObjKind::Int(_)))
}

/// An int or float subclass instance as the plain value it holds.
pub fn unwrap_number(vm: &Vm, v: &Value) -> Value {
    match v.kind() {
        Some(ObjKind::Int(b)) => vm.new_int(b.clone()),
        Some(ObjKind::Float(f)) => Value::Float(*f),
        _ => v.clone(),
    }
}

/// Decimal text of a big int, with CPython's digit limit.
pub fn int_to_decimal(vm: &mut Vm, b: &IBig) -> PyResult<String> {
    let limit = krait_syntax::literals::int_max_str_digits();
    let too_long = || {
        vm.value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        ))
    };
    // Over the limit for sure when bits * log10(2) > limit + 1: refused
    // before the costly conversion.
    let bits = b.unsigned_abs().bit_len();
    if limit != 0 && bits as f64 * std::f64::consts::LOG10_2 > (limit + 1) as f64 {
        return Err(too_long());
    }
    let s = b.to_string();
    if krait_syntax::literals::exceeds_max_str_digits(s.trim_start_matches('-').len()) {
        return Err(too_long());
    }
    Ok(s)
}

fn int_repr(vm: &mut Vm, args: Args) -> PyResult {
    let b = crate::objects::int::to_big(&args.pos[0]).unwrap_or_default();
    let s = int_to_decimal(vm, &b)?;
    Ok(vm.new_string(s))
}

fn int_index(vm: &mut Vm, args: Args) -> PyResult {
    Ok(unwrap_number(vm, &args.pos[0])).map(|v| match v {
        Value::Truth(b) => Value::Int(b as i64),
        v => v,
    })
}

fn int_float(vm: &mut Vm, args: Args) -> PyResult {
    let b = crate::objects::int::to_big(&args.pos[0]).unwrap_or_default();
    Ok(Value::Float(crate::objects::int::big_to_f64(vm, &b)?))
}

fn int_bool(vm: &mut Vm, args: Args) -> PyResult {
    let b = crate::objects::int::to_big(&args.pos[0]).unwrap_or_default();
    let _ = vm;
    Ok(Value::Bool(b != IBig::ZERO))
}

fn num_hash(vm: &mut Vm, args: Args) -> PyResult {
    let v = unwrap_number(vm, &args.pos[0]);
    Ok(Value::Int(vm.hash(&v)?))
}

pub(crate) fn num_format(vm: &mut Vm, args: Args) -> PyResult {
    let v = unwrap_number(vm, &args.pos[0]);
    let Some(spec) = value_pystr(&args.pos[1]).map(|s| s.to_string_lossy().into_owned()) else {
        return Err(vm.type_error(format!(
            "__format__() argument must be str, not {}",
            vm.arg_type_name(&args.pos[1])
        )));
    };
    match vm.native_format(&v, &spec) {
        Some(r) => r,
        None => vm.str(&v),
    }
}

fn int_bit_length(vm: &mut Vm, args: Args) -> PyResult {
    let b = crate::objects::int::to_big(&args.pos[0]).unwrap_or_default();
    let _ = vm;
    Ok(Value::Int(b.unsigned_abs().bit_len() as i64))
}

fn int_bit_count(vm: &mut Vm, args: Args) -> PyResult {
    let b = crate::objects::int::to_big(&args.pos[0]).unwrap_or_default();
    let _ = vm;
    Ok(Value::Int(b.unsigned_abs().count_ones() as i64))
}

fn int_ratio(vm: &mut Vm, args: Args) -> PyResult {
    let v = unwrap_number(vm, &args.pos[0]);
    Ok(vm.new_tuple(vec![v, Value::Int(1)]))
}

fn int_to_bytes(vm: &mut Vm, args: Args) -> PyResult {
    let this = args.pos[0].clone();
    let a: Vec<Option<Value>> = (1..=3).map(|i| args.given(i).cloned()).collect();
    let length = match &a[0] {
        Some(v) => match vm.index_i64(v)? {
            Some(n) => n,
            None => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(v)
                )))
            }
        },
        None => 1,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let little = little_endian(vm, a[1].as_ref(), "to_bytes")?;
    let signed = match &a[2] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let b = crate::objects::int::to_big(&this).unwrap_or_default();
    if b < IBig::ZERO && !signed {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let n = length.max(0) as usize;
    let modulus = IBig::from(1) << (8 * n);
    let v = if b < IBig::ZERO {
        &modulus + &b
    } else {
        b.clone()
    };
    let fits = if signed {
        let half = IBig::from(1) << (8 * n).saturating_sub(1);
        n > 0 && b >= -half.clone() && b < half || n == 0 && b == IBig::ZERO
    } else {
        v < modulus
    };
    if !fits {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let mut bytes = dashu_int::UBig::try_from(v)
        .unwrap_or_default()
        .to_le_bytes()
        .to_vec();
    bytes.resize(n, 0);
    if !little {
        bytes.reverse();
    }
    Ok(vm.new_bytes(bytes))
}

fn int_from_bytes(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    let a: Vec<Option<Value>> = (1..=3).map(|i| args.given(i).cloned()).collect();
    // Argument Clinic converts `byteorder` before the function reads
    // the bytes.
    let little = little_endian(vm, a[1].as_ref(), "from_bytes")?;
    let data = crate::objects::bytes::bytes_from_object(vm, a[0].as_ref().unwrap())?;
    let signed = match &a[2] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut le = data.clone();
    if !little {
        le.reverse();
    }
    let mut v = IBig::from(dashu_int::UBig::from_le_bytes(&le));
    if signed && le.last().is_some_and(|b| b & 0x80 != 0) {
        v -= IBig::from(1) << (8 * le.len());
    }
    let r = vm.new_int(v);
    if cls.as_obj().is_some_and(|c| c.is(&vm.types.int)) {
        Ok(r)
    } else {
        vm.call(&cls, vec![r])
    }
}

fn bool_repr(vm: &mut Vm, args: Args) -> PyResult {
    let t = vm.truthy(&args.pos[0])?;
    Ok(vm.new_str(if t { "True" } else { "False" }))
}

fn bool_new(vm: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("bool() takes no keyword arguments"));
    }
    match args.pos.len() {
        1 => Ok(Value::Bool(false)),
        2 => Ok(Value::Bool(vm.truthy(&args.pos[1])?)),
        n => Err(vm.type_error(format!("bool expected at most 1 argument, got {}", n - 1))),
    }
}

/// Parses an int literal the way `int(str, base)` does.
pub fn parse_int(text: &str, base: u32) -> Option<IBig> {
    let text = crate::objects::str::unicode::ascii_digits(text);
    let t = text.trim_matches(|c: char| matches!(c, ' ' | '\t'..='\r'));
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let mut base = base;
    let mut t = t;
    let lower = t.to_ascii_lowercase();
    let prefixed = |p: &str| lower.starts_with(p);
    if base == 0 {
        if prefixed("0x") {
            base = 16;
            t = &t[2..];
        } else if prefixed("0o") {
            base = 8;
            t = &t[2..];
        } else if prefixed("0b") {
            base = 2;
            t = &t[2..];
        } else {
            base = 10;
            // Leading zeros are not allowed in base 0 for nonzero values.
            if t.len() > 1 && t.starts_with('0') && t.bytes().any(|b| b != b'0' && b != b'_') {
                return None;
            }
        }
        if t.starts_with('_') && base != 10 {
            t = &t[1..];
        }
    } else if (base == 16 && prefixed("0x"))
        || (base == 8 && prefixed("0o"))
        || (base == 2 && prefixed("0b"))
    {
        t = &t[2..];
        if t.starts_with('_') {
            t = &t[1..];
        }
    }
    if t.is_empty() || t.starts_with('_') || t.ends_with('_') || t.contains("__") {
        return None;
    }
    let mut digits = String::with_capacity(t.len());
    for c in t.chars() {
        if c == '_' {
            continue;
        }
        let d = c.to_digit(36)?;
        if d >= base {
            return None;
        }
        digits.push(c.to_ascii_lowercase());
    }
    let v = IBig::from_str_radix(&digits, base).ok()?;
    Some(if neg { -v } else { v })
}

/// `int(x)` for a non-str argument.
pub fn int_of(vm: &mut Vm, v: &Value) -> PyResult {
    match v {
        Value::Int(_) => return Ok(v.clone()),
        Value::Truth(b) => return Ok(Value::Int(*b as i64)),
        Value::FloatBits(f) => return float_to_int(vm, f64::from_bits(*f)),
        _ => {}
    }
    if let Some(o) = v.as_obj() {
        match o.kind() {
            ObjKind::Int(b) if !o.class().tdata().heap => return Ok(vm.new_int(b.clone())),
            _ => {}
        }
        if let Some(text) = crate::objects::str::lossy_text(v) {
            return parse_int_value(vm, &text, 10, v);
        }
    }
    let cls = vm.class_of(v).clone();
    for name in ["__int__", "__index__"] {
        if let Some(m) = vm.lookup_type(&cls, name) {
            let r = vm.call_method_value(&m, v.clone(), vec![])?;
            if !matches!(r, Value::Int(_) | Value::Truth(_))
                && !matches!(r.kind(), Some(ObjKind::Int(_)))
            {
                return Err(vm.type_error(format!(
                    "{}() returned non-int (type {})",
                    name,
                    vm.type_name(&r)
                )));
            }
            return Ok(unwrap_number(vm, &r));
        }
    }
    if let Some(m) = vm.lookup_type(&cls, "__trunc__") {
        let r = vm.call_method_value(&m, v.clone(), vec![])?;
        return int_of(vm, &r);
    }
    if let Some(ObjKind::Float(f)) = v.kind() {
        return float_to_int(vm, *f);
    }
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        vm.type_name(v)
    )))
}

fn parse_int_value(vm: &mut Vm, text: &str, base: u32, orig: &Value) -> PyResult {
    let digits = text.trim().trim_start_matches(['+', '-']).len();
    if base == 10 && krait_syntax::literals::exceeds_max_str_digits(digits) {
        return Err(vm.value_error(format!(
            "Exceeds the limit ({} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit",
            krait_syntax::literals::int_max_str_digits()
        )));
    }
    match parse_int(text, base) {
        Some(b) => Ok(vm.new_int(b)),
        None => {
            let r = vm.repr_string(orig)?;
            Err(vm.value_error(format!("invalid literal for int() with base {base}: {r}")))
        }
    }
}

pub fn float_to_int(vm: &mut Vm, f: f64) -> PyResult {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.2e18 {
        return Ok(Value::Int(t as i64));
    }
    let b = IBig::try_from(t).unwrap_or_default();
    Ok(vm.new_int(b))
}

/// `int(x=0, /, base=10)`.
const INT_PARAMS: Params = Params::Named {
    names: &["x", "base"],
    posonly: 1,
    positional: 2,
    required: 0,
};

fn int_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].as_obj().cloned().unwrap();
    let a = INT_PARAMS.bind(vm, "int", args, 1)?;
    let v = match (a.given(1), a.given(2)) {
        (None, None) => Value::Int(0),
        (None, Some(_)) => return Err(vm.type_error("int() missing string argument")),
        (Some(x), None) => int_of(vm, x)?,
        (Some(x), Some(b)) => {
            let base = match vm.index_i64(b)? {
                Some(n) => n,
                None => {
                    return Err(vm.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        vm.type_name(b)
                    )))
                }
            };
            if base != 0 && !(2..=36).contains(&base) {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            let Some(text) = crate::objects::str::lossy_text(x) else {
                return Err(vm.type_error("int() can't convert non-string with explicit base"));
            };
            parse_int_value(vm, &text, base as u32, x)?
        }
    };
    if cls.is(&vm.types.int) {
        return Ok(v);
    }
    let b = crate::objects::int::to_big(&v).unwrap_or_default();
    Ok(Value::Obj(Obj::new(cls, ObjKind::Int(b))))
}

impl Vm {
    /// `abs(v)`.
    pub fn abs(&mut self, v: &Value) -> PyResult {
        match v {
            Value::Int(i) => Ok(match i.checked_abs() {
                Some(a) => Value::Int(a),
                None => self.new_int(IBig::from(*i).abs()),
            }),
            Value::Truth(b) => Ok(Value::Int(*b as i64)),
            Value::FloatBits(f) => Ok(Value::Float(f64::from_bits(*f).abs())),
            _ => {
                if let Some(o) = v.as_obj() {
                    if !o.class().tdata().heap {
                        match o.kind() {
                            ObjKind::Int(b) => return Ok(self.new_int(b.abs())),
                            ObjKind::Complex(re, im) => {
                                let r = re.hypot(*im);
                                if r.is_infinite() && re.is_finite() && im.is_finite() {
                                    return Err(self.overflow_error("absolute value too large"));
                                }
                                return Ok(Value::Float(r));
                            }
                            _ => {}
                        }
                    }
                }
                let cls = self.class_of(v).clone();
                match self.lookup_type(&cls, "__abs__") {
                    Some(m) => self.call_method_value(&m, v.clone(), vec![]),
                    None => Err(self.type_error(format!(
                        "bad operand type for abs(): '{}'",
                        self.type_name(v)
                    ))),
                }
            }
        }
    }
}

/// The `byteorder` argument of `to_bytes`/`from_bytes` ("big" when
/// absent): whether it is "little".
/// The `byteorder` argument of `to_bytes`/`from_bytes` (`func`).
fn little_endian(vm: &Vm, byteorder: Option<&Value>, func: &str) -> PyResult<bool> {
    match vm.str_param(byteorder, func, "byteorder")?.as_deref() {
        None | Some("big") => Ok(false),
        Some("little") => Ok(true),
        Some(_) => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
    }
}

/// Ints beyond 64 bits are objects; their repr is a slot.
pub struct IntType;

impl NativeType for IntType {
    const SLOTS: &'static Slots = &Slots {
        hash: Some(|_, o| match o.kind() {
            ObjKind::Int(b) => Ok(crate::protocol::hash::hash_bigint(b)),
            _ => unreachable!("int slots are installed on int"),
        }),
        richcompare: Some(big_int_compare),
        ..Slots::repr(|vm, o| match o.kind() {
            ObjKind::Int(b) => int_to_decimal(vm, b).map(|s| vm.new_string(s)),
            _ => unreachable!("int slots are installed on int"),
        })
    };
}

/// A big int against another int (big or small) or a float, by value.
fn big_int_compare(_: &mut Vm, op: CompareOp, o: &Obj, b: &Value) -> PyResult<Option<Value>> {
    let ObjKind::Int(x) = o.kind() else {
        unreachable!("int slots are installed on int")
    };
    let r = match b {
        Value::FloatBits(f) => Some(crate::protocol::operators::big_float_cmp(
            op,
            x,
            f64::from_bits(*f),
        )),
        Value::Obj(y) => match y.kind() {
            ObjKind::Int(y) => Some(op.holds(x, y)),
            _ => None,
        },
        _ => crate::objects::int::small(b).map(|y| op.holds(x, &IBig::from(y))),
    };
    Ok(r.map(Value::Bool))
}
