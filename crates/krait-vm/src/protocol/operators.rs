//! Operators: arithmetic with CPython's dispatch rules (the left operand's
//! method, the right operand's reflected one first when its type is a
//! subclass, `NotImplemented` to pass), comparisons, equality, hashing and
//! truth.

use crate::object::ObjKind;
use crate::objects::int;
use crate::objects::str::str_hash;
use crate::objects::typeobject::slots;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_compiler::code::{BinOp, CompareOp};

/// `i == f` exactly, as Python compares an int with a float.
pub fn int_float_eq(i: i64, f: f64) -> bool {
    if f.is_nan() || f.is_infinite() {
        return false;
    }
    if f.fract() != 0.0 {
        return false;
    }
    if f.abs() < 9.0e15 {
        return i as f64 == f;
    }
    // Large: compare exactly through i128.
    f >= -(2f64.powi(127)) && f < 2f64.powi(127) && (f as i128) == i as i128
}

pub fn binop_dunders(op: BinOp) -> (&'static str, &'static str) {
    use BinOp::*;
    match op.base() {
        Add => ("__add__", "__radd__"),
        And => ("__and__", "__rand__"),
        FloorDivide => ("__floordiv__", "__rfloordiv__"),
        Lshift => ("__lshift__", "__rlshift__"),
        MatrixMultiply => ("__matmul__", "__rmatmul__"),
        Multiply => ("__mul__", "__rmul__"),
        Remainder => ("__mod__", "__rmod__"),
        Or => ("__or__", "__ror__"),
        Power => ("__pow__", "__rpow__"),
        Rshift => ("__rshift__", "__rrshift__"),
        Subtract => ("__sub__", "__rsub__"),
        TrueDivide => ("__truediv__", "__rtruediv__"),
        Xor => ("__xor__", "__rxor__"),
        _ => ("", ""),
    }
}

pub fn inplace_dunder(op: BinOp) -> &'static str {
    use BinOp::*;
    match op.base() {
        Add => "__iadd__",
        And => "__iand__",
        FloorDivide => "__ifloordiv__",
        Lshift => "__ilshift__",
        MatrixMultiply => "__imatmul__",
        Multiply => "__imul__",
        Remainder => "__imod__",
        Or => "__ior__",
        Power => "__ipow__",
        Rshift => "__irshift__",
        Subtract => "__isub__",
        TrueDivide => "__itruediv__",
        Xor => "__ixor__",
        _ => "",
    }
}

impl Vm {
    // ---- truth ---------------------------------------------------------

    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::Truth(b) => *b != 0,
            Value::None | Value::Null => false,
            Value::Int(i) => *i != 0,
            Value::FloatBits(f) => f64::from_bits(*f) != 0.0,
            Value::Obj(o) => {
                if !o.class().tdata().heap {
                    match o.kind() {
                        ObjKind::Str(s) => return Ok(!s.is_empty()),
                        ObjKind::List(l) => return Ok(!l.borrow().is_empty()),
                        ObjKind::Tuple(t) => return Ok(!t.is_empty()),
                        ObjKind::Dict(d) => return Ok(!d.borrow().is_empty()),
                        ObjKind::Int(_) => return Ok(true),
                        ObjKind::Bytes(b) => return Ok(!b.is_empty()),
                        ObjKind::ByteArray(b) => return Ok(!b.borrow().is_empty()),
                        ObjKind::Set(t) => return Ok(!t.borrow().is_empty()),
                        ObjKind::FrozenSet(t) => return Ok(!t.is_empty()),
                        ObjKind::Complex(re, im) => return Ok(*re != 0.0 || *im != 0.0),
                        ObjKind::Float(f) => return Ok(*f != 0.0),
                        ObjKind::Range { .. } => return Ok(!crate::objects::range::is_empty(o)),
                        _ => {}
                    }
                    if let Some(f) = o.class().tdata().slots.get().len {
                        return Ok(f(self, o)? != 0);
                    }
                }
                let cls = o.class().clone();
                if let Some(m) = self.lookup_type(&cls, "__bool__") {
                    let r = self.call_method_value(&m, v.clone(), vec![])?;
                    return match r {
                        Value::Truth(b) => Ok(b != 0),
                        other => Err(self.type_error(format!(
                            "__bool__ should return bool, returned {}",
                            self.type_name(&other)
                        ))),
                    };
                }
                if let Some(m) = self.lookup_type(&cls, "__len__") {
                    let r = self.call_method_value(&m, v.clone(), vec![])?;
                    let n = self.len_result(r)?;
                    return Ok(n != 0);
                }
                true
            }
        })
    }

    // ---- hashing -------------------------------------------------------

    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(crate::protocol::hash::hash_int(*i)),
            Value::Truth(b) => Ok(*b as i64),
            Value::FloatBits(f) => Ok(crate::protocol::hash::hash_float(f64::from_bits(*f))),
            Value::None | Value::Null => Ok(self.none_singleton_hash),
            Value::Obj(o) => {
                // Strs, the most common keys, without a slot call.
                if let ObjKind::Str(s) = o.kind() {
                    if !o.class().tdata().heap {
                        return Ok(str_hash(s));
                    }
                }
                match o.class().tdata().slots.get().hash {
                    Some(f) => f(self, o),
                    None => Ok(crate::protocol::hash::hash_pointer(o.addr())),
                }
            }
        }
    }

    // ---- equality and comparison ----------------------------------------

    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = crate::objects::dict::quick_eq(a, b) {
            return Ok(r);
        }
        if a.is(b) {
            return Ok(true);
        }
        let r = self.compare(CompareOp::Eq, a, b)?;
        self.truthy(&r)
    }

    /// A rich comparison through the operands' comparison slots: the
    /// reflected one first if the right operand's type is a proper
    /// subclass of the left's; identity as the fallback for `==`/`!=`;
    /// TypeError for orderings.
    pub fn compare(&mut self, op: CompareOp, a: &Value, b: &Value) -> PyResult {
        if let Some(r) = self.native_compare(op, a, b)? {
            return Ok(Value::Bool(r));
        }
        let ta = self.class_of(a).clone();
        let tb = self.class_of(b).clone();
        let reflected_first = !ta.is(&tb) && tb.is_subtype(&ta);
        if reflected_first {
            if let Some(r) = self.compare_one(op.swapped(), b, a)? {
                return Ok(r);
            }
        }
        if let Some(r) = self.compare_one(op, a, b)? {
            return Ok(r);
        }
        if !reflected_first {
            if let Some(r) = self.compare_one(op.swapped(), b, a)? {
                return Ok(r);
            }
        }
        match op {
            CompareOp::Eq => Ok(Value::Bool(a.is(b))),
            CompareOp::Ne => Ok(Value::Bool(!a.is(b))),
            _ => Err(self.type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                ta.type_name(),
                tb.type_name()
            ))),
        }
    }

    /// `a op b` by `a`'s comparison slot; `None` for NotImplemented.
    fn compare_one(&mut self, op: CompareOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        match a {
            Value::Obj(o) => match o.class().tdata().slots.get().richcompare {
                Some(f) => f(self, op, o, b),
                None => Ok(None),
            },
            // Ints, floats, bools and None are not objects: their
            // comparison methods answer.
            _ => crate::objects::typeobject::dunder_slots::compare_by_dunder(self, op, a, b),
        }
    }

    /// Comparisons of built-in values of exact built-in types; `None` when
    /// the dunder protocol must decide.
    pub fn native_compare(
        &mut self,
        op: CompareOp,
        a: &Value,
        b: &Value,
    ) -> PyResult<Option<bool>> {
        use std::cmp::Ordering;
        let ord: Option<Ordering> = match (a, b) {
            (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
            (Value::FloatBits(x), Value::FloatBits(y)) => {
                return Ok(Some(float_cmp(op, f64::from_bits(*x), f64::from_bits(*y))));
            }
            (Value::Int(x), Value::FloatBits(y)) => {
                return Ok(Some(int_float_cmp(op, *x, f64::from_bits(*y))))
            }
            (Value::FloatBits(x), Value::Int(y)) => {
                return Ok(Some(int_float_cmp(op.swapped(), *y, f64::from_bits(*x))))
            }
            (Value::Truth(_) | Value::Int(_), Value::Truth(_) | Value::Int(_)) => {
                Some(int::small(a).unwrap().cmp(&int::small(b).unwrap()))
            }
            (Value::Truth(_), Value::FloatBits(y)) => {
                return Ok(Some(int_float_cmp(
                    op,
                    int::small(a).unwrap(),
                    f64::from_bits(*y),
                )))
            }
            (Value::FloatBits(x), Value::Truth(_)) => {
                return Ok(Some(int_float_cmp(
                    op.swapped(),
                    int::small(b).unwrap(),
                    f64::from_bits(*x),
                )))
            }
            (Value::None, Value::None) => match op {
                CompareOp::Eq => return Ok(Some(true)),
                CompareOp::Ne => return Ok(Some(false)),
                _ => None,
            },
            (Value::Obj(x), Value::Obj(y))
                if !x.class().tdata().heap && !y.class().tdata().heap =>
            {
                // Strs, the most compared objects, without a slot call.
                if let (ObjKind::Str(s), ObjKind::Str(t)) = (x.kind(), y.kind()) {
                    Some(s.cmp(t))
                } else {
                    return self.compare_slots(op, a, b);
                }
            }
            (Value::Obj(x), _) | (_, Value::Obj(x)) if !x.class().tdata().heap => {
                return self.compare_slots(op, a, b);
            }
            _ => None,
        };
        Ok(ord.map(|o| match op {
            CompareOp::Lt => o.is_lt(),
            CompareOp::Le => o.is_le(),
            CompareOp::Eq => o.is_eq(),
            CompareOp::Ne => o.is_ne(),
            CompareOp::Gt => o.is_gt(),
            CompareOp::Ge => o.is_ge(),
        }))
    }

    /// `a op b` through the built-in types' comparison slots: `a`'s, then
    /// `b`'s with the operands swapped; `None` when neither compares (or
    /// a class defined in Python takes part, for [`Vm::compare`]).
    fn compare_slots(&mut self, op: CompareOp, a: &Value, b: &Value) -> PyResult<Option<bool>> {
        let heap = |v: &Value| matches!(v, Value::Obj(o) if o.class().tdata().heap);
        if heap(a) || heap(b) {
            return Ok(None);
        }
        // Only the objects' slots: the methods of ints and floats come
        // back here.
        let mut r = None;
        // A subclass's own comparison answers first (a datetime against
        // a date), as for classes defined in Python.
        if let (Value::Obj(x), Value::Obj(y)) = (a, b) {
            let (tx, ty) = (x.class(), y.class());
            if !tx.is(ty) && ty.is_subtype(tx) {
                let fx = tx.tdata().slots.get().richcompare;
                let fy = ty.tdata().slots.get().richcompare;
                if let Some(f) = fy.filter(|f| fx.is_none_or(|g| g as usize != *f as usize)) {
                    if let Some(r) = f(self, op.swapped(), y, a)? {
                        return Ok(Some(self.truthy(&r)?));
                    }
                }
            }
        }
        if let Value::Obj(x) = a {
            if let Some(f) = x.class().tdata().slots.get().richcompare {
                r = f(self, op, x, b)?;
            }
        }
        if r.is_none() {
            if let Value::Obj(y) = b {
                if let Some(f) = y.class().tdata().slots.get().richcompare {
                    r = f(self, op.swapped(), y, a)?;
                }
            }
        }
        match r {
            Some(r) => Ok(Some(self.truthy(&r)?)),
            None => Ok(None),
        }
    }

    /// Lists with lists and tuples with tuples: item by item. Items are
    /// read afresh at each step, as `__eq__` may change a list.
    pub(crate) fn sequence_compare(&mut self, op: CompareOp, x: &Obj, y: &Obj) -> PyResult<bool> {
        fn len(o: &Obj) -> usize {
            match o.kind() {
                ObjKind::Tuple(t) => t.len(),
                ObjKind::List(l) => l.borrow().len(),
                _ => 0,
            }
        }
        fn item(o: &Obj, i: usize) -> Option<Value> {
            match o.kind() {
                ObjKind::Tuple(t) => t.get(i).cloned(),
                ObjKind::List(l) => l.borrow().get(i).cloned(),
                _ => None,
            }
        }
        if matches!(op, CompareOp::Eq | CompareOp::Ne) && len(x) != len(y) {
            return Ok(op == CompareOp::Ne);
        }
        self.enter_recursion(" in comparison")?;
        let r = (|| {
            let mut i = 0;
            while let (Some(p), Some(q)) = (item(x, i), item(y, i)) {
                i += 1;
                let same = match (&p, &q) {
                    (Value::Int(a), Value::Int(b)) => a == b,
                    _ => p.is(&q) || self.eq(&p, &q)?,
                };
                if !same {
                    return match op {
                        CompareOp::Eq => Ok(false),
                        CompareOp::Ne => Ok(true),
                        _ => {
                            if let (Value::Int(a), Value::Int(b)) = (&p, &q) {
                                return Ok(op.holds(a, b));
                            }
                            let r = self.compare(op, &p, &q)?;
                            self.truthy(&r)
                        }
                    };
                }
            }
            Ok(op.holds(&len(x), &len(y)))
        })();
        self.leave_recursion();
        r
    }

    /// `==`/`!=` with a complex operand (orderings are undefined); an
    /// int is compared exactly with the real part, as float compares it.
    pub(crate) fn complex_eq(
        &mut self,
        op: CompareOp,
        a: &Value,
        b: &Value,
    ) -> PyResult<Option<bool>> {
        if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
            return Ok(None);
        }
        let is_int = |v: &Value| {
            matches!(v, Value::Int(_) | Value::Truth(_))
                || matches!(v.kind(), Some(ObjKind::Int(_)))
        };
        let complex = |v: &Value| match v.kind() {
            Some(ObjKind::Complex(re, im)) => Some((*re, *im)),
            _ => None,
        };
        let (z, int) = match (complex(a), complex(b)) {
            (Some(z), None) if is_int(b) => (z, b),
            (None, Some(z)) if is_int(a) => (z, a),
            _ => {
                let x = crate::objects::float::methods::as_complex(self, a);
                let y = crate::objects::float::methods::as_complex(self, b);
                return Ok(x.zip(y).map(|(x, y)| (x == y) == (op == CompareOp::Eq)));
            }
        };
        let equal = z.1 == 0.0
            && self
                .native_compare(CompareOp::Eq, &Value::Float(z.0), int)?
                .unwrap_or(false);
        Ok(Some(equal == (op == CompareOp::Eq)))
    }

    // ---- arithmetic ----------------------------------------------------

    /// `a op b` (or `a op= b`): numbers and the left operand's built-in
    /// slot first, then the operator dunders when either operand's class
    /// has them (its `binop` slot calls them, for both sides, in CPython's
    /// order), then the sequences' repetition and the error.
    pub fn binary_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult {
        if let Some(r) = self.native_binop(op, a, b)? {
            return Ok(r);
        }
        use crate::objects::typeobject::dunder_slots::{binop_by_dunder, is_binop_by_dunders};
        let fa = self.class_of(a).tdata().slots.get().binop;
        let fb = self.class_of(b).tdata().slots.get().binop;
        if is_binop_by_dunders(fa) || is_binop_by_dunders(fb) {
            if let Some(r) = binop_by_dunder(self, op, a, b)? {
                return Ok(r);
            }
        }
        // The right operand's built-in operator, when its type differs
        // (a dict view on the right of a set operator).
        if let Some(f) = fb {
            let same = fa.is_some_and(|fa| fa as usize == f as usize);
            if !same && !is_binop_by_dunders(fb) {
                if let Some(r) = f(self, op, a, b)? {
                    return Ok(r);
                }
            }
        }
        self.binop_after_left(op, a, b, None)
    }

    /// The rest of a binary operator once the left operand's method
    /// declined (or was missing): the right operand's reflected method
    /// (`right`, when it is to be tried), the sequence slots, the error.
    pub fn binop_after_left(
        &mut self,
        op: BinOp,
        a: &Value,
        b: &Value,
        right: Option<Value>,
    ) -> PyResult {
        let base = op.base();
        let ta = self.class_of(a).clone();
        let tb = self.class_of(b).clone();
        if let Some(r) = right {
            let res = self.call_method_value(&r, b.clone(), vec![a.clone()])?;
            if !self.is_not_implemented(&res) {
                return Ok(res);
            }
        }
        if let Some(r) = self.sequence_operands(base, a, b)? {
            return Ok(r);
        }
        let sym = op.symbol();
        if base == BinOp::Power {
            return Err(self.type_error(format!(
                "unsupported operand type(s) for {} or pow(): '{}' and '{}'",
                sym,
                ta.type_name(),
                tb.type_name()
            )));
        }
        // CPython hints at print's Python 2 spelling.
        if base == BinOp::Rshift {
            if let Value::Obj(o) = a {
                if matches!(o.kind(), ObjKind::Builtin(f) if f.name == "print") {
                    return Err(self.type_error(format!(
                        "unsupported operand type(s) for {}: '{}' and '{}'. Did you mean \"print(<message>, file=<output_stream>)\"?",
                        sym, ta.type_name(), tb.type_name()
                    )));
                }
            }
        }
        Err(self.type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            sym,
            ta.type_name(),
            tb.type_name()
        )))
    }

    /// `+` and `*` on a sequence and an object whose methods declined:
    /// repetition by an object with `__index__`, or the sequence's own
    /// error (CPython tries the sequence slots last).
    fn sequence_operands(&mut self, base: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        // The built-in sequences are the types that repeat.
        let kind_name = |v: &Value| {
            let cls = v.as_obj()?.class();
            slots::layout_slots(cls).repeat?;
            Some(slots::layout_name(cls))
        };
        match base {
            BinOp::Add => match kind_name(a) {
                Some(what) if what == "bytes" || what == "bytearray" => {
                    Err(self.type_error(format!("can't concat {} to {what}", self.type_name(b))))
                }
                Some(what) => Err(crate::protocol::sequence::concat_error(self, &what, b)),
                None => Ok(None),
            },
            BinOp::Multiply => {
                let (seq, count) = if kind_name(a).is_some() {
                    (a, b)
                } else if kind_name(b).is_some() {
                    (b, a)
                } else {
                    return Ok(None);
                };
                match self.index_int(count)? {
                    Some(n) => self.native_binop(BinOp::Multiply, seq, &n),
                    None => Err(self.type_error(format!(
                        "can't multiply sequence by non-int of type '{}'",
                        self.type_name(count)
                    ))),
                }
            }
            _ => Ok(None),
        }
    }

    /// Comparisons of dict key or item views with sets and each other:
    /// as sets (equality of members, subset and superset orderings).
    pub(crate) fn set_like_compare(
        &mut self,
        op: CompareOp,
        a: &Value,
        b: &Value,
    ) -> PyResult<bool> {
        let (la, lb) = (self.len(a)?, self.len(b)?);
        let within = |vm: &mut Vm, x: &Value, y: &Value| -> PyResult<bool> {
            for item in vm.iterate(x)? {
                if !vm.contains(y, &item)? {
                    return Ok(false);
                }
            }
            Ok(true)
        };
        Ok(match op {
            CompareOp::Eq => la == lb && within(self, a, b)?,
            CompareOp::Ne => !(la == lb && within(self, a, b)?),
            CompareOp::Le => la <= lb && within(self, a, b)?,
            CompareOp::Lt => la < lb && within(self, a, b)?,
            CompareOp::Ge => la >= lb && within(self, b, a)?,
            CompareOp::Gt => la > lb && within(self, b, a)?,
        })
    }

    /// Arithmetic on values of exact built-in types, or `None`.
    pub fn native_binop(
        &mut self,
        full_op: BinOp,
        a: &Value,
        b: &Value,
    ) -> PyResult<Option<Value>> {
        // Numbers behave the same in place; sequences need to know.
        let op = full_op.base();
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => return int::binop_small(self, op, *x, *y),
            (Value::FloatBits(x), Value::FloatBits(y)) => {
                return crate::objects::float::binop(
                    self,
                    op,
                    f64::from_bits(*x),
                    f64::from_bits(*y),
                )
            }
            (Value::FloatBits(x), Value::Int(_) | Value::Truth(_)) => {
                let y = int::small(b).unwrap() as f64;
                return crate::objects::float::binop(self, op, f64::from_bits(*x), y);
            }
            (Value::Int(_) | Value::Truth(_), Value::FloatBits(y)) => {
                let x = int::small(a).unwrap() as f64;
                return crate::objects::float::binop(self, op, x, f64::from_bits(*y));
            }
            (Value::Truth(x), Value::Truth(y))
                if matches!(op, BinOp::And | BinOp::Or | BinOp::Xor) =>
            {
                let r = match op {
                    BinOp::And => x & y,
                    BinOp::Or => x | y,
                    _ => x ^ y,
                };
                return Ok(Some(Value::Bool(r != 0)));
            }
            (Value::Truth(_) | Value::Int(_), Value::Truth(_) | Value::Int(_)) => {
                let x = int::small(a).unwrap();
                let y = int::small(b).unwrap();
                return int::binop_small(self, op, x, y);
            }
            _ => {}
        }
        // Big ints mixed with small ones or floats.
        if int::is_exact_int(self, a) && int::is_exact_int(self, b) {
            let x = int::to_big(a).unwrap();
            let y = int::to_big(b).unwrap();
            return int::binop_big(self, op, &x, &y);
        }
        if let (Some(x), Value::FloatBits(y)) = (int::to_big(a), b) {
            if int::is_exact_int(self, a) {
                let xf = int::big_to_f64(self, &x)?;
                return crate::objects::float::binop(self, op, xf, f64::from_bits(*y));
            }
        }
        if let (Value::FloatBits(x), Some(y)) = (a, int::to_big(b)) {
            if int::is_exact_int(self, b) {
                let yf = int::big_to_f64(self, &y)?;
                return crate::objects::float::binop(self, op, f64::from_bits(*x), yf);
            }
        }
        let complex = |v: &Value| matches!(v.kind(), Some(ObjKind::Complex(..)));
        let number = |v: &Value| {
            complex(v)
                || matches!(v, Value::Int(_) | Value::Truth(_) | Value::FloatBits(_))
                || matches!(v.kind(), Some(ObjKind::Int(_) | ObjKind::Float(_)))
        };
        // (`b"%s" % 2j` is formatting: complex arithmetic is for numbers.)
        if (complex(a) || complex(b)) && number(a) && number(b) {
            if self.class_of(a).tdata().heap || self.class_of(b).tdata().heap {
                return Ok(None);
            }
            return crate::objects::float::methods::complex_binop(self, op, a, b);
        }
        crate::protocol::sequence::native_binop(self, full_op, a, b)
    }

    // ---- unary ----------------------------------------------------------

    pub fn unary_negative(&mut self, v: &Value) -> PyResult {
        match v {
            Value::Int(i) => Ok(match i.checked_neg() {
                Some(n) => Value::Int(n),
                None => self.new_int(-dashu_int::IBig::from(*i)),
            }),
            Value::Truth(b) => Ok(Value::Int(-(*b as i64))),
            Value::FloatBits(f) => Ok(Value::Float(-f64::from_bits(*f))),
            Value::Obj(o) if !o.class().tdata().heap && matches!(o.kind(), ObjKind::Int(_)) => {
                let b = int::to_big(v).unwrap_or_default();
                Ok(self.new_int(-b))
            }
            Value::Obj(o)
                if !o.class().tdata().heap && matches!(o.kind(), ObjKind::Complex(..)) =>
            {
                let ObjKind::Complex(re, im) = o.kind() else {
                    unreachable!()
                };
                Ok(Value::Obj(Obj::new(
                    self.types.complex.clone(),
                    ObjKind::Complex(-re, -im),
                )))
            }
            _ => self.unary_dunder(v, "__neg__", "unary -"),
        }
    }

    pub fn unary_positive(&mut self, v: &Value) -> PyResult {
        match v {
            Value::Int(_) | Value::FloatBits(_) => Ok(v.clone()),
            Value::Truth(b) => Ok(Value::Int(*b as i64)),
            Value::Obj(o)
                if !o.class().tdata().heap
                    && matches!(o.kind(), ObjKind::Int(_) | ObjKind::Complex(..)) =>
            {
                Ok(v.clone())
            }
            _ => self.unary_dunder(v, "__pos__", "unary +"),
        }
    }

    pub fn unary_invert(&mut self, v: &Value) -> PyResult {
        match v {
            Value::Int(i) => Ok(Value::Int(!i)),
            Value::Truth(b) => Ok(Value::Int(!(*b as i64))),
            Value::Obj(o) if !o.class().tdata().heap && matches!(o.kind(), ObjKind::Int(_)) => {
                let b = int::to_big(v).unwrap_or_default();
                Ok(self.new_int(-b - dashu_int::IBig::from(1)))
            }
            _ => self.unary_dunder(v, "__invert__", "unary ~"),
        }
    }

    fn unary_dunder(&mut self, v: &Value, name: &str, what: &str) -> PyResult {
        let cls = self.class_of(v).clone();
        if let Some(m) = self.lookup_type(&cls, name) {
            return self.call_method_value(&m, v.clone(), vec![]);
        }
        Err(self.type_error(format!(
            "bad operand type for {}: '{}'",
            what,
            cls.type_name()
        )))
    }
}

fn float_cmp(op: CompareOp, x: f64, y: f64) -> bool {
    op.holds(&x, &y)
}

/// Compares a big int with a float exactly.
pub(crate) fn big_float_cmp(op: CompareOp, i: &dashu_int::IBig, f: f64) -> bool {
    use std::cmp::Ordering;
    if f.is_nan() {
        return op == CompareOp::Ne;
    }
    let ord = if f.is_infinite() {
        if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        }
    } else {
        let fl = f.floor();
        let fi = dashu_int::IBig::try_from(fl).unwrap_or_default();
        match i.cmp(&fi) {
            Ordering::Equal if f > fl => Ordering::Less,
            o => o,
        }
    };
    match op {
        CompareOp::Lt => ord.is_lt(),
        CompareOp::Le => ord.is_le(),
        CompareOp::Eq => ord.is_eq(),
        CompareOp::Ne => ord.is_ne(),
        CompareOp::Gt => ord.is_gt(),
        CompareOp::Ge => ord.is_ge(),
    }
}

/// Compares an int with a float exactly (no rounding of the int).
fn int_float_cmp(op: CompareOp, i: i64, f: f64) -> bool {
    if f.is_nan() {
        return op == CompareOp::Ne;
    }
    let ord = if f.is_infinite() {
        if f > 0.0 {
            std::cmp::Ordering::Less
        } else {
            std::cmp::Ordering::Greater
        }
    } else if (i as f64) as i64 == i && i.unsigned_abs() < (1 << 53) {
        (i as f64).partial_cmp(&f).unwrap()
    } else {
        let fi = f.floor();
        let c = (i as i128).cmp(&(fi as i128));
        if c == std::cmp::Ordering::Equal && f > fi {
            std::cmp::Ordering::Less
        } else {
            c
        }
    };
    match op {
        CompareOp::Lt => ord.is_lt(),
        CompareOp::Le => ord.is_le(),
        CompareOp::Eq => ord.is_eq(),
        CompareOp::Ne => ord.is_ne(),
        CompareOp::Gt => ord.is_gt(),
        CompareOp::Ge => ord.is_ge(),
    }
}
