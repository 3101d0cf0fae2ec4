//! From the bytes of a `.py` file to the text the tokenizer reads: a UTF-8
//! byte-order mark or a PEP 263 coding declaration picks the codec (UTF-8
//! otherwise), and `\r\n` and `\r` line ends become `\n`, as CPython's
//! tokenizer sees them.

use crate::error::SyntaxError;
use std::borrow::Cow;

/// Decodes a source file. Errors are the SyntaxErrors CPython raises.
pub fn decode_source(bytes: &[u8]) -> Result<String, SyntaxError> {
    let (bytes, bom) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    let declared = find_coding_declaration(bytes);
    let text: Cow<str> = match &declared {
        None => decode_utf8(bytes)?,
        Some((name, _)) => {
            let normal = normal_encoding_name(name)
                .to_ascii_lowercase()
                .replace('_', "-");
            // A script with a bad declaration is reported without a location.
            let unlocated = |msg: String| {
                let mut e = SyntaxError::new(msg, 0, 0, 0, 0);
                e.col = None;
                e.end_col = None;
                e
            };
            if bom && normal != "utf-8" {
                return Err(unlocated(format!("encoding problem: {name} with BOM")));
            }
            decode_with(&normal, bytes)
                .ok_or_else(|| unlocated(format!("encoding problem: {name}")))??
        }
    };
    Ok(normalize_newlines(&text).into_owned())
}

fn decode_utf8(bytes: &[u8]) -> Result<Cow<'_, str>, SyntaxError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Cow::Borrowed(s)),
        Err(e) => {
            let at = e.valid_up_to();
            let lineno = bytes[..at].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
            // Reported without a location, as CPython reports it for a script.
            let mut err = SyntaxError::new(
                format!(
                    "Non-UTF-8 code starting with '\\x{:02x}' in file {{filename}} on line {lineno}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                    bytes[at]
                ),
                0,
                0,
                0,
                0,
            );
            err.col = None;
            err.end_col = None;
            Err(err)
        }
    }
}

/// Decodes with a named codec; `None` when the codec is unknown.
fn decode_with<'a>(name: &str, bytes: &'a [u8]) -> Option<Result<Cow<'a, str>, SyntaxError>> {
    let bad = |codec: &str| {
        Err(SyntaxError::new(
            format!("(unicode error) '{codec}' codec can't decode the source"),
            1,
            0,
            1,
            0,
        ))
    };
    match name {
        "utf-8" | "utf8" => Some(decode_utf8(bytes)),
        // encoding_rs follows WHATWG, where "latin-1" means windows-1252;
        // Python's latin-1 maps each byte to the code point of equal value.
        "iso-8859-1" => Some(Ok(Cow::Owned(bytes.iter().map(|&b| b as char).collect()))),
        "ascii" | "us-ascii" => Some(if bytes.is_ascii() {
            Ok(Cow::Owned(String::from_utf8(bytes.to_vec()).unwrap()))
        } else {
            bad("ascii")
        }),
        _ => {
            let enc = encoding_rs::Encoding::for_label(name.as_bytes())?;
            let (text, had_errors) = enc.decode_without_bom_handling(bytes);
            Some(if had_errors {
                bad(name)
            } else {
                Ok(Cow::Owned(text.into_owned()))
            })
        }
    }
}

/// The name CPython gives a declared encoding (its `get_normal_name`): the
/// spellings of UTF-8 and Latin-1 are unified, other names stay as written.
pub fn normal_encoding_name(name: &str) -> String {
    let head: String = name
        .chars()
        .take(12)
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    let is = |spelling: &str| head == spelling || head.starts_with(&format!("{spelling}-"));
    if is("utf-8") {
        "utf-8".into()
    } else if is("latin-1") || is("iso-8859-1") || is("iso-latin-1") {
        "iso-8859-1".into()
    } else {
        name.to_owned()
    }
}

/// The encoding a file declares, named as Python's `tokenize` reports it.
pub fn declared_encoding(bytes: &[u8]) -> Option<String> {
    find_coding_declaration(bytes).map(|(name, _)| normal_encoding_name(&name))
}

/// The encoding named by a `coding[:=]` comment in line 1, or in line 2 when
/// line 1 is blank or a comment; with the line it was found on.
fn find_coding_declaration(bytes: &[u8]) -> Option<(String, u32)> {
    let mut lines = bytes.split(|&b| b == b'\n');
    for lineno in 1..=2u32 {
        let line = lines.next()?;
        let trimmed: &[u8] = {
            let start = line
                .iter()
                .position(|&b| !matches!(b, b' ' | b'\t' | b'\x0c'))
                .unwrap_or(line.len());
            &line[start..]
        };
        if trimmed.first() == Some(&b'#') {
            if let Some(name) = coding_in_comment(trimmed) {
                return Some((name, lineno));
            }
        } else if !trimmed.iter().all(|b| b.is_ascii_whitespace()) {
            return None;
        }
    }
    None
}

fn coding_in_comment(comment: &[u8]) -> Option<String> {
    let mut i = 0;
    while let Some(off) = find(&comment[i..], b"coding") {
        let after = i + off + 6;
        if matches!(comment.get(after), Some(b':') | Some(b'=')) {
            let mut j = after + 1;
            while matches!(comment.get(j), Some(b' ') | Some(b'\t')) {
                j += 1;
            }
            let start = j;
            while comment
                .get(j)
                .is_some_and(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
            {
                j += 1;
            }
            if j > start {
                return Some(String::from_utf8_lossy(&comment[start..j]).into_owned());
            }
        }
        i = after;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Whether the file names its encoding (a coding declaration or a UTF-8
/// byte-order mark); CPython then reports parser errors in characters.
pub fn declares_encoding(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xEF\xBB\xBF") || find_coding_declaration(bytes).is_some()
}

/// `\r\n` and lone `\r` become `\n`.
pub fn normalize_newlines(text: &str) -> Cow<'_, str> {
    if !text.contains('\r') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_declaration() {
        let src = b"# -*- coding: latin-1 -*-\nx = '\xe9'\n";
        assert_eq!(
            decode_source(src).unwrap(),
            "# -*- coding: latin-1 -*-\nx = '\u{e9}'\n"
        );
    }

    #[test]
    fn second_line_declaration_only_after_comment() {
        assert!(find_coding_declaration(b"#!/usr/bin/python\n# coding: cp1252\n").is_some());
        assert!(find_coding_declaration(b"x = 1\n# coding: cp1252\n").is_none());
    }

    #[test]
    fn bom_is_stripped_and_newlines_normalised() {
        assert_eq!(decode_source(b"\xEF\xBB\xBFx\r\ny\rz").unwrap(), "x\ny\nz");
    }

    #[test]
    fn invalid_utf8_is_reported() {
        let err = decode_source(b"x = 1\ny = '\xff'\n").unwrap_err();
        // Reported without a location; the line is in the message.
        assert_eq!(err.lineno, 0);
        assert!(err.msg.starts_with("Non-UTF-8 code starting with '\\xff'"));
        assert!(err.msg.contains("on line 2,"));
    }
}
