//! Set operations that hash keys and compare them, running Python code
//! when a key's `__eq__` needs it.

use crate::dictops::quick_eq;
use crate::object::ObjKind;
use crate::set::{Probe, SetTable};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

/// The table of a set or frozenset, read-only.
pub fn with_table<R>(o: &Obj, f: impl FnOnce(&SetTable) -> R) -> Option<R> {
    match o.kind() {
        ObjKind::Set(t) => Some(f(&t.borrow())),
        ObjKind::FrozenSet(t) => Some(f(t)),
        _ => None,
    }
}

fn set_cell(o: &Obj) -> &RefCell<SetTable> {
    match o.kind() {
        ObjKind::Set(t) => t,
        _ => panic!("not a mutable set"),
    }
}

/// Probes until the answer needs no more Python comparisons.
fn probe(vm: &mut Vm, read: &dyn Fn() -> (Probe, u64), key: &Value, unequal: &mut Vec<usize>, get: &dyn Fn(usize) -> Value) -> PyResult<Probe> {
    let _ = key;
    loop {
        let (p, version) = read();
        match p {
            Probe::NeedsEq(pos) => {
                let k = get(pos);
                let eq = vm.eq(&k, key)?;
                let (_, v2) = read();
                if v2 != version {
                    unequal.clear();
                    continue;
                }
                if eq {
                    return Ok(Probe::Found(pos));
                }
                unequal.push(pos);
            }
            other => return Ok(other),
        }
    }
}

pub fn contains(vm: &mut Vm, set: &Obj, key: &Value) -> PyResult<bool> {
    let hash = vm.hash(key)?;
    let mut unequal = Vec::new();
    let found = match set.kind() {
        ObjKind::FrozenSet(t) => {
            let read = || (t.probe(hash, key, quick_eq, &[]), t.version());
            let _ = read;
            loop {
                match t.probe(hash, key, quick_eq, &unequal) {
                    Probe::Found(_) => break true,
                    Probe::Absent(_) => break false,
                    Probe::NeedsEq(pos) => {
                        let k = t.iter_at(pos);
                        if vm.eq(&k, key)? {
                            break true;
                        }
                        unequal.push(pos);
                    }
                }
            }
        }
        ObjKind::Set(cell) => {
            let p = probe(
                vm,
                &|| {
                    let t = cell.borrow();
                    (t.probe(hash, key, quick_eq, &[]), t.version())
                },
                key,
                &mut unequal,
                &|pos| cell.borrow().iter_at(pos),
            )?;
            matches!(p, Probe::Found(_))
        }
        _ => false,
    };
    Ok(found)
}

/// Adds `key` to a mutable set (or a frozenset being built).
pub fn add_to_table(vm: &mut Vm, table: &mut SetTable, key: Value) -> PyResult<()> {
    let hash = vm.hash(&key)?;
    let mut unequal = Vec::new();
    loop {
        match table.probe(hash, &key, quick_eq, &unequal) {
            Probe::Found(_) => return Ok(()),
            Probe::Absent(pos) => {
                table.insert_at(pos, hash, key);
                return Ok(());
            }
            Probe::NeedsEq(pos) => {
                let k = table.iter_at(pos);
                if vm.eq(&k, &key)? {
                    return Ok(());
                }
                unequal.push(pos);
            }
        }
    }
}

pub fn add(vm: &mut Vm, set: &Obj, key: Value) -> PyResult<()> {
    let cell = set_cell(set);
    let hash = vm.hash(&key)?;
    let mut unequal = Vec::new();
    loop {
        let (p, version) = {
            let t = cell.borrow();
            (t.probe(hash, &key, quick_eq, &unequal), t.version())
        };
        match p {
            Probe::Found(_) => return Ok(()),
            Probe::Absent(pos) => {
                cell.borrow_mut().insert_at(pos, hash, key);
                return Ok(());
            }
            Probe::NeedsEq(pos) => {
                let k = cell.borrow().iter_at(pos);
                let eq = vm.eq(&k, &key)?;
                if cell.borrow().version() != version {
                    unequal.clear();
                    continue;
                }
                if eq {
                    return Ok(());
                }
                unequal.push(pos);
            }
        }
    }
}

/// Removes `key` if present; returns whether it was.
pub fn discard(vm: &mut Vm, set: &Obj, key: &Value) -> PyResult<bool> {
    let cell = set_cell(set);
    let hash = vm.hash(key)?;
    let mut unequal = Vec::new();
    let p = probe(
        vm,
        &|| {
            let t = cell.borrow();
            (t.probe(hash, key, quick_eq, &[]), t.version())
        },
        key,
        &mut unequal,
        &|pos| cell.borrow().iter_at(pos),
    )?;
    match p {
        Probe::Found(pos) => {
            let old = cell.borrow_mut().remove_at(pos);
            drop(old);
            Ok(true)
        }
        _ => Ok(false),
    }
}

pub fn new_set_obj(vm: &Vm, table: SetTable, frozen: bool) -> Obj {
    if frozen {
        Obj::new(vm.types.frozenset.clone(), ObjKind::FrozenSet(table))
    } else {
        Obj::new(vm.types.set.clone(), ObjKind::Set(RefCell::new(table)))
    }
}

/// Builds a table from values, in order.
pub fn table_from(vm: &mut Vm, items: Vec<Value>) -> PyResult<SetTable> {
    let mut t = SetTable::new();
    for v in items {
        add_to_table(vm, &mut t, v)?;
    }
    Ok(t)
}

pub fn new_frozenset_from(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    let t = table_from(vm, items)?;
    Ok(Value::Obj(new_set_obj(vm, t, true)))
}
