//! A Python `str` value: a sequence of code points, any of which may be a lone
//! surrogate (`"\ud800"` is a legal Python string, but not a legal Rust one).
//!
//! The bytes are "generalised UTF-8": ordinary UTF-8, except that a surrogate
//! code point is stored with the same three-byte pattern UTF-8 would use for
//! it. Two surrogates are never combined into one supplementary character,
//! because in Python `"\ud83d\ude00"` has length 2. A string without
//! surrogates is therefore plain UTF-8 and can be borrowed as `&str`.

use std::fmt;

#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PyString {
    bytes: Vec<u8>,
    has_surrogates: bool,
}

impl PyString {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push_str(&mut self, s: &str) {
        self.bytes.extend_from_slice(s.as_bytes());
    }

    pub fn push(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.bytes
            .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }

    /// Appends any code point up to U+10FFFF, surrogates included.
    pub fn push_code_point(&mut self, cp: u32) {
        self.has_surrogates |= char::from_u32(cp).is_none();
        push_code_point(&mut self.bytes, cp);
    }

    pub fn push_pystr(&mut self, other: &PyString) {
        self.bytes.extend_from_slice(&other.bytes);
        self.has_surrogates |= other.has_surrogates;
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The number of code points.
    pub fn char_len(&self) -> usize {
        self.code_points().count()
    }

    /// The generalised UTF-8 bytes (see the module comment).
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    pub fn has_surrogates(&self) -> bool {
        self.has_surrogates
    }

    /// The text as `&str`, when it holds no lone surrogate.
    pub fn as_str(&self) -> Option<&str> {
        if self.has_surrogates {
            None
        } else {
            // SAFETY: every byte was appended from a `&str` or a `char`'s UTF-8
            // encoding; only surrogates (tracked by the flag) break UTF-8.
            Some(unsafe { std::str::from_utf8_unchecked(&self.bytes) })
        }
    }

    pub fn code_points(&self) -> CodePoints<'_> {
        CodePoints { bytes: &self.bytes }
    }
}

impl From<&str> for PyString {
    fn from(s: &str) -> Self {
        PyString {
            bytes: s.as_bytes().to_vec(),
            has_surrogates: false,
        }
    }
}

impl From<String> for PyString {
    fn from(s: String) -> Self {
        PyString {
            bytes: s.into_bytes(),
            has_surrogates: false,
        }
    }
}

impl fmt::Debug for PyString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::new();
        write_str_repr(&mut s, self.code_points());
        f.write_str(&s)
    }
}

#[derive(Clone)]
pub struct CodePoints<'a> {
    bytes: &'a [u8],
}

impl<'a> CodePoints<'a> {
    /// The code points of generalised UTF-8 bytes (see the module comment).
    pub fn of(bytes: &'a [u8]) -> CodePoints<'a> {
        CodePoints { bytes }
    }
}

impl DoubleEndedIterator for CodePoints<'_> {
    fn next_back(&mut self) -> Option<u32> {
        if self.bytes.is_empty() {
            return None;
        }
        let mut start = self.bytes.len() - 1;
        while start > 0 && self.bytes[start] & 0xC0 == 0x80 {
            start -= 1;
        }
        let cp = CodePoints::of(&self.bytes[start..]).next();
        self.bytes = &self.bytes[..start];
        cp
    }
}

impl Iterator for CodePoints<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let (&b0, rest) = self.bytes.split_first()?;
        let (cp, len) = if b0 < 0x80 {
            (b0 as u32, 1)
        } else if b0 < 0xE0 {
            (((b0 as u32 & 0x1F) << 6) | (rest[0] as u32 & 0x3F), 2)
        } else if b0 < 0xF0 {
            (
                ((b0 as u32 & 0x0F) << 12)
                    | ((rest[0] as u32 & 0x3F) << 6)
                    | (rest[1] as u32 & 0x3F),
                3,
            )
        } else {
            (
                ((b0 as u32 & 0x07) << 18)
                    | ((rest[0] as u32 & 0x3F) << 12)
                    | ((rest[1] as u32 & 0x3F) << 6)
                    | (rest[2] as u32 & 0x3F),
                4,
            )
        };
        self.bytes = &self.bytes[len..];
        Some(cp)
    }
}

/// Appends a code point to generalised UTF-8 bytes.
pub fn push_code_point(out: &mut Vec<u8>, cp: u32) {
    match char::from_u32(cp) {
        Some(c) => {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
        None => {
            debug_assert!((0xD800..0xE000).contains(&cp));
            out.push(0xE0 | (cp >> 12) as u8);
            out.push(0x80 | ((cp >> 6) & 0x3F) as u8);
            out.push(0x80 | (cp & 0x3F) as u8);
        }
    }
}

/// Whether Python's `str.isprintable()` holds for this code point, which is
/// what decides between showing a character and escaping it in `repr`.
pub fn is_printable(cp: u32) -> bool {
    if cp < 0x80 {
        return (0x20..0x7F).contains(&cp);
    }
    krait_unicode::is_printable(cp)
}

/// Writes Python's `repr()` of a string.
pub fn write_str_repr(out: &mut String, cps: impl Iterator<Item = u32> + Clone) {
    let (mut singles, mut doubles) = (false, false);
    for cp in cps.clone() {
        if cp == '\'' as u32 {
            singles = true;
        } else if cp == '"' as u32 {
            doubles = true;
        }
    }
    let quote = if singles && !doubles { '"' } else { '\'' };
    out.push(quote);
    for cp in cps {
        match cp {
            0x5C => out.push_str("\\\\"),
            0x0A => out.push_str("\\n"),
            0x0D => out.push_str("\\r"),
            0x09 => out.push_str("\\t"),
            _ if cp == quote as u32 => {
                out.push('\\');
                out.push(quote);
            }
            _ if is_printable(cp) => out.push(char::from_u32(cp).unwrap()),
            _ if cp < 0x100 => out.push_str(&format!("\\x{cp:02x}")),
            _ if cp < 0x10000 => out.push_str(&format!("\\u{cp:04x}")),
            _ => out.push_str(&format!("\\U{cp:08x}")),
        }
    }
    out.push(quote);
}

/// Writes Python's `repr()` of a bytes object.
pub fn write_bytes_repr(out: &mut String, bytes: &[u8]) {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    out.push('b');
    out.push(quote);
    for &b in bytes {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            _ if b == quote as u8 => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7E => out.push(b as char),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surrogates_round_trip() {
        let mut s = PyString::new();
        s.push_code_point(0xD83D);
        s.push_code_point(0xDE00);
        s.push('a');
        assert_eq!(s.as_str(), None);
        assert_eq!(s.code_points().collect::<Vec<_>>(), [0xD83D, 0xDE00, 0x61]);
        let mut r = String::new();
        write_str_repr(&mut r, s.code_points());
        assert_eq!(r, "'\\ud83d\\ude00a'");
    }

    #[test]
    fn str_repr_quotes() {
        let mut r = String::new();
        write_str_repr(&mut r, PyString::from("it's").code_points());
        assert_eq!(r, "\"it's\"");
        r.clear();
        write_str_repr(&mut r, PyString::from("'\"").code_points());
        assert_eq!(r, "'\\'\"'");
    }
}
