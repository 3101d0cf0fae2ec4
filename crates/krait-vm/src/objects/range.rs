//! `range`: an arithmetic progression of ints, never materialised.
//!
//! Bounds are held as the ints they are, of any size, and computed with
//! as big integers; iteration steps in 64 bits when every value fits.

use crate::api::{add_methods, FunctionDef};
use crate::object::{IterState, ObjKind};
use crate::objects::function::Args;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use dashu_int::IBig;

/// The number of values in `range(start, stop, step)`, for bounds that
/// fit in 128 bits (the iterators' lengths).
pub fn range_len(start: i128, stop: i128, step: i128) -> i128 {
    if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    }
}

/// The number of values in `range(start, stop, step)`, of any size.
fn big_len(start: &IBig, stop: &IBig, step: &IBig) -> IBig {
    let zero = IBig::ZERO;
    if *step > zero && start < stop {
        (stop - start - IBig::ONE) / step + IBig::ONE
    } else if *step < zero && start > stop {
        (start - stop - IBig::ONE) / (-step) + IBig::ONE
    } else {
        zero
    }
}

/// An int's value, of any size.
fn big(v: &Value) -> IBig {
    crate::objects::int::to_big(v).unwrap_or_default()
}

/// A big integer as an int value.
fn int_value(vm: &Vm, i: IBig) -> Value {
    match i64::try_from(&i) {
        Ok(v) => Value::Int(v),
        Err(_) => vm.new_int(i),
    }
}

/// The bounds of a range whose bounds all fit in 64 bits: the common
/// case, computed without big integers.
fn small_bounds(o: &Obj) -> Option<(i64, i64, i64)> {
    match o.kind() {
        ObjKind::Range {
            start: Value::Int(a),
            stop: Value::Int(b),
            step: Value::Int(c),
        } => Some((*a, *b, *c)),
        _ => None,
    }
}

/// The bounds of a range object.
pub fn bounds(o: &Obj) -> (IBig, IBig, IBig) {
    match o.kind() {
        ObjKind::Range { start, stop, step } => (big(start), big(stop), big(step)),
        _ => (IBig::ZERO, IBig::ZERO, IBig::ONE),
    }
}

fn length(o: &Obj) -> IBig {
    let (a, b, c) = bounds(o);
    big_len(&a, &b, &c)
}

/// The number of values, as `len()` gives it (`None` beyond `sys.maxsize`).
pub fn len(o: &Obj) -> Option<usize> {
    if let Some((a, b, c)) = small_bounds(o) {
        return usize::try_from(range_len(a as i128, b as i128, c as i128))
            .ok()
            .filter(|n| *n <= isize::MAX as usize);
    }
    usize::try_from(&length(o))
        .ok()
        .filter(|n| *n <= isize::MAX as usize)
}

/// Whether the range has no values (it may be too long for `len`).
pub fn is_empty(o: &Obj) -> bool {
    if let Some((a, b, c)) = small_bounds(o) {
        return range_len(a as i128, b as i128, c as i128) == 0;
    }
    length(o) == IBig::ZERO
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
    // Plain ints: no big-integer arithmetic.
    if let Some(small) = args
        .iter()
        .map(|a| match a {
            Value::Int(i) => Some(*i),
            _ => None,
        })
        .collect::<Option<Vec<i64>>>()
    {
        let (start, stop, step) = match small[..] {
            [stop] => (0, stop, 1),
            [start, stop] => (start, stop, 1),
            [start, stop, step] => (start, stop, step),
            _ => unreachable!("counted above"),
        };
        if step == 0 {
            return Err(vm.value_error("range() arg 3 must not be zero"));
        }
        return Ok(Value::Obj(Obj::new(
            vm.types.range.clone(),
            ObjKind::Range {
                start: Value::Int(start),
                stop: Value::Int(stop),
                step: Value::Int(step),
            },
        )));
    }
    let mut vals: Vec<IBig> = Vec::with_capacity(3);
    for a in args {
        match vm.index_int(a)? {
            Some(v) => vals.push(big(&v)),
            None => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(a)
                )))
            }
        }
    }
    let mut vals = vals.into_iter();
    let mut next = || vals.next().expect("counted");
    let (start, stop, step) = match args.len() {
        1 => (IBig::ZERO, next(), IBig::ONE),
        2 => (next(), next(), IBig::ONE),
        _ => (next(), next(), next()),
    };
    if step == IBig::ZERO {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(make(vm, start, stop, step))
}

pub fn make(vm: &Vm, start: IBig, stop: IBig, step: IBig) -> Value {
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
    if let (Some((a, b, c)), Value::Int(i)) = (small_bounds(o), key) {
        let n = range_len(a as i128, b as i128, c as i128);
        let j = if *i < 0 { *i as i128 + n } else { *i as i128 };
        if (0..n).contains(&j) {
            return Ok(Value::Int((a as i128 + j * c as i128) as i64));
        }
        return Err(vm.index_error("range object index out of range"));
    }
    let (start, stop, step) = bounds(o);
    let n = big_len(&start, &stop, &step);
    if let Some(ObjKind::Slice {
        start: lo,
        stop: hi,
        step: by,
    }) = key.kind()
    {
        let (lo, hi, by) = slice_indices(vm, lo, hi, by, &n)?;
        let at = |i: &IBig| &start + i * &step;
        let (a, b) = (at(&lo), at(&hi));
        return Ok(make(vm, a, b, &step * by));
    }
    let index = match vm.index_int(key)? {
        Some(v) => big(&v),
        None => {
            return Err(vm.type_error(format!(
                "range indices must be integers or slices, not {}",
                vm.type_name(key)
            )))
        }
    };
    let j = if index < IBig::ZERO {
        index + &n
    } else {
        index
    };
    if j >= IBig::ZERO && j < n {
        Ok(int_value(vm, start + j * step))
    } else {
        Err(vm.index_error("range object index out of range"))
    }
}

/// A slice's bounds clamped to `n` items, as `slice.indices(n)` gives
/// them.
fn slice_indices(
    vm: &mut Vm,
    lo: &Value,
    hi: &Value,
    by: &Value,
    n: &IBig,
) -> PyResult<(IBig, IBig, IBig)> {
    let mut bound = |v: &Value| -> PyResult<Option<IBig>> {
        if v.is_none() || v.is_null() {
            return Ok(None);
        }
        match vm.index_int(v)? {
            Some(i) => Ok(Some(big(&i))),
            None => Err(
                vm.type_error("slice indices must be integers or None or have an __index__ method")
            ),
        }
    };
    let step = match bound(by)? {
        None => IBig::ONE,
        Some(s) if s == IBig::ZERO => return Err(vm.value_error("slice step cannot be zero")),
        Some(s) => s,
    };
    let (lo, hi) = (bound(lo)?, bound(hi)?);
    let negative = step < IBig::ZERO;
    let (lower, upper) = if negative {
        (-IBig::ONE, n - IBig::ONE)
    } else {
        (IBig::ZERO, n.clone())
    };
    let fix = |v: Option<IBig>, default: &IBig| match v {
        None => default.clone(),
        Some(v) if v < IBig::ZERO => (v + n).max(lower.clone()),
        Some(v) => v.min(upper.clone()),
    };
    let start = fix(lo, if negative { &upper } else { &lower });
    let stop = fix(hi, if negative { &lower } else { &upper });
    Ok((start, stop, step))
}

/// Position of an int in the range, if there.
fn position(o: &Obj, v: &IBig) -> Option<IBig> {
    let (start, stop, step) = bounds(o);
    let inside = if step > IBig::ZERO {
        *v >= start && *v < stop
    } else {
        *v <= start && *v > stop
    };
    let offset = v - &start;
    (inside && (&offset % &step) == IBig::ZERO).then(|| offset / step)
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

/// Whether `v` is before `stop` going by `step`.
fn before(v: &IBig, stop: &IBig, step: &IBig) -> bool {
    if *step > IBig::ZERO {
        v < stop
    } else {
        v > stop
    }
}

pub fn contains(vm: &mut Vm, o: &Obj, item: &Value) -> PyResult<bool> {
    if let (Some((a, b, c)), Value::Int(v)) = (small_bounds(o), item) {
        let (a, b, c, v) = (a as i128, b as i128, c as i128, *v as i128);
        let inside = if c > 0 {
            a <= v && v < b
        } else {
            b < v && v <= a
        };
        return Ok(inside && (v - a) % c == 0);
    }
    if plain_int(vm, item) {
        return Ok(position(o, &big(item)).is_some());
    }
    let (mut v, stop, step) = bounds(o);
    while before(&v, &stop, &step) {
        if vm.eq(&int_value(vm, v.clone()), item)? {
            return Ok(true);
        }
        v += &step;
    }
    Ok(false)
}

pub fn index(vm: &mut Vm, o: &Obj, item: &Value) -> PyResult {
    if plain_int(vm, item) {
        if let Some(p) = position(o, &big(item)) {
            return Ok(int_value(vm, p));
        }
    } else {
        let (mut v, stop, step) = bounds(o);
        let mut i = 0i64;
        while before(&v, &stop, &step) {
            if vm.eq(&int_value(vm, v.clone()), item)? {
                return Ok(Value::Int(i));
            }
            v += &step;
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
/// those of a non-empty or empty progression): 64-bit stepping when every
/// value fits, else CPython's `longrange_iterator`.
fn iterator(vm: &Vm, next: IBig, stop: IBig, step: IBig) -> Value {
    let narrow = |v: &IBig| i64::try_from(v).ok();
    // The 64-bit iterator also needs the value past the last to fit.
    let past = &stop + &step;
    let (state, class) = match (narrow(&next), narrow(&stop), narrow(&step), narrow(&past)) {
        (Some(next), Some(stop), Some(step), Some(_)) => (
            IterState::Range { next, stop, step },
            vm.types.range_iterator.clone(),
        ),
        _ => (
            IterState::WideRange(Box::new(crate::object::WideRange { next, stop, step })),
            vm.types.longrange_iterator.clone(),
        ),
    };
    Value::Obj(Obj::new(
        class,
        ObjKind::Iter(std::cell::RefCell::new(state)),
    ))
}

pub fn iter(vm: &mut Vm, o: &Obj) -> PyResult {
    if let Some((start, stop, step)) = small_bounds(o) {
        // The 64-bit iterator also needs the value past the last to fit.
        if stop.checked_add(step).is_some() {
            return Ok(Value::Obj(Obj::new(
                vm.types.range_iterator.clone(),
                ObjKind::Iter(std::cell::RefCell::new(IterState::Range {
                    next: start,
                    stop,
                    step,
                })),
            )));
        }
    }
    let (start, stop, step) = bounds(o);
    Ok(iterator(vm, start, stop, step))
}

/// The next value of a range iterator beyond 64 bits.
pub fn wide_next(vm: &Vm, r: &mut crate::object::WideRange) -> Option<Value> {
    if before(&r.next, &r.stop, &r.step) {
        let n = r.next.clone();
        r.next += &r.step;
        Some(int_value(vm, n))
    } else {
        None
    }
}

/// How many values a range iterator beyond 64 bits has left.
pub fn wide_len(r: &crate::object::WideRange) -> usize {
    usize::try_from(&big_len(&r.next, &r.stop, &r.step)).unwrap_or(usize::MAX)
}

pub fn reversed(vm: &mut Vm, o: &Obj) -> Value {
    let (start, stop, step) = bounds(o);
    let n = big_len(&start, &stop, &step);
    if n == IBig::ZERO {
        return iterator(vm, IBig::ZERO, IBig::ZERO, -step);
    }
    let last = &start + (n - IBig::ONE) * &step;
    let stop = &start - &step;
    iterator(vm, last, stop, -step)
}

pub fn repr(o: &Obj) -> String {
    let (start, stop, step) = bounds(o);
    if step == IBig::ONE {
        format!("range({start}, {stop})")
    } else {
        format!("range({start}, {stop}, {step})")
    }
}

/// Ranges are equal when they hold the same values.
pub fn equal(a: &Obj, b: &Obj) -> bool {
    let (s1, e1, st1) = bounds(a);
    let (s2, e2, st2) = bounds(b);
    let n1 = big_len(&s1, &e1, &st1);
    let n2 = big_len(&s2, &e2, &st2);
    if n1 != n2 {
        return false;
    }
    if n1 == IBig::ZERO {
        return true;
    }
    if s1 != s2 {
        return false;
    }
    n1 == IBig::ONE || st1 == st2
}

pub fn hash(vm: &mut Vm, o: &Obj) -> PyResult<i64> {
    let (start, stop, step) = bounds(o);
    let n = big_len(&start, &stop, &step);
    let items = if n == IBig::ZERO {
        vec![Value::Int(0), Value::None, Value::None]
    } else if n == IBig::ONE {
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
    FunctionDef::method("__reduce__", |vm, a| {
        let Some(ObjKind::Range { start, stop, step }) = a.pos[0].kind() else {
            return Err(vm.type_error("range.__reduce__ needs a range"));
        };
        let fields = vm.new_tuple(vec![start.clone(), stop.clone(), step.clone()]);
        let cls = Value::Obj(vm.types.range.clone());
        Ok(vm.new_tuple(vec![cls, fields]))
    })
    .no_args(),
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
