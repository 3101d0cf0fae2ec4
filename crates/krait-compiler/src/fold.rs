//! Constant folding: expressions whose value is known at compile time.
//!
//! Only what cannot change behaviour is folded: literals, tuples of
//! constants, and arithmetic on numbers and strings that cannot raise and
//! whose result stays small (as CPython's AST optimiser limits it).

use crate::code::Const;
use dashu_int::IBig;
use krait_syntax::ast::*;

/// Results longer than this (strings, bytes, tuples) are not folded.
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;
/// Integer results above this many bits are not folded.
const MAX_INT_BITS: usize = 128;

/// The compile-time constant for a literal.
pub fn constant(c: &Constant) -> Const {
    match c {
        Constant::None => Const::None,
        Constant::Bool(b) => Const::Bool(*b),
        Constant::Ellipsis => Const::Ellipsis,
        Constant::Int(i) => int_const(i.clone()),
        Constant::Float(f) => Const::Float(*f),
        Constant::Complex(im) => Const::Complex(0.0, *im),
        Constant::Str(s) => Const::Str(s.clone()),
        Constant::Bytes(b) => Const::Bytes(b.clone()),
    }
}

fn int_const(i: IBig) -> Const {
    match i64::try_from(&i) {
        Ok(v) => Const::Int(v),
        Err(_) => Const::BigInt(i),
    }
}

fn as_big(c: &Const) -> Option<IBig> {
    match c {
        Const::Int(v) => Some(IBig::from(*v)),
        Const::BigInt(b) => Some(b.clone()),
        Const::Bool(b) => Some(IBig::from(*b as i64)),
        _ => None,
    }
}

/// The value of `e` if it is a constant expression.
pub fn fold(e: &Expr) -> Option<Const> {
    match &e.kind {
        ExprKind::Constant { value, .. } => Some(constant(value)),
        ExprKind::Tuple {
            elts,
            ctx: ExprContext::Load,
        } => {
            if elts.len() > MAX_COLLECTION_SIZE * 4 {
                return None;
            }
            let items: Option<Vec<Const>> = elts.iter().map(fold).collect();
            items.map(Const::Tuple)
        }
        ExprKind::UnaryOp { op, operand } => {
            let v = fold(operand)?;
            unary(*op, &v)
        }
        ExprKind::BinOp { left, op, right } => {
            let l = fold(left)?;
            let r = fold(right)?;
            binary(&l, *op, &r)
        }
        _ => None,
    }
}

fn unary(op: UnaryOp, v: &Const) -> Option<Const> {
    match (op, v) {
        (UnaryOp::USub, Const::Int(i)) => Some(match i.checked_neg() {
            Some(n) => Const::Int(n),
            None => int_const(-IBig::from(*i)),
        }),
        (UnaryOp::USub, Const::BigInt(b)) => Some(int_const(-b.clone())),
        (UnaryOp::USub, Const::Float(f)) => Some(Const::Float(-f)),
        (UnaryOp::USub, Const::Complex(r, i)) => Some(Const::Complex(-r, -i)),
        (
            UnaryOp::UAdd,
            Const::Int(_) | Const::BigInt(_) | Const::Float(_) | Const::Complex(..),
        ) => Some(v.clone()),
        (UnaryOp::Invert, Const::Int(i)) => Some(Const::Int(!i)),
        (UnaryOp::Invert, Const::BigInt(b)) => Some(int_const(-b.clone() - IBig::from(1))),
        _ => None,
    }
}

fn bits(i: &IBig) -> usize {
    use dashu_int::ops::{BitTest, UnsignedAbs};
    i.clone().unsigned_abs().bit_len()
}

fn binary(l: &Const, op: Operator, r: &Const) -> Option<Const> {
    use Operator::*;
    // Booleans fold as CPython folds them only through int arithmetic;
    // leave them (True + 1 is rare and keeps its run-time path).
    if matches!(l, Const::Bool(_)) || matches!(r, Const::Bool(_)) {
        return None;
    }
    match (l, r) {
        (Const::Int(_) | Const::BigInt(_), Const::Int(_) | Const::BigInt(_)) => {
            let a = as_big(l)?;
            let b = as_big(r)?;
            let zero = IBig::from(0);
            let result = match op {
                Add => a + b,
                Sub => a - b,
                Mult => {
                    if bits(&a) + bits(&b) > MAX_INT_BITS {
                        return None;
                    }
                    a * b
                }
                FloorDiv | Mod => {
                    if b == zero {
                        return None;
                    }
                    let (q, m) = krait_values::int::floor_divmod(&a, &b);
                    if op == FloorDiv {
                        q
                    } else {
                        m
                    }
                }
                Pow => {
                    let e = i64::try_from(&b).ok()?;
                    if e < 0 || bits(&a) as i64 * e > MAX_INT_BITS as i64 {
                        return None;
                    }
                    a.pow(e as usize)
                }
                LShift => {
                    let s = i64::try_from(&b).ok()?;
                    if s < 0 || bits(&a) as i64 + s > MAX_INT_BITS as i64 {
                        return None;
                    }
                    a << s as usize
                }
                RShift => {
                    let s = i64::try_from(&b).ok()?;
                    if s < 0 {
                        return None;
                    }
                    a >> s.min(1 << 20) as usize
                }
                BitAnd => a & b,
                BitOr => a | b,
                BitXor => a ^ b,
                Div | MatMult => return None,
            };
            if bits(&result) > MAX_INT_BITS {
                return None;
            }
            Some(int_const(result))
        }
        (Const::Float(_) | Const::Int(_), Const::Float(_) | Const::Int(_)) => {
            let a = num_f64(l)?;
            let b = num_f64(r)?;
            let v = match op {
                Add => a + b,
                Sub => a - b,
                Mult => a * b,
                Div => {
                    if b == 0.0 {
                        return None;
                    }
                    a / b
                }
                _ => return None,
            };
            Some(Const::Float(v))
        }
        (Const::Str(a), Const::Str(b)) if op == Add => {
            let mut s = a.clone();
            s.push_pystr(b);
            (s.char_len() <= MAX_STR_SIZE).then_some(Const::Str(s))
        }
        (Const::Str(a), Const::Int(n)) if op == Mult => {
            let n = (*n).max(0) as usize;
            if a.char_len().checked_mul(n)? > MAX_STR_SIZE {
                return None;
            }
            let mut s = krait_values::text::PyString::new();
            for _ in 0..n {
                s.push_pystr(a);
            }
            Some(Const::Str(s))
        }
        _ => None,
    }
}

/// An int or float as f64; ints only when exactly representable.
fn num_f64(c: &Const) -> Option<f64> {
    match c {
        Const::Float(f) => Some(*f),
        Const::Int(i) if i.unsigned_abs() < (1 << 53) => Some(*i as f64),
        _ => None,
    }
}
