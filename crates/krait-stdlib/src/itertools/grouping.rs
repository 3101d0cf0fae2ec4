//! The iterators that share one input between several outputs: `groupby`
//! (with its `_grouper`s) and `tee` (with its `_tee`s).

use super::{add_final_type, add_type, class_arg, state};
use krait_vm::api::{
    native_data, Args, FunctionDef as F, NativeType, Obj, Params, PyResult, Slots, TypeDef, Value,
    Vm,
};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

pub fn add_types(vm: &mut Vm, m: &Obj) {
    add_type::<GroupByType>(vm, m, &GROUPBY_TYPE);
    add_final_type::<GrouperType>(vm, m, &GROUPER_TYPE);
    add_final_type::<TeeType>(vm, m, &TEE_TYPE);
}

const GROUPBY_TYPE: TypeDef = TypeDef {
    name: "groupby",
    module: "itertools",
    doc: Some("make an iterator that returns consecutive keys and groups from the iterable"),
    methods: &[
        F::new("__new__", groupby_new),
        F::method("__reduce__", groupby_reduce).no_args(),
        F::method("__setstate__", groupby_setstate).one(),
    ],
};

const GROUPER_TYPE: TypeDef = TypeDef {
    name: "_grouper",
    module: "itertools",
    doc: Some(""),
    methods: &[
        F::new("__new__", grouper_new),
        F::method("__reduce__", grouper_reduce).no_args(),
    ],
};

const TEE_TYPE: TypeDef = TypeDef {
    name: "_tee",
    module: "itertools",
    doc: Some("Iterator wrapped to make it copyable."),
    methods: TEE_METHODS,
};

// ---- groupby -----------------------------------------------------------

struct GroupBy {
    it: Value,
    key: Value,
    /// The key of the group last handed out.
    target: RefCell<Option<Value>>,
    /// The key and value of the item read last (the value taken by the
    /// group's iterator once it returns it).
    current_key: RefCell<Option<Value>>,
    current_value: RefCell<Option<Value>>,
    /// The group iterator still valid: earlier ones end when the groupby
    /// moves on.
    current_grouper: Cell<u64>,
    grouper_class: Obj,
}

impl GroupBy {
    /// Reads the next item and its key; `false` at the end of the input.
    fn step(&self, vm: &mut Vm) -> PyResult<bool> {
        let Some(v) = vm.next(&self.it)? else {
            return Ok(false);
        };
        let k = if self.key.is_none() {
            v.clone()
        } else {
            vm.call(&self.key, vec![v.clone()])?
        };
        *self.current_value.borrow_mut() = Some(v);
        *self.current_key.borrow_mut() = Some(k);
        Ok(true)
    }
}

struct GroupByType;

impl NativeType for GroupByType {
    const SLOTS: &'static Slots = &Slots::iterator(|vm, o| {
        let g = state::<GroupBy>(o);
        g.current_grouper.set(g.current_grouper.get() + 1);
        // Skip the rest of the current group.
        loop {
            let current = g.current_key.borrow().clone();
            let target = g.target.borrow().clone();
            match (current, target) {
                (None, _) => {}
                (Some(_), None) => break,
                (Some(c), Some(t)) => {
                    if !vm.eq(&t, &c)? {
                        break;
                    }
                }
            }
            if !g.step(vm)? {
                return Ok(None);
            }
        }
        let key = g.current_key.borrow().clone().expect("read above");
        *g.target.borrow_mut() = Some(key.clone());
        let grouper = Grouper {
            parent: o.clone(),
            target: key.clone(),
            id: g.current_grouper.get(),
        };
        let grouper = vm.new_native(&g.grouper_class, grouper);
        Ok(Some(vm.new_tuple(vec![key, grouper])))
    });
}

const GROUPBY_PARAMS: Params = Params::Named {
    names: &["iterable", "key"],
    posonly: 0,
    positional: 2,
    required: 1,
};

fn groupby_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = class_arg(&a);
    let b = GROUPBY_PARAMS.bind(vm, "groupby", a, 1)?;
    let it = vm.iter(b.given(1).expect("required"))?;
    let key = b.given(2).cloned().unwrap_or(Value::None);
    let grouper_class = vm.native_class("itertools", "_grouper")?;
    Ok(vm.new_native(
        &cls,
        GroupBy {
            it,
            key,
            target: RefCell::new(None),
            current_key: RefCell::new(None),
            current_value: RefCell::new(None),
            current_grouper: Cell::new(0),
            grouper_class,
        },
    ))
}

// ---- pickling (as 3.11's) -------------------------------------------------

/// `(groupby, (it, key), (current key, current value, target key))`, the
/// state only once a group has been read.
fn groupby_reduce(vm: &mut Vm, a: Args) -> PyResult {
    let o = a.pos[0].as_obj().expect("a groupby");
    let g = state::<GroupBy>(o);
    let class = Value::Obj(o.class().clone());
    let args = vm.new_tuple(vec![g.it.clone(), g.key.clone()]);
    let current = (
        g.current_key.borrow().clone(),
        g.current_value.borrow().clone(),
        g.target.borrow().clone(),
    );
    Ok(match current {
        (Some(key), Some(value), Some(target)) => {
            let state = vm.new_tuple(vec![key, value, target]);
            vm.new_tuple(vec![class, args, state])
        }
        _ => vm.new_tuple(vec![class, args]),
    })
}

fn groupby_setstate(vm: &mut Vm, a: Args) -> PyResult {
    let o = a.pos[0].as_obj().expect("a groupby");
    let g = state::<GroupBy>(o);
    let fields = krait_vm::api::tuple_items(&a.pos[1])
        .ok_or_else(|| vm.type_error("state is not a tuple"))?;
    let Ok([key, value, target]) = <[Value; 3]>::try_from(fields) else {
        return Err(vm.type_error("groupby state must be a 3-tuple"));
    };
    *g.current_key.borrow_mut() = Some(key);
    *g.current_value.borrow_mut() = Some(value);
    *g.target.borrow_mut() = Some(target);
    Ok(Value::None)
}

/// `_grouper(parent, target)`: the parent's current group from now on.
fn grouper_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = class_arg(&a);
    let parent = a
        .pos
        .get(1)
        .and_then(Value::as_obj)
        .filter(|p| native_data::<GroupBy>(p).is_some())
        .cloned();
    let (Some(parent), Some(target), 3) = (parent, a.pos.get(2), a.pos.len()) else {
        return Err(vm.type_error("_grouper() needs a groupby object and a key"));
    };
    let g = state::<GroupBy>(&parent);
    g.current_grouper.set(g.current_grouper.get() + 1);
    let id = g.current_grouper.get();
    let target = target.clone();
    Ok(vm.new_native(&cls, Grouper { parent, target, id }))
}

/// `(_grouper, (parent, target))` while it is its parent's current
/// group; an empty iterator once the parent has moved on.
fn grouper_reduce(vm: &mut Vm, a: Args) -> PyResult {
    let o = a.pos[0].as_obj().expect("a _grouper");
    let gr = state::<Grouper>(o);
    if state::<GroupBy>(&gr.parent).current_grouper.get() != gr.id {
        let builtins = vm.import("builtins")?;
        let iter = vm.getattr_str(&builtins, "iter")?;
        let empty = vm.new_tuple(Vec::new());
        let args = vm.new_tuple(vec![empty]);
        return Ok(vm.new_tuple(vec![iter, args]));
    }
    let args = vm.new_tuple(vec![Value::Obj(gr.parent.clone()), gr.target.clone()]);
    Ok(vm.new_tuple(vec![Value::Obj(o.class().clone()), args]))
}

struct Grouper {
    parent: Obj,
    target: Value,
    id: u64,
}

struct GrouperType;

impl NativeType for GrouperType {
    const SLOTS: &'static Slots = &Slots::iterator(|vm, o| {
        let gr = state::<Grouper>(o);
        let g = state::<GroupBy>(&gr.parent);
        if g.current_grouper.get() != gr.id {
            return Ok(None);
        }
        if g.current_value.borrow().is_none() && !g.step(vm)? {
            return Ok(None);
        }
        let key = g.current_key.borrow().clone().expect("read with the value");
        if !vm.eq(&gr.target, &key)? {
            return Ok(None);
        }
        Ok(g.current_value.borrow_mut().take())
    });
}

// ---- tee ---------------------------------------------------------------

/// The input the `_tee`s of one `tee()` share, and the items some of them
/// have not read yet.
struct TeeShared {
    it: Value,
    buffer: RefCell<VecDeque<Value>>,
    /// The index (in the input) of `buffer[0]`.
    base: Cell<usize>,
    /// Each `_tee`'s position; `None` once it is gone.
    positions: RefCell<Vec<Option<usize>>>,
    running: Cell<bool>,
}

struct Tee {
    shared: Rc<TeeShared>,
    slot: usize,
}

impl Drop for Tee {
    fn drop(&mut self) {
        if let Ok(mut p) = self.shared.positions.try_borrow_mut() {
            p[self.slot] = None;
        }
    }
}

impl TeeShared {
    fn add(self: &Rc<TeeShared>, position: usize) -> Tee {
        let mut p = self.positions.borrow_mut();
        p.push(Some(position));
        Tee {
            shared: self.clone(),
            slot: p.len() - 1,
        }
    }

    /// Forgets the items every `_tee` has read.
    fn trim(&self) {
        let lowest = self.positions.borrow().iter().flatten().min().copied();
        let mut buffer = self.buffer.borrow_mut();
        while let Some(low) = lowest {
            if self.base.get() >= low || buffer.pop_front().is_none() {
                break;
            }
            self.base.set(self.base.get() + 1);
        }
    }
}

struct TeeType;

impl NativeType for TeeType {
    const SLOTS: &'static Slots = &Slots::iterator(|vm, o| {
        let t = state::<Tee>(o);
        let s = &t.shared;
        let pos = s.positions.borrow()[t.slot].expect("a live tee has a position");
        let offset = pos - s.base.get();
        let buffered = s.buffer.borrow().get(offset).cloned();
        let v = match buffered {
            Some(v) => v,
            None => {
                if s.running.get() {
                    return Err(vm.runtime_error("cannot re-enter the tee iterator"));
                }
                s.running.set(true);
                let next = vm.next(&s.it);
                s.running.set(false);
                let Some(v) = next? else {
                    return Ok(None);
                };
                s.buffer.borrow_mut().push_back(v.clone());
                v
            }
        };
        s.positions.borrow_mut()[t.slot] = Some(pos + 1);
        s.trim();
        Ok(Some(v))
    });
}

/// A new `_tee` at the same position as `t`.
fn copy_tee(vm: &mut Vm, cls: &Obj, t: &Tee) -> Value {
    let pos = t.shared.positions.borrow()[t.slot].unwrap_or(0);
    let copy = t.shared.add(pos);
    vm.new_native(cls, copy)
}

fn tee_class(vm: &mut Vm) -> PyResult<Obj> {
    vm.native_class("itertools", "_tee")
}

/// A `_tee` over `iterable`: a copy if it is one already.
fn tee_of(vm: &mut Vm, cls: &Obj, iterable: &Value) -> PyResult {
    let it = vm.iter(iterable)?;
    if let Some(t) = it.as_obj().and_then(native_data::<Tee>) {
        return Ok(copy_tee(vm, cls, t));
    }
    let shared = Rc::new(TeeShared {
        it,
        buffer: RefCell::new(VecDeque::new()),
        base: Cell::new(0),
        positions: RefCell::new(Vec::new()),
        running: Cell::new(false),
    });
    let first = shared.add(0);
    Ok(vm.new_native(cls, first))
}

const TEE_METHODS: &[F] = &[
    F::new("__new__", |vm, a| {
        let cls = class_arg(&a);
        super::no_keywords(vm, &a, "_tee")?;
        super::arity(vm, &a, "_tee", 1, 1)?;
        tee_of(vm, &cls, &a.pos[1])
    }),
    F::method("__copy__", |vm, a| {
        let o = a.pos[0].as_obj().expect("a _tee");
        let cls = o.class().clone();
        Ok(copy_tee(vm, &cls, state::<Tee>(o)))
    })
    .no_args(),
];

/// `tee(iterable, n=2)`.
pub const TEE: F = F::new("tee", |vm, a| {
    let n = match a.pos.get(1) {
        Some(v) => {
            let n = vm.index_arg(v)?;
            if n < krait_vm::api::BigInt::ZERO {
                return Err(vm.value_error("n must be >= 0"));
            }
            usize::try_from(&n).map_err(|_| vm.overflow_error("n is too large"))?
        }
        None => 2,
    };
    if n == 0 {
        return Ok(vm.new_tuple(Vec::new()));
    }
    // An iterator that copies itself (a `_tee` among them) is the first
    // of the result, its copies the rest; any other is wrapped in one.
    let it = vm.iter(&a.pos[0])?;
    let (first, copy) = match vm.getattr_str(&it, "__copy__") {
        Ok(copy) => (it, copy),
        Err(e) if e.class().is_subtype(&vm.exc.attribute_error) => {
            let cls = tee_class(vm)?;
            let first = tee_of(vm, &cls, &it)?;
            let copy = vm.getattr_str(&first, "__copy__")?;
            (first, copy)
        }
        Err(e) => return Err(e),
    };
    let mut items = vec![first];
    for _ in 1..n {
        items.push(vm.call(&copy, Vec::new())?);
    }
    Ok(vm.new_tuple(items))
})
.args(1, 2);
