//! `str`'s protocol slots: repr, length, subscription, membership and
//! iteration.

use crate::object::IterState;
use crate::objects::iterators::new_iterator;
use crate::objects::str::{as_pystr, value_pystr, PyStr};
use crate::objects::typeobject::slots::{NativeType, Slots};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

pub struct StrType;

impl NativeType for StrType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(|vm, o| Ok(vm.new_string(repr(payload(o))))),
        len: Some(|_, o| Ok(payload(o).len())),
        getitem: Some(getitem),
        contains: Some(contains),
        iter: Some(iter),
        ..Slots::NONE
    };
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
