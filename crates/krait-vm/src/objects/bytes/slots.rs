//! The protocol slots of `bytes` and `bytearray`: repr, length,
//! subscription (and item assignment for `bytearray`), membership and
//! iteration.

use crate::object::IterState;
use crate::object::ObjKind;
use crate::objects::iterators::new_iterator;
use crate::objects::typeobject::slots::{NativeType, Slots};
use crate::protocol::sequence::{sequence_binop, Ix};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_compiler::code::{BinOp, CompareOp};

pub struct BytesType;

impl NativeType for BytesType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(|vm, o| Ok(vm.new_string(repr(bytes(o))))),
        hash: Some(|_, o| Ok(crate::protocol::hash::secret().hash_bytes(bytes(o)))),
        richcompare: Some(|_, op, o, b| Ok(bytes_like_compare(op, bytes(o), b).map(Value::Bool))),
        len: Some(|_, o| Ok(bytes(o).len())),
        getitem: Some(bytes_getitem),
        contains: Some(super::contains),
        iter: Some(iter),
        binop: Some(binop),
        repeat: Some(|vm, a, n, _| Ok(vm.new_bytes(bytes(a.as_obj().unwrap()).repeat(n)))),
        ..Slots::NONE
    };
}

pub struct ByteArrayType;

impl NativeType for ByteArrayType {
    const SLOTS: &'static Slots = &Slots {
        hash: Some(crate::objects::typeobject::slots::unhashable),
        richcompare: Some(|_, op, o, b| {
            Ok(bytes_like_compare(op, &bytearray(o).borrow(), b).map(Value::Bool))
        }),
        repr: Some(|vm, o| {
            // A subclass's instance is shown with its own type name.
            let name = o.class().type_name();
            let r = format!("{name}({})", repr(&bytearray(o).borrow()));
            Ok(vm.new_string(r))
        }),
        len: Some(|_, o| Ok(bytearray(o).borrow().len())),
        getitem: Some(bytearray_getitem),
        setitem: Some(super::bytearray_set_item),
        contains: Some(super::contains),
        iter: Some(iter),
        binop: Some(binop),
        repeat: Some(|vm, a, n, inplace| {
            let b = bytearray(a.as_obj().unwrap());
            if inplace {
                let orig = b.borrow().clone();
                *b.borrow_mut() = orig.repeat(n);
                return Ok(a.clone());
            }
            let v = b.borrow().repeat(n);
            Ok(super::new_bytearray(vm, v))
        }),
        ..Slots::NONE
    };
}

/// `+`, `*` and `%` on bytes and bytearrays.
fn binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if !matches!(a.kind(), Some(ObjKind::Bytes(_) | ObjKind::ByteArray(_))) {
        return Ok(None);
    }
    match op.base() {
        BinOp::Add => super::concat(vm, a, b, op.is_inplace()),
        BinOp::Remainder => crate::objects::str::percent::bytes_percent(vm, a, b).map(Some),
        _ => {
            let repeat = a
                .as_obj()
                .and_then(|o| o.class().tdata().slots.get().repeat);
            let repeat = repeat.expect("bytes types repeat");
            sequence_binop(vm, op, a, b, |_, _, _, _| Ok(None), repeat)
        }
    }
}

fn bytes(o: &Obj) -> &[u8] {
    match o.kind() {
        ObjKind::Bytes(b) => b,
        _ => unreachable!("bytes slots are installed on bytes"),
    }
}

fn bytearray(o: &Obj) -> &std::cell::RefCell<Vec<u8>> {
    match o.kind() {
        ObjKind::ByteArray(b) => b,
        _ => unreachable!("bytearray slots are installed on bytearray"),
    }
}

/// `repr` of bytes: `b'...'` with escapes.
pub fn repr(b: &[u8]) -> String {
    let mut out = String::with_capacity(b.len() + 3);
    krait_values::text::write_bytes_repr(&mut out, b);
    out
}

fn bytes_getitem(vm: &mut Vm, o: &Obj, key: &Value) -> PyResult {
    let b = bytes(o);
    vm.seq_subscript(key, b.len(), "byte", |vm, ix| match ix {
        Ix::One(i) => Ok(Value::Int(b[i] as i64)),
        Ix::Slice(s) => Ok(vm.new_bytes(s.positions().map(|p| b[p]).collect())),
    })
}

fn bytearray_getitem(vm: &mut Vm, o: &Obj, key: &Value) -> PyResult {
    let b = bytearray(o);
    let len = b.borrow().len();
    vm.seq_subscript(key, len, "bytearray", |vm, ix| match ix {
        Ix::One(i) => Ok(Value::Int(b.borrow()[i] as i64)),
        Ix::Slice(s) => {
            let v: Vec<u8> = s.positions().map(|p| b.borrow()[p]).collect();
            Ok(super::new_bytearray(vm, v))
        }
    })
}

fn iter(vm: &mut Vm, o: &Obj) -> PyResult {
    let state = IterState::Seq {
        seq: Value::Obj(o.clone()),
        index: 0,
    };
    Ok(new_iterator(&vm.types.iterator, state))
}

/// `bytes`/`bytearray` against another `bytes` or `bytearray`, byte by
/// byte; `None` for anything else.
fn bytes_like_compare(op: CompareOp, x: &[u8], b: &Value) -> Option<bool> {
    match b.kind()? {
        ObjKind::Bytes(y) => Some(op.holds(x, &y[..])),
        ObjKind::ByteArray(y) => Some(op.holds(x, &y.borrow()[..])),
        _ => None,
    }
}
