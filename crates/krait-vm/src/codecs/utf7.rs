//! UTF-7 (RFC 2152), as Python's `utf-7` codec reads and writes it: ASCII
//! characters stand for themselves, and anything else is UTF-16 written
//! in modified base64 between a `+` and an optional `-`. Python encodes
//! only the "special" characters, and decodes whatever a sender chose.

use super::errors::{decode_error, Decoder, Step};
use crate::vm::{PyResult, Vm};

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn from_base64(c: u8) -> Option<u32> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    } as u32)
}

/// Whether Python writes `c` as itself: printable ASCII and white space,
/// except `+` (which opens a shift), `\` and `~`.
fn written_directly(c: u32) -> bool {
    let Ok(c) = u8::try_from(c) else {
        return false;
    };
    match c {
        b'\t' | b'\n' | b'\r' => true,
        b' '..=b'}' => c != b'+' && c != b'\\',
        _ => false,
    }
}

pub fn utf7_encode(text: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut in_shift = false;
    let (mut bits, mut nbits) = (0u64, 0u32);
    let push_unit = |out: &mut Vec<u8>, unit: u32, bits: &mut u64, nbits: &mut u32| {
        *bits = (*bits << 16) | unit as u64;
        *nbits += 16;
        while *nbits >= 6 {
            *nbits -= 6;
            out.push(BASE64[((*bits >> *nbits) & 63) as usize]);
        }
        *bits &= (1 << *nbits) - 1;
    };
    for &c in text {
        if in_shift && written_directly(c) {
            if nbits > 0 {
                out.push(BASE64[((bits << (6 - nbits)) & 63) as usize]);
                (bits, nbits) = (0, 0);
            }
            in_shift = false;
            // A character that could continue the base64 needs the '-'.
            if from_base64(c as u8).is_some() || c == b'-' as u32 {
                out.push(b'-');
            }
            out.push(c as u8);
            continue;
        }
        if !in_shift {
            if c == b'+' as u32 {
                out.extend_from_slice(b"+-");
                continue;
            }
            if written_directly(c) {
                out.push(c as u8);
                continue;
            }
            out.push(b'+');
            in_shift = true;
        }
        if c >= 0x10000 {
            let v = c - 0x10000;
            push_unit(&mut out, 0xD800 | (v >> 10), &mut bits, &mut nbits);
            push_unit(&mut out, 0xDC00 | (v & 0x3FF), &mut bits, &mut nbits);
        } else {
            push_unit(&mut out, c, &mut bits, &mut nbits);
        }
    }
    if nbits > 0 {
        out.push(BASE64[((bits << (6 - nbits)) & 63) as usize]);
    }
    if in_shift {
        out.push(b'-');
    }
    out
}

/// A base64 run being read.
struct Shift {
    /// Where its `+` is.
    start: usize,
    /// How much output came before it.
    out_start: usize,
    bits: u32,
    nbits: u32,
    /// A high surrogate waiting for its low half.
    high: u32,
}

impl Shift {
    /// Leftover bits that are not the zero padding of the last character.
    fn unfinished(&self) -> Option<&'static str> {
        if self.nbits >= 6 {
            Some("partial character in shift sequence")
        } else if self.nbits > 0 && self.bits != 0 {
            Some("non-zero padding bits in shift sequence")
        } else {
            None
        }
    }

    fn push_unit(&mut self, unit: u32, out: &mut Vec<u32>) {
        if self.high != 0 {
            if (0xDC00..0xE000).contains(&unit) {
                out.push(0x10000 + ((self.high - 0xD800) << 10) + (unit - 0xDC00));
                self.high = 0;
                return;
            }
            out.push(self.high);
            self.high = 0;
        }
        if (0xD800..0xDC00).contains(&unit) {
            self.high = unit;
        } else {
            out.push(unit);
        }
    }
}

/// Decodes `data`; unless `last`, a base64 run still open at the end is
/// left for the next call (neither its bytes nor its characters counted).
pub fn utf7_decode(
    vm: &mut Vm,
    data: &[u8],
    errors: &str,
    last: bool,
) -> PyResult<(Vec<u32>, usize)> {
    let d = Decoder {
        name: "utf7",
        step: &|_, _, _| Step::Incomplete,
        surrogate: &|_, _| None,
    };
    let mut out = Vec::with_capacity(data.len());
    let mut pos = 0;
    let mut shift: Option<Shift> = None;
    loop {
        while pos < data.len() {
            let c = data[pos];
            if let Some(s) = shift.as_mut() {
                if let Some(v) = from_base64(c) {
                    s.bits = (s.bits << 6) | v;
                    s.nbits += 6;
                    pos += 1;
                    if s.nbits >= 16 {
                        s.nbits -= 16;
                        let unit = s.bits >> s.nbits;
                        s.bits &= (1 << s.nbits) - 1;
                        s.push_unit(unit, &mut out);
                    }
                    continue;
                }
                let s = shift.take().expect("in a shift");
                if let Some(reason) = s.unfinished() {
                    pos = decode_error(vm, &d, data, s.start, pos + 1, reason, errors, &mut out)?;
                    continue;
                }
                // A lone high surrogate survives only before plain ASCII.
                if s.high != 0 && c < 0x80 && c != b'+' {
                    out.push(s.high);
                }
                // '-' ends the run and is dropped; anything else is read.
                if c == b'-' {
                    pos += 1;
                }
                continue;
            }
            if c == b'+' {
                let start = pos;
                pos += 1;
                match data.get(pos) {
                    Some(b'-') => {
                        out.push(b'+' as u32);
                        pos += 1;
                    }
                    Some(&next) if from_base64(next).is_none() => {
                        pos = decode_error(
                            vm,
                            &d,
                            data,
                            start,
                            pos + 1,
                            "ill-formed sequence",
                            errors,
                            &mut out,
                        )?;
                    }
                    _ => {
                        shift = Some(Shift {
                            start,
                            out_start: out.len(),
                            bits: 0,
                            nbits: 0,
                            high: 0,
                        })
                    }
                }
            } else if c < 0x80 {
                out.push(c as u32);
                pos += 1;
            } else {
                pos = decode_error(
                    vm,
                    &d,
                    data,
                    pos,
                    pos + 1,
                    "unexpected special character",
                    errors,
                    &mut out,
                )?;
            }
        }
        let Some(s) = shift.take() else {
            return Ok((out, pos));
        };
        if !last {
            out.truncate(s.out_start);
            return Ok((out, s.start));
        }
        if s.high == 0 && s.unfinished().is_none() {
            return Ok((out, pos));
        }
        let reason = "unterminated shift sequence";
        pos = decode_error(vm, &d, data, s.start, data.len(), reason, errors, &mut out)?;
        if pos >= data.len() {
            return Ok((out, pos));
        }
    }
}
