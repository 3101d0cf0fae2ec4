//! `_bisect`: binary search and insertion into sorted sequences (`bisect`
//! uses these when they are there, as CPython's does).

use krait_vm::api::{Args, CompareOp, FunctionDef as F, ModuleDef, PyResult, Value, Vm};

pub const MODULE: ModuleDef = ModuleDef {
    name: "_bisect",
    doc: Some("Bisection algorithms.\n\nThis module provides support for maintaining a list in sorted order without\nhaving to sort the list after each insertion. For long lists of items with\nexpensive comparison operations, this can be an improvement over the more\ncommon approach."),
    functions: &[
        F::new("bisect_right", |vm, a| Ok(Value::Int(search(vm, &a, Side::Right)? as i64)))
            .named(NAMES, 0, 4, 2),
        F::new("bisect_left", |vm, a| Ok(Value::Int(search(vm, &a, Side::Left)? as i64)))
            .named(NAMES, 0, 4, 2),
        F::new("insort_right", |vm, a| insort(vm, a, Side::Right)).named(NAMES, 0, 4, 2),
        F::new("insort_left", |vm, a| insort(vm, a, Side::Left)).named(NAMES, 0, 4, 2),
    ],
    init: Some(|vm, m| {
        // `bisect` and `insort` are the right-hand forms.
        let module = Value::Obj(m.clone());
        let right = vm.getattr_str(&module, "bisect_right")?;
        vm.setattr_str(&module, "bisect", right)?;
        let insort_right = vm.getattr_str(&module, "insort_right")?;
        vm.setattr_str(&module, "insort", insort_right)?;
        Ok(())
    }),
};

const NAMES: &[&str] = &["a", "x", "lo", "hi", "key"];

#[derive(Clone, Copy, PartialEq)]
enum Side {
    Left,
    Right,
}

fn given(a: &Args, i: usize) -> Option<&Value> {
    a.pos
        .get(i)
        .filter(|v| !matches!(v, Value::Null) && !v.is_none())
}

/// Where `x` (or `key(x)` for insertion) goes in `a[lo:hi]`.
fn search_for(vm: &mut Vm, a: &Args, x: &Value, side: Side) -> PyResult<usize> {
    let seq = &a.pos[0];
    let lo = match given(a, 2) {
        Some(v) => vm.ssize_arg(v)?,
        None => 0,
    };
    if lo < 0 {
        return Err(vm.value_error("lo must be non-negative"));
    }
    let hi = match given(a, 3) {
        Some(v) => vm.ssize_arg(v)?,
        None => vm.len(seq)? as i64,
    };
    let key = given(a, 4).cloned();
    let (mut lo, mut hi) = (lo, hi);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let mut item = vm.getitem(seq, &Value::Int(mid))?;
        if let Some(k) = &key {
            item = vm.call(k, vec![item])?;
        }
        let go_left = match side {
            Side::Right => {
                let r = vm.compare(CompareOp::Lt, x, &item)?;
                vm.truthy(&r)?
            }
            Side::Left => {
                let r = vm.compare(CompareOp::Lt, &item, x)?;
                !vm.truthy(&r)?
            }
        };
        if go_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo as usize)
}

fn search(vm: &mut Vm, a: &Args, side: Side) -> PyResult<usize> {
    let x = a.pos[1].clone();
    search_for(vm, a, &x, side)
}

fn insort(vm: &mut Vm, a: Args, side: Side) -> PyResult {
    let x = a.pos[1].clone();
    let probe = match given(&a, 4) {
        Some(k) => {
            let k = k.clone();
            vm.call(&k, vec![x.clone()])?
        }
        None => x.clone(),
    };
    let at = search_for(vm, &a, &probe, side)?;
    vm.call_method(&a.pos[0], "insert", vec![Value::Int(at as i64), x])?;
    Ok(Value::None)
}
