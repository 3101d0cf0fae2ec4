//! Decoding the text of literals: string prefixes, escape sequences and
//! numbers, with CPython's error messages.

use dashu_int::IBig;
use krait_values::text::PyString;

/// The parts of a string token: its prefix flags and the text between the quotes.
#[derive(Clone, Copy, Debug)]
pub struct StringToken<'a> {
    pub bytes: bool,
    pub raw: bool,
    pub fstring: bool,
    /// A lowercase `u` prefix, which CPython records as `kind='u'`.
    pub u_prefix: bool,
    /// The text between the quotes, escapes still in it.
    pub body: &'a str,
    /// Byte offset of `body` within the token text.
    pub body_offset: usize,
}

pub fn split_string_token(text: &str) -> StringToken<'_> {
    let (mut bytes, mut raw, mut fstring, mut u_prefix) = (false, false, false, false);
    let mut i = 0;
    let b = text.as_bytes();
    while i < b.len() && b[i] != b'\'' && b[i] != b'"' {
        match b[i].to_ascii_lowercase() {
            b'b' => bytes = true,
            b'r' => raw = true,
            b'f' => fstring = true,
            _ if b[i] == b'u' => u_prefix = true,
            _ => {}
        }
        i += 1;
    }
    let quote = b[i];
    let q = if b.len() >= i + 6 && b[i + 1] == quote && b[i + 2] == quote {
        3
    } else {
        1
    };
    let body = &text[i + q..text.len() - q];
    StringToken {
        bytes,
        raw,
        fstring,
        u_prefix,
        body,
        body_offset: i + q,
    }
}

/// Why an escape sequence could not be decoded, phrased as CPython phrases it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EscapeError(pub String);

fn unicode_error(start: usize, end: usize, what: &str) -> EscapeError {
    EscapeError(format!(
        "(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{end}: {what}"
    ))
}

/// The body of a non-raw `str` literal, escape sequences decoded.
/// Positions in errors count bytes as CPython's decoder sees them, where every
/// non-ASCII character has first been rewritten as a 10-byte `\UXXXXXXXX`.
/// Returns the warning for the first escape Python does not know
/// (`invalid escape sequence '\\d'`), if there is one.
pub fn decode_str_escapes(body: &str, out: &mut PyString) -> Result<Option<String>, EscapeError> {
    let mut invalid = None;
    if !body.contains('\\') {
        out.push_str(body);
        return Ok(invalid);
    }
    let b = body.as_bytes();
    let mut i = 0;
    let mut lit_start = 0;
    // Offset in CPython's rewritten buffer: non-ASCII chars count 10 bytes each.
    let mut shift = 0usize;
    let pos_of = |i: usize, shift: usize| i + shift;
    while i < b.len() {
        if b[i] != b'\\' {
            if b[i] >= 0x80 {
                let ch = body[i..].chars().next().unwrap();
                shift += 10 - ch.len_utf8();
                i += ch.len_utf8();
            } else {
                i += 1;
            }
            continue;
        }
        out.push_str(&body[lit_start..i]);
        let start = pos_of(i, shift);
        i += 1;
        let Some(&c) = b.get(i) else {
            return Err(unicode_error(start, start, "\\ at end of string"));
        };
        i += 1;
        match c {
            b'\n' => {}
            b'\\' => out.push('\\'),
            b'\'' => out.push('\''),
            b'"' => out.push('"'),
            b'a' => out.push('\x07'),
            b'b' => out.push('\x08'),
            b'f' => out.push('\x0c'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'v' => out.push('\x0b'),
            b'0'..=b'7' => {
                let mut v = (c - b'0') as u32;
                for _ in 0..2 {
                    match b.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                if v > 0o377 {
                    note_octal(&mut invalid, &body[start - shift..i]);
                }
                out.push_code_point(v);
            }
            b'x' | b'u' | b'U' => {
                let (n, what) = match c {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut v: u32 = 0;
                for _ in 0..n {
                    match b.get(i).and_then(|&d| (d as char).to_digit(16)) {
                        Some(d) => {
                            v = v * 16 + d;
                            i += 1;
                        }
                        None => {
                            // The bytes reported end at the last one looked at.
                            let end = if i >= b.len() {
                                pos_of(b.len(), shift) - 1
                            } else {
                                pos_of(i, shift) - 1
                            };
                            return Err(unicode_error(start, end.max(start), what));
                        }
                    }
                }
                if v > 0x10FFFF {
                    return Err(unicode_error(
                        start,
                        pos_of(i, shift) - 1,
                        "illegal Unicode character",
                    ));
                }
                out.push_code_point(v);
            }
            b'N' => {
                let malformed = |end| unicode_error(start, end, "malformed \\N character escape");
                if b.get(i) != Some(&b'{') {
                    return Err(malformed(start + 1));
                }
                // Without a closing brace the decoder reads to the end.
                let Some(close) = body[i + 1..].find('}') else {
                    return Err(malformed(pos_of(b.len(), shift) - 1));
                };
                let name = &body[i + 1..i + 1 + close];
                i += close + 2;
                match lookup_unicode_name(name) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(unicode_error(
                            start,
                            pos_of(i, shift) - 1,
                            "unknown Unicode character name",
                        ))
                    }
                }
            }
            _ => {
                // An unknown escape keeps its backslash (a DeprecationWarning in 3.11).
                out.push('\\');
                i -= 1;
                if c < 0x80 {
                    note_unknown(&mut invalid, c as char);
                }
                lit_start = i;
                continue;
            }
        }
        lit_start = i;
    }
    out.push_str(&body[lit_start..]);
    Ok(invalid)
}

/// Records the first unknown escape of a literal, as CPython warns once.
fn note_unknown(invalid: &mut Option<String>, c: char) {
    invalid.get_or_insert_with(|| format!("invalid escape sequence '\\{c}'"));
}

/// Records an octal escape above `\\377` (`escape` with its backslash).
fn note_octal(invalid: &mut Option<String>, escape: &str) {
    invalid.get_or_insert_with(|| format!("invalid octal escape sequence '{escape}'"));
}

fn lookup_unicode_name(name: &str) -> Option<char> {
    if name.is_empty() {
        return None;
    }
    krait_unicode::character(name)
}

/// The body of a non-raw `bytes` literal (already checked to be ASCII).
/// Returns the bytes and the warning for the first escape Python does not
/// know, if there is one.
pub fn decode_bytes_escapes(body: &str) -> Result<(Vec<u8>, Option<String>), EscapeError> {
    let mut invalid = None;
    let bytes = decode_bytes_noting(body.as_bytes(), &mut invalid)?;
    Ok((bytes, invalid))
}

/// Bytes with a bytes literal's backslash escapes decoded (the literal's
/// body, or `codecs.escape_decode`'s argument, which may hold any byte).
pub fn decode_escaped_bytes(b: &[u8]) -> Result<Vec<u8>, EscapeError> {
    decode_bytes_noting(b, &mut None)
}

fn decode_bytes_noting(b: &[u8], invalid: &mut Option<String>) -> Result<Vec<u8>, EscapeError> {
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        i += 1;
        if c != b'\\' {
            out.push(c);
            continue;
        }
        let Some(&e) = b.get(i) else {
            return Err(EscapeError("(value error) Trailing \\ in string".into()));
        };
        let start = i - 1;
        i += 1;
        match e {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                for _ in 0..2 {
                    match b.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                if v > 0o377 {
                    note_octal(invalid, &String::from_utf8_lossy(&b[start..i]));
                }
                out.push(v as u8);
            }
            b'x' => {
                let hex = |k: usize| b.get(k).and_then(|&d| (d as char).to_digit(16));
                match (hex(i), hex(i + 1)) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => {
                        return Err(EscapeError(format!(
                            "(value error) invalid \\x escape at position {start}"
                        )))
                    }
                }
            }
            _ => {
                out.push(b'\\');
                i -= 1;
                if e < 0x80 {
                    note_unknown(invalid, e as char);
                }
            }
        }
    }
    Ok(out)
}

/// CPython's default limit on decimal digits converted to or from an
/// `int`; `sys.int_info.default_max_str_digits`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

/// The smallest limit other than none (0) `sys.set_int_max_str_digits`
/// accepts.
pub const MIN_MAX_STR_DIGITS: usize = 640;

thread_local! {
    /// The interpreter's limit: one per thread running an interpreter, as
    /// CPython keeps one per interpreter. 0 means no limit.
    static MAX_STR_DIGITS: std::cell::Cell<usize> =
        const { std::cell::Cell::new(DEFAULT_MAX_STR_DIGITS) };
}

/// The limit on decimal digits in int/str conversions, literals included
/// (`sys.get_int_max_str_digits()`); 0 for none.
pub fn int_max_str_digits() -> usize {
    MAX_STR_DIGITS.with(|m| m.get())
}

/// Sets the limit `int_max_str_digits` returns.
pub fn set_int_max_str_digits(limit: usize) {
    MAX_STR_DIGITS.with(|m| m.set(limit));
}

/// Whether `digits` decimal digits are over the limit.
pub fn exceeds_max_str_digits(digits: usize) -> bool {
    let limit = int_max_str_digits();
    limit != 0 && digits > limit
}

#[derive(Debug, Clone, PartialEq)]
pub enum Number {
    Int(IBig),
    Float(f64),
    Imaginary(f64),
}

/// Converts the text of a NUMBER token (already validated by the tokenizer).
pub fn parse_number(text: &str) -> Result<Number, String> {
    let clean: String;
    let text = if text.contains('_') {
        clean = text.replace('_', "");
        &clean
    } else {
        text
    };
    let bytes = text.as_bytes();
    if bytes.len() > 1 && bytes[0] == b'0' && bytes[1].is_ascii_alphabetic() {
        let radix = match bytes[1] {
            b'x' | b'X' => 16,
            b'o' | b'O' => 8,
            b'b' | b'B' => 2,
            _ => 10,
        };
        if radix != 10 {
            let digits = &text[2..];
            return Ok(Number::Int(
                IBig::from_str_radix(digits, radix).map_err(|e| e.to_string())?,
            ));
        }
    }
    if let Some(imag) = text.strip_suffix(['j', 'J']) {
        return Ok(Number::Imaginary(parse_float(imag)));
    }
    if text.contains(['.', 'e', 'E']) {
        return Ok(Number::Float(parse_float(text)));
    }
    if text.len() <= 18 {
        return Ok(Number::Int(IBig::from(text.parse::<i64>().unwrap())));
    }
    let digits = text.trim_start_matches('0');
    if exceeds_max_str_digits(digits.len()) {
        return Err(format!(
            "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
            int_max_str_digits(),
            digits.len()
        ));
    }
    Ok(Number::Int(
        IBig::from_str_radix(text, 10).map_err(|e| e.to_string())?,
    ))
}

fn parse_float(text: &str) -> f64 {
    // Rust's parser rounds correctly and accepts every form the tokenizer
    // lets through ("1.", ".5", "1e5"); overflow gives infinity as in Python.
    text.parse::<f64>().unwrap_or(f64::INFINITY)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(body: &str) -> String {
        let mut out = PyString::new();
        decode_str_escapes(body, &mut out).unwrap();
        out.as_str().unwrap().to_owned()
    }

    #[test]
    fn escapes() {
        assert_eq!(
            s(r"a\nb\t\x41\101\u00e9\U0001F600\N{BULLET}"),
            "a\nb\tAA\u{e9}\u{1F600}\u{2022}"
        );
        assert_eq!(s(r"\q"), "\\q");
        assert_eq!(s("a\\\nb"), "ab");
    }

    #[test]
    fn escape_errors() {
        let mut out = PyString::new();
        let e = decode_str_escapes(r"\x4", &mut out).unwrap_err();
        assert!(e.0.ends_with("truncated \\xXX escape"), "{}", e.0);
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_number("0x_ff").unwrap(), Number::Int(IBig::from(255)));
        assert_eq!(
            parse_number("1_000").unwrap(),
            Number::Int(IBig::from(1000))
        );
        assert_eq!(parse_number("1e3").unwrap(), Number::Float(1000.0));
        assert_eq!(parse_number("2j").unwrap(), Number::Imaginary(2.0));
        assert_eq!(parse_number("1e400").unwrap(), Number::Float(f64::INFINITY));
    }

    #[test]
    fn prefixes() {
        let t = split_string_token("Rb'''x'''");
        assert!(t.bytes && t.raw && !t.fstring);
        assert_eq!(t.body, "x");
        assert_eq!(t.body_offset, 5);
    }
}
