//! `int`, `bool` and `float`: constructors, conversions, and the methods
//! Python code calls on them.

use crate::bootstrap::{bind, check_method_args, method, static_fn};
use crate::object::ObjKind;
use crate::objects::function::Args;
use crate::objects::str::value_pystr;
use crate::objects::typeobject::slots::{install, NativeType, Slots};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use dashu_int::ops::{Abs, BitTest, UnsignedAbs};
use dashu_int::IBig;
use krait_compiler::code::BinOp;

/// CPython's limit on decimal digits in int/str conversions.
pub const MAX_STR_DIGITS: usize = 4300;

pub fn register(vm: &mut Vm) {
    let int = vm.types.int.clone();
    static_fn(vm, &int, "__new__", int_new);
    method(vm, &int, "__repr__", int_repr);
    install::<IntType>(vm, &int);
    method(vm, &int, "__index__", int_index);
    method(vm, &int, "__int__", int_index);
    method(vm, &int, "__float__", int_float);
    method(vm, &int, "__bool__", int_bool);
    method(vm, &int, "__hash__", num_hash);
    method(vm, &int, "__format__", num_format);
    method(vm, &int, "bit_length", int_bit_length);
    method(vm, &int, "bit_count", int_bit_count);
    method(vm, &int, "conjugate", int_index);
    method(vm, &int, "to_bytes", int_to_bytes);
    crate::bootstrap::classmethod(vm, &int, "from_bytes", int_from_bytes);
    method(vm, &int, "as_integer_ratio", int_ratio);
    register_number_dunders(vm, &int);
    let b = vm.types.bool_.clone();
    static_fn(vm, &b, "__new__", bool_new);
    method(vm, &b, "__repr__", bool_repr);
}

/// Arithmetic and comparison dunders that apply the native operators to
/// the payloads (so subclasses and `int.__add__(a, b)` work).
pub fn register_number_dunders(vm: &mut Vm, ty: &Obj) {
    macro_rules! binops {
        ($($name:literal => $op:expr, $rev:expr;)*) => {$(
            method(vm, ty, $name, |vm, args| {
                crate::bootstrap::check_operand(vm, &args)?;
                let (a, b) = if $rev { (&args.pos[1], &args.pos[0]) } else { (&args.pos[0], &args.pos[1]) };
                let (a, b) = (unwrap_number(vm, a), unwrap_number(vm, b));
                if !operands_fit(&args.pos[0], &a, &b) {
                    return Ok(vm.not_implemented());
                }
                match vm.native_binop($op, &a, &b)? {
                    Some(v) => Ok(v),
                    None => Ok(vm.not_implemented()),
                }
            });
        )*};
    }
    binops! {
        "__add__" => BinOp::Add, false; "__radd__" => BinOp::Add, true;
        "__sub__" => BinOp::Subtract, false; "__rsub__" => BinOp::Subtract, true;
        "__mul__" => BinOp::Multiply, false; "__rmul__" => BinOp::Multiply, true;
        "__truediv__" => BinOp::TrueDivide, false; "__rtruediv__" => BinOp::TrueDivide, true;
        "__floordiv__" => BinOp::FloorDivide, false; "__rfloordiv__" => BinOp::FloorDivide, true;
        "__mod__" => BinOp::Remainder, false; "__rmod__" => BinOp::Remainder, true;
        "__pow__" => BinOp::Power, false; "__rpow__" => BinOp::Power, true;
        "__lshift__" => BinOp::Lshift, false; "__rlshift__" => BinOp::Lshift, true;
        "__rshift__" => BinOp::Rshift, false; "__rrshift__" => BinOp::Rshift, true;
        "__and__" => BinOp::And, false; "__rand__" => BinOp::And, true;
        "__or__" => BinOp::Or, false; "__ror__" => BinOp::Or, true;
        "__xor__" => BinOp::Xor, false; "__rxor__" => BinOp::Xor, true;
    }
    macro_rules! cmps {
        ($($name:literal => $op:expr;)*) => {$(
            method(vm, ty, $name, |vm, args| {
                crate::bootstrap::check_operand(vm, &args)?;
                let (a, b) = (unwrap_number(vm, &args.pos[0]), unwrap_number(vm, &args.pos[1]));
                if !operands_fit(&args.pos[0], &a, &b) {
                    return Ok(vm.not_implemented());
                }
                match vm.native_compare($op, &a, &b)? {
                    Some(r) => Ok(Value::Bool(r)),
                    None => Ok(vm.not_implemented()),
                }
            });
        )*};
    }
    use krait_compiler::code::CompareOp;
    cmps! {
        "__eq__" => CompareOp::Eq; "__ne__" => CompareOp::Ne;
        "__lt__" => CompareOp::Lt; "__le__" => CompareOp::Le;
        "__gt__" => CompareOp::Gt; "__ge__" => CompareOp::Ge;
    }
    method(vm, ty, "__divmod__", |vm, args| {
        crate::bootstrap::check_operand(vm, &args)?;
        let (a, b) = (
            unwrap_number(vm, &args.pos[0]),
            unwrap_number(vm, &args.pos[1]),
        );
        if !operands_fit(&args.pos[0], &a, &b) {
            return Ok(vm.not_implemented());
        }
        vm.divmod(&a, &b)
    });
    method(vm, ty, "__rdivmod__", |vm, args| {
        crate::bootstrap::check_operand(vm, &args)?;
        let (a, b) = (
            unwrap_number(vm, &args.pos[1]),
            unwrap_number(vm, &args.pos[0]),
        );
        if !operands_fit(&args.pos[0], &a, &b) {
            return Ok(vm.not_implemented());
        }
        vm.divmod(&a, &b)
    });
    method(vm, ty, "__neg__", |vm, args| {
        let a = unwrap_number(vm, &args.pos[0]);
        vm.unary_negative(&a)
    });
    method(vm, ty, "__pos__", |vm, args| {
        let a = unwrap_number(vm, &args.pos[0]);
        vm.unary_positive(&a)
    });
    method(vm, ty, "__abs__", |vm, args| {
        let a = unwrap_number(vm, &args.pos[0]);
        vm.abs(&a)
    });
    if ty.is(&vm.types.int) {
        method(vm, ty, "__invert__", |vm, args| {
            let a = unwrap_number(vm, &args.pos[0]);
            vm.unary_invert(&a)
        });
        method(vm, ty, "__round__", |vm, args| {
            check_method_args(vm, &args, "__round__", 0, 1)?;
            let a = unwrap_number(vm, &args.pos[0]);
            let ndigits = args.pos.get(1).filter(|n| !n.is_none());
            match crate::objects::int::to_big(&a) {
                Some(b) => vm.round_int(b, ndigits),
                None => Ok(vm.not_implemented()),
            }
        });
        for name in ["__floor__", "__ceil__", "__trunc__"] {
            method(vm, ty, name, |vm, args| {
                check_method_args(vm, &args, "__floor__", 0, 0)?;
                Ok(unwrap_number(vm, &args.pos[0]))
            });
        }
    } else {
        method(vm, ty, "__floor__", |vm, args| {
            check_method_args(vm, &args, "__floor__", 0, 0)?;
            let x = vm.float_of(&args.pos[0])?;
            float_to_int(vm, x.floor())
        });
        method(vm, ty, "__ceil__", |vm, args| {
            check_method_args(vm, &args, "__ceil__", 0, 0)?;
            let x = vm.float_of(&args.pos[0])?;
            float_to_int(vm, x.ceil())
        });
    }
}

/// Whether an operator method of `receiver`'s type handles these operands:
/// int methods only ints (`(3).__add__(1.5)` is NotImplemented, left to
/// float's reflected method), float methods ints and floats.
fn operands_fit(receiver: &Value, a: &Value, b: &Value) -> bool {
    let receiver_is_float = matches!(receiver, Value::FloatBits(_))
        || matches!(receiver.kind(), Some(ObjKind::Float(_)));
    if receiver_is_float {
        is_number(a) && is_number(b)
    } else {
        is_int(a) && is_int(b)
    }
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
    let bits = b.unsigned_abs().bit_len();
    // More than 4300 digits for sure when bits * log10(2) > 4300.
    if bits as f64 * std::f64::consts::LOG10_2 > (MAX_STR_DIGITS + 1) as f64 {
        return Err(vm.value_error(format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    let s = b.to_string();
    let digits = s.trim_start_matches('-').len();
    if digits > MAX_STR_DIGITS {
        return Err(vm.value_error(format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    Ok(s)
}

fn int_repr(vm: &mut Vm, args: Args) -> PyResult {
    check_method_args(vm, &args, "__repr__", 0, 0)?;
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

fn num_format(vm: &mut Vm, args: Args) -> PyResult {
    check_method_args(vm, &args, "__format__", 1, 1)?;
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
    let rest = Args {
        pos: args.pos[1..].iter().cloned().collect(),
        kw: args.kw,
    };
    let a = bind(
        vm,
        rest,
        "to_bytes",
        &["length", "byteorder", "signed"],
        0,
        0,
    )?;
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
    let little = little_endian(vm, a[1].as_ref())?;
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
    let rest = Args {
        pos: args.pos[1..].iter().cloned().collect(),
        kw: args.kw,
    };
    let a = bind(
        vm,
        rest,
        "from_bytes",
        &["bytes", "byteorder", "signed"],
        0,
        1,
    )?;
    let data = crate::objects::bytes::bytes_from_object(vm, a[0].as_ref().unwrap())?;
    let little = little_endian(vm, a[1].as_ref())?;
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
    let t = text.trim_matches(|c: char| c.is_whitespace());
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
        let d = match c.to_digit(36) {
            Some(d) => d,
            None => {
                // Unicode decimal digits count too.
                let d = unicode_digit(c)?;
                if d >= base {
                    return None;
                }
                digits.push(char::from_digit(d, 10)?);
                continue;
            }
        };
        if d >= base {
            return None;
        }
        digits.push(c.to_ascii_lowercase());
    }
    let v = IBig::from_str_radix(&digits, base).ok()?;
    Some(if neg { -v } else { v })
}

fn unicode_digit(c: char) -> Option<u32> {
    // The common Unicode decimal digit blocks: each starts at a zero.
    const ZEROS: &[u32] = &[
        0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xE50,
        0xED0, 0xF20, 0x1040, 0xFF10,
    ];
    let cp = c as u32;
    ZEROS
        .iter()
        .find(|&&z| cp >= z && cp < z + 10)
        .map(|&z| cp - z)
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
    if base == 10 && digits > MAX_STR_DIGITS {
        return Err(vm.value_error(format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
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

fn int_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].as_obj().cloned().unwrap();
    let rest = Args {
        pos: args.pos[1..].iter().cloned().collect(),
        kw: args.kw,
    };
    let a = bind(vm, rest, "int", &["x", "base"], 1, 0)?;
    let v = match (&a[0], &a[1]) {
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
                            ObjKind::Complex(re, im) => return Ok(Value::Float(re.hypot(*im))),
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
fn little_endian(vm: &Vm, byteorder: Option<&Value>) -> PyResult<bool> {
    match byteorder.map(|v| value_pystr(v).and_then(|s| s.as_str())) {
        None | Some(Some("big")) => Ok(false),
        Some(Some("little")) => Ok(true),
        Some(_) => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
    }
}

/// Ints beyond 64 bits are objects; their repr is a slot.
pub struct IntType;

impl NativeType for IntType {
    const SLOTS: &'static Slots = &Slots::repr(|vm, o| match o.kind() {
        ObjKind::Int(b) => int_to_decimal(vm, b).map(|s| vm.new_string(s)),
        _ => unreachable!("int slots are installed on int"),
    });
}
