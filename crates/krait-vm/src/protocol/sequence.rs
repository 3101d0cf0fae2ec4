//! The sequence and container protocols: length, subscription, membership,
//! iteration and unpacking, with native paths for the built-in types and
//! the dunder methods for everything else.

use crate::object::{IterState, ObjKind};
use crate::objects::typeobject::slots::{BinOpSlot, RepeatSlot};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use dashu_int::IBig;
use krait_compiler::code::BinOp;

/// Resolved slice bounds over a sequence of known length.
#[derive(Clone, Copy, Debug)]
pub struct SliceIndices {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

impl SliceIndices {
    /// The positions the slice selects, in order.
    pub fn positions(self) -> impl Iterator<Item = usize> {
        let SliceIndices {
            start, step, len, ..
        } = self;
        (0..len).map(move |i| (start + i as i64 * step) as usize)
    }
}

/// Slice bounds given as ints or None (a step of None is 1); `None` for
/// anything else, or a zero step (the general path raises).
fn plain_bounds(bounds: &[Value]) -> Option<(Option<i64>, Option<i64>, i64)> {
    let bound = |v: &Value| match v {
        Value::None => Some(None),
        Value::Int(i) => Some(Some(*i)),
        _ => None,
    };
    let step = match bounds.get(2).map(bound) {
        None | Some(Some(None)) => 1,
        Some(Some(Some(0))) | Some(None) => return None,
        Some(Some(Some(s))) => s.max(-i64::MAX),
    };
    Some((bound(bounds.first()?)?, bound(bounds.get(1)?)?, step))
}

/// Clamps slice bounds to a length, as `slice.indices` does.
pub fn adjust_slice(
    start: Option<i64>,
    stop: Option<i64>,
    step: i64,
    length: usize,
) -> SliceIndices {
    let n = length as i64;
    let (lower, upper) = if step < 0 { (-1, n - 1) } else { (0, n) };
    let fix = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(v) if v < 0 => (v + n).max(lower),
            Some(v) => v.min(upper),
        }
    };
    let start = fix(start, if step < 0 { upper } else { lower });
    let stop = fix(stop, if step < 0 { lower } else { upper });
    let len = if step > 0 {
        if start < stop {
            ((stop - start - 1) / step + 1) as usize
        } else {
            0
        }
    } else if start > stop {
        ((start - stop - 1) / (-step) + 1) as usize
    } else {
        0
    };
    SliceIndices {
        start,
        stop,
        step,
        len,
    }
}

/// A Python index into a sequence of `len` items (negative ones count
/// from the end), or `None` when it is out of range.
#[inline(always)]
pub fn wrap_index(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    (0..len as i64).contains(&j).then_some(j as usize)
}

impl Vm {
    // ---- integers as indexes ---------------------------------------------

    /// An object with `__index__` as an int value.
    pub fn index_int(&mut self, v: &Value) -> PyResult<Option<Value>> {
        match v {
            Value::Int(_) => Ok(Some(v.clone())),
            Value::Truth(b) => Ok(Some(Value::Int(*b as i64))),
            Value::Obj(o) if matches!(o.kind(), ObjKind::Int(_)) => {
                if o.class().is(&self.types.int) {
                    return Ok(Some(v.clone()));
                }
                let ObjKind::Int(b) = o.kind() else {
                    unreachable!()
                };
                Ok(Some(self.new_int(b.clone())))
            }
            Value::Obj(o) => {
                let cls = o.class().clone();
                let name = self.names.index.clone();
                match self.lookup_type_obj(&cls, &name) {
                    Some(m) => {
                        let r = self.call_method_value(&m, v.clone(), vec![])?;
                        match &r {
                            Value::Int(_) | Value::Truth(_) => Ok(Some(r)),
                            Value::Obj(ro) if matches!(ro.kind(), ObjKind::Int(_)) => Ok(Some(r)),
                            _ => Err(self.type_error(format!(
                                "__index__ returned non-int (type {})",
                                self.type_name(&r)
                            ))),
                        }
                    }
                    None => Ok(None),
                }
            }
            _ => Ok(None),
        }
    }

    /// An index as i64, clamping nothing: huge values are an IndexError
    /// ("cannot fit 'int' into an index-sized integer").
    /// An integer argument (`maxsplit`, `count`, an index to pop): its
    /// value, or CPython's TypeError for a value without `__index__`.
    pub fn int_arg(&mut self, v: &Value) -> PyResult<i64> {
        match self.index_i64(v)? {
            Some(n) => Ok(n),
            None => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(v)
            ))),
        }
    }

    pub fn index_i64(&mut self, v: &Value) -> PyResult<Option<i64>> {
        match self.index_int(v)? {
            None => Ok(None),
            Some(Value::Int(i)) => Ok(Some(i)),
            Some(Value::Truth(b)) => Ok(Some(b as i64)),
            Some(other) => Err(self.index_error(format!(
                "cannot fit '{}' into an index-sized integer",
                self.type_name(&other)
            ))),
        }
    }

    /// The optional `start` and `stop` arguments of a sequence's `index`
    /// at `a.pos[first]` and after, clamped to `0..=len` as slice bounds
    /// are (None is not allowed, as in CPython).
    pub fn search_bounds(
        &mut self,
        a: &crate::objects::function::Args,
        first: usize,
        len: usize,
    ) -> PyResult<(usize, usize)> {
        let n = len as i64;
        let clamp = |v: i64| if v < 0 { (v + n).max(0) } else { v.min(n) };
        let bound = |vm: &mut Vm, i: usize, default: i64| -> PyResult<i64> {
            match a.pos.get(i) {
                None => Ok(default),
                Some(v) if v.is_none() => {
                    Err(vm.type_error("slice indices must be integers or have an __index__ method"))
                }
                Some(v) => match vm.slice_bound(v) {
                    Ok(b) => Ok(clamp(b.unwrap_or(default))),
                    Err(_) => Err(
                        vm.type_error("slice indices must be integers or have an __index__ method")
                    ),
                },
            }
        };
        let start = bound(self, first, 0)?;
        let stop = bound(self, first + 1, n)?;
        Ok((start as usize, stop as usize))
    }

    /// A slice bound: None, or an index saturated to the i64 range (as
    /// CPython clamps to `Py_ssize_t`).
    pub(crate) fn slice_bound(&mut self, v: &Value) -> PyResult<Option<i64>> {
        if v.is_none() {
            return Ok(None);
        }
        match self.index_int(v)? {
            Some(Value::Int(i)) => Ok(Some(i)),
            Some(Value::Truth(b)) => Ok(Some(b as i64)),
            Some(Value::Obj(o)) => match o.kind() {
                ObjKind::Int(b) => Ok(Some(if *b < IBig::ZERO {
                    i64::MIN + 1
                } else {
                    i64::MAX
                })),
                _ => unreachable!(),
            },
            _ => Err(self
                .type_error("slice indices must be integers or None or have an __index__ method")),
        }
    }

    /// `container[start:stop(:step)]` of an exact list, tuple or ASCII str
    /// by int or None bounds, without a slice object; `None` when the
    /// general path must decide.
    pub fn slice_now(&self, container: &Value, bounds: &[Value]) -> Option<Value> {
        let (start, stop, step) = plain_bounds(bounds)?;
        let o = container.as_obj()?;
        match o.kind() {
            ObjKind::List(items) if o.class().is(&self.types.list) => {
                let items = items.borrow();
                let s = adjust_slice(start, stop, step, items.len());
                Some(self.new_list(s.positions().map(|p| items[p].clone()).collect()))
            }
            ObjKind::Tuple(items) if o.class().is(&self.types.tuple) => {
                let s = adjust_slice(start, stop, step, items.len());
                if s.step == 1 && s.len == items.len() {
                    return Some(container.clone());
                }
                Some(self.new_tuple(s.positions().map(|p| items[p].clone()).collect()))
            }
            ObjKind::Str(t) if o.class().is(&self.types.str_) && t.is_ascii() => {
                let bytes = t.as_bytes();
                let s = adjust_slice(start, stop, step, bytes.len());
                if s.step == 1 && s.len == bytes.len() {
                    return Some(container.clone());
                }
                let text: String = s.positions().map(|p| bytes[p] as char).collect();
                Some(self.new_string(text))
            }
            _ => None,
        }
    }

    /// `container[start:stop] = value` for an exact list, int or None
    /// bounds (step 1) and a list or tuple value; false when the general
    /// path must decide.
    pub fn store_slice_now(&self, container: &Value, bounds: &[Value], value: &Value) -> bool {
        let Some((start, stop, 1)) = plain_bounds(bounds) else {
            return false;
        };
        let Some(o) = container
            .as_obj()
            .filter(|o| o.class().is(&self.types.list))
        else {
            return false;
        };
        let ObjKind::List(items) = o.kind() else {
            return false;
        };
        // Copied first: the value may be the list itself.
        let new: Vec<Value> = match value.kind() {
            Some(ObjKind::List(v)) => v.borrow().clone(),
            Some(ObjKind::Tuple(v)) => v.to_vec(),
            _ => return false,
        };
        let mut items = items.borrow_mut();
        let s = adjust_slice(start, stop, 1, items.len());
        let from = s.start as usize;
        let to = (from + s.len).max(from);
        let removed: Vec<Value> = items.splice(from..to, new).collect();
        drop(items);
        drop(removed);
        true
    }

    /// The bounds of a slice object over `length` items.
    pub fn slice_indices(&mut self, slice: &Obj, length: usize) -> PyResult<SliceIndices> {
        let ObjKind::Slice { start, stop, step } = slice.kind() else {
            return Err(self.type_error("expected a slice"));
        };
        let step = match self.slice_bound(step)? {
            None => 1,
            Some(0) => return Err(self.value_error("slice step cannot be zero")),
            Some(s) => s.max(-i64::MAX),
        };
        let start = self.slice_bound(start)?;
        let stop = self.slice_bound(stop)?;
        Ok(adjust_slice(start, stop, step, length))
    }

    // ---- len -------------------------------------------------------------

    /// Checks what a `__len__` returned.
    pub fn len_result(&mut self, r: Value) -> PyResult<usize> {
        match self.index_int(&r)? {
            Some(Value::Int(i)) if i >= 0 => Ok(i as usize),
            Some(Value::Int(_)) => Err(self.value_error("__len__() should return >= 0")),
            Some(Value::Truth(b)) => Ok(b as usize),
            Some(v) => {
                if crate::objects::int::to_big(&v).is_some_and(|b| b < IBig::ZERO) {
                    Err(self.value_error("__len__() should return >= 0"))
                } else {
                    Err(self.overflow_error("cannot fit 'int' into an index-sized integer"))
                }
            }
            None => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(&r)
            ))),
        }
    }

    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        if let Value::Obj(o) = v {
            if let Some(f) = o.class().tdata().slots.get().len {
                return f(self, o);
            }
        }
        Err(self.type_error(format!(
            "object of type '{}' has no len()",
            self.type_name(v)
        )))
    }

    // ---- subscription ------------------------------------------------------

    /// `container[key]`.
    pub fn getitem(&mut self, container: &Value, key: &Value) -> PyResult {
        if let Value::Obj(o) = container {
            if let Some(f) = o.class().tdata().slots.get().getitem {
                return f(self, o, key);
            }
            if let ObjKind::Type(_) = o.kind() {
                let name = self.names.class_getitem.clone();
                if let Some(m) = self.lookup_type_obj(o, &name) {
                    let f = self.bind_descriptor(&m, &Value::Null, o)?;
                    let f = match f.kind() {
                        Some(ObjKind::Function(_)) => self.bound_method(f, container.clone()),
                        _ => f,
                    };
                    return self.call(&f, vec![key.clone()]);
                }
                if o.is(&self.types.type_) {
                    return Ok(self.generic_alias(container.clone(), key.clone()));
                }
                return Err(self.type_error(format!(
                    "type '{}' is not subscriptable",
                    o.tdata().name.borrow()
                )));
            }
        }
        Err(self.type_error(format!(
            "'{}' object is not subscriptable",
            self.type_name(container)
        )))
    }

    /// Index or slice over a sequence of `len` items, with the messages of
    /// the sequence called `what`.
    pub(crate) fn seq_subscript(
        &mut self,
        key: &Value,
        len: usize,
        what: &str,
        get: impl FnOnce(&mut Vm, Ix) -> PyResult,
    ) -> PyResult {
        if let Some(ObjKind::Slice { .. }) = key.kind() {
            let s = self.slice_indices(key.as_obj().unwrap(), len)?;
            return get(self, Ix::Slice(s));
        }
        match self.index_i64(key)? {
            Some(i) => {
                let Some(j) = wrap_index(i, len) else {
                    let msg = if what == "byte" {
                        "index out of range".to_string()
                    } else {
                        format!("{what} index out of range")
                    };
                    return Err(self.index_error(msg));
                };
                get(self, Ix::One(j))
            }
            None => {
                let what = if what == "byte" { "byte" } else { what };
                Err(self.type_error(format!(
                    "{what} indices must be integers or slices, not {}",
                    self.type_name(key)
                )))
            }
        }
    }

    /// A one-character string.
    pub fn char_str(&mut self, cp: u32) -> Value {
        if cp < 128 {
            let c = [cp as u8];
            let s = std::str::from_utf8(&c).unwrap_or("");
            return Value::Obj(self.intern(s));
        }
        self.new_pystr(crate::objects::str::PyStr::from_code_points([cp]))
    }

    /// `container[key] = value`.
    pub fn setitem(&mut self, container: &Value, key: Value, value: Value) -> PyResult<()> {
        if let Value::Obj(o) = container {
            if let Some(f) = o.class().tdata().slots.get().setitem {
                return f(self, o, key, Some(value));
            }
        }
        Err(self.type_error(format!(
            "'{}' object does not support item assignment",
            self.type_name(container)
        )))
    }

    /// `del container[key]`.
    pub fn delitem(&mut self, container: &Value, key: &Value) -> PyResult<()> {
        if let Value::Obj(o) = container {
            if let Some(f) = o.class().tdata().slots.get().setitem {
                return f(self, o, key.clone(), None);
            }
        }
        Err(self.type_error(format!(
            "'{}' object does not support item deletion",
            self.type_name(container)
        )))
    }

    // ---- membership --------------------------------------------------------

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if let Value::Obj(o) = container {
            if let Some(f) = o.class().tdata().slots.get().contains {
                return f(self, o, item);
            }
            return self.contains_by_iteration(container, item);
        }
        Err(self.type_error(format!(
            "argument of type '{}' is not iterable",
            self.type_name(container)
        )))
    }

    /// `item in container` for a container without `__contains__`: by
    /// iterating over it.
    pub fn contains_by_iteration(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        let slots = self.class_of(container).tdata().slots.get();
        if slots.iter.is_none() && slots.getitem.is_none() {
            return Err(self.type_error(format!(
                "argument of type '{}' is not iterable",
                self.type_name(container)
            )));
        }
        let it = self.iter(container)?;
        while let Some(v) = self.next(&it)? {
            if v.is(item) || self.eq(&v, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    // ---- iteration ---------------------------------------------------------

    fn new_iter(&self, class: &Obj, state: IterState) -> Value {
        crate::objects::iterators::new_iterator(class, state)
    }

    /// `iter(v)`.
    pub fn iter(&mut self, v: &Value) -> PyResult {
        if let Value::Obj(o) = v {
            if let Some(f) = o.class().tdata().slots.get().iter {
                return f(self, o);
            }
            if o.class().tdata().slots.get().getitem.is_some() {
                let state = IterState::Seq {
                    seq: v.clone(),
                    index: 0,
                };
                return Ok(self.new_iter(&self.types.iterator.clone(), state));
            }
        }
        Err(self.type_error(format!("'{}' object is not iterable", self.type_name(v))))
    }

    pub fn is_iterator(&mut self, v: &Value) -> bool {
        matches!(v, Value::Obj(o) if o.class().tdata().slots.get().next.is_some())
    }

    /// The next item of an iterator, or `None` when it is exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        if let Value::Obj(o) = it {
            if let Some(f) = o.class().tdata().slots.get().next {
                return f(self, o);
            }
        }
        Err(self.type_error(format!(
            "'{}' object is not an iterator",
            self.type_name(it)
        )))
    }

    /// All the items of an iterable.
    pub fn iterate(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        if let Value::Obj(o) = v {
            if !o.class().tdata().heap {
                match o.kind() {
                    ObjKind::List(l) => return Ok(l.borrow().clone()),
                    ObjKind::Tuple(t) => return Ok(t.to_vec()),
                    _ => {}
                }
            }
        }
        let it = self.iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    /// All the items of an iterable, with a failure to iterate it at all
    /// reported as `msg` (as CPython's `PySequence_Fast` reports it: "can
    /// only join an iterable").
    pub fn iterate_or(&mut self, v: &Value, msg: &str) -> PyResult<Vec<Value>> {
        if matches!(v.kind(), Some(ObjKind::List(_) | ObjKind::Tuple(_))) {
            return self.iterate(v);
        }
        let it = match self.iter(v) {
            Ok(it) => it,
            Err(e) if e.class().is(&self.exc.type_error) => return Err(self.type_error(msg)),
            Err(e) => return Err(e),
        };
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    /// Unpacks exactly `before` items, or with a starred target `before`
    /// items, a list of the rest, and `after` items.
    pub fn unpack(
        &mut self,
        seq: &Value,
        before: usize,
        after: Option<usize>,
    ) -> PyResult<Vec<Value>> {
        let items = match seq.kind() {
            Some(ObjKind::Tuple(t)) => t.to_vec(),
            Some(ObjKind::List(l)) => l.borrow().clone(),
            _ => {
                let it = match self.iter(seq) {
                    Ok(it) => it,
                    Err(e) if e.class().is(&self.exc.type_error) && !self.has_iter(seq) => {
                        return Err(self.type_error(format!(
                            "cannot unpack non-iterable {} object",
                            self.type_name(seq)
                        )))
                    }
                    Err(e) => return Err(e),
                };
                let mut out = Vec::new();
                let limit = if after.is_none() {
                    before + 1
                } else {
                    usize::MAX
                };
                while out.len() < limit {
                    match self.next(&it)? {
                        Some(v) => out.push(v),
                        None => break,
                    }
                }
                out
            }
        };
        match after {
            None => {
                if items.len() < before {
                    return Err(self.value_error(format!(
                        "not enough values to unpack (expected {}, got {})",
                        before,
                        items.len()
                    )));
                }
                if items.len() > before {
                    return Err(
                        self.value_error(format!("too many values to unpack (expected {before})"))
                    );
                }
                Ok(items)
            }
            Some(after) => {
                if items.len() < before + after {
                    return Err(self.value_error(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        before + after,
                        items.len()
                    )));
                }
                let mut items = items;
                let tail = items.split_off(items.len() - after);
                let middle = items.split_off(before);
                items.push(self.new_list(middle));
                items.extend(tail);
                Ok(items)
            }
        }
    }

    /// Whether `v` can be iterated over (by `__iter__` or `__getitem__`).
    pub(crate) fn has_iter(&self, v: &Value) -> bool {
        let slots = self.class_of(v).tdata().slots.get();
        slots.iter.is_some() || slots.getitem.is_some()
    }
}

/// One index, or the positions of a slice, into a sequence.
pub(crate) enum Ix {
    One(usize),
    Slice(SliceIndices),
}

/// Arithmetic on built-in sequences and containers, or `None`: the left
/// operand's `binop` slot, or `n * seq` through the sequence's `repeat`.
pub fn native_binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    match a {
        Value::Obj(o) => match o.class().tdata().slots.get().binop {
            // A class's operator dunders come after the numbers' and the
            // built-in types' own operators (see `Vm::binary_op`).
            Some(f) if !crate::objects::typeobject::dunder_slots::is_binop_by_dunders(Some(f)) => {
                f(vm, op, a, b)
            }
            _ => Ok(None),
        },
        _ => {
            let repeat = b
                .as_obj()
                .and_then(|o| o.class().tdata().slots.get().repeat);
            match repeat {
                Some(f) if op.base() == BinOp::Multiply => {
                    let Some(n) = vm.index_i64(a)? else {
                        return Ok(None);
                    };
                    repeat_checked(vm, f, b, n, false).map(Some)
                }
                _ => Ok(None),
            }
        }
    }
}

/// `seq + b` and `seq * b` (and in place) for a built-in sequence,
/// whose `concat` handles `+`: the checks and errors all sequences share.
pub(crate) fn sequence_binop(
    vm: &mut Vm,
    op: BinOp,
    a: &Value,
    b: &Value,
    concat: BinOpSlot,
    repeat: RepeatSlot,
) -> PyResult<Option<Value>> {
    match op.base() {
        BinOp::Add => concat(vm, op, a, b),
        BinOp::Multiply => {
            if !vm.class_of(b).tdata().heap && vm.index_int(b)?.is_none() {
                return Err(vm.type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    vm.type_name(b)
                )));
            }
            let n = vm.index_i64(b).map_err(|e| {
                if e.class().is(&vm.exc.index_error) {
                    vm.overflow_error("cannot fit 'int' into an index-sized integer")
                } else {
                    e
                }
            })?;
            match n {
                Some(n) => repeat_checked(vm, repeat, a, n, op.is_inplace()).map(Some),
                None => Ok(None),
            }
        }
        _ => Ok(None),
    }
}

/// `seq * n` once `n` is known: MemoryError for what could never fit.
fn repeat_checked(vm: &mut Vm, repeat: RepeatSlot, seq: &Value, n: i64, inplace: bool) -> PyResult {
    let n = n.max(0) as usize;
    let len = match seq.as_obj() {
        Some(o) => crate::objects::typeobject::slots::payload_len(vm, o).unwrap_or(0),
        None => 0,
    };
    if len.saturating_mul(n) > (1 << 40) {
        return Err(vm.new_exception(&vm.exc.memory_error, vec![]));
    }
    repeat(vm, seq, n, inplace)
}

/// "can only concatenate list (not "int") to list".
pub(crate) fn concat_error(vm: &Vm, what: &str, b: &Value) -> Obj {
    vm.type_error(format!(
        "can only concatenate {what} (not \"{}\") to {what}",
        vm.type_name(b)
    ))
}
