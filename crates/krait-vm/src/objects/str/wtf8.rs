//! Searching, splitting and trimming the bytes of a `str` (generalised
//! UTF-8, see the module above): what `str`'s methods do on text that may
//! hold lone surrogates, which a Rust `&str` cannot.
//!
//! Byte-wise search is sound on this encoding: every code point starts
//! with a byte no other code point has inside it, so a match of a whole
//! encoded needle always begins and ends on code point boundaries.

use memchr::memmem;

/// The code point starting at byte `i`, and its length in bytes.
pub fn decode_at(text: &[u8], i: usize) -> (u32, usize) {
    let lead = text[i] as u32;
    let cont = |k: usize| (text[i + k] & 0x3F) as u32;
    match lead {
        0..=0x7F => (lead, 1),
        0x80..=0xDF => (((lead & 0x1F) << 6) | cont(1), 2),
        0xE0..=0xEF => (((lead & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3),
        _ => (
            ((lead & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            4,
        ),
    }
}

/// Where the code point ending at byte `end` starts, and the code point.
pub fn decode_before(text: &[u8], end: usize) -> (usize, u32) {
    let mut start = end - 1;
    while start > 0 && text[start] & 0xC0 == 0x80 {
        start -= 1;
    }
    (start, decode_at(text, start).0)
}

pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memmem::find(haystack, needle)
}

pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memmem::rfind(haystack, needle)
}

/// `text.split(sep, limit)`: the pieces in order (`sep` not empty).
pub fn split<'a>(text: &'a [u8], sep: &[u8], limit: usize) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut start = 0;
    for at in memmem::find_iter(text, sep) {
        if out.len() == limit {
            break;
        }
        if at < start {
            continue;
        }
        out.push(&text[start..at]);
        start = at + sep.len();
    }
    out.push(&text[start..]);
    out
}

/// `text.rsplit(sep, limit)`: the pieces in order (`sep` not empty).
pub fn rsplit<'a>(text: &'a [u8], sep: &[u8], limit: usize) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut end = text.len();
    for at in memmem::rfind_iter(text, sep) {
        if out.len() == limit {
            break;
        }
        if at + sep.len() > end {
            continue;
        }
        out.push(&text[at + sep.len()..end]);
        end = at;
    }
    out.push(&text[..end]);
    out.reverse();
    out
}

/// `text.replace(old, new, count)`; an empty `old` matches between code
/// points and at both ends.
pub fn replace(text: &[u8], old: &[u8], new: &[u8], count: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut done = 0;
    if old.is_empty() {
        let mut i = 0;
        while i < text.len() {
            if done < count {
                out.extend_from_slice(new);
                done += 1;
            }
            let (_, len) = decode_at(text, i);
            out.extend_from_slice(&text[i..i + len]);
            i += len;
        }
        if done < count {
            out.extend_from_slice(new);
        }
        return out;
    }
    let mut start = 0;
    for at in memmem::find_iter(text, old) {
        if done == count {
            break;
        }
        if at < start {
            continue;
        }
        out.extend_from_slice(&text[start..at]);
        out.extend_from_slice(new);
        start = at + old.len();
        done += 1;
    }
    out.extend_from_slice(&text[start..]);
    out
}

/// `text` without the code points `strip` removes at the chosen ends.
pub fn trim(text: &[u8], left: bool, right: bool, strip: impl Fn(u32) -> bool) -> &[u8] {
    let mut start = 0;
    let mut end = text.len();
    if left {
        while start < end {
            let (cp, len) = decode_at(text, start);
            if !strip(cp) {
                break;
            }
            start += len;
        }
    }
    if right {
        while end > start {
            let (at, cp) = decode_before(text, end);
            if !strip(cp) {
                break;
            }
            end = at;
        }
    }
    &text[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "\u{d800}é x" with its surrogate in generalised UTF-8.
    const TEXT: &[u8] = b"\xed\xa0\x80\xc3\xa9 x";

    #[test]
    fn decodes_both_ways_through_surrogates() {
        assert_eq!(decode_at(TEXT, 0), (0xD800, 3));
        assert_eq!(decode_at(TEXT, 3), (0xE9, 2));
        assert_eq!(decode_before(TEXT, 5), (3, 0xE9));
        assert_eq!(decode_before(TEXT, 3), (0, 0xD800));
    }

    #[test]
    fn splits_replaces_and_trims_bytes() {
        assert_eq!(
            split(b"a,b,,c", b",", usize::MAX),
            [&b"a"[..], b"b", b"", b"c"]
        );
        assert_eq!(split(b"a,b,c", b",", 1), [&b"a"[..], b"b,c"]);
        assert_eq!(rsplit(b"a,b,c", b",", 1), [&b"a,b"[..], b"c"]);
        assert_eq!(split(b"aaa", b"aa", usize::MAX), [&b""[..], b"a"]);
        assert_eq!(rsplit(b"aaa", b"aa", usize::MAX), [&b"a"[..], b""]);
        assert_eq!(replace(b"aaa", b"aa", b"b", usize::MAX), b"ba");
        assert_eq!(replace(TEXT, b"", b"-", 2), b"-\xed\xa0\x80-\xc3\xa9 x");
        assert_eq!(
            trim(TEXT, true, true, |c| c == 0xD800 || c == 0x78),
            b"\xc3\xa9 "
        );
    }
}
