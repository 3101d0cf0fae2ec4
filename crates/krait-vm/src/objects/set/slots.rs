//! The protocol slots of `set` and `frozenset`: repr, length, membership
//! and iteration.

use crate::object::{IterState, ObjKind};
use crate::objects::iterators::new_iterator;
use crate::objects::set::with_table;
use crate::objects::typeobject::slots::{NativeType, Slots};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// `set` and `frozenset` (the same slots).
pub struct SetType;

impl NativeType for SetType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(repr),
        hash: Some(|vm, o| match o.kind() {
            ObjKind::FrozenSet(t) => Ok(crate::protocol::hash::hash_frozenset(
                t.iter().map(|(h, _)| h),
                t.len(),
            )),
            _ => crate::objects::typeobject::slots::unhashable(vm, o),
        }),
        len: Some(|_, o| Ok(with_table(o, |t| t.len()).unwrap_or(0))),
        contains: Some(super::contains),
        iter: Some(iter),
        binop: Some(|vm, op, a, b| match (a.kind(), b.kind()) {
            (
                Some(ObjKind::Set(_) | ObjKind::FrozenSet(_)),
                Some(ObjKind::Set(_) | ObjKind::FrozenSet(_)),
            ) => crate::objects::set::methods::set_binop(vm, op, a, b),
            _ => Ok(None),
        }),
        ..Slots::NONE
    };
}

/// `{1, 2}`, `set()`, `frozenset({1})`, `S({1})` for subclasses.
fn repr(vm: &mut Vm, o: &Obj) -> PyResult {
    let items: Vec<Value> =
        with_table(o, |t| t.iter().map(|(_, v)| v.clone()).collect()).unwrap_or_default();
    let frozen = matches!(o.kind(), ObjKind::FrozenSet(_));
    let name = o.class().tdata().name.borrow().clone();
    if items.is_empty() {
        Ok(vm.new_string(format!("{name}()")))
    } else if frozen || !o.class().is(&vm.types.set) {
        let open = format!("{name}({{");
        vm.seq_repr(o, &open, "})", items)
    } else {
        vm.seq_repr(o, "{", "}", items)
    }
}

fn iter(vm: &mut Vm, o: &Obj) -> PyResult {
    let len = with_table(o, |t| t.len()).unwrap_or(0);
    let state = IterState::Set {
        set: o.clone(),
        pos: 0,
        len,
    };
    Ok(new_iterator(&vm.types.set_iterator, state))
}
