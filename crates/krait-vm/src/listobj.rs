//! `list`: the constructor, methods, slice assignment and sorting.

use crate::bootstrap::{bind, check_method_args, method, static_fn};
use crate::function::Args;
use crate::object::ObjKind;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

pub fn register(vm: &mut Vm) {
    let l = vm.types.list.clone();
    static_fn(vm, &l, "__new__", |_, a| {
        let cls = a.pos[0].as_obj().cloned().unwrap();
        Ok(Value::Obj(Obj::new(
            cls,
            ObjKind::List(RefCell::new(Vec::new())),
        )))
    });
    method(vm, &l, "__init__", |vm, a| {
        check_method_args(vm, &a, "list", 0, 1)?;
        let items = match a.pos.get(1) {
            Some(v) => vm.iterate(v)?,
            None => Vec::new(),
        };
        *items_of(vm, &a.pos[0])?.borrow_mut() = items;
        Ok(Value::None)
    });
    method(vm, &l, "append", |vm, a| {
        check_method_args(vm, &a, "append", 1, 1)?;
        items_of(vm, &a.pos[0])?.borrow_mut().push(a.pos[1].clone());
        Ok(Value::None)
    });
    method(vm, &l, "extend", |vm, a| {
        check_method_args(vm, &a, "extend", 1, 1)?;
        let items = vm.iterate(&a.pos[1])?;
        items_of(vm, &a.pos[0])?.borrow_mut().extend(items);
        Ok(Value::None)
    });
    method(vm, &l, "pop", |vm, a| {
        check_method_args(vm, &a, "pop", 0, 1)?;
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
        let n = items.len() as i64;
        let j = if idx < 0 { idx + n } else { idx };
        if j < 0 || j >= n {
            drop(items);
            return Err(vm.index_error("pop index out of range"));
        }
        Ok(items.remove(j as usize))
    });
    method(vm, &l, "insert", |vm, a| {
        check_method_args(vm, &a, "insert", 2, 2)?;
        let idx = vm.index_i64(&a.pos[1])?.unwrap_or(0);
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
    });
    method(vm, &l, "remove", |vm, a| {
        check_method_args(vm, &a, "remove", 1, 1)?;
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
    });
    method(vm, &l, "index", |vm, a| {
        check_method_args(vm, &a, "index", 1, 3)?;
        let n = items_of(vm, &a.pos[0])?.borrow().len() as i64;
        let clamp = |v: i64| if v < 0 { (v + n).max(0) } else { v.min(n) };
        let start = match a.pos.get(2) {
            Some(v) => clamp(vm.index_i64(v)?.unwrap_or(0)),
            None => 0,
        };
        let end = match a.pos.get(3) {
            Some(v) => clamp(vm.index_i64(v)?.unwrap_or(n)),
            None => n,
        };
        match position(vm, &a.pos[0], &a.pos[1], start as usize, end as usize)? {
            Some(i) => Ok(Value::Int(i as i64)),
            None => {
                let r = vm.repr_string(&a.pos[1])?;
                Err(vm.value_error(format!("{r} is not in list")))
            }
        }
    });
    method(vm, &l, "count", |vm, a| {
        check_method_args(vm, &a, "count", 1, 1)?;
        let items = items_of(vm, &a.pos[0])?.borrow().clone();
        let mut n = 0;
        for it in items {
            if it.is(&a.pos[1]) || vm.eq(&it, &a.pos[1])? {
                n += 1;
            }
        }
        Ok(Value::Int(n))
    });
    method(vm, &l, "reverse", |vm, a| {
        check_method_args(vm, &a, "reverse", 0, 0)?;
        items_of(vm, &a.pos[0])?.borrow_mut().reverse();
        Ok(Value::None)
    });
    method(vm, &l, "clear", |vm, a| {
        check_method_args(vm, &a, "clear", 0, 0)?;
        let old = std::mem::take(&mut *items_of(vm, &a.pos[0])?.borrow_mut());
        drop(old);
        Ok(Value::None)
    });
    method(vm, &l, "copy", |vm, a| {
        check_method_args(vm, &a, "copy", 0, 0)?;
        let items = items_of(vm, &a.pos[0])?.borrow().clone();
        Ok(vm.new_list(items))
    });
    method(vm, &l, "sort", list_sort);
    crate::tupleobj::register_sequence_dunders(vm, &l);
    method(vm, &l, "__setitem__", |vm, a| {
        check_method_args(vm, &a, "__setitem__", 2, 2)?;
        let o = a.pos[0].as_obj().unwrap().clone();
        vm.native_setitem(&o, a.pos[1].clone(), Some(a.pos[2].clone()))
            .unwrap_or(Ok(()))?;
        Ok(Value::None)
    });
    method(vm, &l, "__delitem__", |vm, a| {
        check_method_args(vm, &a, "__delitem__", 1, 1)?;
        let o = a.pos[0].as_obj().unwrap().clone();
        vm.native_setitem(&o, a.pos[1].clone(), None)
            .unwrap_or(Ok(()))?;
        Ok(Value::None)
    });
    method(vm, &l, "__iadd__", |vm, a| {
        let items = vm.iterate(&a.pos[1])?;
        items_of(vm, &a.pos[0])?.borrow_mut().extend(items);
        Ok(a.pos[0].clone())
    });
    method(vm, &l, "__reversed__", |vm, a| {
        let n = items_of(vm, &a.pos[0])?.borrow().len() as isize;
        Ok(Value::Obj(Obj::new(
            vm.types.reversed.clone(),
            ObjKind::Iter(RefCell::new(crate::object::IterState::Reversed {
                seq: a.pos[0].clone(),
                index: n - 1,
            })),
        )))
    });
    let h = vm.intern("__hash__");
    let d = l.object().dict().unwrap().clone();
    crate::dictops::set_str(vm, &d, h, Value::None);
}

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

/// Sorts values with Python's `<`, stably; `reverse` keeps stability.
pub fn sort_values(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    keys: Option<Vec<Value>>,
    reverse: bool,
) -> PyResult<()> {
    let mut err: Option<Obj> = None;
    let mut idx: Vec<usize> = (0..items.len()).collect();
    let keys = keys.unwrap_or_else(|| items.clone());
    if reverse {
        idx.reverse();
    }
    idx.sort_by(|&a, &b| {
        if err.is_some() {
            return std::cmp::Ordering::Equal;
        }
        let (x, y) = (&keys[a], &keys[b]);
        let lt = |vm: &mut Vm, x: &Value, y: &Value| -> PyResult<bool> {
            if let (Value::Int(p), Value::Int(q)) = (x, y) {
                return Ok(p < q);
            }
            let r = vm.compare(krait_compiler::code::CompareOp::Lt, x, y)?;
            vm.truthy(&r)
        };
        let (p, q) = if reverse { (x, y) } else { (y, x) };
        let _ = (p, q);
        match lt(vm, y, x) {
            Ok(true) => {
                if reverse {
                    std::cmp::Ordering::Less
                } else {
                    std::cmp::Ordering::Greater
                }
            }
            Ok(false) => match lt(vm, x, y) {
                Ok(true) => {
                    if reverse {
                        std::cmp::Ordering::Greater
                    } else {
                        std::cmp::Ordering::Less
                    }
                }
                Ok(false) => std::cmp::Ordering::Equal,
                Err(e) => {
                    err = Some(e);
                    std::cmp::Ordering::Equal
                }
            },
            Err(e) => {
                err = Some(e);
                std::cmp::Ordering::Equal
            }
        }
    });
    if reverse {
        idx.reverse();
        // Restore stability for equal elements: CPython reverses, sorts
        // stably, and reverses back.
    }
    if let Some(e) = err {
        return Err(e);
    }
    let sorted: Vec<Value> = if reverse {
        let mut v: Vec<Value> = idx.iter().rev().map(|&i| items[i].clone()).collect();
        v.reverse();
        v.reverse();
        v
    } else {
        idx.iter().map(|&i| items[i].clone()).collect()
    };
    *items = sorted;
    Ok(())
}

fn list_sort(vm: &mut Vm, a: Args) -> PyResult {
    let this = a.pos[0].clone();
    if a.pos.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let b = bind(
        vm,
        Args {
            pos: Default::default(),
            kw: a.kw,
        },
        "sort",
        &["key", "reverse"],
        0,
        0,
    )?;
    let key = b[0].clone().filter(|k| !k.is_none());
    let reverse = match &b[1] {
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
                let mut items = cell.borrow_mut();
                if s.step == 1 {
                    let start = s.start as usize;
                    let stop = (s.start as usize + s.len).max(start);
                    items.splice(start..stop, new);
                } else {
                    if new.len() != s.len {
                        drop(items);
                        return Err(vm.value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            new.len(),
                            s.len
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
    let n = items.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        drop(items);
        return Err(vm.index_error("list assignment index out of range"));
    }
    match value {
        Some(v) => {
            let old = std::mem::replace(&mut items[j as usize], v);
            drop(items);
            drop(old);
        }
        None => {
            let old = items.remove(j as usize);
            drop(items);
            drop(old);
        }
    }
    Ok(())
}
