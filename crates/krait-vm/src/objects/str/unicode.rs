//! `str`'s case mappings and character-class tests, answered from Unicode
//! 14.0.0 (`krait_unicode`) as CPython 3.11 answers them, and over code
//! points, so that lone surrogates pass through untouched. ASCII text, by
//! far the most common, takes byte-wise paths.

use super::PyStr;
use krait_unicode as ucd;

/// The case mappings of `str`'s methods.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum CaseMap {
    Lower,
    Upper,
    Casefold,
    Swapcase,
    Capitalize,
    Title,
}

impl CaseMap {
    pub fn apply(self, text: &PyStr) -> PyStr {
        if text.is_ascii() {
            return PyStr::from_wtf8_slice(&self.apply_ascii(text.as_bytes()));
        }
        let cps: Vec<u32> = text.code_points().collect();
        let mut out = Vec::with_capacity(cps.len());
        let mut previous_cased = false;
        for (i, &cp) in cps.iter().enumerate() {
            match self {
                CaseMap::Lower => push_lower(&cps, i, &mut out),
                CaseMap::Upper => out.extend(ucd::upper(cp).iter()),
                CaseMap::Casefold => out.extend(ucd::casefold(cp).iter()),
                CaseMap::Swapcase => {
                    if ucd::is_upper(cp) {
                        push_lower(&cps, i, &mut out);
                    } else if ucd::is_lower(cp) {
                        out.extend(ucd::upper(cp).iter());
                    } else {
                        out.push(cp);
                    }
                }
                CaseMap::Capitalize if i == 0 => out.extend(ucd::title(cp).iter()),
                CaseMap::Capitalize => push_lower(&cps, i, &mut out),
                CaseMap::Title => {
                    if previous_cased {
                        push_lower(&cps, i, &mut out);
                    } else {
                        out.extend(ucd::title(cp).iter());
                    }
                    previous_cased = ucd::is_cased(cp);
                }
            }
        }
        PyStr::from_code_points(out)
    }

    fn apply_ascii(self, text: &[u8]) -> Vec<u8> {
        let mut out = text.to_vec();
        match self {
            CaseMap::Lower | CaseMap::Casefold => out.make_ascii_lowercase(),
            CaseMap::Upper => out.make_ascii_uppercase(),
            CaseMap::Swapcase => {
                for b in &mut out {
                    if b.is_ascii_alphabetic() {
                        *b ^= 0x20;
                    }
                }
            }
            CaseMap::Capitalize => {
                out.make_ascii_lowercase();
                if let Some(first) = out.first_mut() {
                    first.make_ascii_uppercase();
                }
            }
            CaseMap::Title => {
                let mut previous_cased = false;
                for b in &mut out {
                    if previous_cased {
                        b.make_ascii_lowercase();
                    } else {
                        b.make_ascii_uppercase();
                    }
                    previous_cased = b.is_ascii_alphabetic();
                }
            }
        }
        out
    }
}

const CAPITAL_SIGMA: u32 = 0x3A3;
const SMALL_SIGMA: u32 = 0x3C3;
const FINAL_SIGMA: u32 = 0x3C2;

/// The lowercase of `text[i]`; a capital sigma ending a word becomes the
/// final form: after a cased letter and not before one, looking past
/// case-ignorable characters both ways.
fn push_lower(text: &[u32], i: usize, out: &mut Vec<u32>) {
    let cp = text[i];
    if cp != CAPITAL_SIGMA {
        out.extend(ucd::lower(cp).iter());
        return;
    }
    let significant = |c: &&u32| !ucd::is_case_ignorable(**c);
    let after_cased = text[..i]
        .iter()
        .rev()
        .find(significant)
        .is_some_and(|&c| ucd::is_cased(c));
    let before_cased = text[i + 1..]
        .iter()
        .find(significant)
        .is_some_and(|&c| ucd::is_cased(c));
    out.push(if after_cased && !before_cased {
        FINAL_SIGMA
    } else {
        SMALL_SIGMA
    });
}

/// `str.isupper()`: some cased character, and none lowercase or titlecase.
pub fn is_upper(text: &PyStr) -> bool {
    cased_only(text, ucd::is_upper, ucd::is_lower)
}

/// `str.islower()`: some cased character, and none uppercase or titlecase.
pub fn is_lower(text: &PyStr) -> bool {
    cased_only(text, ucd::is_lower, ucd::is_upper)
}

fn cased_only(text: &PyStr, wanted: fn(u32) -> bool, other: fn(u32) -> bool) -> bool {
    let mut cased = false;
    for cp in text.code_points() {
        if other(cp) || ucd::is_title(cp) {
            return false;
        }
        cased |= wanted(cp);
    }
    cased
}

/// `str.istitle()`: uppercase and titlecase letters only after uncased
/// characters, lowercase ones only after cased ones, and at least one
/// cased letter.
pub fn is_title(text: &PyStr) -> bool {
    let mut previous_cased = false;
    let mut cased = false;
    for cp in text.code_points() {
        if ucd::is_upper(cp) || ucd::is_title(cp) {
            if previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else if ucd::is_lower(cp) {
            if !previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else {
            previous_cased = false;
        }
    }
    cased
}

/// `str.isidentifier()`: XID_Start or `_`, then XID_Continue.
pub fn is_identifier(text: &PyStr) -> bool {
    let mut cps = text.code_points();
    match cps.next() {
        Some(first) => {
            (first == u32::from('_') || ucd::is_xid_start(first)) && cps.all(ucd::is_xid_continue)
        }
        None => false,
    }
}

/// Python's whitespace, which `split()` and `strip()` look for.
#[inline]
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, ' ' | '\t'..='\r' | '\x1c'..='\x1f');
    }
    ucd::is_space(c as u32)
}

/// The same, for a code point (lone surrogates are not whitespace).
#[inline]
pub fn is_space_code_point(cp: u32) -> bool {
    char::from_u32(cp).is_some_and(is_space)
}

/// The byte ranges of the words of `text` that `split()` without a
/// separator finds, at most `limit` splits made from the left (or from
/// the right); the unsplit rest is one word with its inner whitespace.
pub fn words(text: &PyStr, limit: usize, right: bool) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    if text.is_ascii() {
        let space = |i: usize| matches!(bytes[i], b' ' | b'\t'..=b'\r' | 0x1c..=0x1f);
        return split_units(bytes.len(), space, |i| i, limit, right);
    }
    // Code point by code point: where each starts, and whether it is
    // whitespace.
    let mut units: Vec<(usize, bool)> = Vec::with_capacity(text.len() + 1);
    let mut offset = 0;
    for cp in text.code_points() {
        let space = is_space_code_point(cp);
        units.push((offset, space));
        offset += utf8_len(cp);
    }
    units.push((offset, false));
    split_units(text.len(), |i| units[i].1, |i| units[i].0, limit, right)
}

fn utf8_len(cp: u32) -> usize {
    match cp {
        0..=0x7F => 1,
        0x80..=0x7FF => 2,
        0x800..=0xFFFF => 3,
        _ => 4,
    }
}

/// The splitting itself, over `n` units of which `space(i)` tells the
/// whitespace and `offset(i)` the byte where unit `i` starts.
fn split_units(
    n: usize,
    space: impl Fn(usize) -> bool,
    offset: impl Fn(usize) -> usize,
    limit: usize,
    right: bool,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if right {
        let mut j = n;
        loop {
            while j > 0 && space(j - 1) {
                j -= 1;
            }
            if j == 0 {
                break;
            }
            if out.len() == limit {
                out.push((offset(0), offset(j)));
                break;
            }
            let end = j;
            while j > 0 && !space(j - 1) {
                j -= 1;
            }
            out.push((offset(j), offset(end)));
        }
        out.reverse();
    } else {
        let mut i = 0;
        loop {
            while i < n && space(i) {
                i += 1;
            }
            if i == n {
                break;
            }
            if out.len() == limit {
                out.push((offset(i), offset(n)));
                break;
            }
            let start = i;
            while i < n && !space(i) {
                i += 1;
            }
            out.push((offset(start), offset(i)));
        }
    }
    out
}

/// The text `int()`, `float()` and `complex()` parse: whitespace made a
/// space and every decimal digit an ASCII one, as CPython reads numbers
/// written in any script. Other characters stay, and fail the parse.
pub fn ascii_digits(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() {
        return text.into();
    }
    text.chars()
        .map(|c| {
            if c.is_ascii() {
                c
            } else if ucd::is_space(c as u32) {
                ' '
            } else if let Some(d) = ucd::decimal_value(c as u32) {
                char::from_digit(d, 10).unwrap_or(c)
            } else {
                c
            }
        })
        .collect::<String>()
        .into()
}
