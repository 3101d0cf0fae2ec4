//! `_json`, in part: the string scanner and the two string encoders,
//! which `json.decoder` and `json.encoder` take from here when they can
//! (each import is tried on its own). The scanner and encoder objects
//! (`make_scanner`, `make_encoder`) are `json`'s pure-Python ones.

use krait_vm::api::{value_pystr, Args, FunctionDef as F, ModuleDef, PyResult, PyStr, Value, Vm};

pub const MODULE: ModuleDef = ModuleDef {
    name: "_json",
    doc: Some("json speedups\n"),
    functions: &[
        F::new("scanstring", scanstring).args(2, 3),
        F::new("encode_basestring_ascii", |vm, a| encode(vm, &a, true)).one(),
        F::new("encode_basestring", |vm, a| encode(vm, &a, false)).one(),
    ],
    init: None,
};

fn string_arg<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a PyStr> {
    value_pystr(v).ok_or_else(|| {
        vm.type_error(format!(
            "first argument must be a string, not {}",
            vm.type_name(v)
        ))
    })
}

/// `json.decoder.JSONDecodeError(msg, s, pos)`.
fn decode_error(vm: &mut Vm, msg: &str, s: &Value, pos: usize) -> krait_vm::api::Obj {
    let class = vm
        .import("json.decoder")
        .and_then(|m| vm.getattr_str(&m, "JSONDecodeError"));
    let class = match class {
        Ok(c) => c,
        Err(e) => return e,
    };
    let msg = vm.new_str(msg);
    match vm.call(&class, vec![msg, s.clone(), Value::Int(pos as i64)]) {
        Ok(Value::Obj(e)) => e,
        Ok(_) => vm.type_error("JSONDecodeError() did not make an exception"),
        Err(e) => e,
    }
}

/// `scanstring(s, end, strict=True)`: the string whose opening quote is
/// at `end - 1`, unescaped, and the index after its closing quote.
fn scanstring(vm: &mut Vm, a: Args) -> PyResult {
    let s = string_arg(vm, &a.pos[0])?;
    let end = vm.ssize_arg(&a.pos[1])?;
    let strict = match a.pos.get(2) {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let len = s.len();
    if end < 0 || end as usize > len {
        return Err(vm.value_error("end is out of bounds"));
    }
    let end = end as usize;
    let bytes = s.as_bytes();
    let ascii = s.is_ascii();
    // Character `i` (from `end` on) and the byte after it: the text is
    // walked forwards from where the last call on this string stopped,
    // so scanning a document string by string stays linear.
    let mut cursor = Cursor::start(&a.pos[0], bytes, ascii, end);
    let begin = end.saturating_sub(1);
    let mut out: Vec<u32> = Vec::new();
    let mut next = end;
    let fail = |vm: &mut Vm, msg: &str, pos: usize| Err(decode_error(vm, msg, &a.pos[0], pos));
    loop {
        let mut c = 0;
        while let Some(ch) = cursor.char_at(bytes, ascii, next) {
            c = ch;
            if ch == '"' as u32 || ch == '\\' as u32 {
                break;
            }
            if ch <= 0x1f && strict {
                return fail(vm, "Invalid control character at", next);
            }
            out.push(ch);
            next += 1;
        }
        if next >= len {
            return fail(vm, "Unterminated string starting at", begin);
        }
        next += 1;
        if c == '"' as u32 {
            break;
        }
        let Some(esc) = cursor.char_at(bytes, ascii, next) else {
            return fail(vm, "Unterminated string starting at", begin);
        };
        if esc != 'u' as u32 {
            let ch = match char::from_u32(esc) {
                Some('"') => '"',
                Some('\\') => '\\',
                Some('/') => '/',
                Some('b') => '\u{8}',
                Some('f') => '\u{c}',
                Some('n') => '\n',
                Some('r') => '\r',
                Some('t') => '\t',
                _ => return fail(vm, "Invalid \\escape", next - 1),
            };
            out.push(ch as u32);
            next += 1;
            continue;
        }
        next += 1;
        // Four digits, and something after them.
        if next + 4 >= len {
            return fail(vm, "Invalid \\uXXXX escape", next - 1);
        }
        let hex = |cursor: &mut Cursor, from: usize| -> Option<u32> {
            (from..from + 4).try_fold(0u32, |acc, i| {
                char::from_u32(cursor.char_at(bytes, ascii, i)?)?
                    .to_digit(16)
                    .map(|d| acc * 16 + d)
            })
        };
        let Some(mut cp) = hex(&mut cursor, next) else {
            return fail(vm, "Invalid \\uXXXX escape", next - 1);
        };
        next += 4;
        // A high surrogate followed by an escaped low one is one character.
        if (0xD800..0xDC00).contains(&cp)
            && next + 6 < len
            && cursor.char_at(bytes, ascii, next) == Some('\\' as u32)
            && cursor.char_at(bytes, ascii, next + 1) == Some('u' as u32)
        {
            let Some(low) = hex(&mut cursor, next + 2) else {
                return fail(vm, "Invalid \\uXXXX escape", next + 1);
            };
            if (0xDC00..0xE000).contains(&low) {
                cp = 0x10000 + ((cp - 0xD800) << 10 | (low - 0xDC00));
                next += 6;
            }
        }
        out.push(cp);
    }
    if !ascii {
        let here = (a.pos[0].clone(), cursor.index, cursor.byte);
        LAST_POSITION.with(|p| *p.borrow_mut() = Some(here));
    }
    let text = vm.new_pystr(PyStr::from_code_points(out));
    Ok(vm.new_tuple(vec![text, Value::Int(next as i64)]))
}

thread_local! {
    /// Where the last `scanstring` of a non-ASCII string left off: the
    /// string (held, so that no other can take its place), a character
    /// index and its byte offset.
    static LAST_POSITION: std::cell::RefCell<Option<(Value, usize, usize)>> =
        const { std::cell::RefCell::new(None) };
}

/// A position in a str's WTF-8 bytes: character `index` at `byte`.
struct Cursor {
    index: usize,
    byte: usize,
}

impl Cursor {
    fn start(string: &Value, bytes: &[u8], ascii: bool, index: usize) -> Cursor {
        if ascii {
            return Cursor { index, byte: index };
        }
        let last = LAST_POSITION.with(|p| {
            p.borrow()
                .as_ref()
                .filter(|(v, i, _)| v.is(string) && *i <= index)
                .map(|&(_, i, b)| (i, b))
        });
        let (i, b) = last.unwrap_or((0, 0));
        let mut c = Cursor { index: i, byte: b };
        c.seek(bytes, index);
        c
    }

    fn seek(&mut self, bytes: &[u8], index: usize) {
        if index < self.index {
            *self = Cursor { index: 0, byte: 0 };
        }
        while self.index < index && self.byte < bytes.len() {
            self.byte += char_len(bytes[self.byte]);
            self.index += 1;
        }
    }

    fn char_at(&mut self, bytes: &[u8], ascii: bool, index: usize) -> Option<u32> {
        if ascii {
            self.index = index;
            self.byte = index;
            return bytes.get(index).map(|&b| b as u32);
        }
        self.seek(bytes, index);
        let b = *bytes.get(self.byte)?;
        let n = char_len(b);
        let tail = bytes.get(self.byte + 1..self.byte + n)?;
        let lead = match n {
            1 => b as u32,
            2 => (b & 0x1F) as u32,
            3 => (b & 0x0F) as u32,
            _ => (b & 0x07) as u32,
        };
        Some(
            tail.iter()
                .fold(lead, |acc, &t| acc << 6 | (t & 0x3F) as u32),
        )
    }
}

/// The length of the (generalised) UTF-8 sequence a lead byte starts.
fn char_len(b: u8) -> usize {
    match b {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// The two-character escape JSON has for `cp`, if any.
fn short_escape(cp: u32) -> Option<&'static str> {
    Some(match cp {
        0x22 => "\\\"",
        0x5C => "\\\\",
        0x0A => "\\n",
        0x0D => "\\r",
        0x09 => "\\t",
        0x08 => "\\b",
        0x0C => "\\f",
        _ => return None,
    })
}

/// `encode_basestring(_ascii)(s)`: `s` as a JSON string literal, with
/// every non-ASCII character escaped when `ascii`.
fn encode(vm: &mut Vm, a: &Args, ascii: bool) -> PyResult {
    let s = string_arg(vm, &a.pos[0])?;
    if !ascii && s.has_surrogates() {
        return encode_keeping_surrogates(vm, s);
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let escape = |out: &mut String, cp: u32| out.push_str(&format!("\\u{cp:04x}"));
    for cp in s.code_points() {
        if let Some(e) = short_escape(cp) {
            out.push_str(e);
            continue;
        }
        match char::from_u32(cp) {
            Some(c) if (c as u32) < 0x20 => escape(&mut out, cp),
            Some(c) if !ascii || c.is_ascii() => out.push(c),
            _ if cp >= 0x10000 => {
                let v = cp - 0x10000;
                escape(&mut out, 0xD800 | (v >> 10));
                escape(&mut out, 0xDC00 | (v & 0x3FF));
            }
            // Lone surrogates (ASCII mode: kept strings go below).
            _ => escape(&mut out, cp),
        }
    }
    out.push('"');
    Ok(vm.new_string(out))
}

/// `encode_basestring` of a string holding lone surrogates, which a Rust
/// `String` cannot: built as code points.
fn encode_keeping_surrogates(vm: &mut Vm, s: &PyStr) -> PyResult {
    let mut out: Vec<u32> = vec!['"' as u32];
    for cp in s.code_points() {
        match short_escape(cp) {
            Some(e) => out.extend(e.chars().map(|c| c as u32)),
            None if cp < 0x20 => out.extend(format!("\\u{cp:04x}").chars().map(|c| c as u32)),
            None => out.push(cp),
        }
    }
    out.push('"' as u32);
    Ok(vm.new_pystr(PyStr::from_code_points(out)))
}
