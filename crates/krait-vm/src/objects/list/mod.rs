//! `list`: the constructor, methods, slice assignment and sorting.

pub(crate) mod sort_native;

use crate::api::check_positional;
use crate::api::{add_methods, FunctionDef};
use crate::object::{IterState, ObjKind};
use crate::objects::function::Args;
use crate::objects::iterators::new_iterator;
use crate::objects::typeobject::slots::{install, NativeType, Slots};
use crate::protocol::sequence::wrap_index;
use crate::protocol::sequence::{concat_error, sequence_binop, Ix};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_compiler::code::BinOp;
use std::cell::RefCell;

pub fn register(vm: &mut Vm) {
    let l = vm.types.list.clone();
    add_methods(vm, &l, METHODS);
    add_methods(vm, &l, DUNDERS);
    install::<ListType>(vm, &l);
    add_methods(vm, &l, crate::objects::tuple::SEQUENCE_DUNDERS);
    let h = vm.intern("__hash__");
    let d = l.object().dict().unwrap().clone();
    crate::objects::dict::set_str(vm, &d, h, Value::None);
}

pub struct ListType;

impl NativeType for ListType {
    const SLOTS: &'static Slots = &Slots {
        hash: Some(crate::objects::typeobject::slots::unhashable),
        richcompare: Some(crate::objects::tuple::same_kind_compare),
        repr: Some(|vm, o| {
            let items = cell(o).borrow().clone();
            vm.seq_repr(o, "[", "]", items)
        }),
        len: Some(|_, o| Ok(cell(o).borrow().len())),
        getitem: Some(getitem),
        setitem: Some(setitem),
        contains: Some(crate::objects::tuple::contains),
        iter: Some(|vm, o| {
            let state = IterState::Seq {
                seq: Value::Obj(o.clone()),
                index: 0,
            };
            Ok(new_iterator(&vm.types.list_iterator, state))
        }),
        binop: Some(|vm, op, a, b| match a.kind() {
            Some(ObjKind::List(_)) => sequence_binop(vm, op, a, b, concat, repeat),
            _ => Ok(None),
        }),
        repeat: Some(repeat),
        ..Slots::NONE
    };
}

/// `l + b`, and `l += b`, which extends by any iterable.
fn concat(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let x = items_of(vm, a)?;
    if op.is_inplace() {
        let extra = match b.kind() {
            Some(ObjKind::List(y)) => y.borrow().clone(),
            _ => vm.iterate(b)?,
        };
        x.borrow_mut().extend(extra);
        return Ok(Some(a.clone()));
    }
    match b.kind() {
        Some(ObjKind::List(y)) => {
            let mut v = x.borrow().clone();
            v.extend(y.borrow().iter().cloned());
            Ok(Some(vm.new_list(v)))
        }
        _ if vm.class_of(b).tdata().heap => Ok(None),
        _ => Err(concat_error(vm, "list", b)),
    }
}

/// `l * n`, and `l *= n` in place.
fn repeat(vm: &mut Vm, a: &Value, n: usize, inplace: bool) -> PyResult {
    let cell = items_of(vm, a)?;
    if inplace {
        let mut items = cell.borrow_mut();
        let orig = std::mem::take(&mut *items);
        items.reserve(orig.len() * n);
        for _ in 0..n {
            items.extend(orig.iter().cloned());
        }
        drop(items);
        crate::object::drop_in_reverse(orig);
        return Ok(a.clone());
    }
    let items = cell.borrow();
    let mut v = Vec::with_capacity(items.len() * n);
    for _ in 0..n {
        v.extend(items.iter().cloned());
    }
    drop(items);
    Ok(vm.new_list(v))
}

/// The items of an object the slots were called on.
fn cell(o: &Obj) -> &RefCell<Vec<Value>> {
    match o.kind() {
        ObjKind::List(l) => l,
        _ => unreachable!("list slots are installed on list"),
    }
}

fn getitem(vm: &mut Vm, o: &Obj, key: &Value) -> PyResult {
    let items = cell(o);
    if let Value::Int(i) = key {
        let items = items.borrow();
        return match wrap_index(*i, items.len()) {
            Some(j) => Ok(items[j].clone()),
            None => Err(vm.index_error("list index out of range")),
        };
    }
    let len = items.borrow().len();
    // An `__index__` of the key may change the list: bounds are checked
    // against what it holds afterwards.
    vm.seq_subscript(key, len, "list", |vm, ix| match ix {
        Ix::One(i) => match items.borrow().get(i) {
            Some(v) => Ok(v.clone()),
            None => Err(vm.index_error("list index out of range")),
        },
        Ix::Slice(mut s) => {
            let now = items.borrow().len();
            if now != len {
                s = vm.slice_indices(key.as_obj().expect("a slice"), now)?;
            }
            let items = items.borrow();
            let v = s.positions().map(|p| items[p].clone()).collect();
            drop(items);
            Ok(vm.new_list(v))
        }
    })
}

fn setitem(vm: &mut Vm, o: &Obj, key: Value, value: Option<Value>) -> PyResult<()> {
    if let (Value::Int(i), Some(v)) = (&key, &value) {
        let mut items = cell(o).borrow_mut();
        if let Some(j) = wrap_index(*i, items.len()) {
            let old = std::mem::replace(&mut items[j], v.clone());
            drop(items);
            drop(old);
            return Ok(());
        }
    }
    set_or_del_item(vm, o, key, value)
}

/// `list`'s methods, in the order its namespace lists them.
const METHODS: &[FunctionDef] = &[
    FunctionDef::new("__new__", |_, a| {
        let cls = a.pos[0].as_obj().cloned().unwrap();
        Ok(Value::Obj(Obj::new(
            cls,
            ObjKind::List(RefCell::new(Vec::new())),
        )))
    }),
    FunctionDef::method("__init__", |vm, a| {
        check_positional(vm, &a, "list", 1, 0, 1)?;
        let items = match a.pos.get(1) {
            Some(v) => vm.iterate(v)?,
            None => Vec::new(),
        };
        *items_of(vm, &a.pos[0])?.borrow_mut() = items;
        Ok(Value::None)
    }),
    FunctionDef::method("append", |vm, a| {
        items_of(vm, &a.pos[0])?.borrow_mut().push(a.pos[1].clone());
        Ok(Value::None)
    })
    .one(),
    FunctionDef::method("extend", |vm, a| {
        let items = vm.iterate(&a.pos[1])?;
        items_of(vm, &a.pos[0])?.borrow_mut().extend(items);
        Ok(Value::None)
    })
    .one(),
    FunctionDef::method("pop", |vm, a| {
        let idx = match a.pos.get(1) {
            Some(v) => vm.index_i64(v)?.ok_or_else(|| {
                vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(v)
                ))
            })?,
            None => -1,
        };
        let cell = items_of(vm, &a.pos[0])?;
        let mut items = cell.borrow_mut();
        if items.is_empty() {
            drop(items);
            return Err(vm.index_error("pop from empty list"));
        }
        let Some(j) = wrap_index(idx, items.len()) else {
            drop(items);
            return Err(vm.index_error("pop index out of range"));
        };
        Ok(items.remove(j))
    })
    .args(0, 1),
    FunctionDef::method("insert", |vm, a| {
        let idx = vm.int_arg(&a.pos[1])?;
        let cell = items_of(vm, &a.pos[0])?;
        let mut items = cell.borrow_mut();
        let n = items.len() as i64;
        let j = if idx < 0 {
            (idx + n).max(0)
        } else {
            idx.min(n)
        };
        items.insert(j as usize, a.pos[2].clone());
        Ok(Value::None)
    })
    .args(2, 2),
    FunctionDef::method("remove", |vm, a| {
        let i = position(vm, &a.pos[0], &a.pos[1], 0, usize::MAX)?;
        match i {
            Some(i) => {
                let cell = items_of(vm, &a.pos[0])?;
                let old = cell.borrow_mut().remove(i);
                drop(old);
                Ok(Value::None)
            }
            None => Err(vm.value_error("list.remove(x): x not in list")),
        }
    })
    .one(),
    FunctionDef::method("index", |vm, a| {
        let n = items_of(vm, &a.pos[0])?.borrow().len();
        let (start, end) = vm.search_bounds(&a, 2, n)?;
        match position(vm, &a.pos[0], &a.pos[1], start, end)? {
            Some(i) => Ok(Value::Int(i as i64)),
            None => {
                let r = vm.repr_string(&a.pos[1])?;
                Err(vm.value_error(format!("{r} is not in list")))
            }
        }
    })
    .args(1, 3),
    FunctionDef::method("count", |vm, a| {
        let items = items_of(vm, &a.pos[0])?.borrow().clone();
        let mut n = 0;
        for it in items {
            if it.is(&a.pos[1]) || vm.eq(&it, &a.pos[1])? {
                n += 1;
            }
        }
        Ok(Value::Int(n))
    })
    .one(),
    FunctionDef::method("reverse", |vm, a| {
        items_of(vm, &a.pos[0])?.borrow_mut().reverse();
        Ok(Value::None)
    })
    .no_args(),
    FunctionDef::method("clear", |vm, a| {
        let old = std::mem::take(&mut *items_of(vm, &a.pos[0])?.borrow_mut());
        crate::object::drop_in_reverse(old);
        Ok(Value::None)
    })
    .no_args(),
    FunctionDef::method("copy", |vm, a| {
        let items = items_of(vm, &a.pos[0])?.borrow().clone();
        Ok(vm.new_list(items))
    })
    .no_args(),
    FunctionDef::method("sort", list_sort).named(&["key", "reverse"], 0, 0, 0),
];

/// The operator methods `list` has beyond the sequence ones it shares with
/// `tuple`.
const DUNDERS: &[FunctionDef] = &[
    FunctionDef::method("__getitem__", |vm, a| {
        let o = a.pos[0].as_obj().unwrap().clone();
        getitem(vm, &o, &a.pos[1])
    })
    .one(),
    FunctionDef::method("__iadd__", |vm, a| {
        let items = vm.iterate(&a.pos[1])?;
        items_of(vm, &a.pos[0])?.borrow_mut().extend(items);
        Ok(a.pos[0].clone())
    })
    .wrapper(1, false),
    FunctionDef::method("__imul__", |vm, a| {
        let Some(n) = vm.index_i64(&a.pos[1])? else {
            return Ok(vm.not_implemented());
        };
        let items = items_of(vm, &a.pos[0])?;
        let orig = std::mem::take(&mut *items.borrow_mut());
        let mut out = Vec::with_capacity(orig.len() * n.max(0) as usize);
        for _ in 0..n.max(0) {
            out.extend(orig.iter().cloned());
        }
        *items.borrow_mut() = out;
        crate::object::drop_in_reverse(orig);
        Ok(a.pos[0].clone())
    })
    .wrapper(1, true),
    FunctionDef::method("__reversed__", |vm, a| {
        let n = items_of(vm, &a.pos[0])?.borrow().len() as isize;
        Ok(Value::Obj(Obj::new(
            vm.types.reversed.clone(),
            ObjKind::Iter(RefCell::new(crate::object::IterState::Reversed {
                seq: a.pos[0].clone(),
                index: n - 1,
            })),
        )))
    })
    .no_args(),
];

fn items_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a RefCell<Vec<Value>>> {
    match v.kind() {
        Some(ObjKind::List(l)) => Ok(l),
        _ => Err(vm.type_error(format!(
            "descriptor requires a 'list' object but received a '{}'",
            vm.type_name(v)
        ))),
    }
}

fn position(
    vm: &mut Vm,
    list: &Value,
    x: &Value,
    start: usize,
    end: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    loop {
        let item = match list.kind() {
            Some(ObjKind::List(l)) => {
                let l = l.borrow();
                if i >= l.len() || i >= end {
                    return Ok(None);
                }
                l[i].clone()
            }
            _ => return Ok(None),
        };
        if item.is(x) || vm.eq(&item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
}

/// `x < y` as the sort asks it.
fn less(vm: &mut Vm, x: &Value, y: &Value) -> PyResult<bool> {
    if let (Value::Int(p), Value::Int(q)) = (x, y) {
        return Ok(p < q);
    }
    let r = vm.compare(krait_compiler::code::CompareOp::Lt, x, y)?;
    vm.truthy(&r)
}

/// CPython's list sort (natural runs, a minimum run length extended by
/// binary insertion, stable merges), so that Python `__lt__` methods see
/// the same comparisons in the same order. Returns the sorted order of
/// the positions of `keys`.
fn timsort(vm: &mut Vm, keys: &[Value]) -> PyResult<Vec<usize>> {
    let n = keys.len();
    let mut a: Vec<usize> = (0..n).collect();
    if n < 2 {
        return Ok(a);
    }
    let minrun = {
        let mut m = n;
        let mut r = 0;
        while m >= 64 {
            r |= m & 1;
            m >>= 1;
        }
        m + r
    };
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut lo = 0;
    while lo < n {
        // A natural run, reversed in place if strictly descending.
        let mut len = 1;
        if lo + 1 < n {
            len = 2;
            if less(vm, &keys[a[lo + 1]], &keys[a[lo]])? {
                while lo + len < n && less(vm, &keys[a[lo + len]], &keys[a[lo + len - 1]])? {
                    len += 1;
                }
                a[lo..lo + len].reverse();
            } else {
                while lo + len < n && !less(vm, &keys[a[lo + len]], &keys[a[lo + len - 1]])? {
                    len += 1;
                }
            }
        }
        if len < minrun {
            let force = minrun.min(n - lo);
            binary_insertion(vm, keys, &mut a[lo..lo + force], len)?;
            len = force;
        }
        runs.push((lo, len));
        lo += len;
        collapse(vm, keys, &mut a, &mut runs, false)?;
    }
    collapse(vm, keys, &mut a, &mut runs, true)?;
    Ok(a)
}

/// Sorts `a[start..]` into the sorted prefix `a[..start]`.
fn binary_insertion(vm: &mut Vm, keys: &[Value], a: &mut [usize], start: usize) -> PyResult<()> {
    for i in start.max(1)..a.len() {
        let pivot = a[i];
        let (mut l, mut r) = (0, i);
        while l < r {
            let p = l + ((r - l) >> 1);
            if less(vm, &keys[pivot], &keys[a[p]])? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        a.copy_within(l..i, l + 1);
        a[l] = pivot;
    }
    Ok(())
}

/// Merges runs while the stack breaks timsort's invariants (all of them
/// when `force`).
fn collapse(
    vm: &mut Vm,
    keys: &[Value],
    a: &mut [usize],
    runs: &mut Vec<(usize, usize)>,
    force: bool,
) -> PyResult<()> {
    while runs.len() > 1 {
        let k = runs.len();
        let mut i = k - 2;
        if force {
            if k > 2 && runs[k - 3].1 < runs[k - 1].1 {
                i = k - 3;
            }
        } else if (k > 2 && runs[k - 3].1 <= runs[k - 2].1 + runs[k - 1].1)
            || (k > 3 && runs[k - 4].1 <= runs[k - 3].1 + runs[k - 2].1)
        {
            if runs[k - 3].1 < runs[k - 1].1 {
                i = k - 3;
            }
        } else if runs[k - 2].1 > runs[k - 1].1 {
            break;
        }
        let (s1, l1) = runs[i];
        let (_, l2) = runs[i + 1];
        merge(vm, keys, &mut a[s1..s1 + l1 + l2], l1)?;
        runs[i] = (s1, l1 + l2);
        runs.remove(i + 1);
    }
    Ok(())
}

/// Stable merge of the sorted halves `a[..mid]` and `a[mid..]`.
fn merge(vm: &mut Vm, keys: &[Value], a: &mut [usize], mid: usize) -> PyResult<()> {
    let left: Vec<usize> = a[..mid].to_vec();
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < left.len() && j < a.len() {
        if less(vm, &keys[a[j]], &keys[left[i]])? {
            a[k] = a[j];
            j += 1;
        } else {
            a[k] = left[i];
            i += 1;
        }
        k += 1;
    }
    while i < left.len() {
        a[k] = left[i];
        i += 1;
        k += 1;
    }
    Ok(())
}

/// Sorts values with Python's `<`, stably; with `reverse`, equal items
/// keep their order, as CPython's reverse-sort-reverse gives.
pub fn sort_values(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    keys: Option<Vec<Value>>,
    reverse: bool,
) -> PyResult<()> {
    let mut keys = keys.unwrap_or_else(|| items.clone());
    if reverse {
        items.reverse();
        keys.reverse();
    }
    let order = match crate::objects::list::sort_native::native_order(vm, &keys) {
        Some(order) => order,
        None => timsort(vm, &keys)?,
    };
    let mut sorted: Vec<Value> = order.iter().map(|&i| items[i].clone()).collect();
    if reverse {
        sorted.reverse();
    }
    *items = sorted;
    Ok(())
}

fn list_sort(vm: &mut Vm, a: Args) -> PyResult {
    let this = a.pos[0].clone();
    let key = a.given(1).filter(|k| !k.is_none()).cloned();
    let reverse = match a.given(2) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let cell = items_of(vm, &this)?;
    let mut items = std::mem::take(&mut *cell.borrow_mut());
    let keys = match key {
        Some(k) => {
            let mut ks = Vec::with_capacity(items.len());
            for it in &items {
                match vm.call(&k, vec![it.clone()]) {
                    Ok(v) => ks.push(v),
                    Err(e) => {
                        *cell.borrow_mut() = items;
                        return Err(e);
                    }
                }
            }
            Some(ks)
        }
        None => None,
    };
    let r = sort_values(vm, &mut items, keys, reverse);
    let modified = !cell.borrow().is_empty();
    *cell.borrow_mut() = items;
    r?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::None)
}

/// Item or slice assignment and deletion on a list.
pub fn set_or_del_item(vm: &mut Vm, o: &Obj, key: Value, value: Option<Value>) -> PyResult<()> {
    let ObjKind::List(cell) = o.kind() else {
        unreachable!()
    };
    if let Some(ObjKind::Slice { .. }) = key.kind() {
        let n = cell.borrow().len();
        let s = vm.slice_indices(key.as_obj().unwrap(), n)?;
        match value {
            None => {
                let mut pos: Vec<usize> = s.positions().collect();
                pos.sort_unstable();
                let mut items = cell.borrow_mut();
                for p in pos.into_iter().rev() {
                    items.remove(p);
                }
            }
            Some(v) => {
                let new = vm
                    .iterate(&v)
                    .map_err(|_| vm.type_error("can only assign an iterable"))?;
                // Iterating may have changed the list: the bounds apply to
                // what it holds now.
                let expected = s.len;
                let now = cell.borrow().len();
                let s = if now == n {
                    s
                } else {
                    vm.slice_indices(key.as_obj().unwrap(), now)?
                };
                let mut items = cell.borrow_mut();
                if s.step == 1 {
                    let start = s.start as usize;
                    let stop = (s.start as usize + s.len).max(start);
                    items.splice(start..stop, new);
                } else {
                    if new.len() != expected || new.len() != s.len {
                        drop(items);
                        return Err(vm.value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            new.len(),
                            expected
                        )));
                    }
                    for (p, v) in s.positions().zip(new) {
                        items[p] = v;
                    }
                }
            }
        }
        return Ok(());
    }
    let Some(i) = vm.index_i64(&key)? else {
        return Err(vm.type_error(format!(
            "list indices must be integers or slices, not {}",
            vm.type_name(&key)
        )));
    };
    let mut items = cell.borrow_mut();
    let Some(j) = wrap_index(i, items.len()) else {
        drop(items);
        return Err(vm.index_error("list assignment index out of range"));
    };
    match value {
        Some(v) => {
            let old = std::mem::replace(&mut items[j], v);
            drop(items);
            drop(old);
        }
        None => {
            let old = items.remove(j);
            drop(items);
            drop(old);
        }
    }
    Ok(())
}
