//! `%`-formatting of `str` and `bytes`. A str result is built as
//! generalised UTF-8, so lone surrogates in the format and the arguments
//! come through.

use crate::object::ObjKind;
use crate::objects::str::format_spec::{format_float, format_int, format_pystr, Spec, MAX_WIDTH};
use crate::objects::str::PyStr;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A width or precision given as `*`: an int, nothing else, that fits
/// the C type CPython reads it into (`c_type`, of at most `max`).
fn star_arg(vm: &mut Vm, v: &Value, c_type: &str, max: i64) -> PyResult<i64> {
    let n = match v {
        Value::Int(n) => Some(*n),
        Value::Truth(b) => Some(*b as i64),
        _ => match v.kind() {
            Some(ObjKind::Int(b)) => i64::try_from(b).ok(),
            _ => return Err(vm.type_error("* wants int")),
        },
    };
    match n {
        Some(n) if (-max..=max).contains(&n) => Ok(n),
        _ => Err(vm.overflow_error(format!("Python int too large to convert to C {c_type}"))),
    }
}

/// The code point at byte `i` of generalised UTF-8, and its length.
fn code_point_at(b: &[u8], i: usize) -> (u32, usize) {
    let lead = b[i] as u32;
    let (len, init) = match lead {
        0..=0x7F => return (lead, 1),
        0xC0..=0xDF => (2, lead & 0x1F),
        0xE0..=0xEF => (3, lead & 0x0F),
        _ => (4, lead & 0x07),
    };
    let tail = b.get(i + 1..i + len).unwrap_or(&[]);
    let cp = tail
        .iter()
        .fold(init, |acc, &c| (acc << 6) | (c as u32 & 0x3F));
    (cp, len.min(b.len() - i))
}

/// `text % args` over the format's generalised UTF-8 bytes, producing
/// the result's.
fn percent(vm: &mut Vm, fmt: &[u8], args: &Value, is_bytes: bool) -> PyResult<Vec<u8>> {
    // Any other object with `__getitem__` (but a str, or bytes for bytes
    // formatting) serves `%(name)s` and excuses unused arguments, as in
    // CPython.
    let mapping_like = match args.kind() {
        Some(ObjKind::Tuple(_) | ObjKind::Str(_)) => false,
        Some(ObjKind::Bytes(_) | ObjKind::ByteArray(_)) if is_bytes => false,
        Some(ObjKind::Dict(_) | ObjKind::List(_) | ObjKind::Range { .. }) => true,
        Some(ObjKind::Bytes(_) | ObjKind::ByteArray(_) | ObjKind::MappingProxy(_)) => true,
        _ => {
            let cls = vm.class_of(args).clone();
            cls.tdata().heap && vm.lookup_type(&cls, "__getitem__").is_some()
        }
    };
    let (items, mapping) = match args.kind() {
        Some(ObjKind::Tuple(t)) => (t.to_vec(), None),
        _ if mapping_like => (vec![args.clone()], Some(args.clone())),
        _ => (vec![args.clone()], None),
    };
    let mut next = 0usize;
    let mut out = Vec::with_capacity(fmt.len() + 16);
    // The syntax is ASCII: bytes are scanned, literal runs copied whole.
    let b = fmt;
    let digits = |from: usize, to: usize| std::str::from_utf8(&b[from..to]).unwrap_or("");
    let mut i = 0;
    let mut used_mapping = false;
    while i < b.len() {
        if b[i] != b'%' {
            let run = memchr::memchr(b'%', &b[i..]).unwrap_or(b.len() - i);
            out.extend_from_slice(&b[i..i + run]);
            i += run;
            continue;
        }
        i += 1;
        let spec_start = i;
        if i >= b.len() {
            return Err(vm.value_error("incomplete format"));
        }
        let mut key: Option<PyStr> = None;
        if b[i] == b'(' {
            let mut depth = 1;
            let start = i + 1;
            i += 1;
            while i < b.len() && depth > 0 {
                match b[i] {
                    b'(' => depth += 1,
                    b')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return Err(vm.value_error("incomplete format key"));
            }
            key = Some(PyStr::from_wtf8_slice(&b[start..i - 1]));
        }
        let mut spec = Spec::default();
        i = parse_flags(b, i, &mut spec);
        let mut take_arg = |vm: &mut Vm| -> PyResult<Value> {
            if let Some(k) = &key {
                used_mapping = true;
                let m = mapping.clone().unwrap_or_else(|| args.clone());
                if mapping.is_none() && !matches!(args.kind(), Some(ObjKind::Dict(_))) {
                    return Err(vm.type_error("format requires a mapping"));
                }
                let kv = vm.new_pystr(PyStr::from_wtf8_slice(k.as_bytes()));
                return vm.getitem(&m, &kv);
            }
            if next >= items.len() {
                return Err(vm.type_error("not enough arguments for format string"));
            }
            next += 1;
            Ok(items[next - 1].clone())
        };
        if i < b.len() && b[i] == b'*' {
            let w = take_arg(vm)?;
            let w = star_arg(vm, &w, "ssize_t", i64::MAX)?;
            // A negative width from the arguments left-aligns, as `-` does.
            if w < 0 {
                spec.align = Some('<');
            }
            spec.width = Some(w.unsigned_abs() as usize);
            i += 1;
        } else {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i > start {
                match digits(start, i).parse::<i64>() {
                    Ok(w) => spec.width = Some(w as usize),
                    Err(_) => return Err(vm.value_error("width too big")),
                }
            }
        }
        if i < b.len() && b[i] == b'.' && b.get(i + 1) == Some(&b'*') {
            i += 2;
            let p = take_arg(vm)?;
            let p = star_arg(vm, &p, "int", i32::MAX.into())?;
            spec.precision = Some(p.max(0) as usize);
        } else if i < b.len() && b[i] == b'.' {
            i += 1;
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            spec.precision = match digits(start, i) {
                "" => Some(0),
                digits => match digits.parse::<i64>() {
                    Ok(p) => Some(p as usize),
                    Err(_) => return Err(vm.value_error("precision too big")),
                },
            };
        }
        while i < b.len() && matches!(b[i], b'h' | b'l' | b'L') {
            i += 1;
        }
        if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
            return Err(vm.value_error("precision too big"));
        }
        if i >= b.len() {
            return Err(vm.value_error("incomplete format"));
        }
        let (conv_point, conv_len) = code_point_at(b, i);
        let conv = char::from_u32(conv_point).unwrap_or('\u{FFFD}');
        let conv_at = i;
        i += conv_len;
        // `%%` is a percent sign only when nothing stands between the two.
        if conv == '%' && conv_at == spec_start {
            out.push(b'%');
            continue;
        }
        let arg = take_arg(vm)?;
        if spec.width.is_some_and(|w| w > MAX_WIDTH) {
            return Err(vm.new_exception(&vm.exc.memory_error, vec![]));
        }
        if spec.align == Some('<') {
            spec.zero = false;
        }
        let piece = match conv {
            's' | 'r' | 'a' | 'b' if conv != 'b' || is_bytes => {
                text_piece(vm, conv, &arg, &spec, is_bytes)?
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                PyStr::from_string(integer_piece(vm, conv, &arg, &spec)?)
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                PyStr::from_string(float_piece(vm, conv, &arg, &spec)?)
            }
            'c' => char_piece(vm, &arg, &spec, is_bytes)?,
            other => {
                // Characters before it: bytes that do not continue one.
                let index = b[..conv_at].iter().filter(|&&c| c & 0xC0 != 0x80).count();
                return Err(vm.value_error(format!(
                    "unsupported format character '{}' (0x{:x}) at index {}",
                    other, conv_point, index
                )));
            }
        };
        out.extend_from_slice(piece.as_bytes());
    }
    if next < items.len() && !used_mapping && mapping.is_none() {
        return Err(vm.type_error(if is_bytes {
            "not all arguments converted during bytes formatting"
        } else {
            "not all arguments converted during string formatting"
        }));
    }
    Ok(out)
}

fn pad_number(s: &str, spec: &Spec) -> String {
    let width = spec.width.unwrap_or(0);
    let n = s.chars().count();
    if n >= width {
        return s.to_string();
    }
    let pad = width - n;
    let mut out = String::with_capacity(s.len() + pad);
    if spec.align == Some('<') {
        out.push_str(s);
        out.extend(std::iter::repeat_n(' ', pad));
    } else if spec.zero {
        let body = s.trim_start_matches(['-', '+', ' ']);
        let sign = &s[..s.len() - body.len()];
        let (prefix, rest) = if spec.alt
            && (body.starts_with("0x") || body.starts_with("0X") || body.starts_with("0o"))
        {
            body.split_at(2)
        } else {
            ("", body)
        };
        out.push_str(sign);
        out.push_str(prefix);
        out.extend(std::iter::repeat_n('0', pad));
        out.push_str(rest);
    } else {
        out.extend(std::iter::repeat_n(' ', pad));
        out.push_str(s);
    }
    out
}

pub fn str_percent(vm: &mut Vm, a: &Value, b: &Value) -> PyResult {
    let fmt = crate::objects::str::value_pystr(a)
        .map(|s| s.as_bytes().to_vec())
        .unwrap_or_default();
    let s = percent(vm, &fmt, b, false)?;
    Ok(vm.new_pystr(PyStr::from_wtf8(s)))
}

pub fn bytes_percent(vm: &mut Vm, a: &Value, b: &Value) -> PyResult {
    // Bytes are formatted as Latin-1 text, one character per byte.
    let data = crate::objects::bytes::bytes_of(vm, a)?;
    let fmt: String = data.iter().map(|&c| c as char).collect();
    let s = percent(vm, fmt.as_bytes(), b, true)?;
    let out: Vec<u8> = PyStr::from_wtf8(s).code_points().map(|c| c as u8).collect();
    if let Some(ObjKind::ByteArray(_)) = a.kind() {
        return Ok(crate::objects::bytes::new_bytearray(vm, out));
    }
    Ok(vm.new_bytes(out))
}

/// `%s`, `%r`, `%a` and (for bytes) `%b`: text, cut to the precision and padded.
fn text_piece(
    vm: &mut Vm,
    conv: char,
    arg: &Value,
    spec: &Spec,
    is_bytes: bool,
) -> PyResult<PyStr> {
    // In bytes, `%r` is `%a`: the text must be ASCII.
    let conv = if is_bytes && conv == 'r' { 'a' } else { conv };
    let text_of = |v: &Value| {
        crate::objects::str::value_pystr(v)
            .map(|s| PyStr::from_wtf8_slice(s.as_bytes()))
            .unwrap_or_else(|| PyStr::new(""))
    };
    let s = if conv == 's' && !is_bytes {
        let v = vm.str(arg)?;
        text_of(&v)
    } else if matches!(conv, 's' | 'b') {
        // Bytes go through as Latin-1 characters, one per byte.
        match arg.kind() {
            Some(ObjKind::Bytes(_) | ObjKind::ByteArray(_) | ObjKind::MemoryView(_)) => {
                let data = crate::api::bytes_data(arg).unwrap_or_default();
                PyStr::from_string(data.iter().map(|&c| c as char).collect())
            }
            _ if vm.special_method(arg, "__bytes__").is_some() => {
                let m = vm.special_method(arg, "__bytes__").unwrap_or(Value::None);
                let r = vm.call_method_value(&m, arg.clone(), vec![])?;
                let Some(ObjKind::Bytes(_)) = r.kind() else {
                    return Err(vm.type_error(format!(
                        "__bytes__ returned non-bytes (type {})",
                        vm.type_name(&r)
                    )));
                };
                let data = crate::objects::bytes::bytes_of(vm, &r)?;
                PyStr::from_string(data.iter().map(|&c| c as char).collect())
            }
            _ => {
                return Err(vm.type_error(format!(
                "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                vm.type_name(arg)
            )))
            }
        }
    } else if conv == 'a' {
        let r = vm.ascii(arg)?;
        text_of(&r)
    } else {
        let r = vm.repr(arg)?;
        text_of(&r)
    };
    if spec.width.is_none() && spec.precision.is_none() {
        return Ok(s);
    }
    pad_text(vm, &s, spec)
}

/// Text cut to the precision and padded to the width (right-aligned
/// unless `-` was given).
fn pad_text(vm: &Vm, s: &PyStr, spec: &Spec) -> PyResult<PyStr> {
    let mut sp = spec.clone();
    sp.zero = false;
    sp.sign = None;
    sp.alt = false;
    if sp.align.is_none() {
        sp.align = Some('>');
    }
    format_pystr(s, &sp).map_err(|e| vm.format_error(e))
}

/// `%d`, `%i`, `%u`, `%x`, `%X` and `%o`: an integer, its precision as a minimum digit count.
fn integer_piece(vm: &mut Vm, conv: char, arg: &Value, spec: &Spec) -> PyResult<String> {
    let is_float =
        matches!(arg, Value::FloatBits(_)) || matches!(arg.kind(), Some(ObjKind::Float(_)));
    if is_float && matches!(conv, 'x' | 'X' | 'o') {
        return Err(vm.type_error(format!(
            "%{conv} format: an integer is required, not {}",
            vm.type_name(arg)
        )));
    }
    let n = match arg {
        _ if is_float => {
            let f = vm.float_of(arg)?;
            crate::objects::int::methods::float_to_int(vm, f)?
        }
        _ => match vm.index_int(arg)? {
            Some(v) => v,
            None => {
                let what = if matches!(conv, 'd' | 'i' | 'u') {
                    "a real number"
                } else {
                    "an integer"
                };
                return Err(vm.type_error(format!(
                    "%{conv} format: {what} is required, not {}",
                    vm.type_name(arg)
                )));
            }
        },
    };
    let big = crate::objects::int::to_big(&n).unwrap_or_default();
    let mut sp = spec.clone();
    sp.ty = Some(match conv {
        'x' => 'x',
        'X' => 'X',
        'o' => 'o',
        _ => 'd',
    });
    let prec = sp.precision.take();
    let mut s = format_int(
        vm,
        &big,
        &Spec {
            width: None,
            zero: false,
            align: None,
            fill: None,
            ..sp.clone()
        },
    )
    .map_err(|e| vm.format_error(e))?;
    if let Some(p) = prec {
        // The precision counts digits: after the sign and any `0x`/`0o`.
        let unsigned = s.trim_start_matches(['-', '+', ' ']);
        let sign_len = s.len() - unsigned.len();
        let prefix_len = if spec.alt && matches!(conv, 'x' | 'X' | 'o') {
            2
        } else {
            0
        };
        let digits = &s[sign_len + prefix_len..];
        if digits.len() < p {
            let head = &s[..sign_len + prefix_len];
            s = format!("{head}{}{digits}", "0".repeat(p - digits.len()));
        }
    }
    Ok(pad_number(&s, spec))
}

/// `%e`, `%f`, `%g` and their capitals.
fn float_piece(vm: &mut Vm, conv: char, arg: &Value, spec: &Spec) -> PyResult<String> {
    let f = match arg {
        Value::FloatBits(f) => f64::from_bits(*f),
        _ => match vm.float_of(arg) {
            Ok(f) => f,
            Err(_) => {
                return Err(vm.type_error(format!("must be real number, not {}", vm.type_name(arg))))
            }
        },
    };
    let mut sp = spec.clone();
    sp.ty = Some(conv);
    if sp.precision.is_none() {
        sp.precision = Some(6);
    }
    let s = format_float(
        f,
        &Spec {
            width: None,
            zero: false,
            align: None,
            fill: None,
            ..sp
        },
    )
    .map_err(|e| vm.format_error(e))?;
    Ok(pad_number(&s, spec))
}

/// The int a `%c` argument stands for (`i64::MAX` for any bigger one, so
/// that it reads as out of range), or None for a non-integer.
fn code_point_arg(vm: &mut Vm, arg: &Value) -> PyResult<Option<i64>> {
    Ok(vm
        .index_int(arg)?
        .and_then(|n| crate::objects::int::to_big(&n))
        .map(|b| i64::try_from(&b).unwrap_or(i64::MAX)))
}

/// `%c`: a one-character str or a code point (for bytes, one byte or a
/// number below 256).
fn char_piece(vm: &mut Vm, arg: &Value, spec: &Spec, is_bytes: bool) -> PyResult<PyStr> {
    let s = match arg {
        _ if is_bytes => {
            let wrong = "%c requires an integer in range(256) or a single byte";
            let byte = match arg.kind() {
                Some(ObjKind::Bytes(_) | ObjKind::ByteArray(_)) => {
                    let data = crate::objects::bytes::bytes_of(vm, arg)?;
                    match data[..] {
                        [b] => b,
                        _ => return Err(vm.type_error(wrong)),
                    }
                }
                _ => match code_point_arg(vm, arg)? {
                    Some(n) if (0..256).contains(&n) => n as u8,
                    Some(_) => return Err(vm.overflow_error("%c arg not in range(256)")),
                    None => return Err(vm.type_error(wrong)),
                },
            };
            PyStr::from_code_points([byte as u32])
        }
        Value::Obj(o) if matches!(o.kind(), ObjKind::Str(_)) => {
            let p = crate::objects::str::as_pystr(o).unwrap();
            if p.len() != 1 {
                return Err(vm.type_error("%c requires int or char"));
            }
            PyStr::from_wtf8_slice(p.as_bytes())
        }
        _ => match code_point_arg(vm, arg)? {
            Some(cp) if (0..0x110000).contains(&cp) => PyStr::from_code_points([cp as u32]),
            Some(_) => return Err(vm.overflow_error("%c arg not in range(0x110000)")),
            None => return Err(vm.type_error("%c requires int or char")),
        },
    };
    pad_text(
        vm,
        &s,
        &Spec {
            precision: None,
            ..spec.clone()
        },
    )
}

/// The conversion flags (`-`, `+`, space, `#`, `0`) from `b[i]` on, into
/// `spec`; returns where they end.
fn parse_flags(b: &[u8], mut i: usize, spec: &mut Spec) -> usize {
    while i < b.len() && matches!(b[i], b'-' | b'+' | b' ' | b'#' | b'0') {
        match b[i] {
            b'-' => spec.align = Some('<'),
            b'+' => spec.sign = Some('+'),
            b' ' => {
                if spec.sign.is_none() {
                    spec.sign = Some(' ')
                }
            }
            b'#' => spec.alt = true,
            _ => spec.zero = true,
        }
        i += 1;
    }
    i
}
