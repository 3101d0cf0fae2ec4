//! `range`: an arithmetic progression of 64-bit ints, never materialised.

use crate::object::{IterState, ObjKind};
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

/// The bounds of a range object.
pub fn bounds(o: &Obj) -> (i64, i64, i64) {
    match o.kind() {
        ObjKind::Range { start, stop, step } => {
            let g = |v: &Value| crate::int::small(v).unwrap_or(0);
            (g(start), g(stop), g(step))
        }
        _ => (0, 0, 1),
    }
}

pub fn len(o: &Obj) -> Option<usize> {
    let (a, b, c) = bounds(o);
    Some(range_len(a as i128, b as i128, c as i128) as usize)
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
    let mut vals = [0i64; 3];
    for (i, a) in args.iter().enumerate() {
        vals[i] = match vm.index_int(a)? {
            Some(Value::Int(n)) => n,
            Some(Value::Truth(b)) => b as i64,
            Some(_) => {
                return Err(vm.overflow_error("Python int too large to convert to C ssize_t"))
            }
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

pub fn make(vm: &Vm, start: i64, stop: i64, step: i64) -> Value {
    Value::Obj(Obj::new(
        vm.types.range.clone(),
        ObjKind::Range {
            start: Value::Int(start),
            stop: Value::Int(stop),
            step: Value::Int(step),
        },
    ))
}

pub fn getitem(vm: &mut Vm, o: &Obj, key: &Value) -> PyResult {
    let (start, stop, step) = bounds(o);
    let n = range_len(start as i128, stop as i128, step as i128) as i64;
    if let Some(ObjKind::Slice { .. }) = key.kind() {
        let s = vm.slice_indices(key.as_obj().unwrap(), n as usize)?;
        let nstart = start + s.start * step;
        let nstep = step * s.step;
        let nstop = start + s.stop * step;
        return Ok(make(vm, nstart, nstop, nstep));
    }
    match vm.index_i64(key)? {
        Some(i) => {
            let j = if i < 0 { i + n } else { i };
            if j < 0 || j >= n {
                return Err(vm.index_error("range object index out of range"));
            }
            Ok(Value::Int(start + j * step))
        }
        None => Err(vm.type_error(format!(
            "range indices must be integers or slices, not {}",
            vm.type_name(key)
        ))),
    }
}

/// Position of an int in the range, if there.
fn position(o: &Obj, v: i64) -> Option<i64> {
    let (start, stop, step) = bounds(o);
    let inside = if step > 0 {
        v >= start && v < stop
    } else {
        v <= start && v > stop
    };
    if inside && (v as i128 - start as i128) % step as i128 == 0 {
        Some(((v as i128 - start as i128) / step as i128) as i64)
    } else {
        None
    }
}

pub fn contains(vm: &mut Vm, o: &Obj, item: &Value) -> PyResult<bool> {
    match item {
        Value::Int(_) | Value::Truth(_) => {
            Ok(position(o, crate::int::small(item).unwrap()).is_some())
        }
        _ => {
            let (start, stop, step) = bounds(o);
            let mut v = start;
            while (step > 0 && v < stop) || (step < 0 && v > stop) {
                if vm.eq(&Value::Int(v), item)? {
                    return Ok(true);
                }
                v += step;
            }
            Ok(false)
        }
    }
}

pub fn index(vm: &mut Vm, o: &Obj, item: &Value) -> PyResult {
    if let Some(i) = crate::int::small(item) {
        if let Some(p) = position(o, i) {
            return Ok(Value::Int(p));
        }
    } else {
        let (start, stop, step) = bounds(o);
        let (mut v, mut i) = (start, 0);
        while (step > 0 && v < stop) || (step < 0 && v > stop) {
            if vm.eq(&Value::Int(v), item)? {
                return Ok(Value::Int(i));
            }
            v += step;
            i += 1;
        }
    }
    let r = vm.repr(item)?;
    let r = crate::strops::value_pystr(&r)
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Err(vm.value_error(format!("{r} is not in range")))
}

pub fn iter(vm: &mut Vm, o: &Obj) -> Option<Value> {
    let (start, stop, step) = bounds(o);
    Some(Value::Obj(Obj::new(
        vm.types.range_iterator.clone(),
        ObjKind::Iter(std::cell::RefCell::new(IterState::Range {
            next: start,
            stop,
            step,
        })),
    )))
}

pub fn reversed(vm: &mut Vm, o: &Obj) -> Value {
    let (start, stop, step) = bounds(o);
    let n = range_len(start as i128, stop as i128, step as i128) as i64;
    let last = start + (n - 1) * step;
    let (next, stop) = if n == 0 { (0, 0) } else { (last, start - step) };
    Value::Obj(Obj::new(
        vm.types.range_iterator.clone(),
        ObjKind::Iter(std::cell::RefCell::new(IterState::Range {
            next,
            stop,
            step: -step,
        })),
    ))
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
    let n1 = range_len(s1 as i128, e1 as i128, st1 as i128);
    let n2 = range_len(s2 as i128, e2 as i128, st2 as i128);
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
    let n = range_len(start as i128, stop as i128, step as i128) as i64;
    let items = if n == 0 {
        vec![Value::Int(0), Value::None, Value::None]
    } else if n == 1 {
        vec![Value::Int(1), Value::Int(start), Value::None]
    } else {
        vec![Value::Int(n), Value::Int(start), Value::Int(step)]
    };
    let t = vm.new_tuple(items);
    vm.hash(&t)
}
