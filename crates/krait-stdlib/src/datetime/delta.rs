//! `timedelta`: a duration in days, seconds and microseconds, normalised
//! so that only `days` carries a sign.

use super::{class, type_repr_name};
use krait_vm::api::{
    big_int, float_value, native_data, BigInt, BinOp, CompareOp, FunctionDef as F, GetSetDef,
    NativeType, Obj, Params, PyResult, Slots, TypeDef, Value, Vm,
};

pub const MAX_DAYS: i64 = 999_999_999;
pub const US_PER_SECOND: i128 = 1_000_000;
pub const US_PER_DAY: i128 = 86_400 * US_PER_SECOND;

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub struct Delta {
    pub days: i64,
    pub seconds: i64,
    pub us: i64,
}

impl Delta {
    pub const ZERO: Delta = Delta {
        days: 0,
        seconds: 0,
        us: 0,
    };

    /// One microsecond: `resolution` of `timedelta`, `time` and `datetime`.
    pub const RESOLUTION: Delta = Delta {
        days: 0,
        seconds: 0,
        us: 1,
    };

    pub fn total_us(self) -> i128 {
        self.days as i128 * US_PER_DAY + self.seconds as i128 * US_PER_SECOND + self.us as i128
    }

    /// The duration of `us` microseconds, if its days fit.
    pub fn from_us(us: i128) -> Option<Delta> {
        let days = us.div_euclid(US_PER_DAY);
        let rest = us.rem_euclid(US_PER_DAY);
        let days = i64::try_from(days).ok().filter(|d| d.abs() <= MAX_DAYS)?;
        Some(Delta {
            days,
            seconds: (rest / US_PER_SECOND) as i64,
            us: (rest % US_PER_SECOND) as i64,
        })
    }

    /// Whole seconds and microseconds (`seconds` may be negative), as
    /// offsets are added to times.
    pub fn seconds_total(self) -> i64 {
        self.days * 86_400 + self.seconds
    }

    pub fn is_zero(self) -> bool {
        self == Delta::ZERO
    }
}

/// The duration of `us` microseconds, or CPython's OverflowError.
pub fn checked(vm: &Vm, us: i128) -> PyResult<Delta> {
    match Delta::from_us(us) {
        Some(d) => Ok(d),
        None => {
            let days = us.div_euclid(US_PER_DAY);
            if i32::try_from(days).is_err() {
                Err(vm.overflow_error("Python int too large to convert to C int"))
            } else {
                Err(vm.overflow_error(format!("days={days}; must have magnitude <= {MAX_DAYS}")))
            }
        }
    }
}

fn checked_big(vm: &Vm, us: &BigInt) -> PyResult<Delta> {
    match i128::try_from(us) {
        Ok(us) => checked(vm, us),
        Err(_) => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

/// The `timedelta` instance holding `d`, of the exact type.
pub fn new(vm: &mut Vm, d: Delta) -> PyResult {
    let cls = class(vm, "timedelta")?;
    Ok(vm.new_native(&cls, d))
}

pub fn new_us(vm: &mut Vm, us: i128) -> PyResult {
    let d = checked(vm, us)?;
    new(vm, d)
}

/// The duration a `timedelta` (or subclass instance) holds.
pub fn delta_of(v: &Value) -> Option<Delta> {
    v.as_obj().and_then(native_data::<Delta>).copied()
}

fn this(v: &Value) -> Delta {
    delta_of(v).expect("timedelta methods are on timedeltas")
}

// ---- construction ---------------------------------------------------------

const PARAMS: Params = Params::Named {
    names: &[
        "days",
        "seconds",
        "microseconds",
        "milliseconds",
        "minutes",
        "hours",
        "weeks",
    ],
    posonly: 0,
    positional: 7,
    required: 0,
};

fn construct(vm: &mut Vm, a: krait_vm::api::Args) -> PyResult {
    let cls = a.pos[0].as_obj().cloned().expect("a class");
    let b = PARAMS.bind(vm, "timedelta", a, 1)?;
    // CPython adds the components up from the smallest unit.
    const ORDER: [(usize, &str, i128); 7] = [
        (3, "microseconds", 1),
        (4, "milliseconds", 1_000),
        (2, "seconds", US_PER_SECOND),
        (5, "minutes", 60 * US_PER_SECOND),
        (6, "hours", 3_600 * US_PER_SECOND),
        (1, "days", US_PER_DAY),
        (7, "weeks", 7 * US_PER_DAY),
    ];
    let mut sum = BigInt::ZERO;
    let mut leftover = 0.0f64;
    for (i, name, factor) in ORDER {
        let Some(v) = b.given(i) else { continue };
        if let Some(n) = big_int(v) {
            sum += n * BigInt::from(factor);
        } else if let Some(f) = float_value(v) {
            let int_part = f.trunc();
            let frac = f - int_part;
            sum += float_to_big(vm, int_part)? * BigInt::from(factor);
            if frac != 0.0 {
                let scaled = factor as f64 * frac;
                let whole = scaled.trunc();
                sum += float_to_big(vm, whole)?;
                leftover += scaled - whole;
            }
        } else {
            return Err(vm.type_error(format!(
                "unsupported type for timedelta {name} component: {}",
                vm.type_name(v)
            )));
        }
    }
    if leftover != 0.0 {
        let mut whole = leftover.round();
        if (whole - leftover).abs() == 0.5 {
            let odd = if (&sum % BigInt::from(2)) == BigInt::ZERO {
                0.0
            } else {
                1.0
            };
            whole = 2.0 * ((leftover + odd) * 0.5).round() - odd;
        }
        sum += BigInt::from(whole as i64);
    }
    let d = checked_big(vm, &sum)?;
    Ok(vm.new_native(&cls, d))
}

fn float_to_big(vm: &mut Vm, f: f64) -> PyResult<BigInt> {
    let v = vm.int_from_f64(f)?;
    Ok(big_int(&v).expect("an int"))
}

// ---- arithmetic -------------------------------------------------------------

/// Floor division and remainder, the remainder taking the divisor's sign.
pub fn floor_divmod(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    let mut q = a / b;
    let mut r = a - &q * b;
    if r != BigInt::ZERO && ((r < BigInt::ZERO) != (*b < BigInt::ZERO)) {
        q -= BigInt::ONE;
        r += b;
    }
    (q, r)
}

/// `a / b` rounded to the nearest integer, halves to even.
pub fn divide_nearest(a: &BigInt, b: &BigInt) -> BigInt {
    let (mut q, r) = floor_divmod(a, b);
    let twice = &r * BigInt::from(2);
    let beyond = if *b > BigInt::ZERO {
        twice > *b || (twice == *b && is_odd(&q))
    } else {
        twice < *b || (twice == *b && is_odd(&q))
    };
    if beyond {
        q += BigInt::ONE;
    }
    q
}

fn is_odd(n: &BigInt) -> bool {
    (n % BigInt::from(2)) != BigInt::ZERO
}

/// `f` as an exact fraction: CPython's `float.as_integer_ratio()`.
pub fn integer_ratio(vm: &Vm, f: f64) -> PyResult<(BigInt, BigInt)> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f == 0.0 {
        return Ok((BigInt::ZERO, BigInt::ONE));
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mut mantissa = (bits & ((1 << 52) - 1)) as i64;
    let mut e = if exp == 0 {
        -1074
    } else {
        mantissa |= 1 << 52;
        exp - 1075
    };
    while mantissa & 1 == 0 && e < 0 {
        mantissa >>= 1;
        e += 1;
    }
    let sign = if f < 0.0 { -1 } else { 1 };
    let m = BigInt::from(sign * mantissa);
    if e >= 0 {
        Ok((m << e as usize, BigInt::ONE))
    } else {
        Ok((m, BigInt::ONE << (-e) as usize))
    }
}

/// A float's exact ratio; a float subclass's own `as_integer_ratio()`,
/// checked as CPython checks it.
fn ratio_of(vm: &mut Vm, v: &Value) -> PyResult<(BigInt, BigInt)> {
    if let Value::FloatBits(_) = v {
        return integer_ratio(vm, float_value(v).expect("a float"));
    }
    let r = vm.call_method(v, "as_integer_ratio", vec![])?;
    let Some(items) = krait_vm::api::tuple_items(&r) else {
        return Err(vm.type_error(format!(
            "unexpected return type from as_integer_ratio(): expected tuple, got '{}'",
            vm.type_name(&r)
        )));
    };
    if items.len() != 2 {
        return Err(vm.value_error("as_integer_ratio() must return a 2-tuple"));
    }
    match (big_int(&items[0]), big_int(&items[1])) {
        (Some(p), Some(q)) => Ok((p, q)),
        _ => Err(vm.type_error("unsupported operand type(s) for *: 'int' and the ratio")),
    }
}

fn us_value(vm: &Vm, d: Delta) -> Value {
    vm.new_int(BigInt::from(d.total_us()))
}

fn binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    use BinOp::*;
    let (x, y) = (delta_of(a), delta_of(b));
    let r = match (op, x, y) {
        (Add | InplaceAdd, Some(x), Some(y)) => new_us(vm, x.total_us() + y.total_us())?,
        (Subtract | InplaceSubtract, Some(x), Some(y)) => new_us(vm, x.total_us() - y.total_us())?,
        (Multiply | InplaceMultiply, Some(d), None) => return multiply(vm, d, b),
        (Multiply | InplaceMultiply, None, Some(d)) => return multiply(vm, d, a),
        (TrueDivide | InplaceTrueDivide, Some(x), Some(y)) => {
            let (p, q) = (us_value(vm, x), us_value(vm, y));
            vm.binary_op(TrueDivide, &p, &q)?
        }
        (TrueDivide | InplaceTrueDivide, Some(d), None) => return divide(vm, d, b),
        (FloorDivide | InplaceFloorDivide, Some(x), Some(y)) => {
            let (p, q) = (us_value(vm, x), us_value(vm, y));
            vm.binary_op(FloorDivide, &p, &q)?
        }
        (FloorDivide | InplaceFloorDivide, Some(d), None) => {
            let Some(k) = big_int(b) else {
                return Ok(None);
            };
            if k == BigInt::ZERO {
                return Err(vm.zero_division("integer division or modulo by zero"));
            }
            let (q, _) = floor_divmod(&BigInt::from(d.total_us()), &k);
            let d = checked_big(vm, &q)?;
            new(vm, d)?
        }
        (Remainder | InplaceRemainder, Some(x), Some(y)) => {
            if y.is_zero() {
                return Err(vm.zero_division("integer division or modulo by zero"));
            }
            let (_, r) = floor_divmod(&BigInt::from(x.total_us()), &BigInt::from(y.total_us()));
            let d = checked_big(vm, &r)?;
            new(vm, d)?
        }
        _ => return Ok(None),
    };
    Ok(Some(r))
}

fn multiply(vm: &mut Vm, d: Delta, n: &Value) -> PyResult<Option<Value>> {
    let us = BigInt::from(d.total_us());
    if let Some(k) = big_int(n) {
        let d = checked_big(vm, &(us * k))?;
        return new(vm, d).map(Some);
    }
    if float_value(n).is_some() {
        let (p, q) = ratio_of(vm, n)?;
        let d = checked_big(vm, &divide_nearest(&(us * p), &q))?;
        return new(vm, d).map(Some);
    }
    Ok(None)
}

fn divide(vm: &mut Vm, d: Delta, n: &Value) -> PyResult<Option<Value>> {
    let us = BigInt::from(d.total_us());
    if let Some(k) = big_int(n) {
        if k == BigInt::ZERO {
            return Err(vm.zero_division("integer division or modulo by zero"));
        }
        let d = checked_big(vm, &divide_nearest(&us, &k))?;
        return new(vm, d).map(Some);
    }
    if float_value(n).is_some() {
        let (p, q) = ratio_of(vm, n)?;
        if p == BigInt::ZERO {
            return Err(vm.zero_division("integer division or modulo by zero"));
        }
        let d = checked_big(vm, &divide_nearest(&(us * q), &p))?;
        return new(vm, d).map(Some);
    }
    Ok(None)
}

fn divmod(vm: &mut Vm, a: &Value, b: &Value) -> PyResult {
    let (Some(x), Some(y)) = (delta_of(a), delta_of(b)) else {
        return Ok(vm.not_implemented());
    };
    let (p, q) = (BigInt::from(x.total_us()), BigInt::from(y.total_us()));
    if q == BigInt::ZERO {
        return Err(vm.zero_division("integer division or modulo by zero"));
    }
    let (quot, rem) = floor_divmod(&p, &q);
    let quot = vm.new_int(quot);
    let rem = checked_big(vm, &rem)?;
    let rem = new(vm, rem)?;
    Ok(vm.new_tuple(vec![quot, rem]))
}

fn compare(vm: &mut Vm, op: CompareOp, o: &Obj, other: &Value) -> PyResult<Option<Value>> {
    let Some(y) = delta_of(other) else {
        return Ok(None);
    };
    let x = *native_data::<Delta>(o).expect("a timedelta");
    let _ = vm;
    Ok(Some(Value::Bool(super::ordering_holds(op, x.cmp(&y)))))
}

fn hash(vm: &mut Vm, o: &Obj) -> PyResult<i64> {
    let d = *native_data::<Delta>(o).expect("a timedelta");
    hash_delta(vm, d)
}

/// CPython hashes a duration as the tuple of its three fields; aware
/// times and datetimes hash as the duration they stand for.
pub fn hash_delta(vm: &mut Vm, d: Delta) -> PyResult<i64> {
    let t = vm.new_tuple(vec![
        Value::Int(d.days),
        Value::Int(d.seconds),
        Value::Int(d.us),
    ]);
    vm.hash(&t)
}

// ---- text -------------------------------------------------------------------

fn repr(vm: &mut Vm, o: &Obj) -> PyResult {
    let d = *native_data::<Delta>(o).expect("a timedelta");
    let name = type_repr_name(vm, o);
    let mut parts = Vec::new();
    if d.days != 0 {
        parts.push(format!("days={}", d.days));
    }
    if d.seconds != 0 {
        parts.push(format!("seconds={}", d.seconds));
    }
    if d.us != 0 {
        parts.push(format!("microseconds={}", d.us));
    }
    if parts.is_empty() {
        parts.push("0".into());
    }
    Ok(vm.new_string(format!("{name}({})", parts.join(", "))))
}

pub fn text(d: Delta) -> String {
    let mut s = String::new();
    if d.days != 0 {
        let plural = if d.days.abs() != 1 { "s" } else { "" };
        s.push_str(&format!("{} day{plural}, ", d.days));
    }
    let (h, m, sec) = (d.seconds / 3600, d.seconds / 60 % 60, d.seconds % 60);
    s.push_str(&format!("{h}:{m:02}:{sec:02}"));
    if d.us != 0 {
        s.push_str(&format!(".{:06}", d.us));
    }
    s
}

// ---- the type ---------------------------------------------------------------

pub struct DeltaType;

impl NativeType for DeltaType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(repr),
        hash: Some(hash),
        richcompare: Some(compare),
        binop: Some(binop),
        ..Slots::NONE
    };
    const BINARY_OPERATORS: &'static [BinOp] = &[
        BinOp::Add,
        BinOp::Subtract,
        BinOp::Multiply,
        BinOp::TrueDivide,
        BinOp::FloorDivide,
        BinOp::Remainder,
    ];
}

fn unary(vm: &mut Vm, v: &Value, f: fn(i128) -> i128) -> PyResult {
    let d = this(v);
    new_us(vm, f(d.total_us()))
}

pub const TYPE: TypeDef = TypeDef {
    name: "timedelta",
    module: "datetime",
    doc: Some("Difference between two datetime values.\n\ntimedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0)\n\nAll arguments are optional and default to 0.\nArguments may be integers or floats, and may be positive or negative."),
    methods: &[
        F::new("__new__", construct),
        F::method("total_seconds", |vm, a| {
            let us = us_value(vm, this(&a.pos[0]));
            vm.binary_op(BinOp::TrueDivide, &us, &Value::Int(1_000_000))
        })
        .no_args(),
        F::method("__reduce__", |vm, a| {
            let d = this(&a.pos[0]);
            let cls = Value::Obj(vm.class_of(&a.pos[0]).clone());
            let args = vm.new_tuple(vec![
                Value::Int(d.days),
                Value::Int(d.seconds),
                Value::Int(d.us),
            ]);
            Ok(vm.new_tuple(vec![cls, args]))
        })
        .no_args(),
        F::method("__str__", |vm, a| Ok(vm.new_string(text(this(&a.pos[0]))))).no_args(),
        F::unary("__neg__", |vm, a| unary(vm, &a.pos[0], |us| -us)),
        F::unary("__pos__", |vm, a| unary(vm, &a.pos[0], |us| us)),
        F::unary("__abs__", |vm, a| unary(vm, &a.pos[0], i128::abs)),
        F::unary("__bool__", |_, a| Ok(Value::Bool(!this(&a.pos[0]).is_zero()))),
        F::binary("__divmod__", |vm, a| divmod(vm, &a.pos[0], &a.pos[1])),
        F::binary("__rdivmod__", |vm, a| divmod(vm, &a.pos[1], &a.pos[0])),
    ],
};

pub const ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::member("days", |_, v| Ok(Value::Int(this(v).days))),
    GetSetDef::member("seconds", |_, v| Ok(Value::Int(this(v).seconds))),
    GetSetDef::member("microseconds", |_, v| Ok(Value::Int(this(v).us))),
];

pub fn add_class_attributes(vm: &mut Vm, cls: &Obj) -> PyResult<()> {
    let fields = [
        (
            "min",
            Delta {
                days: -MAX_DAYS,
                seconds: 0,
                us: 0,
            },
        ),
        (
            "max",
            Delta {
                days: MAX_DAYS,
                seconds: 86_399,
                us: 999_999,
            },
        ),
        (
            "resolution",
            Delta {
                days: 0,
                seconds: 0,
                us: 1,
            },
        ),
    ];
    for (name, d) in fields {
        let v = vm.new_native(cls, d);
        krait_vm::api::add_attr(vm, cls, name, v);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_division_and_halves_to_even() {
        let b = |i: i64| BigInt::from(i);
        assert_eq!(floor_divmod(&b(-7), &b(2)), (b(-4), b(1)));
        assert_eq!(floor_divmod(&b(7), &b(-2)), (b(-4), b(-1)));
        assert_eq!(divide_nearest(&b(5), &b(2)), b(2));
        assert_eq!(divide_nearest(&b(7), &b(2)), b(4));
        assert_eq!(divide_nearest(&b(-5), &b(2)), b(-2));
        assert_eq!(divide_nearest(&b(5), &b(-2)), b(-2));
        assert_eq!(divide_nearest(&b(-7), &b(-2)), b(4));
    }

    #[test]
    fn microseconds_normalise_with_the_sign_in_days() {
        let d = Delta::from_us(-1).unwrap();
        assert_eq!((d.days, d.seconds, d.us), (-1, 86_399, 999_999));
        assert!(Delta::from_us(US_PER_DAY * 1_000_000_000).is_none());
    }
}
