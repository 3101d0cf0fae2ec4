//! `_operator`: the functions of `operator` natively (CPython's are C),
//! with `itemgetter` and `attrgetter` (`getters.rs`), which sort keys
//! call once per item. `operator.py` takes everything from here with
//! `from _operator import *`; `methodcaller` stays its pure-Python one.

mod getters;

use krait_vm::api::{
    bytes_data, value_pystr, Args, BinOp, CompareOp, FunctionDef as F, ModuleDef, PyResult, Value,
    Vm,
};

pub const MODULE: ModuleDef = ModuleDef {
    name: "_operator",
    doc: Some("Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience."),
    functions: FUNCTIONS,
    init: Some(getters::init),
};

macro_rules! binary {
    ($name:literal, $op:expr) => {
        F::new($name, |vm, a| vm.binary_op($op, &a.pos[0], &a.pos[1])).args(2, 2)
    };
}

macro_rules! compare {
    ($name:literal, $op:expr) => {
        F::new($name, |vm, a| vm.compare($op, &a.pos[0], &a.pos[1])).args(2, 2)
    };
}

const FUNCTIONS: &[F] = &[
    binary!("add", BinOp::Add),
    binary!("sub", BinOp::Subtract),
    binary!("mul", BinOp::Multiply),
    binary!("matmul", BinOp::MatrixMultiply),
    binary!("truediv", BinOp::TrueDivide),
    binary!("floordiv", BinOp::FloorDivide),
    binary!("mod", BinOp::Remainder),
    binary!("pow", BinOp::Power),
    binary!("lshift", BinOp::Lshift),
    binary!("rshift", BinOp::Rshift),
    binary!("and_", BinOp::And),
    binary!("or_", BinOp::Or),
    binary!("xor", BinOp::Xor),
    binary!("iadd", BinOp::InplaceAdd),
    binary!("isub", BinOp::InplaceSubtract),
    binary!("imul", BinOp::InplaceMultiply),
    binary!("imatmul", BinOp::InplaceMatrixMultiply),
    binary!("itruediv", BinOp::InplaceTrueDivide),
    binary!("ifloordiv", BinOp::InplaceFloorDivide),
    binary!("imod", BinOp::InplaceRemainder),
    binary!("ipow", BinOp::InplacePower),
    binary!("ilshift", BinOp::InplaceLshift),
    binary!("irshift", BinOp::InplaceRshift),
    binary!("iand", BinOp::InplaceAnd),
    binary!("ior", BinOp::InplaceOr),
    binary!("ixor", BinOp::InplaceXor),
    compare!("lt", CompareOp::Lt),
    compare!("le", CompareOp::Le),
    compare!("eq", CompareOp::Eq),
    compare!("ne", CompareOp::Ne),
    compare!("gt", CompareOp::Gt),
    compare!("ge", CompareOp::Ge),
    F::new("neg", |vm, a| vm.unary_negative(&a.pos[0])).one(),
    F::new("pos", |vm, a| vm.unary_positive(&a.pos[0])).one(),
    F::new("invert", |vm, a| vm.unary_invert(&a.pos[0])).one(),
    F::new("inv", |vm, a| vm.unary_invert(&a.pos[0])).one(),
    F::new("abs", |vm, a| vm.abs(&a.pos[0])).one(),
    F::new("not_", |vm, a| Ok(Value::from(!vm.truthy(&a.pos[0])?))).one(),
    F::new("truth", |vm, a| Ok(Value::from(vm.truthy(&a.pos[0])?))).one(),
    F::new("is_", |_, a| Ok(Value::from(a.pos[0].is(&a.pos[1])))).args(2, 2),
    F::new("is_not", |_, a| Ok(Value::from(!a.pos[0].is(&a.pos[1])))).args(2, 2),
    F::new("index", |vm, a| {
        let n = vm.index_arg(&a.pos[0])?;
        Ok(vm.new_int(n))
    })
    .one(),
    F::new("concat", |vm, a| {
        check_concat(vm, &a.pos[0], &a.pos[1], false)?;
        vm.binary_op(BinOp::Add, &a.pos[0], &a.pos[1])
    })
    .args(2, 2),
    F::new("iconcat", |vm, a| {
        check_concat(vm, &a.pos[0], &a.pos[1], true)?;
        vm.binary_op(BinOp::InplaceAdd, &a.pos[0], &a.pos[1])
    })
    .args(2, 2),
    F::new("contains", |vm, a| {
        Ok(Value::from(vm.contains(&a.pos[0], &a.pos[1])?))
    })
    .args(2, 2),
    F::new("countOf", |vm, a| {
        let mut n = 0;
        for_each_equal(vm, &a.pos[0], &a.pos[1], |_| {
            n += 1;
            true
        })?;
        Ok(Value::Int(n))
    })
    .args(2, 2),
    F::new("indexOf", |vm, a| {
        let mut found = None;
        for_each_equal(vm, &a.pos[0], &a.pos[1], |i| {
            found = Some(i);
            false
        })?;
        match found {
            Some(i) => Ok(Value::Int(i)),
            None => Err(vm.value_error("sequence.index(x): x not in sequence")),
        }
    })
    .args(2, 2),
    F::new("getitem", |vm, a| vm.getitem(&a.pos[0], &a.pos[1])).args(2, 2),
    F::new("setitem", |vm, a| {
        vm.setitem(&a.pos[0], a.pos[1].clone(), a.pos[2].clone())?;
        Ok(Value::None)
    })
    .args(3, 3),
    F::new("delitem", |vm, a| {
        vm.delitem(&a.pos[0], &a.pos[1])?;
        Ok(Value::None)
    })
    .args(2, 2),
    F::new("length_hint", length_hint).args(1, 2),
    F::new("call", |vm, a| {
        let Some((callable, rest)) = a.pos.split_first() else {
            return Err(vm.type_error("call() missing 1 required positional argument: 'obj'"));
        };
        let args = Args {
            pos: rest.iter().cloned().collect(),
            kw: a.kw.clone(),
        };
        vm.call_args(callable, args)
    }),
    F::new("_compare_digest", compare_digest).args(2, 2),
];

/// `concat(a, b)` (or `iconcat`, `in_place`) is `a + b` for a built-in sequence `a` (one with a
/// concatenation of its own), or for two sequences (items by index, not
/// dicts); anything else "can't be concatenated", as in CPython.
fn check_concat(vm: &mut Vm, a: &Value, b: &Value, in_place: bool) -> PyResult<()> {
    // A built-in sequence (list, str, deque, array, or a subclass of one)
    // concatenates by itself.
    let builtin = is_sequence(vm, a)
        && vm
            .class_of(a)
            .tdata()
            .mro
            .borrow()
            .iter()
            .any(|c| !c.tdata().heap && !c.is(&vm.types.object));
    // Two sequences add as `+` does, when either side can.
    let addable = |vm: &mut Vm| {
        (in_place && vm.special_method(a, "__iadd__").is_some())
            || vm.special_method(a, "__add__").is_some()
            || vm.special_method(b, "__radd__").is_some()
    };
    if builtin || (is_sequence(vm, a) && is_sequence(vm, b) && addable(vm)) {
        return Ok(());
    }
    Err(vm.type_error(format!(
        "'{}' object can't be concatenated",
        vm.type_name(a)
    )))
}

/// CPython's `PySequence_Check`: items by index, and not a dict.
fn is_sequence(vm: &mut Vm, v: &Value) -> bool {
    !vm.is_instance_of(v, &vm.types.dict.clone()) && vm.special_method(v, "__getitem__").is_some()
}

/// Calls `f` with the index of each item of `seq` that is `item` or equal
/// to it, while `f` answers true.
fn for_each_equal(
    vm: &mut Vm,
    seq: &Value,
    item: &Value,
    mut f: impl FnMut(i64) -> bool,
) -> PyResult<()> {
    let it = vm.iter(seq)?;
    let mut i = 0;
    while let Some(x) = vm.next(&it)? {
        let same = x.is(item) || {
            let eq = vm.compare(CompareOp::Eq, &x, item)?;
            vm.truthy(&eq)?
        };
        if same && !f(i) {
            break;
        }
        i += 1;
    }
    Ok(())
}

/// `length_hint(obj, default=0)`: `len(obj)`, else its
/// `__length_hint__()`, else `default`.
fn length_hint(vm: &mut Vm, a: Args) -> PyResult {
    let default = match a.pos.get(1) {
        Some(d) => {
            if krait_vm::api::big_int(d).is_none() {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(d)
                )));
            }
            d.clone()
        }
        None => Value::Int(0),
    };
    let obj = &a.pos[0];
    if vm.special_method(obj, "__len__").is_some() {
        return Ok(Value::Int(vm.len(obj)? as i64));
    }
    let Some(hint) = vm.special_method(obj, "__length_hint__") else {
        return Ok(default);
    };
    let r = match vm.call_method_value(&hint, obj.clone(), vec![]) {
        Ok(r) => r,
        // A hint that cannot say (TypeError) leaves the default.
        Err(e) if vm.is_instance_of(&Value::Obj(e.clone()), &vm.exc.type_error.clone()) => {
            return Ok(default)
        }
        Err(e) => return Err(e),
    };
    if r.is(&vm.not_implemented()) {
        return Ok(default);
    }
    let Some(n) = krait_vm::api::big_int(&r) else {
        return Err(vm.type_error(format!(
            "__length_hint__ must be an integer, not {}",
            vm.type_name(&r)
        )));
    };
    if n < krait_vm::api::BigInt::ZERO {
        return Err(vm.value_error("__length_hint__() should return >= 0"));
    }
    Ok(vm.new_int(n))
}

/// `_compare_digest(a, b)`: equality in time that depends on the length
/// only, for `hmac` and `secrets`.
fn compare_digest(vm: &mut Vm, a: Args) -> PyResult {
    let (x, y) = (&a.pos[0], &a.pos[1]);
    let text = |v: &Value| value_pystr(v).map(|s| s.as_bytes().to_vec());
    let (bx, by) = match (text(x), text(y)) {
        (Some(p), Some(q)) => {
            let ascii = |v: &Value| value_pystr(v).is_some_and(|s| s.is_ascii());
            if !ascii(x) || !ascii(y) {
                return Err(
                    vm.type_error("comparing strings with non-ASCII characters is not supported")
                );
            }
            (p, q)
        }
        _ => match (bytes_data(x), bytes_data(y)) {
            (Some(p), Some(q)) => (p.into_owned(), q.into_owned()),
            _ => {
                return Err(vm.type_error(format!(
                    "unsupported operand types(s) or combination of types: '{}' and '{}'",
                    vm.type_name(x),
                    vm.type_name(y)
                )))
            }
        },
    };
    // Every byte is looked at, whatever the first difference.
    let mut diff = (bx.len() != by.len()) as u8;
    for (p, q) in bx.iter().zip(by.iter().cycle()) {
        diff |= p ^ q;
    }
    Ok(Value::from(diff == 0))
}
