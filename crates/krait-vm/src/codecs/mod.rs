//! Text encodings: `str.encode`, `bytes.decode` and the `_codecs` module
//! under `codecs`.
//!
//! The codecs CPython implements in C (UTF-8, UTF-16, UTF-32, ASCII,
//! Latin-1, the escape codecs, charmap) are native here, with every error
//! handler; any other encoding is found as CPython finds it, through the
//! search functions registered with `codecs.register` (the `encodings`
//! package's, imported on the first such lookup) and its `CodecInfo`.

mod errors;
mod escape;
pub(crate) mod module;
mod unicode;
mod utf7;

use crate::objects::str::PyStr;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The error handlers every codec knows.
pub(crate) const BUILTIN_HANDLERS: &[&str] = &[
    "strict",
    "ignore",
    "replace",
    "backslashreplace",
    "xmlcharrefreplace",
    "namereplace",
    "surrogateescape",
    "surrogatepass",
];

/// The codecs with a native fast path from `str.encode`/`bytes.decode`.
#[derive(Clone, Copy)]
enum Native {
    Utf8,
    Ascii,
    Latin1,
    /// UTF-16 in a byte order: -1 little, 1 big, 0 with a BOM.
    Utf16(i32),
    Utf32(i32),
}

/// The native codec called `name`, under any of its usual spellings.
fn native(name: &str) -> Option<Native> {
    // The spellings programs use, without building a normalised copy.
    match name {
        "utf-8" | "utf8" | "UTF-8" => return Some(Native::Utf8),
        "ascii" => return Some(Native::Ascii),
        "latin-1" | "latin1" => return Some(Native::Latin1),
        _ => {}
    }
    let n: String = name
        .chars()
        .map(|c| match c {
            '_' | ' ' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    Some(match n.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Native::Utf8,
        "ascii" | "us-ascii" | "646" => Native::Ascii,
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "latin" | "l1" => {
            Native::Latin1
        }
        "utf-16" | "utf16" | "u16" => Native::Utf16(0),
        "utf-16-le" | "utf-16le" => Native::Utf16(-1),
        "utf-16-be" | "utf-16be" => Native::Utf16(1),
        "utf-32" | "utf32" | "u32" => Native::Utf32(0),
        "utf-32-le" | "utf-32le" => Native::Utf32(-1),
        "utf-32-be" | "utf-32be" => Native::Utf32(1),
        _ => return None,
    })
}

impl Vm {
    /// `s.encode(encoding, errors)`.
    pub fn encode_text(&mut self, s: &PyStr, encoding: &str, errors: &str) -> PyResult {
        let Some(codec) = native(encoding) else {
            return self.encode_by_registry(s, encoding, errors);
        };
        if let (Native::Utf8, false) = (codec, s.has_surrogates()) {
            return Ok(self.new_bytes(s.as_bytes().to_vec()));
        }
        if let (Native::Ascii | Native::Latin1, true) = (codec, s.is_ascii()) {
            return Ok(self.new_bytes(s.as_bytes().to_vec()));
        }
        let text: Vec<u32> = s.code_points().collect();
        let bytes = match codec {
            Native::Utf8 => unicode::utf8_encode(self, &text, errors)?,
            Native::Ascii => unicode::onebyte_encode(self, &text, errors, 0x80)?,
            Native::Latin1 => unicode::onebyte_encode(self, &text, errors, 0x100)?,
            Native::Utf16(order) => unicode::utf16_encode(self, &text, errors, order)?,
            Native::Utf32(order) => unicode::utf32_encode(self, &text, errors, order)?,
        };
        Ok(self.new_bytes(bytes))
    }

    /// `data.decode(encoding, errors)`.
    pub fn decode_data(&mut self, data: &[u8], encoding: &str, errors: &str) -> PyResult {
        let Some(codec) = native(encoding) else {
            return self.decode_by_registry(data, encoding, errors);
        };
        let cps = match codec {
            Native::Utf8 => {
                if let Ok(s) = std::str::from_utf8(data) {
                    return Ok(self.new_str(s));
                }
                unicode::utf8_decode(self, data, errors, true)?.0
            }
            Native::Ascii => unicode::ascii_decode(self, data, errors)?,
            Native::Latin1 => unicode::latin1_decode(data),
            Native::Utf16(order) => unicode::utf16_decode(self, data, errors, order, true)?.0,
            Native::Utf32(order) => unicode::utf32_decode(self, data, errors, order, true)?.0,
        };
        Ok(self.new_pystr(PyStr::from_code_points(cps)))
    }

    /// The `CodecInfo` of `encoding`, from the registered search
    /// functions (`codecs.lookup`).
    pub fn codec_lookup(&mut self, encoding: &str) -> PyResult {
        let key: String = encoding
            .chars()
            .map(|c| {
                if c == ' ' {
                    '-'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect();
        if let Some(info) = self.codecs.cache.get(&key) {
            return Ok(info.clone());
        }
        if self.codecs.search.is_empty() {
            self.import("encodings")?;
        }
        let name = self.new_str(&key);
        for f in self.codecs.search.clone() {
            let info = self.call(&f, vec![name.clone()])?;
            if info.is_none() {
                continue;
            }
            let ok = crate::api::tuple_items(&info).is_some_and(|t| t.len() == 4);
            if !ok {
                return Err(self.type_error("codec search functions must return 4-tuples"));
            }
            self.codecs.cache.insert(key, info.clone());
            return Ok(info);
        }
        Err(self.new_exception_msg(
            &self.exc.lookup_error.clone(),
            &format!("unknown encoding: {encoding}"),
        ))
    }

    /// The codec's `encode` or `decode` function, checked to be a text
    /// encoding as `str.encode`/`bytes.decode` require.
    fn text_codec(&mut self, encoding: &str, which: usize) -> PyResult {
        let info = self.codec_lookup(encoding)?;
        if let Ok(flag) = self.getattr_str(&info, "_is_text_encoding") {
            if !self.truthy(&flag)? {
                let verb = if which == 0 { "encode" } else { "decode" };
                return Err(self.new_exception_msg(
                    &self.exc.lookup_error.clone(),
                    &format!(
                        "'{encoding}' is not a text encoding; use codecs.{verb}() to handle arbitrary codecs"
                    ),
                ));
            }
        }
        let items = crate::api::tuple_items(&info).unwrap_or_default();
        Ok(items.get(which).cloned().unwrap_or(Value::None))
    }

    fn encode_by_registry(&mut self, s: &PyStr, encoding: &str, errors: &str) -> PyResult {
        let f = self.text_codec(encoding, 0)?;
        let text = self.new_pystr(PyStr::from_wtf8(s.as_bytes().to_vec()));
        let e = self.new_str(errors);
        let r = self.call(&f, vec![text, e])?;
        let out = codec_output(self, &r, "encoder")?;
        if crate::api::bytes_data(&out).is_none() {
            return Err(self.type_error(format!(
                "'{encoding}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
                self.type_name(&out)
            )));
        }
        Ok(out)
    }

    fn decode_by_registry(&mut self, data: &[u8], encoding: &str, errors: &str) -> PyResult {
        let f = self.text_codec(encoding, 1)?;
        let b = self.new_bytes(data.to_vec());
        let e = self.new_str(errors);
        let r = self.call(&f, vec![b, e])?;
        let out = codec_output(self, &r, "decoder")?;
        if crate::objects::str::value_pystr(&out).is_none() {
            return Err(self.type_error(format!(
                "'{encoding}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
                self.type_name(&out)
            )));
        }
        Ok(out)
    }
}

/// The first item of a codec function's `(output, length)` result.
fn codec_output(vm: &mut Vm, r: &Value, what: &str) -> PyResult {
    match crate::api::tuple_items(r) {
        Some(t) if t.len() == 2 => Ok(t[0].clone()),
        _ => Err(vm.type_error(format!("{what} must return a tuple (object, integer)"))),
    }
}

/// The codec registry's state in the VM.
#[derive(Default)]
pub struct Registry {
    pub search: Vec<Value>,
    pub cache: std::collections::HashMap<String, Value>,
    pub handlers: std::collections::HashMap<String, Value>,
}
