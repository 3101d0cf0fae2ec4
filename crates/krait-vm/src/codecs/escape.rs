//! The escape codecs: `unicode_escape` and `raw_unicode_escape` (text as
//! Python source spells it), `escape_decode`/`escape_encode` (bytes
//! literals), and `charmap` (the table-driven one-byte codecs of
//! `encodings`).

use super::errors::{self, Decoder, Encoder, Step};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn hex_digits(data: &[u8], pos: usize, n: usize) -> (u32, usize) {
    let mut v = 0u32;
    let mut k = 0;
    while k < n {
        match data.get(pos + k).and_then(|b| (*b as char).to_digit(16)) {
            Some(d) => v = v.wrapping_mul(16) + d,
            None => break,
        }
        k += 1;
    }
    (v, k)
}

fn unicode_escape_step(data: &[u8], pos: usize, _: bool) -> Step {
    let b = data[pos];
    if b != b'\\' {
        return Step::Char(b as u32, 1);
    }
    let Some(&c) = data.get(pos + 1) else {
        return Step::Invalid(data.len(), "\\ at end of string");
    };
    let simple = match c {
        b'\\' => Some('\\'),
        b'\'' => Some('\''),
        b'"' => Some('"'),
        b'a' => Some('\x07'),
        b'b' => Some('\x08'),
        b'f' => Some('\x0c'),
        b'n' => Some('\n'),
        b'r' => Some('\r'),
        b't' => Some('\t'),
        b'v' => Some('\x0b'),
        _ => None,
    };
    if let Some(ch) = simple {
        return Step::Char(ch as u32, 2);
    }
    match c {
        b'\n' => Step::Char(u32::MAX, 2),
        b'0'..=b'7' => {
            let mut v = 0u32;
            let mut k = 0;
            while k < 3 {
                match data.get(pos + 1 + k) {
                    Some(d @ b'0'..=b'7') => v = v * 8 + (d - b'0') as u32,
                    _ => break,
                }
                k += 1;
            }
            Step::Char(v, 1 + k)
        }
        b'x' | b'u' | b'U' => {
            let (n, what) = match c {
                b'x' => (2, "truncated \\xXX escape"),
                b'u' => (4, "truncated \\uXXXX escape"),
                _ => (8, "truncated \\UXXXXXXXX escape"),
            };
            let (v, k) = hex_digits(data, pos + 2, n);
            if k < n {
                return Step::Invalid(pos + 2 + k, what);
            }
            if v > 0x10FFFF {
                return Step::Invalid(pos + 2 + k, "illegal Unicode character");
            }
            Step::Char(v, 2 + n)
        }
        b'N' => {
            let malformed = Step::Invalid(pos + 2, "malformed \\N character escape");
            if data.get(pos + 2) != Some(&b'{') {
                return malformed;
            }
            let Some(close) = data[pos + 3..].iter().position(|&b| b == b'}') else {
                return malformed;
            };
            let name = String::from_utf8_lossy(&data[pos + 3..pos + 3 + close]);
            if name.is_empty() {
                return malformed;
            }
            match krait_unicode::character(&name) {
                Some(ch) => Step::Char(ch as u32, close + 4),
                None => Step::Invalid(pos + close + 4, "unknown Unicode character name"),
            }
        }
        // An unknown escape stands for itself, backslash included.
        _ => Step::Char(b'\\' as u32, 1),
    }
}

pub fn unicode_escape_decode(vm: &mut Vm, data: &[u8], errors: &str) -> PyResult<Vec<u32>> {
    let d = Decoder {
        name: "unicodeescape",
        step: &unicode_escape_step,
        surrogate: &|_, _| None,
    };
    let (mut cps, _) = errors::decode(vm, &d, data, errors, true)?;
    // A backslash-newline continues the line: it decodes to nothing.
    cps.retain(|&c| c != u32::MAX);
    Ok(cps)
}

pub fn unicode_escape_encode(text: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for &c in text {
        match c {
            0x5C => out.extend_from_slice(b"\\\\"),
            0x09 => out.extend_from_slice(b"\\t"),
            0x0A => out.extend_from_slice(b"\\n"),
            0x0D => out.extend_from_slice(b"\\r"),
            0x20..=0x7E => out.push(c as u8),
            _ => out.extend(errors::backslash_escape(c).bytes()),
        }
    }
    out
}

pub fn raw_unicode_escape_decode(vm: &mut Vm, data: &[u8], errors: &str) -> PyResult<Vec<u32>> {
    let step = |data: &[u8], pos: usize, _: bool| {
        let b = data[pos];
        // A backslash starts an escape only before `u`/`U`, and only when
        // an even number of backslashes come right before it.
        let before = data[..pos]
            .iter()
            .rev()
            .take_while(|&&c| c == b'\\')
            .count();
        let next = data.get(pos + 1);
        if b != b'\\' || before % 2 == 1 || !matches!(next, Some(b'u' | b'U')) {
            return Step::Char(b as u32, 1);
        }
        let n = if next == Some(&b'u') { 4 } else { 8 };
        let (v, k) = hex_digits(data, pos + 2, n);
        if k < n {
            let what = if n == 4 {
                "truncated \\uXXXX escape"
            } else {
                "truncated \\UXXXXXXXX escape"
            };
            return Step::Invalid(pos + 2 + k, what);
        }
        if v > 0x10FFFF {
            return Step::Invalid(pos + 2 + k, "\\Uxxxxxxxx out of range");
        }
        Step::Char(v, 2 + n)
    };
    let d = Decoder {
        name: "rawunicodeescape",
        step: &step,
        surrogate: &|_, _| None,
    };
    Ok(errors::decode(vm, &d, data, errors, true)?.0)
}

pub fn raw_unicode_escape_encode(text: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for &c in text {
        if c < 0x100 {
            out.push(c as u8);
        } else if c < 0x10000 {
            out.extend(format!("\\u{c:04x}").bytes());
        } else {
            out.extend(format!("\\U{c:08x}").bytes());
        }
    }
    out
}

/// `codecs.escape_decode`: the escapes of a bytes literal, decoded as
/// the parser decodes them.
pub fn escape_decode(vm: &mut Vm, data: &[u8]) -> PyResult<Vec<u8>> {
    krait_syntax::literals::decode_escaped_bytes(data).map_err(|e| {
        let msg = e.0.strip_prefix("(value error) ").unwrap_or(&e.0);
        vm.value_error(msg)
    })
}

/// `codecs.escape_encode`: bytes as a bytes literal spells them.
pub fn escape_encode(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    for &b in data {
        match b {
            b'\'' | b'\\' => {
                out.push(b'\\');
                out.push(b);
            }
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7E => out.push(b),
            _ => out.extend(format!("\\x{b:02x}").bytes()),
        }
    }
    out
}

// ---- charmap ---------------------------------------------------------------

/// `charmap_decode` with `mapping`: a str (a decoding table) or a mapping
/// from bytes to code points, strs or None.
pub fn charmap_decode(
    vm: &mut Vm,
    data: &[u8],
    errors: &str,
    mapping: &Value,
) -> PyResult<Vec<u32>> {
    if mapping.is_none() {
        return Ok(super::unicode::latin1_decode(data));
    }
    // Each byte's characters, read from the mapping once.
    let mut table: Vec<Option<Vec<u32>>> = Vec::with_capacity(256);
    if let Some(t) = crate::objects::str::value_pystr(mapping) {
        let cps: Vec<u32> = t.code_points().collect();
        for b in 0..256 {
            table.push(cps.get(b).filter(|&&c| c != 0xFFFE).map(|&c| vec![c]));
        }
    } else {
        for b in 0..256i64 {
            let v = match vm.getitem(mapping, &Value::Int(b)) {
                Ok(v) => v,
                Err(e) if e.class().is_subtype(&vm.exc.lookup_error) => Value::None,
                Err(e) => return Err(e),
            };
            table.push(if v.is_none() {
                None
            } else if let Some(i) = crate::api::small_int(&v) {
                if !(0..=0x10FFFF).contains(&i) {
                    return Err(vm.type_error("character mapping must be in range(0x110000)"));
                }
                (i != 0xFFFE).then(|| vec![i as u32])
            } else if let Some(s) = crate::objects::str::value_pystr(&v) {
                Some(s.code_points().collect())
            } else {
                return Err(vm.type_error("character mapping must return integer, None or str"));
            });
        }
    }
    let step = |data: &[u8], pos: usize, _: bool| match &table[data[pos] as usize] {
        Some(cps) if cps.len() == 1 => Step::Char(cps[0], 1),
        Some(cps) => Step::Many(cps.clone(), 1),
        None => Step::Invalid(pos + 1, "character maps to <undefined>"),
    };
    let d = Decoder {
        name: "charmap",
        step: &step,
        surrogate: &|_, _| None,
    };
    Ok(errors::decode(vm, &d, data, errors, true)?.0)
}

/// `charmap_encode` with `mapping`: code point to byte (an int, bytes,
/// or None for unmapped).
pub fn charmap_encode(
    vm: &mut Vm,
    text: &[u32],
    errors: &str,
    mapping: &Value,
) -> PyResult<Vec<u8>> {
    if mapping.is_none() {
        return super::unicode::onebyte_encode(vm, text, errors, 0x100);
    }
    // What each distinct code point maps to, looked up before encoding.
    let mut known: std::collections::HashMap<u32, Option<Vec<u8>>> = Default::default();
    // The ASCII characters too: error handlers write their replacements
    // with them.
    for &c in text.iter().chain((0..0x80u32).collect::<Vec<_>>().iter()) {
        if known.contains_key(&c) {
            continue;
        }
        let v = match vm.getitem(mapping, &Value::Int(c as i64)) {
            Ok(v) => v,
            Err(e) if e.class().is_subtype(&vm.exc.lookup_error) => Value::None,
            Err(e) => return Err(e),
        };
        let bytes = if v.is_none() {
            None
        } else if let Some(i) = crate::api::small_int(&v) {
            if !(0..256).contains(&i) {
                return Err(vm.type_error("character mapping must be in range(256)"));
            }
            Some(vec![i as u8])
        } else if let Some(b) = crate::api::bytes_data(&v) {
            Some(b.into_owned())
        } else {
            return Err(
                vm.type_error("character mapping must return integer, bytes or None, not str")
            );
        };
        known.insert(c, bytes);
    }
    let char = |c: u32, out: &mut Vec<u8>| match known.get(&c) {
        Some(Some(b)) => {
            out.extend_from_slice(b);
            true
        }
        _ => false,
    };
    let e = Encoder {
        name: "charmap",
        char: &char,
        surrogate: &|_, _| false,
        reason: "character maps to <undefined>",
        bytewise: true,
    };
    errors::encode(vm, &e, text, errors)
}
