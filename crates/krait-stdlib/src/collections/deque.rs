//! `collections.deque`: a double-ended queue with an optional maximum
//! length, and its iterators, which fail if the deque changes under them.
//!
//! Items are compared (`count`, `index`, `remove`, `in`, `==`) with no
//! borrow of the deque held: each item is cloned out first, and a change
//! made by a comparison is detected afterwards, as CPython does.

use krait_vm::api::{
    native_data, small_int, Args, BinOp, CompareOp, FunctionDef as F, GetSetDef, NativeType, Obj,
    Params, PyResult, Slots, TypeDef, Value, Vm,
};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

pub struct Deque {
    items: RefCell<VecDeque<Value>>,
    maxlen: Cell<Option<usize>>,
    /// Counts changes, so iterators and searches notice them.
    version: Cell<u64>,
}

impl Deque {
    fn new() -> Deque {
        Deque {
            items: RefCell::new(VecDeque::new()),
            maxlen: Cell::new(None),
            version: Cell::new(0),
        }
    }

    fn changed(&self) {
        self.version.set(self.version.get().wrapping_add(1));
    }

    fn len(&self) -> usize {
        self.items.borrow().len()
    }

    fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }

    fn push_back(&self, v: Value) {
        let mut items = self.items.borrow_mut();
        if self.maxlen.get() == Some(0) {
            return;
        }
        if Some(items.len()) == self.maxlen.get() {
            items.pop_front();
        }
        items.push_back(v);
        drop(items);
        self.changed();
    }

    fn push_front(&self, v: Value) {
        let mut items = self.items.borrow_mut();
        if self.maxlen.get() == Some(0) {
            return;
        }
        if Some(items.len()) == self.maxlen.get() {
            items.pop_back();
        }
        items.push_front(v);
        drop(items);
        self.changed();
    }

    fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().iter().cloned().collect()
    }
}

fn deque(o: &Obj) -> &Deque {
    native_data::<Deque>(o).expect("deque methods are on deques")
}

fn this(a: &Args) -> Obj {
    a.pos[0].as_obj().cloned().expect("a method's receiver")
}

fn is_deque(v: &Value) -> Option<&Deque> {
    v.as_obj().and_then(native_data::<Deque>)
}

/// Every item of `iterable`, read before any is added (so `d.extend(d)`
/// doubles `d`).
fn items_of(vm: &mut Vm, iterable: &Value) -> PyResult<Vec<Value>> {
    if let Some(d) = is_deque(iterable) {
        return Ok(d.snapshot());
    }
    let it = vm.iter(iterable)?;
    let mut out = Vec::new();
    while let Some(v) = vm.next(&it)? {
        out.push(v);
    }
    Ok(out)
}

fn new_deque(vm: &mut Vm, cls: &Obj, items: Vec<Value>, maxlen: Option<usize>) -> Value {
    let d = Deque::new();
    d.maxlen.set(maxlen);
    for v in items {
        d.push_back(v);
    }
    vm.new_native(cls, d)
}

const INIT_PARAMS: Params = Params::Named {
    names: &["iterable", "maxlen"],
    posonly: 0,
    positional: 2,
    required: 0,
};

fn init(vm: &mut Vm, a: Args) -> PyResult {
    let o = this(&a);
    let b = INIT_PARAMS.bind(vm, "deque", a, 1)?;
    let maxlen =
        match b.given(2).filter(|v| !v.is_none()) {
            Some(v) => {
                let n = vm.index_arg(v)?;
                if n < krait_vm::api::BigInt::ZERO {
                    return Err(vm.value_error("maxlen must be non-negative"));
                }
                Some(usize::try_from(&n).map_err(|_| {
                    vm.overflow_error("Python int too large to convert to C ssize_t")
                })?)
            }
            None => None,
        };
    let d = deque(&o);
    d.maxlen.set(maxlen);
    if d.len() > 0 {
        d.items.borrow_mut().clear();
        d.changed();
    }
    if let Some(iterable) = b.given(1) {
        for v in items_of(vm, iterable)? {
            d.push_back(v);
        }
    }
    Ok(Value::None)
}

/// Position `i` (negative from the end) of a deque of `len` items.
fn position(vm: &Vm, i: &Value, len: usize) -> PyResult<usize> {
    let Some(i) = small_int(i) else {
        return Err(vm.type_error(format!(
            "sequence index must be integer, not '{}'",
            vm.type_name(i)
        )));
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error("deque index out of range"));
    }
    Ok(j as usize)
}

/// The index a method argument gives, through `__index__`.
fn index_arg(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if small_int(v).is_some() {
        return Ok(v.clone());
    }
    match vm.index_int(v)? {
        Some(i) => Ok(i),
        None => Err(vm.type_error(format!(
            "sequence index must be integer, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// Where `x` first is among `d`'s items from `start` to `stop`; a change
/// to `d` during a comparison is a RuntimeError.
fn find(vm: &mut Vm, d: &Deque, x: &Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let version = d.version.get();
    for i in start..stop.min(d.len()) {
        let Some(item) = d.get(i) else { break };
        let equal = item.is(x) || vm.eq(&item, x)?;
        if d.version.get() != version {
            return Err(vm.runtime_error("deque mutated during iteration"));
        }
        if equal {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

const METHODS: &[F] = &[
    F::new("__new__", |vm, a| {
        let cls = this(&a);
        Ok(vm.new_native(&cls, Deque::new()))
    }),
    F::method("__init__", init),
    F::method("append", |_, a| {
        deque(&this(&a)).push_back(a.pos[1].clone());
        Ok(Value::None)
    })
    .one(),
    F::method("appendleft", |_, a| {
        deque(&this(&a)).push_front(a.pos[1].clone());
        Ok(Value::None)
    })
    .one(),
    F::method("extend", |vm, a| {
        let o = this(&a);
        for v in items_of(vm, &a.pos[1])? {
            deque(&o).push_back(v);
        }
        Ok(Value::None)
    })
    .one(),
    F::method("extendleft", |vm, a| {
        let o = this(&a);
        for v in items_of(vm, &a.pos[1])? {
            deque(&o).push_front(v);
        }
        Ok(Value::None)
    })
    .one(),
    F::method("pop", |vm, a| {
        let d = deque(&this(&a)).items.borrow_mut().pop_back();
        deque(&this(&a)).changed();
        d.ok_or_else(|| vm.index_error("pop from an empty deque"))
    })
    .no_args(),
    F::method("popleft", |vm, a| {
        let d = deque(&this(&a)).items.borrow_mut().pop_front();
        deque(&this(&a)).changed();
        d.ok_or_else(|| vm.index_error("pop from an empty deque"))
    })
    .no_args(),
    F::method("clear", |_, a| {
        let o = this(&a);
        let old = std::mem::take(&mut *deque(&o).items.borrow_mut());
        deque(&o).changed();
        drop(old);
        Ok(Value::None)
    })
    .no_args(),
    F::method("copy", copy).no_args(),
    F::method("__copy__", copy).no_args(),
    F::method("count", |vm, a| {
        let o = this(&a);
        let d = deque(&o);
        let version = d.version.get();
        let mut n = 0;
        for i in 0..d.len() {
            let Some(item) = d.get(i) else { break };
            if item.is(&a.pos[1]) || vm.eq(&item, &a.pos[1])? {
                n += 1;
            }
            if d.version.get() != version {
                return Err(vm.runtime_error("deque mutated during iteration"));
            }
        }
        Ok(Value::Int(n))
    })
    .one(),
    F::method("index", |vm, a| {
        let o = this(&a);
        let d = deque(&o);
        let len = d.len() as i64;
        let bound = |vm: &mut Vm, v: Option<&Value>, default: i64| -> PyResult<usize> {
            let n = match v {
                Some(v) => small_int(&index_arg(vm, v)?).unwrap_or(default),
                None => default,
            };
            let n = if n < 0 { (n + len).max(0) } else { n.min(len) };
            Ok(n as usize)
        };
        let start = bound(vm, a.pos.get(2), 0)?;
        let stop = bound(vm, a.pos.get(3), len)?;
        match find(vm, d, &a.pos[1], start, stop)? {
            Some(i) => Ok(Value::Int(i as i64)),
            None => {
                let r = vm.repr_string(&a.pos[1])?;
                Err(vm.value_error(format!("{r} is not in deque")))
            }
        }
    })
    .args(1, 3),
    F::method("insert", |vm, a| {
        let o = this(&a);
        let d = deque(&o);
        let i = small_int(&index_arg(vm, &a.pos[1])?).unwrap_or(0);
        if Some(d.len()) == d.maxlen.get() {
            return Err(vm.index_error("deque already at its maximum size"));
        }
        let len = d.len() as i64;
        let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
        d.items.borrow_mut().insert(at as usize, a.pos[2].clone());
        d.changed();
        Ok(Value::None)
    })
    .args(2, 2),
    F::method("remove", |vm, a| {
        let o = this(&a);
        let d = deque(&o);
        match find(vm, d, &a.pos[1], 0, usize::MAX)? {
            Some(i) => {
                let old = d.items.borrow_mut().remove(i);
                d.changed();
                drop(old);
                Ok(Value::None)
            }
            None => {
                let r = vm.repr_string(&a.pos[1])?;
                Err(vm.value_error(format!("{r} is not in deque")))
            }
        }
    })
    .one(),
    F::method("reverse", |_, a| {
        let o = this(&a);
        deque(&o).items.borrow_mut().make_contiguous().reverse();
        deque(&o).changed();
        Ok(Value::None)
    })
    .no_args(),
    F::method("rotate", |vm, a| {
        let o = this(&a);
        let d = deque(&o);
        let n = match a.pos.get(1) {
            Some(v) => small_int(&index_arg(vm, v)?).unwrap_or(0),
            None => 1,
        };
        let len = d.len() as i64;
        if len > 1 {
            let k = n.rem_euclid(len) as usize;
            d.items.borrow_mut().rotate_right(k);
            d.changed();
        }
        Ok(Value::None)
    })
    .args(0, 1),
    F::unary("__reversed__", |vm, a| {
        let o = this(&a);
        let cls = iterator_class(vm, "_deque_reverse_iterator")?;
        Ok(new_iter(vm, &cls, &o, true))
    }),
    F::method("__reduce__", |vm, a| {
        let o = this(&a);
        let d = deque(&o);
        let cls = Value::Obj(o.class().clone());
        let items = vm.new_list(d.snapshot());
        let maxlen = d.maxlen.get().map_or(Value::None, |n| Value::Int(n as i64));
        let args = vm.new_tuple(vec![items, maxlen]);
        Ok(vm.new_tuple(vec![cls, args]))
    })
    .no_args(),
    krait_vm::api::GENERIC_CLASS_GETITEM,
];

/// `d.copy()`: `type(d)(d)`, with `d`'s maxlen.
fn copy(vm: &mut Vm, a: Args) -> PyResult {
    let o = this(&a);
    let cls = Value::Obj(o.class().clone());
    let mut args = vec![a.pos[0].clone()];
    if let Some(n) = deque(&o).maxlen.get() {
        args.push(Value::Int(n as i64));
    }
    vm.call(&cls, args)
}

fn deque_value(v: &Value) -> &Deque {
    deque(v.as_obj().expect("deques are objects"))
}

pub const DEQUE_ATTRIBUTES: &[GetSetDef] = &[GetSetDef::new("maxlen", |_, d| {
    Ok(deque_value(d)
        .maxlen
        .get()
        .map_or(Value::None, |n| Value::Int(n as i64)))
})];

pub struct DequeType;

impl NativeType for DequeType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(repr),
        hash: Some(|vm, o| {
            let name = vm.type_name(&Value::Obj(o.clone()));
            Err(vm.type_error(format!("unhashable type: '{name}'")))
        }),
        len: Some(|_, o| Ok(deque(o).len())),
        getitem: Some(|vm, o, i| {
            let d = deque(o);
            let i = index_arg(vm, i)?;
            let j = position(vm, &i, d.len())?;
            Ok(d.get(j).expect("checked"))
        }),
        setitem: Some(|vm, o, i, v| {
            let d = deque(o);
            let i = index_arg(vm, &i)?;
            let j = position(vm, &i, d.len())?;
            let old = match v {
                Some(v) => Some(std::mem::replace(&mut d.items.borrow_mut()[j], v)),
                None => {
                    let old = d.items.borrow_mut().remove(j);
                    d.changed();
                    old
                }
            };
            drop(old);
            Ok(())
        }),
        contains: Some(|vm, o, x| Ok(find(vm, deque(o), x, 0, usize::MAX)?.is_some())),
        iter: Some(|vm, o| {
            let cls = iterator_class(vm, "_deque_iterator")?;
            Ok(new_iter(vm, &cls, o, false))
        }),
        richcompare: Some(compare),
        binop: Some(binop),
        ..Slots::NONE
    };
}

fn repr(vm: &mut Vm, o: &Obj) -> PyResult {
    if !vm.repr_enter(o) {
        return Ok(vm.new_str("[...]"));
    }
    let items = vm.new_list(deque(o).snapshot());
    let r = vm.repr_string(&items);
    vm.repr_leave(o);
    let r = r?;
    let cls = Value::Obj(o.class().clone());
    let name = vm.getattr_str(&cls, "__name__")?;
    let name = krait_vm::api::str_value(&name).unwrap_or_default();
    let text = match deque(o).maxlen.get() {
        Some(n) => format!("{name}({r}, maxlen={n})"),
        None => format!("{name}({r})"),
    };
    Ok(vm.new_string(text))
}

/// Deques compare as lists of their items, with deques only.
fn compare(vm: &mut Vm, op: CompareOp, o: &Obj, other: &Value) -> PyResult<Option<Value>> {
    let Some(b) = is_deque(other) else {
        return Ok(None);
    };
    let x = vm.new_list(deque(o).snapshot());
    let y = vm.new_list(b.snapshot());
    vm.compare(op, &x, &y).map(Some)
}

fn binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let Some(d) = is_deque(a) else {
        return Ok(None);
    };
    let o = a.as_obj().expect("a deque");
    let cls = o.class().clone();
    match op {
        BinOp::Add | BinOp::InplaceAdd => {
            let Some(e) = is_deque(b) else {
                if op == BinOp::InplaceAdd {
                    for v in items_of(vm, b)? {
                        d.push_back(v);
                    }
                    return Ok(Some(a.clone()));
                }
                return Err(vm.type_error(format!(
                    "can only concatenate deque (not \"{}\") to deque",
                    vm.type_name(b)
                )));
            };
            let extra = e.snapshot();
            if op == BinOp::InplaceAdd {
                for v in extra {
                    d.push_back(v);
                }
                return Ok(Some(a.clone()));
            }
            let mut items = d.snapshot();
            items.extend(extra);
            Ok(Some(new_deque(vm, &cls, items, d.maxlen.get())))
        }
        BinOp::Multiply | BinOp::InplaceMultiply => {
            let Some(n) = small_int(b) else {
                return Ok(None);
            };
            let base = d.snapshot();
            let times = n.max(0) as usize;
            if op == BinOp::InplaceMultiply {
                if times == 0 {
                    d.items.borrow_mut().clear();
                    d.changed();
                }
                for _ in 1..times {
                    for v in &base {
                        d.push_back(v.clone());
                    }
                }
                return Ok(Some(a.clone()));
            }
            let items = (0..times).flat_map(|_| base.iter().cloned()).collect();
            Ok(Some(new_deque(vm, &cls, items, d.maxlen.get())))
        }
        _ => Ok(None),
    }
}

pub const DEQUE_TYPE: TypeDef = TypeDef {
    name: "deque",
    module: "collections",
    doc: Some("A list-like sequence optimized for data accesses near its endpoints."),
    methods: METHODS,
};

// ---- iterators -----------------------------------------------------------

struct DequeIter {
    deque: Obj,
    index: Cell<usize>,
    version: u64,
    reverse: bool,
    len: usize,
}

fn iterator_class(vm: &mut Vm, name: &'static str) -> PyResult<Obj> {
    vm.native_class("_collections", name)
}

fn new_iter(vm: &mut Vm, cls: &Obj, o: &Obj, reverse: bool) -> Value {
    let d = deque(o);
    vm.new_native(
        cls,
        DequeIter {
            deque: o.clone(),
            index: Cell::new(0),
            version: d.version.get(),
            reverse,
            len: d.len(),
        },
    )
}

pub struct IterType;

impl NativeType for IterType {
    const SLOTS: &'static Slots = &Slots::iterator(|vm, o| {
        let it = native_data::<DequeIter>(o).expect("a deque iterator");
        let d = deque(&it.deque);
        if d.version.get() != it.version || d.len() != it.len {
            return Err(vm.runtime_error("deque mutated during iteration"));
        }
        let i = it.index.get();
        if i >= it.len {
            return Ok(None);
        }
        it.index.set(i + 1);
        let at = if it.reverse { it.len - 1 - i } else { i };
        Ok(d.get(at))
    });
}

const ITER_METHODS: &[F] = &[F::method("__length_hint__", |_, a| {
    let o = this(&a);
    let it = native_data::<DequeIter>(&o).expect("a deque iterator");
    Ok(Value::Int(it.len.saturating_sub(it.index.get()) as i64))
})
.no_args()];

pub const ITER_TYPE: TypeDef = TypeDef {
    name: "_deque_iterator",
    module: "_collections",
    doc: None,
    methods: ITER_METHODS,
};

pub const REVERSE_ITER_TYPE: TypeDef = TypeDef {
    name: "_deque_reverse_iterator",
    module: "_collections",
    doc: None,
    methods: ITER_METHODS,
};
