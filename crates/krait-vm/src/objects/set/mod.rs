//! Set operations that hash keys and compare them, running Python code
//! when a key's `__eq__` needs it.

pub(crate) mod methods;
pub(crate) mod slots;
pub(crate) mod table;

use crate::object::ObjKind;
use crate::objects::dict::quick_eq;
use crate::objects::set::table::{Probe, SetTable};
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

/// Where `key` is (or would go) in a set's table. Python comparisons run
/// with no borrow held; if they change the table, the probe starts over.
fn locate(vm: &mut Vm, set: &Obj, key: &Value, hash: i64) -> PyResult<Probe> {
    let mut unequal = Vec::new();
    loop {
        let (p, version) = with_table(set, |t| {
            (t.probe(hash, key, quick_eq, &unequal), t.version())
        })
        .expect("a set or frozenset");
        let Probe::NeedsEq(pos) = p else { return Ok(p) };
        let k = with_table(set, |t| t.iter_at(pos)).expect("a set");
        let eq = vm.eq(&k, key)?;
        if with_table(set, |t| t.version()) != Some(version) {
            unequal.clear();
            continue;
        }
        if eq {
            return Ok(Probe::Found(pos));
        }
        unequal.push(pos);
    }
}

pub fn contains(vm: &mut Vm, set: &Obj, key: &Value) -> PyResult<bool> {
    // A set is looked for as the frozenset with its members, as CPython
    // does (`{1} in {frozenset({1})}`).
    if let Some(ObjKind::Set(_)) = key.kind() {
        let items = vm.iterate(key)?;
        let frozen = new_frozenset_from(vm, items)?;
        let hash = vm.hash(&frozen)?;
        return Ok(matches!(locate(vm, set, &frozen, hash)?, Probe::Found(_)));
    }
    let hash = vm.hash(key)?;
    Ok(matches!(locate(vm, set, key, hash)?, Probe::Found(_)))
}

/// Adds `key` to a table not yet visible to Python code (a frozenset
/// being built).
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
    let hash = vm.hash(&key)?;
    if let Probe::Absent(pos) = locate(vm, set, &key, hash)? {
        set_cell(set).borrow_mut().insert_at(pos, hash, key);
    }
    Ok(())
}

/// Removes `key` if present; returns whether it was.
pub fn discard(vm: &mut Vm, set: &Obj, key: &Value) -> PyResult<bool> {
    let hash = vm.hash(key)?;
    match locate(vm, set, key, hash)? {
        Probe::Found(pos) => {
            let old = set_cell(set).borrow_mut().remove_at(pos);
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
        Obj::new(
            vm.types.set.clone(),
            ObjKind::Set(Box::new(RefCell::new(table))),
        )
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
