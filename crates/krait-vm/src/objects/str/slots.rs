//! `str`'s protocol slots: repr, length, subscription, membership and
//! iteration.

use crate::object::{IterState, ObjKind};
use crate::objects::iterators::new_iterator;
use crate::objects::str::{as_pystr, value_pystr, PyStr};
use crate::objects::typeobject::slots::{NativeType, Slots};
use crate::protocol::sequence::{concat_error, sequence_binop};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_compiler::code::BinOp;

pub struct StrType;

impl NativeType for StrType {
    const SLOTS: &'static Slots = &Slots {
        hash: Some(|_, o| Ok(crate::objects::str::str_hash(payload(o)))),
        richcompare: Some(|_, op, o, b| {
            Ok(value_pystr(b).map(|t| Value::Bool(op.holds(payload(o), t))))
        }),
        repr: Some(|vm, o| Ok(vm.new_string(repr(payload(o))))),
        len: Some(|_, o| Ok(payload(o).len())),
        getitem: Some(getitem),
        contains: Some(contains),
        iter: Some(iter),
        binop: Some(|vm, op, a, b| match (op.base(), a.kind()) {
            (BinOp::Remainder, Some(ObjKind::Str(_))) => {
                crate::objects::str::percent::str_percent(vm, a, b).map(Some)
            }
            (_, Some(ObjKind::Str(_))) => sequence_binop(vm, op, a, b, concat, repeat),
            _ => Ok(None),
        }),
        repeat: Some(repeat),
        ..Slots::NONE
    };
}

fn concat(vm: &mut Vm, _: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let x = value_pystr(a).expect("str slots are installed on str");
    let b_heap = vm.class_of(b).tdata().heap;
    match value_pystr(b) {
        Some(y) if y.is_empty() => Ok(Some(a.clone())),
        Some(_) if x.is_empty() && !b_heap => Ok(Some(b.clone())),
        Some(y) => Ok(Some(vm.new_pystr(x.concat(y)))),
        None if b_heap => Ok(None),
        None => Err(concat_error(vm, "str", b)),
    }
}

fn repeat(vm: &mut Vm, a: &Value, n: usize, _: bool) -> PyResult {
    if n == 1 {
        return Ok(a.clone());
    }
    let s = value_pystr(a).expect("str slots are installed on str");
    Ok(vm.new_pystr(PyStr::from_wtf8(s.as_bytes().repeat(n))))
}

/// The text of an object the slots were called on (a `str` or subclass).
fn payload(o: &Obj) -> &PyStr {
    as_pystr(o).expect("str slots are installed on str")
}

/// `repr` of a str: quoted, with escapes.
pub fn repr(s: &PyStr) -> String {
    let mut out = String::with_capacity(s.as_bytes().len() + 2);
    krait_values::text::write_str_repr(&mut out, s.code_points());
    out
}

fn getitem(vm: &mut Vm, o: &Obj, key: &Value) -> PyResult {
    let s = payload(o);
    if let Some(slice) = key.as_obj().filter(|k| k.class().is(&vm.types.slice)) {
        let ix = vm.slice_indices(slice, s.len())?;
        return Ok(crate::objects::str::methods::slice(vm, s, ix));
    }
    match vm.index_i64(key)? {
        Some(i) => {
            let n = s.len() as i64;
            let j = if i < 0 { i + n } else { i };
            if j < 0 || j >= n {
                return Err(vm.index_error("string index out of range"));
            }
            Ok(vm.char_str(s.code_point_at(j as usize)))
        }
        None => Err(vm.type_error(format!(
            "string indices must be integers, not '{}'",
            vm.type_name(key)
        ))),
    }
}

fn contains(vm: &mut Vm, o: &Obj, item: &Value) -> PyResult<bool> {
    let s = payload(o);
    match value_pystr(item) {
        Some(t) => Ok(crate::objects::str::methods::find(s, t, 0, s.len()).is_some()),
        None => Err(vm.type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            vm.type_name(item)
        ))),
    }
}

fn iter(vm: &mut Vm, o: &Obj) -> PyResult {
    let state = IterState::Seq {
        seq: Value::Obj(o.clone()),
        index: 0,
    };
    Ok(new_iterator(&vm.types.str_iterator, state))
}

/// The code point at byte offset `index` of `s`, moving `index` past it
/// (a str iterator counts bytes, so each step is O(1)).
pub fn next_code_point(s: &PyStr, index: &mut usize) -> Option<u32> {
    let bytes = s.as_bytes();
    let b = *bytes.get(*index)?;
    if b < 0x80 {
        *index += 1;
        return Some(b as u32);
    }
    let cp = crate::objects::str::WtfChars::of(&bytes[*index..])
        .next()
        .unwrap_or(0xFFFD);
    *index += match cp {
        0..=0x7FF => 2,
        0x800..=0xFFFF => 3,
        _ => 4,
    };
    Some(cp)
}
