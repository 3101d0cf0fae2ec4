//! Compiled code as bytes and back, for the import system's cache of
//! compiled modules (and `marshal` of code objects). The bytes start with
//! a fingerprint of the compiler that made them and a checksum of the
//! rest: code from another build of Krait, or a damaged file, decodes to
//! `None`, never to wrong code.

use crate::code::{BinOp, CompareOp, ExceptionEntry, UnaryOp};
use crate::{Code, Const, Instr};
use dashu_int::ops::UnsignedAbs;
use dashu_int::{IBig, UBig};
use krait_syntax::ast::Loc;
use krait_values::text::{CodePoints, PyString};
use std::rc::Rc;

include!(concat!(env!("OUT_DIR"), "/fingerprint.rs"));

/// The four bytes `.pyc` files of this build start with, as CPython's
/// start with its magic number: two bytes of the fingerprint, then
/// `\r\n`.
pub fn magic() -> [u8; 4] {
    let f = COMPILER_FINGERPRINT.to_le_bytes();
    // Never CPython 3.11's own number (3495), whose files are not ours.
    let first = if f[0] == 0xA7 && f[1] == 0x0D {
        0xA8
    } else {
        f[0]
    };
    [first, f[1], b'\r', b'\n']
}

fn checksum(bytes: &[u8]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    for &b in bytes {
        hash ^= b as u64;
        hash = hash.wrapping_mul(0x100_0000_01b3);
    }
    hash
}

/// `code` as bytes.
pub fn encode(code: &Code) -> Vec<u8> {
    let mut body = Vec::with_capacity(4096);
    put_code(&mut body, code);
    let mut out = Vec::with_capacity(body.len() + 16);
    out.extend_from_slice(&COMPILER_FINGERPRINT.to_le_bytes());
    out.extend_from_slice(&checksum(&body).to_le_bytes());
    out.extend_from_slice(&body);
    out
}

/// The code `bytes` hold, if this build made them and they are whole.
pub fn decode(bytes: &[u8]) -> Option<Rc<Code>> {
    let fingerprint = u64::from_le_bytes(bytes.get(..8)?.try_into().ok()?);
    let sum = u64::from_le_bytes(bytes.get(8..16)?.try_into().ok()?);
    let body = &bytes[16..];
    if fingerprint != COMPILER_FINGERPRINT || sum != checksum(body) {
        return None;
    }
    let mut input = body;
    let code = take_code(&mut input)?;
    input.is_empty().then_some(code)
}

/// An instruction operand's encoding.
pub trait Field: Sized {
    fn put(self, out: &mut Vec<u8>);
    fn take(input: &mut &[u8]) -> Option<Self>;
}

impl Field for u32 {
    fn put(self, out: &mut Vec<u8>) {
        put_uint(out, self as u64);
    }
    fn take(input: &mut &[u8]) -> Option<Self> {
        u32::try_from(take_uint(input)?).ok()
    }
}

impl Field for u16 {
    fn put(self, out: &mut Vec<u8>) {
        put_uint(out, self as u64);
    }
    fn take(input: &mut &[u8]) -> Option<Self> {
        u16::try_from(take_uint(input)?).ok()
    }
}

impl Field for BinOp {
    fn put(self, out: &mut Vec<u8>) {
        out.push(self as u8);
    }
    fn take(input: &mut &[u8]) -> Option<Self> {
        BinOp::ALL.get(take_byte(input)? as usize).copied()
    }
}

impl Field for CompareOp {
    fn put(self, out: &mut Vec<u8>) {
        out.push(self as u8);
    }
    fn take(input: &mut &[u8]) -> Option<Self> {
        use CompareOp::*;
        [Lt, Le, Eq, Ne, Gt, Ge]
            .get(take_byte(input)? as usize)
            .copied()
    }
}

impl Field for UnaryOp {
    fn put(self, out: &mut Vec<u8>) {
        out.push(self as u8);
    }
    fn take(input: &mut &[u8]) -> Option<Self> {
        use UnaryOp::*;
        [Negative, Positive, Invert, Not]
            .get(take_byte(input)? as usize)
            .copied()
    }
}

fn put_uint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn take_byte(input: &mut &[u8]) -> Option<u8> {
    let (&b, rest) = input.split_first()?;
    *input = rest;
    Some(b)
}

fn take_uint(input: &mut &[u8]) -> Option<u64> {
    let mut n = 0u64;
    for shift in (0..64).step_by(7) {
        let b = take_byte(input)?;
        n |= ((b & 0x7F) as u64) << shift;
        if b & 0x80 == 0 {
            return Some(n);
        }
    }
    None
}

fn take_u32(input: &mut &[u8]) -> Option<u32> {
    u32::try_from(take_uint(input)?).ok()
}

fn take_len(input: &mut &[u8]) -> Option<usize> {
    let n = take_uint(input)? as usize;
    // A length can never exceed what is left (each item is a byte or more).
    (n <= input.len()).then_some(n)
}

fn take_slice<'a>(input: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    if input.len() < n {
        return None;
    }
    let (head, rest) = input.split_at(n);
    *input = rest;
    Some(head)
}

fn put_bytes(out: &mut Vec<u8>, b: &[u8]) {
    put_uint(out, b.len() as u64);
    out.extend_from_slice(b);
}

fn take_string(input: &mut &[u8]) -> Option<String> {
    let n = take_len(input)?;
    String::from_utf8(take_slice(input, n)?.to_vec()).ok()
}

fn put_strings(out: &mut Vec<u8>, items: &[String]) {
    put_uint(out, items.len() as u64);
    for s in items {
        put_bytes(out, s.as_bytes());
    }
}

fn take_strings(input: &mut &[u8]) -> Option<Vec<String>> {
    let n = take_len(input)?;
    (0..n).map(|_| take_string(input)).collect()
}

fn put_code(out: &mut Vec<u8>, c: &Code) {
    put_bytes(out, c.name.as_bytes());
    put_bytes(out, c.qualname.as_bytes());
    put_bytes(out, c.filename.as_bytes());
    for n in [
        c.first_lineno,
        c.argcount,
        c.posonlyargcount,
        c.kwonlyargcount,
        c.flags,
        c.max_stack,
    ] {
        put_uint(out, n as u64);
    }
    put_uint(out, c.instrs.len() as u64);
    for i in &c.instrs {
        i.encode(out);
    }
    put_uint(out, c.positions.len() as u64);
    for p in &c.positions {
        for n in [p.lineno, p.col_offset, p.end_lineno, p.end_col_offset] {
            put_uint(out, n as u64);
        }
    }
    put_uint(out, c.consts.len() as u64);
    for k in &c.consts {
        put_const(out, k);
    }
    for names in [&c.names, &c.varnames, &c.cellvars, &c.freevars] {
        put_strings(out, names);
    }
    put_uint(out, c.cell2arg.len() as u64);
    for a in &c.cell2arg {
        put_uint(out, a.map_or(0, |a| a as u64 + 1));
    }
    put_uint(out, c.exception_table.len() as u64);
    for e in &c.exception_table {
        for n in [e.start, e.end, e.target, e.depth] {
            put_uint(out, n as u64);
        }
    }
}

fn take_code(input: &mut &[u8]) -> Option<Rc<Code>> {
    let name = take_string(input)?;
    let qualname = take_string(input)?;
    let filename: Rc<str> = take_string(input)?.into();
    let mut numbers = [0u32; 6];
    for n in &mut numbers {
        *n = take_u32(input)?;
    }
    let [first_lineno, argcount, posonlyargcount, kwonlyargcount, flags, max_stack] = numbers;
    let n = take_len(input)?;
    let instrs = (0..n)
        .map(|_| Instr::decode(input))
        .collect::<Option<Vec<_>>>()?;
    let n = take_len(input)?;
    let positions = (0..n)
        .map(|_| {
            Some(Loc {
                lineno: take_u32(input)?,
                col_offset: take_u32(input)?,
                end_lineno: take_u32(input)?,
                end_col_offset: take_u32(input)?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let n = take_len(input)?;
    let consts = (0..n)
        .map(|_| take_const(input))
        .collect::<Option<Vec<_>>>()?;
    let names = take_strings(input)?;
    let varnames = take_strings(input)?;
    let cellvars = take_strings(input)?;
    let freevars = take_strings(input)?;
    let n = take_len(input)?;
    let cell2arg = (0..n)
        .map(|_| take_u32(input).map(|a| a.checked_sub(1)))
        .collect::<Option<Vec<_>>>()?;
    let n = take_len(input)?;
    let exception_table = (0..n)
        .map(|_| {
            Some(ExceptionEntry {
                start: take_u32(input)?,
                end: take_u32(input)?,
                target: take_u32(input)?,
                depth: take_u32(input)?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    // The VM indexes these tables by the instructions' operands.
    if positions.len() != instrs.len() {
        return None;
    }
    Some(Rc::new(Code {
        name,
        qualname,
        filename,
        first_lineno,
        argcount,
        posonlyargcount,
        kwonlyargcount,
        flags,
        instrs,
        positions,
        consts,
        names,
        varnames,
        cellvars,
        freevars,
        cell2arg,
        exception_table,
        max_stack,
    }))
}

mod tag {
    pub const NONE: u8 = 0;
    pub const FALSE: u8 = 1;
    pub const TRUE: u8 = 2;
    pub const ELLIPSIS: u8 = 3;
    pub const INT: u8 = 4;
    pub const BIG_INT: u8 = 5;
    pub const FLOAT: u8 = 6;
    pub const COMPLEX: u8 = 7;
    pub const STR: u8 = 8;
    pub const BYTES: u8 = 9;
    pub const TUPLE: u8 = 10;
    pub const FROZEN_SET: u8 = 11;
    pub const CODE: u8 = 12;
}

fn put_const(out: &mut Vec<u8>, k: &Const) {
    match k {
        Const::None => out.push(tag::NONE),
        Const::Bool(false) => out.push(tag::FALSE),
        Const::Bool(true) => out.push(tag::TRUE),
        Const::Ellipsis => out.push(tag::ELLIPSIS),
        Const::Int(i) => {
            out.push(tag::INT);
            // Zigzag: small negative numbers stay short.
            put_uint(out, ((i << 1) ^ (i >> 63)) as u64);
        }
        Const::BigInt(b) => {
            out.push(tag::BIG_INT);
            out.push((*b < IBig::ZERO) as u8);
            put_bytes(out, &b.unsigned_abs().to_le_bytes());
        }
        Const::Float(f) => {
            out.push(tag::FLOAT);
            out.extend_from_slice(&f.to_le_bytes());
        }
        Const::Complex(re, im) => {
            out.push(tag::COMPLEX);
            out.extend_from_slice(&re.to_le_bytes());
            out.extend_from_slice(&im.to_le_bytes());
        }
        Const::Str(s) => {
            out.push(tag::STR);
            put_bytes(out, s.as_bytes());
        }
        Const::Bytes(b) => {
            out.push(tag::BYTES);
            put_bytes(out, b);
        }
        Const::Tuple(items) | Const::FrozenSet(items) => {
            out.push(if matches!(k, Const::Tuple(_)) {
                tag::TUPLE
            } else {
                tag::FROZEN_SET
            });
            put_uint(out, items.len() as u64);
            for item in items {
                put_const(out, item);
            }
        }
        Const::Code(c) => {
            out.push(tag::CODE);
            put_code(out, c);
        }
    }
}

fn take_f64(input: &mut &[u8]) -> Option<f64> {
    Some(f64::from_le_bytes(take_slice(input, 8)?.try_into().ok()?))
}

fn take_const(input: &mut &[u8]) -> Option<Const> {
    Some(match take_byte(input)? {
        tag::NONE => Const::None,
        tag::FALSE => Const::Bool(false),
        tag::TRUE => Const::Bool(true),
        tag::ELLIPSIS => Const::Ellipsis,
        tag::INT => {
            let z = take_uint(input)?;
            Const::Int(((z >> 1) as i64) ^ -((z & 1) as i64))
        }
        tag::BIG_INT => {
            let negative = take_byte(input)? != 0;
            let n = take_len(input)?;
            let magnitude = IBig::from(UBig::from_le_bytes(take_slice(input, n)?));
            Const::BigInt(if negative { -magnitude } else { magnitude })
        }
        tag::FLOAT => Const::Float(take_f64(input)?),
        tag::COMPLEX => Const::Complex(take_f64(input)?, take_f64(input)?),
        tag::STR => {
            let n = take_len(input)?;
            let mut s = PyString::new();
            for cp in CodePoints::of(take_slice(input, n)?) {
                s.push_code_point(cp);
            }
            Const::Str(s)
        }
        tag::BYTES => {
            let n = take_len(input)?;
            Const::Bytes(take_slice(input, n)?.to_vec())
        }
        t @ (tag::TUPLE | tag::FROZEN_SET) => {
            let n = take_len(input)?;
            let items = (0..n)
                .map(|_| take_const(input))
                .collect::<Option<Vec<_>>>()?;
            if t == tag::TUPLE {
                Const::Tuple(items)
            } else {
                Const::FrozenSet(items)
            }
        }
        tag::CODE => Const::Code(take_code(input)?),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compile(source: &str) -> Rc<Code> {
        let module = krait_syntax::parse_module(source).expect("parses");
        crate::compile(&module, "<test>").expect("compiles")
    }

    /// Code survives the round trip exactly, nested code and every kind
    /// of constant included.
    #[test]
    fn code_round_trips() {
        let code = compile(
            "def f(a, /, b=-3, *c, d=2**100, **e):\n    return (a, 1.5, 2j, 'é\\ud800', b'x', None, ..., True)\n\
             class K:\n    x = frozenset({1})\n    def m(self):\n        try:\n            return [i async for i in x]\n        except E as e:\n            raise\n",
        );
        let bytes = encode(&code);
        assert_eq!(decode(&bytes).as_deref(), Some(&*code));
    }

    /// Damaged bytes and bytes of another build are refused.
    #[test]
    fn damaged_bytes_are_refused() {
        let bytes = encode(&compile("x = 1\n"));
        let mut damaged = bytes.clone();
        let last = damaged.len() - 1;
        damaged[last] ^= 1;
        assert!(decode(&damaged).is_none());
        let mut other_build = bytes.clone();
        other_build[0] ^= 1;
        assert!(decode(&other_build).is_none());
        assert!(decode(&bytes[..bytes.len() - 1]).is_none());
    }
}
