//! What a codec does with what it cannot encode or decode: the error
//! handlers CPython names (`strict`, `ignore`, `replace`,
//! `backslashreplace`, `xmlcharrefreplace`, `namereplace`,
//! `surrogateescape`, `surrogatepass`) run natively, and any other name
//! is looked up among those registered with `codecs.register_error` and
//! called with the exception, as CPython does.

use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// Decodes one character at `pos`.
pub enum Step {
    /// A character and the number of bytes it took.
    Char(u32, usize),
    /// Several characters from one unit (a charmap entry that is a str).
    Many(Vec<u32>, usize),
    /// Bytes `pos..end` cannot be decoded, for `reason`.
    Invalid(usize, &'static str),
    /// The data ends inside a character (only when more may follow).
    Incomplete,
}

/// Reads an encoded surrogate at a position: the code point and its
/// length in bytes.
pub type SurrogateReader<'a> = &'a dyn Fn(&[u8], usize) -> Option<(u32, usize)>;

/// A codec's decoding: its name for messages, its step, and how it reads
/// an encoded surrogate (for `surrogatepass`).
pub struct Decoder<'a> {
    pub name: &'a str,
    pub step: &'a dyn Fn(&[u8], usize, bool) -> Step,
    pub surrogate: SurrogateReader<'a>,
}

/// Decodes `data` (all of it when `last`), handling errors by `errors`:
/// the code points and how many bytes were used.
pub fn decode(
    vm: &mut Vm,
    d: &Decoder<'_>,
    data: &[u8],
    errors: &str,
    last: bool,
) -> PyResult<(Vec<u32>, usize)> {
    let mut out = Vec::with_capacity(data.len());
    let mut pos = 0;
    while pos < data.len() {
        match (d.step)(data, pos, last) {
            Step::Char(c, n) => {
                out.push(c);
                pos += n;
            }
            Step::Many(cs, n) => {
                out.extend(cs);
                pos += n;
            }
            Step::Incomplete => break,
            Step::Invalid(end, reason) => {
                pos = decode_error(vm, d, data, pos, end, reason, errors, &mut out)?;
            }
        }
    }
    Ok((out, pos))
}

/// Handles bytes `start..end` that `d` cannot decode; returns where
/// decoding goes on.
#[allow(clippy::too_many_arguments)]
pub(crate) fn decode_error(
    vm: &mut Vm,
    d: &Decoder<'_>,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
    errors: &str,
    out: &mut Vec<u32>,
) -> PyResult<usize> {
    match errors {
        "strict" => Err(decode_exception(vm, d.name, data, start, end, reason)),
        "ignore" => Ok(end),
        "replace" => {
            out.push(0xFFFD);
            Ok(end)
        }
        "backslashreplace" => {
            for &b in &data[start..end] {
                out.extend(format!("\\x{b:02x}").chars().map(|c| c as u32));
            }
            Ok(end)
        }
        "surrogateescape" => {
            let mut p = start;
            while p < end && data[p] >= 0x80 {
                out.push(0xDC00 + data[p] as u32);
                p += 1;
            }
            if p == start {
                return Err(decode_exception(vm, d.name, data, start, end, reason));
            }
            Ok(p)
        }
        "surrogatepass" => match (d.surrogate)(data, start) {
            Some((c, n)) => {
                out.push(c);
                Ok(start + n)
            }
            None => Err(decode_exception(vm, d.name, data, start, end, reason)),
        },
        name => {
            let handler = lookup_error(vm, name)?;
            let exc = decode_exception(vm, d.name, data, start, end, reason);
            let r = vm.call(&handler, vec![Value::Obj(exc)])?;
            let (rep, next) = handler_result(vm, &r, data.len(), "decoding")?;
            let Some(s) = crate::objects::str::value_pystr(&rep) else {
                return Err(vm.type_error("decoding error handler must return (str, int) tuple"));
            };
            out.extend(s.code_points());
            Ok(next)
        }
    }
}

/// A `UnicodeDecodeError(encoding, object, start, end, reason)`.
pub fn decode_exception(
    vm: &mut Vm,
    encoding: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> Obj {
    let cls = vm.exc.unicode_decode_error.clone();
    let args = vec![
        vm.new_str(encoding),
        vm.new_bytes(data.to_vec()),
        Value::Int(start as i64),
        Value::Int(end as i64),
        vm.new_str(reason),
    ];
    exception(vm, &cls, args)
}

/// A `UnicodeEncodeError(encoding, object, start, end, reason)`.
pub fn encode_exception(
    vm: &mut Vm,
    encoding: &str,
    text: &[u32],
    start: usize,
    end: usize,
    reason: &str,
) -> Obj {
    let cls = vm.exc.unicode_encode_error.clone();
    let s = vm.new_pystr(crate::objects::str::PyStr::from_code_points(
        text.iter().copied(),
    ));
    let args = vec![
        vm.new_str(encoding),
        s,
        Value::Int(start as i64),
        Value::Int(end as i64),
        vm.new_str(reason),
    ];
    exception(vm, &cls, args)
}

fn exception(vm: &mut Vm, cls: &Obj, args: Vec<Value>) -> Obj {
    match vm.call(&Value::Obj(cls.clone()), args) {
        Ok(Value::Obj(o)) => o,
        Ok(_) => vm.value_error("codec error"),
        Err(e) => e,
    }
}

/// The `(replacement, position)` an error handler returned, the
/// position made absolute.
fn handler_result(vm: &mut Vm, r: &Value, len: usize, what: &str) -> PyResult<(Value, usize)> {
    let items = crate::api::tuple_items(r).filter(|t| t.len() == 2);
    let Some(items) = items else {
        let kind = if what == "decoding" {
            "str"
        } else {
            "str/bytes"
        };
        return Err(vm.type_error(format!(
            "{what} error handler must return ({kind}, int) tuple"
        )));
    };
    let Some(mut next) = crate::api::small_int(&items[1]) else {
        return Err(vm.type_error(format!("{what} error handler must return (str, int) tuple")));
    };
    if next < 0 {
        next += len as i64;
    }
    if next < 0 || next as usize > len {
        return Err(vm.index_error(format!("position {next} from error handler out of range")));
    }
    Ok((items[0].clone(), next as usize))
}

/// The error handler registered under `name`.
pub fn lookup_error(vm: &mut Vm, name: &str) -> PyResult {
    if let Some(h) = vm.codecs.handlers.get(name) {
        return Ok(h.clone());
    }
    if super::BUILTIN_HANDLERS.contains(&name) {
        let m = vm.import("_codecs")?;
        let f = vm.getattr_str(&m, &format!("{name}_errors"))?;
        return Ok(f);
    }
    Err(vm.new_exception_msg(
        &vm.exc.lookup_error.clone(),
        &format!("unknown error handler name '{name}'"),
    ))
}

/// A codec's encoding of one code point, for `encode`.
pub struct Encoder<'a> {
    pub name: &'a str,
    /// Appends the code point's bytes, or answers `false` if the codec
    /// cannot encode it.
    pub char: &'a dyn Fn(u32, &mut Vec<u8>) -> bool,
    /// Appends a surrogate's bytes for `surrogatepass`, if the codec can.
    pub surrogate: &'a dyn Fn(u32, &mut Vec<u8>) -> bool,
    /// Why a code point cannot be encoded.
    pub reason: &'a str,
    /// The codec writes bytes, so `surrogateescape` can give them back.
    pub bytewise: bool,
}

/// Encodes `text`, handling what `e` cannot encode by `errors`.
pub fn encode(vm: &mut Vm, e: &Encoder<'_>, text: &[u32], errors: &str) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len());
    let mut pos = 0;
    while pos < text.len() {
        if (e.char)(text[pos], &mut out) {
            pos += 1;
            continue;
        }
        // The run of characters the codec cannot encode.
        let mut end = pos + 1;
        let mut probe = Vec::new();
        while end < text.len() && !(e.char)(text[end], &mut probe) {
            end += 1;
        }
        pos = encode_error(vm, e, text, pos, end, errors, &mut out)?;
    }
    Ok(out)
}

/// Encodes the ASCII text of a replacement with `e`.
fn put_ascii(e: &Encoder<'_>, s: &str, out: &mut Vec<u8>) {
    for c in s.chars() {
        (e.char)(c as u32, out);
    }
}

fn encode_error(
    vm: &mut Vm,
    e: &Encoder<'_>,
    text: &[u32],
    start: usize,
    end: usize,
    errors: &str,
    out: &mut Vec<u8>,
) -> PyResult<usize> {
    let bad = &text[start..end];
    match errors {
        "strict" => Err(encode_exception(vm, e.name, text, start, end, e.reason)),
        "ignore" => Ok(end),
        "replace" => {
            for _ in bad {
                put_ascii(e, "?", out);
            }
            Ok(end)
        }
        "backslashreplace" => {
            for &c in bad {
                put_ascii(e, &backslash_escape(c), out);
            }
            Ok(end)
        }
        "xmlcharrefreplace" => {
            for &c in bad {
                put_ascii(e, &format!("&#{c};"), out);
            }
            Ok(end)
        }
        "namereplace" => {
            for &c in bad {
                let name = krait_unicode::name(krait_unicode::Version::Current, c);
                match name {
                    Some(n) => put_ascii(e, &format!("\\N{{{n}}}"), out),
                    None => put_ascii(e, &backslash_escape(c), out),
                }
            }
            Ok(end)
        }
        "surrogateescape" if e.bytewise => {
            let mut p = start;
            while p < end && (0xDC80..=0xDCFF).contains(&text[p]) {
                out.push((text[p] - 0xDC00) as u8);
                p += 1;
            }
            if p == start {
                return Err(encode_exception(vm, e.name, text, start, end, e.reason));
            }
            Ok(p)
        }
        "surrogatepass" => {
            let mut p = start;
            while p < end && (0xD800..0xE000).contains(&text[p]) && (e.surrogate)(text[p], out) {
                p += 1;
            }
            if p == start {
                return Err(encode_exception(vm, e.name, text, start, end, e.reason));
            }
            Ok(p)
        }
        name => {
            let handler = lookup_error(vm, name)?;
            let exc = encode_exception(vm, e.name, text, start, end, e.reason);
            let r = vm.call(&handler, vec![Value::Obj(exc)])?;
            let (rep, next) = handler_result(vm, &r, text.len(), "encoding")?;
            if let Some(s) = crate::objects::str::value_pystr(&rep) {
                let cps: Vec<u32> = s.code_points().collect();
                for (i, &c) in cps.iter().enumerate() {
                    if !(e.char)(c, out) {
                        let exc =
                            encode_exception(vm, e.name, text, start + i, start + i + 1, e.reason);
                        return Err(exc);
                    }
                }
            } else if let Some(b) = crate::api::bytes_data(&rep) {
                out.extend_from_slice(&b);
            } else {
                return Err(
                    vm.type_error("encoding error handler must return (str/bytes, int) tuple")
                );
            }
            Ok(next)
        }
    }
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN` for code point `c`.
pub fn backslash_escape(c: u32) -> String {
    if c < 0x100 {
        format!("\\x{c:02x}")
    } else if c < 0x10000 {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    }
}
