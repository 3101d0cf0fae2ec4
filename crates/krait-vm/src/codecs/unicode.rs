//! The Unicode transformation formats and the one-byte codecs: UTF-8,
//! UTF-16 and UTF-32 (either byte order, with or without a BOM), ASCII
//! and Latin-1, with CPython's error positions and reasons.

use super::errors::{self, Decoder, Encoder, Step};
use crate::vm::{PyResult, Vm};

// ---- UTF-8 ---------------------------------------------------------------

fn utf8_step(data: &[u8], pos: usize, last: bool) -> Step {
    let b0 = data[pos];
    if b0 < 0x80 {
        return Step::Char(b0 as u32, 1);
    }
    let (len, lo, hi) = match b0 {
        0xC2..=0xDF => (2, 0x80, 0xBF),
        0xE0 => (3, 0xA0, 0xBF),
        0xE1..=0xEC | 0xEE..=0xEF => (3, 0x80, 0xBF),
        0xED => (3, 0x80, 0x9F),
        0xF0 => (4, 0x90, 0xBF),
        0xF1..=0xF3 => (4, 0x80, 0xBF),
        0xF4 => (4, 0x80, 0x8F),
        _ => return Step::Invalid(pos + 1, "invalid start byte"),
    };
    let mut cp = (b0 as u32) & (0x7F >> len);
    for k in 1..len {
        let Some(&b) = data.get(pos + k) else {
            return if last {
                Step::Invalid(data.len(), "unexpected end of data")
            } else {
                Step::Incomplete
            };
        };
        let (l, h) = if k == 1 { (lo, hi) } else { (0x80, 0xBF) };
        if !(l..=h).contains(&b) {
            return Step::Invalid(pos + k, "invalid continuation byte");
        }
        cp = (cp << 6) | (b as u32 & 0x3F);
    }
    Step::Char(cp, len)
}

/// A surrogate encoded as UTF-8 would encode it (`ED A0..BF 80..BF`).
fn utf8_surrogate(data: &[u8], pos: usize) -> Option<(u32, usize)> {
    match data.get(pos..pos + 3)? {
        [0xED, b1 @ 0xA0..=0xBF, b2 @ 0x80..=0xBF] => {
            Some((0xD000 | ((*b1 as u32 & 0x3F) << 6) | (*b2 as u32 & 0x3F), 3))
        }
        _ => None,
    }
}

pub fn utf8_decode(
    vm: &mut Vm,
    data: &[u8],
    errors: &str,
    last: bool,
) -> PyResult<(Vec<u32>, usize)> {
    let d = Decoder {
        name: "utf-8",
        step: &utf8_step,
        surrogate: &utf8_surrogate,
    };
    errors::decode(vm, &d, data, errors, last)
}

fn push_utf8(c: u32, out: &mut Vec<u8>) {
    crate::objects::str::push_code_point(out, c);
}

pub fn utf8_encode(vm: &mut Vm, text: &[u32], errors: &str) -> PyResult<Vec<u8>> {
    let e = Encoder {
        name: "utf-8",
        char: &|c, out| {
            if (0xD800..0xE000).contains(&c) {
                return false;
            }
            push_utf8(c, out);
            true
        },
        surrogate: &|c, out| {
            push_utf8(c, out);
            true
        },
        reason: "surrogates not allowed",
        bytewise: true,
    };
    errors::encode(vm, &e, text, errors)
}

// ---- one-byte codecs -----------------------------------------------------

pub fn ascii_decode(vm: &mut Vm, data: &[u8], errors: &str) -> PyResult<Vec<u32>> {
    let d = Decoder {
        name: "ascii",
        step: &|data, pos, _| match data[pos] {
            b if b < 0x80 => Step::Char(b as u32, 1),
            _ => Step::Invalid(pos + 1, "ordinal not in range(128)"),
        },
        surrogate: &|_, _| None,
    };
    Ok(errors::decode(vm, &d, data, errors, true)?.0)
}

pub fn latin1_decode(data: &[u8]) -> Vec<u32> {
    data.iter().map(|&b| b as u32).collect()
}

/// ASCII (`limit` 0x80) or Latin-1 (0x100).
pub fn onebyte_encode(vm: &mut Vm, text: &[u32], errors: &str, limit: u32) -> PyResult<Vec<u8>> {
    let (name, reason) = if limit == 0x80 {
        ("ascii", "ordinal not in range(128)")
    } else {
        ("latin-1", "ordinal not in range(256)")
    };
    let e = Encoder {
        name,
        char: &|c, out| {
            if c < limit {
                out.push(c as u8);
                true
            } else {
                false
            }
        },
        surrogate: &|_, _| false,
        reason,
        bytewise: true,
    };
    errors::encode(vm, &e, text, errors)
}

// ---- UTF-16 ----------------------------------------------------------------

/// The name a UTF-16 or UTF-32 codec gives itself in errors, by byte order
/// (-1 little, 1 big, 0 from a BOM).
fn utf_name(bits: u8, order: i32) -> &'static str {
    match (bits, order) {
        (16, -1) => "utf-16-le",
        (16, 1) => "utf-16-be",
        (16, _) => "utf-16",
        (_, -1) => "utf-32-le",
        (_, 1) => "utf-32-be",
        _ => "utf-32",
    }
}

fn unit16(data: &[u8], pos: usize, big: bool) -> Option<u32> {
    let b = data.get(pos..pos + 2)?;
    Some(if big {
        u16::from_be_bytes([b[0], b[1]])
    } else {
        u16::from_le_bytes([b[0], b[1]])
    } as u32)
}

fn utf16_step(data: &[u8], pos: usize, last: bool, big: bool) -> Step {
    let Some(u) = unit16(data, pos, big) else {
        return if last {
            Step::Invalid(data.len(), "truncated data")
        } else {
            Step::Incomplete
        };
    };
    if !(0xD800..0xE000).contains(&u) {
        return Step::Char(u, 2);
    }
    if u >= 0xDC00 {
        return Step::Invalid(pos + 2, "illegal encoding");
    }
    match unit16(data, pos + 2, big) {
        Some(l) if (0xDC00..0xE000).contains(&l) => {
            Step::Char(0x10000 + ((u - 0xD800) << 10) + (l - 0xDC00), 4)
        }
        Some(_) => Step::Invalid(pos + 2, "illegal UTF-16 surrogate"),
        None if !last => Step::Incomplete,
        None => Step::Invalid(data.len(), "unexpected end of data"),
    }
}

/// Decodes UTF-16 in the byte order `order` (-1 little, 1 big, 0: from a
/// BOM, little without one); answers the order found too.
pub fn utf16_decode(
    vm: &mut Vm,
    data: &[u8],
    errors: &str,
    mut order: i32,
    last: bool,
) -> PyResult<(Vec<u32>, usize, i32)> {
    let mut skip = 0;
    if order == 0 && data.len() >= 2 {
        match (data[0], data[1]) {
            (0xFF, 0xFE) => (order, skip) = (-1, 2),
            (0xFE, 0xFF) => (order, skip) = (1, 2),
            _ => {}
        }
    }
    let big = order == 1;
    let name = utf_name(16, order);
    let step = move |d: &[u8], p: usize, l: bool| utf16_step(d, p, l, big);
    let surrogate = move |d: &[u8], p: usize| {
        unit16(d, p, big)
            .filter(|u| (0xD800..0xE000).contains(u))
            .map(|u| (u, 2))
    };
    let d = Decoder {
        name,
        step: &step,
        surrogate: &surrogate,
    };
    let (cps, used) = errors::decode(vm, &d, &data[skip..], errors, last)?;
    Ok((cps, used + skip, order))
}

fn push16(u: u32, out: &mut Vec<u8>, big: bool) {
    let u = u as u16;
    out.extend_from_slice(&if big {
        u.to_be_bytes()
    } else {
        u.to_le_bytes()
    });
}

/// Encodes UTF-16 in byte order `order` (0: little with a BOM).
pub fn utf16_encode(vm: &mut Vm, text: &[u32], errors: &str, order: i32) -> PyResult<Vec<u8>> {
    let big = order == 1;
    let name = utf_name(16, order);
    let char = move |c: u32, out: &mut Vec<u8>| {
        if (0xD800..0xE000).contains(&c) {
            return false;
        }
        if c >= 0x10000 {
            let c = c - 0x10000;
            push16(0xD800 + (c >> 10), out, big);
            push16(0xDC00 + (c & 0x3FF), out, big);
        } else {
            push16(c, out, big);
        }
        true
    };
    let surrogate = move |c: u32, out: &mut Vec<u8>| {
        push16(c, out, big);
        true
    };
    let e = Encoder {
        name,
        char: &char,
        surrogate: &surrogate,
        reason: "surrogates not allowed",
        bytewise: false,
    };
    let mut out = Vec::new();
    if order == 0 {
        push16(0xFEFF, &mut out, false);
    }
    out.extend(errors::encode(vm, &e, text, errors)?);
    Ok(out)
}

// ---- UTF-32 ----------------------------------------------------------------

fn unit32(data: &[u8], pos: usize, big: bool) -> Option<u32> {
    let b: [u8; 4] = data.get(pos..pos + 4)?.try_into().ok()?;
    Some(if big {
        u32::from_be_bytes(b)
    } else {
        u32::from_le_bytes(b)
    })
}

/// Decodes UTF-32, as `utf16_decode` decodes UTF-16.
pub fn utf32_decode(
    vm: &mut Vm,
    data: &[u8],
    errors: &str,
    mut order: i32,
    last: bool,
) -> PyResult<(Vec<u32>, usize, i32)> {
    let mut skip = 0;
    if order == 0 && data.len() >= 4 {
        match data[..4] {
            [0xFF, 0xFE, 0, 0] => (order, skip) = (-1, 4),
            [0, 0, 0xFE, 0xFF] => (order, skip) = (1, 4),
            _ => {}
        }
    }
    let big = order == 1;
    let name = utf_name(32, order);
    let step = move |d: &[u8], p: usize, l: bool| match unit32(d, p, big) {
        None if !l => Step::Incomplete,
        None => Step::Invalid(d.len(), "truncated data"),
        Some(u) if u >= 0x110000 => Step::Invalid(p + 4, "code point not in range(0x110000)"),
        Some(u) if (0xD800..0xE000).contains(&u) => Step::Invalid(
            p + 4,
            "code point in surrogate code point range(0xd800, 0xe000)",
        ),
        Some(u) => Step::Char(u, 4),
    };
    let surrogate = move |d: &[u8], p: usize| {
        unit32(d, p, big)
            .filter(|u| (0xD800..0xE000).contains(u))
            .map(|u| (u, 4))
    };
    let d = Decoder {
        name,
        step: &step,
        surrogate: &surrogate,
    };
    let (cps, used) = errors::decode(vm, &d, &data[skip..], errors, last)?;
    Ok((cps, used + skip, order))
}

pub fn utf32_encode(vm: &mut Vm, text: &[u32], errors: &str, order: i32) -> PyResult<Vec<u8>> {
    let big = order == 1;
    let name = utf_name(32, order);
    let put = move |c: u32, out: &mut Vec<u8>| {
        out.extend_from_slice(&if big {
            c.to_be_bytes()
        } else {
            c.to_le_bytes()
        });
        true
    };
    let char = move |c: u32, out: &mut Vec<u8>| !(0xD800..0xE000).contains(&c) && put(c, out);
    let e = Encoder {
        name,
        char: &char,
        surrogate: &put,
        reason: "surrogates not allowed",
        bytewise: false,
    };
    let mut out = Vec::new();
    if order == 0 {
        put(0xFEFF, &mut out);
    }
    out.extend(errors::encode(vm, &e, text, errors)?);
    Ok(out)
}
