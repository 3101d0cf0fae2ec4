//! Sorting keys that compare without running Python code.
//!
//! When every key is an int, a float that is not NaN, or an exact `str`,
//! or every key is an exact tuple of those with one kind per position,
//! `<` is a total order that no user code can observe. Any stable sort
//! then gives the order CPython's list sort gives, so the sort runs on
//! native comparisons (CPython's list sort makes the same pre-check).

use crate::object::ObjKind;
use crate::objects::str::PyStr;
use crate::value::Value;
use crate::vm::Vm;
use std::cmp::Ordering;

/// A key item with a native total order.
#[derive(Clone, Copy)]
enum Prim<'a> {
    Int(i64),
    Float(f64),
    Str(&'a PyStr),
}

impl Prim<'_> {
    fn kind(&self) -> u8 {
        match self {
            Prim::Int(_) => 0,
            Prim::Float(_) => 1,
            Prim::Str(_) => 2,
        }
    }

    /// Compares two items of the same kind.
    fn cmp_same(&self, other: &Prim) -> Ordering {
        match (self, other) {
            (Prim::Int(a), Prim::Int(b)) => a.cmp(b),
            // Neither is NaN: `prim` refuses them.
            (Prim::Float(a), Prim::Float(b)) => a.partial_cmp(b).unwrap_or(Ordering::Equal),
            (Prim::Str(a), Prim::Str(b)) => a.cmp(b),
            _ => Ordering::Equal,
        }
    }
}

fn prim<'a>(vm: &Vm, v: &'a Value) -> Option<Prim<'a>> {
    match v {
        Value::Int(i) => Some(Prim::Int(*i)),
        Value::Truth(b) => Some(Prim::Int(*b as i64)),
        Value::FloatBits(f) if !f64::from_bits(*f).is_nan() => {
            Some(Prim::Float(f64::from_bits(*f)))
        }
        Value::Obj(o) => match o.kind() {
            ObjKind::Str(s) if o.class().is(&vm.types.str_) => Some(Prim::Str(s)),
            _ => None,
        },
        _ => None,
    }
}

/// The sorted order of the positions of `keys` when they compare
/// natively; `None` when a comparison could run Python code or raise.
pub fn native_order(vm: &Vm, keys: &[Value]) -> Option<Vec<usize>> {
    let first = keys.first()?;
    let mut order: Vec<usize> = (0..keys.len()).collect();
    if let Some(p) = prim(vm, first) {
        let kind = p.kind();
        let prims: Vec<Prim> = keys
            .iter()
            .map(|k| prim(vm, k).filter(|p| p.kind() == kind))
            .collect::<Option<_>>()?;
        order.sort_by(|&i, &j| prims[i].cmp_same(&prims[j]));
        return Some(order);
    }
    // Tuples: all items flattened, each tuple a range of them.
    let mut items: Vec<Prim> = Vec::new();
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(keys.len());
    let mut kinds: Vec<u8> = Vec::new();
    for k in keys {
        let Value::Obj(o) = k else { return None };
        let ObjKind::Tuple(t) = o.kind() else {
            return None;
        };
        if !o.class().is(&vm.types.tuple) {
            return None;
        }
        let start = items.len();
        for (pos, item) in t.iter().enumerate() {
            let p = prim(vm, item)?;
            match kinds.get(pos) {
                Some(&kind) if kind != p.kind() => return None,
                Some(_) => {}
                None => kinds.push(p.kind()),
            }
            items.push(p);
        }
        spans.push((start, items.len()));
    }
    order.sort_by(|&i, &j| {
        let a = &items[spans[i].0..spans[i].1];
        let b = &items[spans[j].0..spans[j].1];
        for (p, q) in a.iter().zip(b) {
            match p.cmp_same(q) {
                Ordering::Equal => {}
                other => return other,
            }
        }
        a.len().cmp(&b.len())
    });
    Some(order)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_kinds_fall_back() {
        let vm = Vm::new();
        let keys = vec![Value::Int(1), Value::Float(2.0)];
        assert!(native_order(&vm, &keys).is_none());
        let keys = vec![Value::Float(f64::NAN), Value::Float(2.0)];
        assert!(native_order(&vm, &keys).is_none());
    }

    #[test]
    fn ints_sort_stably() {
        let vm = Vm::new();
        let keys = vec![
            Value::Int(3),
            Value::Bool(true),
            Value::Int(1),
            Value::Int(-2),
        ];
        assert_eq!(native_order(&vm, &keys), Some(vec![3, 1, 2, 0]));
    }
}
