//! Dict operations that hash keys and compare them, running Python code
//! when a key's `__eq__` needs it.

pub(crate) mod methods;
pub(crate) mod slots;
pub(crate) mod table;

use crate::object::ObjKind;
use crate::objects::dict::table::Dict;
use crate::objects::str::{as_pystr, str_hash};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

#[inline]
pub fn dict_cell(d: &Obj) -> &RefCell<Dict> {
    match d.kind() {
        ObjKind::Dict(c) => c,
        _ => panic!("not a dict"),
    }
}

/// Equality known without running Python code, or `None`.
#[inline]
pub fn quick_eq(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x == y),
        (Value::Obj(x), Value::Obj(y)) => {
            if x.is(y) {
                return Some(true);
            }
            match (x.kind(), y.kind()) {
                (ObjKind::Str(s), ObjKind::Str(t))
                    if !x.class().tdata().heap && !y.class().tdata().heap =>
                {
                    Some(s == t)
                }
                (ObjKind::Str(_), ObjKind::Int(_)) | (ObjKind::Int(_), ObjKind::Str(_)) => {
                    Some(false)
                }
                (ObjKind::Int(p), ObjKind::Int(q))
                    if !x.class().tdata().heap && !y.class().tdata().heap =>
                {
                    Some(p == q)
                }
                _ => None,
            }
        }
        // The same bits are the same float, as `is` sees floats: a NaN key
        // finds itself, as the one NaN object does in CPython.
        (Value::FloatBits(x), Value::FloatBits(y)) => {
            Some(x == y || f64::from_bits(*x) == f64::from_bits(*y))
        }
        (Value::Int(x), Value::FloatBits(y)) | (Value::FloatBits(y), Value::Int(x)) => Some(
            crate::protocol::operators::int_float_eq(*x, f64::from_bits(*y)),
        ),
        (Value::Truth(x), Value::Truth(y)) => Some(x == y),
        (Value::Truth(x), Value::Int(y)) | (Value::Int(y), Value::Truth(x)) => {
            Some(*x as i64 == *y)
        }
        (Value::None, Value::None) => Some(true),
        (Value::None, Value::Int(_) | Value::FloatBits(_) | Value::Truth(_))
        | (Value::Int(_) | Value::FloatBits(_) | Value::Truth(_), Value::None) => Some(false),
        (Value::Obj(o), Value::Int(_) | Value::Truth(_) | Value::None | Value::FloatBits(_))
        | (Value::Int(_) | Value::Truth(_) | Value::None | Value::FloatBits(_), Value::Obj(o)) => {
            match o.kind() {
                ObjKind::Str(_) | ObjKind::Tuple(_) | ObjKind::Bytes(_)
                    if !o.class().tdata().heap =>
                {
                    Some(false)
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// Looks up `key`; returns the entry position.
pub fn find(vm: &mut Vm, d: &Obj, key: &Value, hash: i64) -> PyResult<Option<usize>> {
    let cell = dict_cell(d);
    let mut needs_python = false;
    let found = cell.borrow().find(hash, |k| match quick_eq(k, key) {
        Some(r) => r,
        None => {
            needs_python = true;
            false
        }
    });
    if found.is_some() || !needs_python {
        return Ok(found);
    }
    // Some candidate needs `__eq__`: compare each with no borrow held.
    loop {
        let cands = cell.borrow().candidates(hash);
        let version = cell.borrow().version();
        let mut restart = false;
        for pos in cands {
            let k = cell.borrow().entry(pos).key.clone();
            if k.is_null() {
                continue;
            }
            let eq = match quick_eq(&k, key) {
                Some(r) => r,
                None => vm.eq(&k, key)?,
            };
            if cell.borrow().version() != version {
                restart = true;
                break;
            }
            if eq {
                return Ok(Some(pos));
            }
        }
        if !restart {
            return Ok(None);
        }
    }
}

pub fn get(vm: &mut Vm, d: &Obj, key: &Value) -> PyResult<Option<Value>> {
    let hash = vm.hash(key)?;
    Ok(find(vm, d, key, hash)?.map(|p| dict_cell(d).borrow().entry(p).value.clone()))
}

pub fn set(vm: &mut Vm, d: &Obj, key: Value, value: Value) -> PyResult<()> {
    let hash = vm.hash(&key)?;
    set_hashed(vm, d, key, hash, value)
}

pub fn set_hashed(vm: &mut Vm, d: &Obj, key: Value, hash: i64, value: Value) -> PyResult<()> {
    let pos = find(vm, d, &key, hash)?;
    let mut dict = dict_cell(d).borrow_mut();
    match pos {
        Some(p) => {
            let old = std::mem::replace(dict.value_at_mut(p), value);
            drop(dict);
            drop(old);
        }
        None => dict.insert_new(hash, key, value),
    }
    Ok(())
}

/// Removes `key`; returns its value, or `None` if absent.
pub fn remove(vm: &mut Vm, d: &Obj, key: &Value) -> PyResult<Option<Value>> {
    let hash = vm.hash(key)?;
    let Some(pos) = find(vm, d, key, hash)? else {
        return Ok(None);
    };
    let (k, v) = dict_cell(d).borrow_mut().remove_at(pos);
    drop(k);
    Ok(Some(v))
}

/// A lookup by identifier, for namespaces (no Python code can run: the
/// key is a str).
#[inline]
pub fn get_str_obj(d: &Obj, key: &Obj) -> Option<Value> {
    let s = as_pystr(key)?;
    let hash = str_hash(s);
    let dict = dict_cell(d).borrow();
    dict.find(hash, |k| match k {
        Value::Obj(o) => o.is(key) || as_pystr(o).is_some_and(|t| t == s),
        _ => false,
    })
    .map(|p| dict.entry(p).value.clone())
}

pub fn get_str(d: &Obj, key: &str) -> Option<Value> {
    let s = crate::objects::str::PyStr::new(key);
    let hash = str_hash(&s);
    let dict = dict_cell(d).borrow();
    dict.find(hash, |k| match k {
        Value::Obj(o) => as_pystr(o).is_some_and(|t| *t == s),
        _ => false,
    })
    .map(|p| dict.entry(p).value.clone())
}

/// Stores under an identifier key.
pub fn set_str(_vm: &Vm, d: &Obj, key: Obj, value: Value) {
    set_str_at(d, key, value);
}

/// Stores under an identifier key; returns the entry's position and the
/// dict's new length.
pub fn set_str_at(d: &Obj, key: Obj, value: Value) -> (usize, usize) {
    let hash = str_hash(as_pystr(&key).expect("a str key"));
    let mut dict = dict_cell(d).borrow_mut();
    let pos = dict.find(hash, |k| match k {
        Value::Obj(o) => o.is(&key) || as_pystr(o) == as_pystr(&key),
        _ => false,
    });
    match pos {
        Some(p) => {
            let old = std::mem::replace(dict.value_at_mut(p), value);
            let len = dict.len();
            drop(dict);
            drop(old);
            (p, len)
        }
        None => {
            let p = dict.entries_len();
            dict.insert_new(hash, Value::Obj(key), value);
            (p, dict.len())
        }
    }
}

pub fn remove_str(d: &Obj, key: &Obj) -> Option<Value> {
    let s = as_pystr(key)?;
    let hash = str_hash(s);
    let pos = dict_cell(d).borrow().find(hash, |k| match k {
        Value::Obj(o) => o.is(key) || as_pystr(o).is_some_and(|t| t == s),
        _ => false,
    })?;
    let (_, v) = dict_cell(d).borrow_mut().remove_at(pos);
    Some(v)
}

/// The entry position of an identifier key.
#[inline]
pub fn find_str_pos(d: &Obj, key: &Obj) -> Option<usize> {
    let s = as_pystr(key)?;
    let hash = str_hash(s);
    dict_cell(d).borrow().find(hash, |k| match k {
        Value::Obj(o) => o.is(key) || as_pystr(o).is_some_and(|t| t == s),
        _ => false,
    })
}
