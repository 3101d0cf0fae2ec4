//! The format-spec mini-language (`format()`, f-strings, `str.format`)
//! for `int`, `float`, `complex` and `str`.

use crate::objects::str::PyStr;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A parsed format spec.
#[derive(Clone, Debug, Default)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub z: bool,
    pub alt: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

/// Parses a spec; `what` names the type for the error message.
pub fn parse(spec: &str, what: &str) -> Result<Spec, String> {
    let chars: smallvec::SmallVec<[char; 16]> = spec.chars().collect();
    let mut i = 0;
    let mut s = Spec::default();
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = Some(chars[0]);
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        s.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == 'z' {
        s.z = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        s.alt = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        s.width = Some(
            decimal(&chars[start..i])
                .ok_or_else(|| "Too many decimal digits in format string".to_string())?,
        );
    }
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        s.grouping = Some(chars[i]);
        i += 1;
        if i < chars.len() && matches!(chars[i], ',' | '_') {
            if chars[i] == chars[i - 1] {
                return Err(format!("Cannot specify '{0}' with '{0}'.", chars[i]));
            }
            return Err("Cannot specify both ',' and '_'.".into());
        }
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err("Format specifier missing precision".into());
        }
        s.precision = Some(
            decimal(&chars[start..i])
                .ok_or_else(|| "Too many decimal digits in format string".to_string())?,
        );
    }
    if i + 1 < chars.len() {
        return Err(format!(
            "Invalid format specifier '{spec}' for object of type '{what}'"
        ));
    }
    if i < chars.len() {
        s.ty = Some(chars[i]);
    }
    if let Some(g) = s.grouping {
        let ok = match s.ty {
            None => true,
            Some(t) => match g {
                ',' => matches!(t, 'd' | 'e' | 'f' | 'g' | 'E' | 'F' | 'G' | '%'),
                _ => matches!(
                    t,
                    'd' | 'e' | 'f' | 'g' | 'E' | 'F' | 'G' | '%' | 'b' | 'o' | 'x' | 'X'
                ),
            },
        };
        if !ok {
            return Err(format!("Cannot specify '{g}' with '{}'.", s.ty.unwrap()));
        }
    }
    Ok(s)
}

/// The value of a run of ASCII digits; `None` when it overflows.
/// A width or precision; `None` past what an index holds (CPython's
/// `Py_ssize_t`).
fn decimal(digits: &[char]) -> Option<usize> {
    let n = digits.iter().try_fold(0usize, |n, c| {
        n.checked_mul(10)?.checked_add(c.to_digit(10)? as usize)
    })?;
    (n <= isize::MAX as usize).then_some(n)
}

/// The fill character, and how many of it go before the sign/prefix,
/// between it and the body, and after the body, to pad `len` characters
/// to the spec's width.
fn pad_counts(spec: &Spec, len: usize, default_align: char) -> (char, usize, usize, usize) {
    // The `0` flag fills with zeros whatever the alignment, unless a fill
    // is given.
    let fill = spec.fill.unwrap_or(if spec.zero { '0' } else { ' ' });
    let align = spec.align.unwrap_or(if spec.zero && default_align == '>' {
        '='
    } else {
        default_align
    });
    let n = spec.width.unwrap_or(0).saturating_sub(len);
    let (before, between, after) = match align {
        _ if n == 0 => (0, 0, 0),
        '<' => (0, 0, n),
        '^' => (n / 2, 0, n - n / 2),
        '=' => (0, n, 0),
        _ => (n, 0, 0),
    };
    (fill, before, between, after)
}

/// Pads `body` (after any sign/prefix `lead`) to the spec's width.
fn pad(spec: &Spec, lead: &str, body: &str, default_align: char) -> String {
    let count = |s: &str| {
        if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        }
    };
    let (fill, before, between, after) = pad_counts(spec, count(lead) + count(body), default_align);
    let n = before + between + after;
    let mut out = String::with_capacity(lead.len() + body.len() + n * fill.len_utf8());
    let fill_with = |out: &mut String, k: usize| out.extend(std::iter::repeat_n(fill, k));
    fill_with(&mut out, before);
    out.push_str(lead);
    fill_with(&mut out, between);
    out.push_str(body);
    fill_with(&mut out, after);
    out
}

/// Inserts a separator every `every` digits of an integer part.
fn group(digits: &str, sep: char, every: usize) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / every);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Grouping with zero padding: the padding zeros are grouped too.
fn group_padded(digits: &str, sep: char, every: usize, min_len: usize) -> String {
    let mut d = digits.to_string();
    loop {
        let g = group(&d, sep, every);
        if g.chars().count() >= min_len {
            return g;
        }
        d.insert(0, '0');
    }
}

fn sign_str(negative: bool, sign: Option<char>) -> &'static str {
    match (negative, sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

pub fn format_str(text: &str, spec: &Spec) -> Result<String, String> {
    let padded = str_spec(spec)?;
    let body: String = match spec.precision {
        Some(p) => text.chars().take(p).collect(),
        None => text.to_string(),
    };
    Ok(pad(&padded, "", &body, '<'))
}

/// The same for any str, lone surrogates included (which a `&str` cannot
/// hold).
pub fn format_pystr(text: &PyStr, spec: &Spec) -> Result<PyStr, String> {
    if let Some(t) = text.as_str() {
        return format_str(t, spec).map(PyStr::from_string);
    }
    let padded = str_spec(spec)?;
    let take = spec.precision.unwrap_or(usize::MAX).min(text.len());
    let body = &text.as_bytes()[..text.byte_offset(take)];
    let (fill, before, _, after) = pad_counts(&padded, take, '<');
    let mut fill_bytes = [0; 4];
    let fill = fill.encode_utf8(&mut fill_bytes).as_bytes();
    let mut out = Vec::with_capacity(body.len() + (before + after) * fill.len());
    for _ in 0..before {
        out.extend_from_slice(fill);
    }
    out.extend_from_slice(body);
    for _ in 0..after {
        out.extend_from_slice(fill);
    }
    Ok(PyStr::from_wtf8(out))
}

/// Checks a spec for a str, and returns it as padding applies it.
fn str_spec(spec: &Spec) -> Result<Spec, String> {
    if let Some(t) = spec.ty {
        if t != 's' {
            return Err(format!(
                "Unknown format code '{t}' for object of type 'str'"
            ));
        }
    }
    if spec.sign.is_some() {
        return Err("Sign not allowed in string format specifier".into());
    }
    if spec.z {
        return Err("Negative zero coercion (z) not allowed in string format specifier".into());
    }
    if spec.alt {
        return Err("Alternate form (#) not allowed in string format specifier".into());
    }
    if spec.align == Some('=') {
        return Err("'=' alignment not allowed in string format specifier".into());
    }
    if let Some(g) = spec.grouping {
        return Err(format!("Cannot specify '{g}' with 's'."));
    }
    let mut s = spec.clone();
    if s.zero && s.align.is_none() {
        s.align = Some('<');
    }
    Ok(s)
}

/// The widest padding tried: beyond it the text could never be allocated.
pub const MAX_WIDTH: usize = 1 << 40;

/// Messages of the formatting errors that are OverflowErrors (the others
/// are ValueErrors); see [`Vm::format_error`].
const CHAR_OUT_OF_RANGE: &str = "%c arg not in range(0x110000)";
const TOO_LARGE_FOR_C_LONG: &str = "Python int too large to convert to C long";

/// The magnitude of an int being formatted.
enum Magnitude {
    Small(u64),
    Big(dashu_int::UBig),
}

impl Magnitude {
    fn in_radix(&self, radix: u32) -> String {
        // Machine-sized magnitudes are formatted natively (the big-integer
        // formatter is much slower for them).
        match (self, radix) {
            (Magnitude::Small(m), 2) => format!("{m:b}"),
            (Magnitude::Small(m), 8) => format!("{m:o}"),
            (Magnitude::Small(m), 16) => format!("{m:x}"),
            (Magnitude::Small(m), _) => m.to_string(),
            (Magnitude::Big(m), 10) => m.to_string(),
            (Magnitude::Big(m), r) => m.in_radix(r).to_string(),
        }
    }
}

/// Formats an int.
pub fn format_int(vm: &Vm, value: &dashu_int::IBig, spec: &Spec) -> Result<String, String> {
    let _ = vm;
    if let Ok(v) = i64::try_from(value) {
        return format_i64(v, spec);
    }
    let ty = spec.ty.unwrap_or('d');
    if matches!(ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        return format_float(value.to_f64().value(), spec);
    }
    if ty == 'c' {
        return Err(TOO_LARGE_FOR_C_LONG.into());
    }
    let negative = *value < dashu_int::IBig::ZERO;
    let mag = dashu_int::UBig::try_from(if negative {
        -value.clone()
    } else {
        value.clone()
    })
    .unwrap_or_default();
    // Too big for a code point.
    format_integer(negative, Magnitude::Big(mag), None, spec)
}

/// Formats an int that fits a machine word.
pub fn format_i64(value: i64, spec: &Spec) -> Result<String, String> {
    if matches!(spec.ty, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) {
        return format_float(value as f64, spec);
    }
    let code_point = u32::try_from(value).ok().filter(|c| *c <= 0x10FFFF);
    format_integer(
        value < 0,
        Magnitude::Small(value.unsigned_abs()),
        code_point,
        spec,
    )
}

/// The integer presentation types; `code_point` is the value when it is
/// one (for `c`).
fn format_integer(
    negative: bool,
    mag: Magnitude,
    code_point: Option<u32>,
    spec: &Spec,
) -> Result<String, String> {
    let ty = spec.ty.unwrap_or('d');
    if !matches!(ty, 'd' | 'n' | 'b' | 'o' | 'x' | 'X' | 'c') {
        return Err(format!(
            "Unknown format code '{ty}' for object of type 'int'"
        ));
    }
    if spec.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".into());
    }
    if spec.z {
        return Err("Negative zero coercion (z) not allowed in integer format specifier".into());
    }
    let (digits, prefix) = match ty {
        'd' | 'n' => (mag.in_radix(10), ""),
        'b' => (mag.in_radix(2), "0b"),
        'o' => (mag.in_radix(8), "0o"),
        'x' => (mag.in_radix(16), "0x"),
        'X' => (mag.in_radix(16).to_uppercase(), "0X"),
        'c' => {
            if spec.sign.is_some() {
                return Err("Sign not allowed with integer format specifier 'c'".into());
            }
            if spec.alt {
                return Err(
                    "Alternate form (#) not allowed with integer format specifier 'c'".into(),
                );
            }
            let Some(cp) = code_point else {
                return Err(CHAR_OUT_OF_RANGE.into());
            };
            let ch = char::from_u32(cp).unwrap_or('\u{FFFD}');
            return Ok(pad(spec, "", ch.encode_utf8(&mut [0; 4]), '<'));
        }
        other => {
            return Err(format!(
                "Unknown format code '{other}' for object of type 'int'"
            ))
        }
    };
    let mut lead = String::from(sign_str(negative, spec.sign));
    if spec.alt {
        lead.push_str(prefix);
    }
    let body = match spec.grouping {
        Some(sep) => {
            let every = if matches!(ty, 'd' | 'n') { 3 } else { 4 };
            let zero_pad = (spec.zero && spec.align.is_none())
                || (spec.align == Some('=') && spec.fill == Some('0'));
            if zero_pad {
                let min = spec.width.unwrap_or(0).saturating_sub(lead.len());
                group_padded(&digits, sep, every, min)
            } else {
                group(&digits, sep, every)
            }
        }
        None => digits,
    };
    Ok(pad(spec, &lead, &body, '>'))
}

/// A double's exact decimal expansion ends within this many digits after
/// the point (1074 for the smallest subnormal), and has fewer significant
/// digits than this; past it, every digit is a zero. Rust's formatter
/// takes precisions below 65536 only, CPython any.
const EXACT_DIGITS: usize = 1100;

/// `x` with `p` digits after the point, for any `p`.
fn fixed_digits(x: f64, p: usize) -> String {
    let mut s = format!("{:.*}", p.min(EXACT_DIGITS), x);
    if p > EXACT_DIGITS && x.is_finite() {
        s.extend(std::iter::repeat_n('0', p - EXACT_DIGITS));
    }
    s
}

/// `x` as Rust's `{:e}` writes it with `p` digits after the point, for
/// any `p`.
fn exp_digits(x: f64, p: usize) -> String {
    let s = format!("{:.*e}", p.min(EXACT_DIGITS), x);
    match s.split_once('e') {
        Some((mant, exp)) if p > EXACT_DIGITS => {
            let zeros = "0".repeat(p - EXACT_DIGITS);
            format!("{mant}{zeros}e{exp}")
        }
        _ => s,
    }
}

/// `x` in exponent notation with `p` digits after the point, CPython's
/// exponent layout (sign and at least two digits).
fn exp_form(x: f64, p: usize, upper: bool, alt: bool) -> String {
    let s = exp_digits(x, p);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut mant = mant.to_string();
    if alt && !mant.contains('.') {
        mant.push('.');
    }
    let e = if upper { 'E' } else { 'e' };
    format!(
        "{mant}{e}{}{:02}",
        if exp < 0 { '-' } else { '+' },
        exp.abs()
    )
}

fn strip_zeros(s: &str) -> String {
    if let Some((mant, exp)) = s.split_once(['e', 'E']) {
        let e = if s.contains('E') { 'E' } else { 'e' };
        let m = if mant.contains('.') {
            mant.trim_end_matches('0').trim_end_matches('.')
        } else {
            mant
        };
        format!("{m}{e}{exp}")
    } else if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s.to_string()
    }
}

/// The decimal exponent of `x` as `%e` with `p` digits would print it.
fn decimal_exponent(x: f64, p: usize) -> i32 {
    let s = exp_digits(x, p);
    s.split_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0)
}

/// `%g`: `p` significant digits, fixed or exponent form.
fn general(x: f64, p: usize, upper: bool, alt: bool, repr_style: bool) -> String {
    let p = p.max(1);
    let exp = decimal_exponent(x, p - 1);
    let s = if exp >= -4 && (exp as i64) < p as i64 {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        let mut s = fixed_digits(x, decimals);
        if alt && !s.contains('.') {
            s.push('.');
        }
        if repr_style && !s.contains('.') {
            s.push_str(".0");
        }
        s
    } else {
        exp_form(x, p - 1, upper, alt)
    };
    if alt {
        s
    } else if repr_style {
        let t = strip_zeros(&s);
        if !t.contains(['.', 'e', 'E']) {
            format!("{t}.0")
        } else {
            t
        }
    } else {
        strip_zeros(&s)
    }
}

/// Digits of a finite or special float without sign.
fn float_body(x: f64, spec: &Spec) -> Result<String, String> {
    let upper = matches!(spec.ty, Some('E' | 'F' | 'G'));
    if x.is_nan() || x.is_infinite() {
        let s = if x.is_nan() { "nan" } else { "inf" };
        let s = if upper {
            s.to_uppercase()
        } else {
            s.to_string()
        };
        return Ok(if spec.ty == Some('%') {
            format!("{s}%")
        } else {
            s
        });
    }
    Ok(match spec.ty {
        Some('f' | 'F') => {
            let mut s = fixed_digits(x, spec.precision.unwrap_or(6));
            if spec.alt && !s.contains('.') {
                s.push('.');
            }
            s
        }
        Some('e' | 'E') => exp_form(x, spec.precision.unwrap_or(6), upper, spec.alt),
        Some('g' | 'G' | 'n') => general(x, spec.precision.unwrap_or(6), upper, spec.alt, false),
        Some('%') => {
            let mut s = fixed_digits(x * 100.0, spec.precision.unwrap_or(6));
            if spec.alt && !s.contains('.') {
                s.push('.');
            }
            s.push('%');
            s
        }
        None => match spec.precision {
            None => {
                let r = crate::objects::float::repr(x);
                if spec.alt && !r.contains('.') {
                    // `#` keeps a point in the shortest form.
                    match r.split_once('e') {
                        Some((m, e)) => format!("{m}.e{e}"),
                        None => format!("{r}."),
                    }
                } else {
                    r
                }
            }
            Some(p) => general(x, p, false, spec.alt, true),
        },
        Some(t) => {
            return Err(format!(
                "Unknown format code '{t}' for object of type 'float'"
            ))
        }
    })
}

pub fn format_float(x: f64, spec: &Spec) -> Result<String, String> {
    if let Some(t) = spec.ty {
        if !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
            return Err(format!(
                "Unknown format code '{t}' for object of type 'float'"
            ));
        }
    }
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err("precision too big".into());
    }
    let mut negative = x.is_sign_negative() && !x.is_nan();
    let mut body = float_body(x.abs(), spec)?;
    if negative
        && spec.z
        && body
            .chars()
            .all(|c| matches!(c, '0' | '.' | '%' | 'e' | 'E' | '+' | '-'))
    {
        negative = false;
    }
    if let Some(sep) = spec.grouping {
        let int_end = body
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(body.len());
        let (int_part, rest) = body.split_at(int_end);
        let zero_pad = spec.zero && spec.align.is_none();
        let lead_len = sign_str(negative, spec.sign).len();
        let grouped = if zero_pad {
            let min = spec
                .width
                .unwrap_or(0)
                .saturating_sub(lead_len + rest.chars().count());
            group_padded(int_part, sep, 3, min)
        } else {
            group(int_part, sep, 3)
        };
        body = format!("{grouped}{rest}");
    }
    let lead = sign_str(negative, spec.sign);
    let special = x.is_nan() || x.is_infinite();
    let mut s = spec.clone();
    if special && s.zero && s.fill.is_none() {
        // CPython pads inf and nan with the requested zeros too.
    }
    if s.zero && s.align.is_none() {
        s.align = Some('=');
        s.fill = Some(s.fill.unwrap_or('0'));
    }
    Ok(pad(&s, lead, &body, '>'))
}

pub fn format_complex(re: f64, im: f64, spec: &Spec) -> Result<String, String> {
    if spec.zero {
        return Err("Zero padding is not allowed in complex format specifier".into());
    }
    if spec.align == Some('=') {
        return Err("'=' alignment flag is not allowed in complex format specifier".into());
    }
    if let Some(t) = spec.ty {
        if !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') {
            return Err(format!(
                "Unknown format code '{t}' for object of type 'complex'"
            ));
        }
    }
    let inner = Spec {
        fill: None,
        align: None,
        width: None,
        zero: false,
        ..spec.clone()
    };
    // Without a type code the number reads as its str(): no real part
    // when that is +0, parentheses otherwise.
    let no_type = spec.ty.is_none();
    let body = if no_type && spec.precision.is_none() {
        crate::objects::complex::repr(re, im)
    } else {
        let mut respec = inner.clone();
        if respec.ty.is_none() {
            respec.ty = Some('g');
        }
        let skip_re = no_type && re == 0.0 && re.is_sign_positive();
        let mut imspec = respec.clone();
        if !skip_re {
            imspec.sign = Some('+');
        }
        let i = format_float(im, &imspec)?;
        if skip_re {
            format!("{i}j")
        } else {
            let r = format_float(re, &respec)?;
            if no_type {
                format!("({r}{i}j)")
            } else {
                format!("{r}{i}j")
            }
        }
    };
    Ok(pad(spec, "", &body, '>'))
}

impl Vm {
    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: Option<&Value>) -> PyResult {
        let spec_obj = spec.and_then(|s| s.as_obj()).cloned();
        let spec_text: std::borrow::Cow<str> = match spec {
            None => "".into(),
            Some(s) => match spec_obj.as_ref().and_then(crate::objects::str::as_pystr) {
                Some(p) => p.to_string_lossy(),
                None => {
                    return Err(self.type_error(format!(
                        "format() argument 2 must be str, not {}",
                        self.arg_type_name(s)
                    )))
                }
            },
        };
        // Exact built-in values format natively.
        if !self.class_of(v).tdata().heap {
            if spec_text.is_empty() {
                if let Some(crate::object::ObjKind::Str(_)) = v.kind() {
                    return Ok(v.clone());
                }
            }
            if let Some(r) = self.native_format(v, &spec_text) {
                return r;
            }
        }
        let name = self.names.format.clone();
        let cls = self.class_of(v).clone();
        let m = self.lookup_type_obj(&cls, &name);
        let spec_val = self.new_string(spec_text.into_owned());
        let r = match m {
            Some(m) => self.call_method_value(&m, v.clone(), vec![spec_val])?,
            None => return Err(self.type_error("object has no __format__")),
        };
        if crate::objects::str::value_pystr(&r).is_none() {
            return Err(self.type_error(format!(
                "__format__ must return a str, not {}",
                self.type_name(&r)
            )));
        }
        Ok(r)
    }

    /// Formats ints, floats, complex numbers and strings by payload.
    pub fn native_format(&mut self, v: &Value, spec_text: &str) -> Option<PyResult> {
        use crate::object::ObjKind;
        let what = match v {
            Value::Int(_) | Value::Truth(_) => "int",
            Value::FloatBits(_) => "float",
            Value::Obj(o) => match o.kind() {
                ObjKind::Int(_) => "int",
                ObjKind::Float(_) => "float",
                ObjKind::Complex(..) => "complex",
                ObjKind::Str(_) => "str",
                _ => return None,
            },
            _ => return None,
        };
        if spec_text.is_empty() && what != "str" {
            return Some(self.str(v));
        }
        let spec = match parse(spec_text, what) {
            Ok(s) => s,
            Err(e) => return Some(Err(self.value_error(e))),
        };
        // A width no memory could hold fails as CPython's allocation
        // does, once the spec has been checked against the value.
        let mut spec = spec;
        let too_wide = spec.width.unwrap_or(0) > MAX_WIDTH;
        if too_wide {
            spec.width = None;
        }
        let r = match v {
            Value::Int(i) => format_i64(*i, &spec),
            Value::Truth(b) => format_i64(*b as i64, &spec),
            Value::FloatBits(f) => format_float(f64::from_bits(*f), &spec),
            Value::Obj(o) => match o.kind() {
                ObjKind::Int(b) => format_int(self, b, &spec),
                ObjKind::Float(f) => format_float(*f, &spec),
                ObjKind::Complex(re, im) => format_complex(*re, *im, &spec),
                ObjKind::Str(s) => match format_pystr(s, &spec) {
                    Ok(t) if !too_wide => return Some(Ok(self.new_pystr(t))),
                    Ok(_) => Ok(String::new()),
                    Err(e) => Err(e),
                },
                _ => return None,
            },
            _ => return None,
        };
        Some(match r {
            Ok(_) if too_wide => Err(self.new_exception(&self.exc.memory_error, vec![])),
            Ok(s) => Ok(self.new_string(s)),
            // The message names the value's own type (`bool`, not `int`).
            Err(e) => Err(self.format_error(e.replace(
                &format!("for object of type '{what}'"),
                &format!("for object of type '{}'", self.type_name(v)),
            ))),
        })
    }

    /// The exception for a formatting error message.
    pub fn format_error(&self, message: String) -> crate::value::Obj {
        if message == CHAR_OUT_OF_RANGE || message == TOO_LARGE_FOR_C_LONG {
            self.overflow_error(message)
        } else {
            self.value_error(message)
        }
    }
}
