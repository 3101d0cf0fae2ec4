//! `range`: an arithmetic progression of ints, never materialised.
//!
//! Bounds are held as the ints they are and computed with as 128-bit
//! integers, so ranges beyond 64 bits (`range(2**64, 2**64 + 3)`) work;
//! iteration steps in 64 bits when every value fits.

use crate::api::{add_methods, FunctionDef};
use crate::object::{IterState, ObjKind};
use crate::objects::function::Args;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// The number of values in `range(start, stop, step)`.
pub fn range_len(start: i128, stop: i128, step: i128) -> i128 {
    if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    }
}

/// An int as a 128-bit integer, when it fits.
fn wide(v: &Value) -> Option<i128> {
    match v {
        Value::Int(i) => Some(*i as i128),
        Value::Truth(b) => Some(*b as i128),
        Value::Obj(o) => match o.kind() {
            ObjKind::Int(b) => i128::try_from(b).ok(),
            _ => None,
        },
        _ => None,
    }
}

/// A 128-bit integer as an int value.
fn int_value(vm: &Vm, i: i128) -> Value {
    match i64::try_from(i) {
        Ok(v) => Value::Int(v),
        Err(_) => vm.new_int(dashu_int::IBig::from(i)),
    }
}

/// The bounds of a range object.
pub fn bounds(o: &Obj) -> (i128, i128, i128) {
    match o.kind() {
        ObjKind::Range { start, stop, step } => {
            let g = |v: &Value| wide(v).unwrap_or(0);
            (g(start), g(stop), g(step))
        }
        _ => (0, 0, 1),
    }
}

/// The number of values, as `len()` gives it (`None` beyond `sys.maxsize`).
pub fn len(o: &Obj) -> Option<usize> {
    let (a, b, c) = bounds(o);
    usize::try_from(range_len(a, b, c))
        .ok()
        .filter(|n| *n <= isize::MAX as usize)
}

/// Whether the range has no values (it may be too long for `len`).
pub fn is_empty(o: &Obj) -> bool {
    let (a, b, c) = bounds(o);
    range_len(a, b, c) == 0
}

/// `len(r)` of a range too long for an index-sized int.
pub fn too_long(vm: &Vm) -> crate::value::Obj {
    vm.overflow_error("Python int too large to convert to C ssize_t")
}

/// `range(...)`.
pub fn new(vm: &mut Vm, args: &[Value]) -> PyResult {
    if args.is_empty() {
        return Err(vm.type_error("range expected at least 1 argument, got 0"));
    }
    if args.len() > 3 {
        return Err(vm.type_error(format!(
            "range expected at most 3 arguments, got {}",
            args.len()
        )));
    }
    let mut vals = [0i128; 3];
    for (i, a) in args.iter().enumerate() {
        vals[i] = match vm.index_int(a)? {
            Some(v) => match wide(&v) {
                Some(n) => n,
                None => {
                    return Err(
                        vm.overflow_error("range() bounds beyond 128 bits are not supported")
                    )
                }
            },
            None => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(a)
                )))
            }
        };
    }
    let (start, stop, step) = match args.len() {
        1 => (0, vals[0], 1),
        2 => (vals[0], vals[1], 1),
        _ => (vals[0], vals[1], vals[2]),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(make(vm, start, stop, step))
}

pub fn make(vm: &Vm, start: i128, stop: i128, step: i128) -> Value {
    Value::Obj(Obj::new(
        vm.types.range.clone(),
        ObjKind::Range {
            start: int_value(vm, start),
            stop: int_value(vm, stop),
            step: int_value(vm, step),
        },
    ))
}

pub fn getitem(vm: &mut Vm, o: &Obj, key: &Value) -> PyResult {
    let (start, stop, step) = bounds(o);
    let n = range_len(start, stop, step);
    if let Some(ObjKind::Slice {
        start: lo,
        stop: hi,
        step: by,
    }) = key.kind()
    {
        let (lo, hi, by) = slice_indices(vm, lo, hi, by, n)?;
        let at = |i: i128| start.saturating_add(i.saturating_mul(step));
        return Ok(make(vm, at(lo), at(hi), step.saturating_mul(by)));
    }
    let index = match vm.index_int(key)? {
        Some(v) => wide(&v),
        None => {
            return Err(vm.type_error(format!(
                "range indices must be integers or slices, not {}",
                vm.type_name(key)
            )))
        }
    };
    let j = index.map(|i| if i < 0 { i + n } else { i });
    match j {
        Some(j) if (0..n).contains(&j) => Ok(int_value(vm, start + j * step)),
        _ => Err(vm.index_error("range object index out of range")),
    }
}

/// A slice's bounds clamped to `n` items, as `slice.indices(n)` gives
/// them, in 128 bits.
fn slice_indices(
    vm: &mut Vm,
    lo: &Value,
    hi: &Value,
    by: &Value,
    n: i128,
) -> PyResult<(i128, i128, i128)> {
    let mut bound = |v: &Value| -> PyResult<Option<i128>> {
        if v.is_none() {
            return Ok(None);
        }
        match vm.index_int(v)? {
            Some(i) => Ok(Some(wide(&i).unwrap_or_else(|| {
                // Beyond 128 bits: clamped below like any far bound.
                if crate::objects::int::to_big(&i).is_some_and(|b| b < dashu_int::IBig::ZERO) {
                    i128::MIN / 4
                } else {
                    i128::MAX / 4
                }
            }))),
            None => Err(
                vm.type_error("slice indices must be integers or None or have an __index__ method")
            ),
        }
    };
    let step = match bound(by)? {
        None => 1,
        Some(0) => return Err(vm.value_error("slice step cannot be zero")),
        Some(s) => s,
    };
    let (lo, hi) = (bound(lo)?, bound(hi)?);
    let (lower, upper) = if step < 0 { (-1, n - 1) } else { (0, n) };
    let fix = |v: Option<i128>, default: i128| match v {
        None => default,
        Some(v) if v < 0 => (v + n).max(lower),
        Some(v) => v.min(upper),
    };
    let start = fix(lo, if step < 0 { upper } else { lower });
    let stop = fix(hi, if step < 0 { lower } else { upper });
    Ok((start, stop, step))
}

/// Position of an int in the range, if there.
fn position(o: &Obj, v: i128) -> Option<i128> {
    let (start, stop, step) = bounds(o);
    let inside = if step > 0 {
        v >= start && v < stop
    } else {
        v <= start && v > stop
    };
    (inside && (v - start) % step == 0).then(|| (v - start) / step)
}

/// Whether `item` is an exact int (or bool), whose membership is
/// arithmetic.
fn plain_int(vm: &Vm, item: &Value) -> bool {
    match item {
        Value::Int(_) | Value::Truth(_) => true,
        Value::Obj(o) => matches!(o.kind(), ObjKind::Int(_)) && o.class().is(&vm.types.int),
        _ => false,
    }
}

pub fn contains(vm: &mut Vm, o: &Obj, item: &Value) -> PyResult<bool> {
    if plain_int(vm, item) {
        return Ok(wide(item).and_then(|v| position(o, v)).is_some());
    }
    let (start, stop, step) = bounds(o);
    let mut v = start;
    while (step > 0 && v < stop) || (step < 0 && v > stop) {
        if vm.eq(&int_value(vm, v), item)? {
            return Ok(true);
        }
        v += step;
    }
    Ok(false)
}

pub fn index(vm: &mut Vm, o: &Obj, item: &Value) -> PyResult {
    if plain_int(vm, item) {
        if let Some(p) = wide(item).and_then(|v| position(o, v)) {
            return Ok(int_value(vm, p));
        }
    } else {
        let (start, stop, step) = bounds(o);
        let (mut v, mut i) = (start, 0);
        while (step > 0 && v < stop) || (step < 0 && v > stop) {
            if vm.eq(&int_value(vm, v), item)? {
                return Ok(int_value(vm, i));
            }
            v += step;
            i += 1;
        }
        // Searched as any sequence is, and worded so.
        return Err(vm.value_error("sequence.index(x): x not in sequence"));
    }
    let r = vm.repr(item)?;
    let r = crate::objects::str::value_pystr(&r)
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Err(vm.value_error(format!("{r} is not in range")))
}

/// An iterator from `next` towards `stop` by `step` (the bounds already
/// those of a non-empty or empty progression).
fn iterator(vm: &Vm, next: i128, stop: i128, step: i128) -> Value {
    let narrow = |v: i128| i64::try_from(v).ok();
    // The 64-bit iterator also needs the value past the last to fit.
    let state = match (
        narrow(next),
        narrow(stop),
        narrow(step),
        narrow(stop + step),
    ) {
        (Some(next), Some(stop), Some(step), Some(_)) => IterState::Range { next, stop, step },
        _ => IterState::WideRange(Box::new(crate::object::WideRange { next, stop, step })),
    };
    Value::Obj(Obj::new(
        vm.types.range_iterator.clone(),
        ObjKind::Iter(std::cell::RefCell::new(state)),
    ))
}

pub fn iter(vm: &mut Vm, o: &Obj) -> PyResult {
    let (start, stop, step) = bounds(o);
    Ok(iterator(vm, start, stop, step))
}

/// The next value of a 128-bit range iterator.
pub fn wide_next(vm: &Vm, next: &mut i128, stop: i128, step: i128) -> Option<Value> {
    let n = *next;
    if (step > 0 && n < stop) || (step < 0 && n > stop) {
        *next = n + step;
        Some(int_value(vm, n))
    } else {
        None
    }
}

pub fn reversed(vm: &mut Vm, o: &Obj) -> Value {
    let (start, stop, step) = bounds(o);
    let n = range_len(start, stop, step);
    let last = start + (n - 1) * step;
    let (next, stop) = if n == 0 { (0, 0) } else { (last, start - step) };
    iterator(vm, next, stop, -step)
}

pub fn repr(o: &Obj) -> String {
    let (start, stop, step) = bounds(o);
    if step == 1 {
        format!("range({start}, {stop})")
    } else {
        format!("range({start}, {stop}, {step})")
    }
}

/// Ranges are equal when they hold the same values.
pub fn equal(a: &Obj, b: &Obj) -> bool {
    let (s1, e1, st1) = bounds(a);
    let (s2, e2, st2) = bounds(b);
    let n1 = range_len(s1, e1, st1);
    let n2 = range_len(s2, e2, st2);
    if n1 != n2 {
        return false;
    }
    if n1 == 0 {
        return true;
    }
    if s1 != s2 {
        return false;
    }
    n1 == 1 || st1 == st2
}

pub fn hash(vm: &mut Vm, o: &Obj) -> PyResult<i64> {
    let (start, stop, step) = bounds(o);
    let n = range_len(start, stop, step);
    let items = if n == 0 {
        vec![Value::Int(0), Value::None, Value::None]
    } else if n == 1 {
        vec![Value::Int(1), int_value(vm, start), Value::None]
    } else {
        vec![int_value(vm, n), int_value(vm, start), int_value(vm, step)]
    };
    let t = vm.new_tuple(items);
    vm.hash(&t)
}

pub struct RangeType;

impl crate::objects::typeobject::slots::NativeType for RangeType {
    const SLOTS: &'static crate::objects::typeobject::slots::Slots =
        &crate::objects::typeobject::slots::Slots {
            repr: Some(|vm, o| Ok(vm.new_string(repr(o)))),
            hash: Some(hash),
            len: Some(|vm, o| len(o).ok_or_else(|| too_long(vm))),
            getitem: Some(getitem),
            contains: Some(contains),
            iter: Some(iter),
            ..crate::objects::typeobject::slots::Slots::NONE
        };
}

/// The methods of `range`.
pub fn register(vm: &mut Vm) {
    let range = vm.types.range.clone();
    add_methods(vm, &range, &[NEW]);
    crate::objects::typeobject::slots::install::<RangeType>(vm, &range);
    add_methods(vm, &range, METHODS);
    crate::api::add_getsets(vm, &range, ATTRIBUTES);
}

fn field(v: &Value, which: usize) -> Value {
    match v.kind() {
        Some(ObjKind::Range { start, stop, step }) => [start, stop, step][which].clone(),
        _ => unreachable!("range attributes are read on ranges"),
    }
}

const ATTRIBUTES: &[crate::api::GetSetDef] = &[
    crate::api::GetSetDef::member("start", |_, r| Ok(field(r, 0))),
    crate::api::GetSetDef::member("stop", |_, r| Ok(field(r, 1))),
    crate::api::GetSetDef::member("step", |_, r| Ok(field(r, 2))),
];

const NEW: FunctionDef = FunctionDef::new("__new__", |vm, a| {
    if !a.kw.is_empty() {
        return Err(vm.type_error("range() takes no keyword arguments"));
    }
    crate::objects::range::new(vm, &a.pos[1..])
});

const METHODS: &[FunctionDef] = &[
    FunctionDef::unary("__bool__", |vm, a| {
        match a.pos[0]
            .as_obj()
            .filter(|o| matches!(o.kind(), ObjKind::Range { .. }))
        {
            Some(o) => Ok(Value::Bool(!crate::objects::range::is_empty(o))),
            None => Ok(Value::Bool(vm.len(&a.pos[0])? > 0)),
        }
    }),
    FunctionDef::method("__reversed__", |vm, a| {
        let o = a.pos[0].as_obj().unwrap().clone();
        Ok(crate::objects::range::reversed(vm, &o))
    })
    .no_args(),
    FunctionDef::unary("__hash__", |vm, a| {
        let o = a.pos[0].as_obj().unwrap().clone();
        Ok(Value::Int(crate::objects::range::hash(vm, &o)?))
    }),
    FunctionDef::method("index", |vm, a| {
        let o = a.pos[0].as_obj().unwrap().clone();
        crate::objects::range::index(vm, &o, &a.pos[1])
    })
    .one(),
    FunctionDef::method("count", |vm, a| {
        let o = a.pos[0].as_obj().unwrap().clone();
        let c = crate::objects::range::contains(vm, &o, &a.pos[1])?;
        Ok(Value::Int(c as i64))
    })
    .one(),
    FunctionDef::binary("__eq__", |vm, a| range_eq(vm, &a, true)),
    FunctionDef::binary("__ne__", |vm, a| range_eq(vm, &a, false)),
];

fn range_eq(vm: &mut Vm, a: &Args, eq: bool) -> PyResult {
    match (a.pos[0].as_obj(), a.pos[1].kind()) {
        (Some(x), Some(ObjKind::Range { .. })) => {
            let r = crate::objects::range::equal(x, a.pos[1].as_obj().unwrap());
            Ok(Value::Bool(r == eq))
        }
        _ => Ok(vm.not_implemented()),
    }
}
