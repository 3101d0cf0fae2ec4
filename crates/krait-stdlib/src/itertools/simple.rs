//! The iterators that transform one or a few inputs item by item: `count`,
//! `cycle`, `repeat`, `accumulate`, `chain`, `compress`, `dropwhile`,
//! `takewhile`, `filterfalse`, `islice`, `pairwise`, `starmap`,
//! `zip_longest`.

use super::{add_type, arity, class_arg, no_keywords, pickling, state};
use krait_vm::api::{
    small_int, Args, BinOp, FunctionDef as F, NativeType, Obj, Params, PyResult, Slots, TypeDef,
    Value, Vm,
};
use std::cell::{Cell, RefCell};

pub fn add_types(vm: &mut Vm, m: &Obj) {
    add_type::<CountType>(vm, m, &COUNT_TYPE);
    add_type::<CycleType>(vm, m, &CYCLE_TYPE);
    add_type::<RepeatType>(vm, m, &REPEAT_TYPE);
    add_type::<AccumulateType>(vm, m, &ACCUMULATE_TYPE);
    add_type::<ChainType>(vm, m, &CHAIN_TYPE);
    add_type::<CompressType>(vm, m, &COMPRESS_TYPE);
    add_type::<DropWhileType>(vm, m, &DROPWHILE_TYPE);
    add_type::<TakeWhileType>(vm, m, &TAKEWHILE_TYPE);
    add_type::<FilterFalseType>(vm, m, &FILTERFALSE_TYPE);
    add_type::<ISliceType>(vm, m, &ISLICE_TYPE);
    add_type::<PairwiseType>(vm, m, &PAIRWISE_TYPE);
    add_type::<StarmapType>(vm, m, &STARMAP_TYPE);
    add_type::<ZipLongestType>(vm, m, &ZIP_LONGEST_TYPE);
}

const COUNT_TYPE: TypeDef = TypeDef {
    name: "count",
    module: "itertools",
    doc: Some(COUNT_DOC),
    methods: &[F::new("__new__", count_new), pickling::COUNT],
};

const CYCLE_TYPE: TypeDef = TypeDef {
    name: "cycle",
    module: "itertools",
    doc: Some("Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely."),
    methods: &[
        F::new("__new__", cycle_new),
        pickling::CYCLE[0],
        pickling::CYCLE[1],
    ],
};

const REPEAT_TYPE: TypeDef = TypeDef {
    name: "repeat",
    module: "itertools",
    doc: Some("repeat(object [,times]) -> create an iterator which returns the object\nfor the specified number of times.  If not specified, returns the object\nendlessly."),
    methods: REPEAT_METHODS,
};

const ACCUMULATE_TYPE: TypeDef = TypeDef {
    name: "accumulate",
    module: "itertools",
    doc: Some("Return series of accumulated sums (or other binary function results)."),
    methods: &[
        F::new("__new__", accumulate_new),
        pickling::ACCUMULATE[0],
        pickling::ACCUMULATE[1],
    ],
};

const CHAIN_TYPE: TypeDef = TypeDef {
    name: "chain",
    module: "itertools",
    doc: Some("Return a chain object whose .__next__() method returns elements from the\nfirst iterable until it is exhausted, then elements from the next\niterable, until all of the iterables are exhausted."),
    methods: CHAIN_METHODS,
};

const COMPRESS_TYPE: TypeDef = TypeDef {
    name: "compress",
    module: "itertools",
    doc: Some("Return data elements corresponding to true selector elements."),
    methods: &[F::new("__new__", compress_new), pickling::COMPRESS],
};

const DROPWHILE_TYPE: TypeDef = TypeDef {
    name: "dropwhile",
    module: "itertools",
    doc: Some("Drop items from the iterable while predicate(item) is true."),
    methods: &[
        F::new("__new__", |vm, a| predicated(vm, a, "dropwhile")),
        pickling::PREDICATED[0],
        pickling::PREDICATED[1],
    ],
};

const TAKEWHILE_TYPE: TypeDef = TypeDef {
    name: "takewhile",
    module: "itertools",
    doc: Some("Return successive entries from an iterable as long as the predicate evaluates to true for each entry."),
    methods: &[
        F::new("__new__", |vm, a| predicated(vm, a, "takewhile")),
        pickling::PREDICATED[0],
        pickling::PREDICATED[1],
    ],
};

const FILTERFALSE_TYPE: TypeDef = TypeDef {
    name: "filterfalse",
    module: "itertools",
    doc: Some("Return those items of iterable for which function(item) is false."),
    methods: &[
        F::new("__new__", |vm, a| predicated(vm, a, "filterfalse")),
        pickling::FILTERFALSE,
    ],
};

const ISLICE_TYPE: TypeDef = TypeDef {
    name: "islice",
    module: "itertools",
    doc: Some("islice(iterable, stop) --> islice object\nislice(iterable, start, stop[, step]) --> islice object"),
    methods: &[
        F::new("__new__", islice_new),
        pickling::ISLICE[0],
        pickling::ISLICE[1],
    ],
};

const PAIRWISE_TYPE: TypeDef = TypeDef {
    name: "pairwise",
    module: "itertools",
    doc: Some("Return an iterator of overlapping pairs taken from the input iterator."),
    methods: &[F::new("__new__", pairwise_new)],
};

const STARMAP_TYPE: TypeDef = TypeDef {
    name: "starmap",
    module: "itertools",
    doc: Some("Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence."),
    methods: &[F::new("__new__", starmap_new), pickling::STARMAP],
};

const ZIP_LONGEST_TYPE: TypeDef = TypeDef {
    name: "zip_longest",
    module: "itertools",
    doc: Some("Return a zip_longest object whose .__next__() method returns a tuple where\nthe i-th element comes from the i-th iterable argument."),
    methods: &[
        F::new("__new__", zip_longest_new),
        pickling::ZIP_LONGEST[0],
        pickling::ZIP_LONGEST[1],
    ],
};

const COUNT_DOC: &str =
    "Return a count object whose .__next__() method returns consecutive values.";

/// The next item of the iterator held in `slot`, emptying the slot when
/// it is exhausted (an exhausted input is not asked again).
fn next_from(vm: &mut Vm, slot: &RefCell<Option<Value>>) -> PyResult<Option<Value>> {
    let Some(it) = slot.borrow().clone() else {
        return Ok(None);
    };
    let v = vm.next(&it)?;
    if v.is_none() {
        *slot.borrow_mut() = None;
    }
    Ok(v)
}

// ---- count -------------------------------------------------------------

pub(super) struct Count {
    pub(super) next: RefCell<Value>,
    pub(super) step: Value,
}

struct CountType;

impl NativeType for CountType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(|vm, o| {
            let c = state::<Count>(o);
            let start = c.next.borrow().clone();
            let start = vm.repr_string(&start)?;
            let plain_step =
                small_int(&c.step) == Some(1) && !matches!(c.step, Value::FloatBits(_));
            let r = if plain_step {
                format!("count({start})")
            } else {
                format!("count({start}, {})", vm.repr_string(&c.step)?)
            };
            Ok(vm.new_string(r))
        }),
        ..Slots::iterator(|vm, o| {
            let c = state::<Count>(o);
            let v = c.next.borrow().clone();
            let after = match (&v, &c.step) {
                (Value::Int(a), Value::Int(b)) if a.checked_add(*b).is_some() => Value::Int(a + b),
                _ => vm.binary_op(BinOp::Add, &v, &c.step)?,
            };
            *c.next.borrow_mut() = after;
            Ok(Some(v))
        })
    };
}

const COUNT_PARAMS: Params = Params::Named {
    names: &["start", "step"],
    posonly: 0,
    positional: 2,
    required: 0,
};

/// Whether `v` is a number, as `count` requires of its arguments.
fn is_number(vm: &mut Vm, v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::FloatBits(_) | Value::Truth(_))
        || ["__index__", "__int__", "__float__", "__complex__"]
            .iter()
            .any(|m| vm.special_method(v, m).is_some())
}

fn count_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = class_arg(&a);
    let b = COUNT_PARAMS.bind(vm, "count", a, 1)?;
    let start = b.given(1).cloned().unwrap_or(Value::Int(0));
    let step = b.given(2).cloned().unwrap_or(Value::Int(1));
    if !is_number(vm, &start) || !is_number(vm, &step) {
        return Err(vm.type_error("a number is required"));
    }
    Ok(vm.new_native(
        &cls,
        Count {
            next: RefCell::new(start),
            step,
        },
    ))
}

// ---- cycle -------------------------------------------------------------

pub(super) struct Cycle {
    pub(super) it: RefCell<Option<Value>>,
    pub(super) saved: RefCell<Vec<Value>>,
    pub(super) index: Cell<usize>,
    /// Restored from a pickle with its items saved: items read from the
    /// input are not saved again.
    pub(super) firstpass: Cell<bool>,
}

struct CycleType;

impl NativeType for CycleType {
    const SLOTS: &'static Slots = &Slots::iterator(|vm, o| {
        let c = state::<Cycle>(o);
        if let Some(v) = next_from(vm, &c.it)? {
            if !c.firstpass.get() {
                c.saved.borrow_mut().push(v.clone());
            }
            return Ok(Some(v));
        }
        let saved = c.saved.borrow();
        if saved.is_empty() {
            return Ok(None);
        }
        let i = c.index.get();
        c.index.set((i + 1) % saved.len());
        Ok(Some(saved[i].clone()))
    });
}

fn cycle_new(vm: &mut Vm, a: Args) -> PyResult {
    no_keywords(vm, &a, "cycle")?;
    arity(vm, &a, "cycle", 1, 1)?;
    let it = vm.iter(&a.pos[1])?;
    Ok(vm.new_native(
        &class_arg(&a),
        Cycle {
            it: RefCell::new(Some(it)),
            saved: RefCell::new(Vec::new()),
            index: Cell::new(0),
            firstpass: Cell::new(false),
        },
    ))
}

// ---- repeat ------------------------------------------------------------

pub(super) struct Repeat {
    pub(super) object: Value,
    /// Repetitions left; `None` for endless.
    pub(super) left: Cell<Option<i64>>,
}

struct RepeatType;

impl NativeType for RepeatType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(|vm, o| {
            let r = state::<Repeat>(o);
            let obj = vm.repr_string(&r.object)?;
            let s = match r.left.get() {
                Some(n) => format!("repeat({obj}, {n})"),
                None => format!("repeat({obj})"),
            };
            Ok(vm.new_string(s))
        }),
        ..Slots::iterator(|_, o| {
            let r = state::<Repeat>(o);
            match r.left.get() {
                Some(0) => Ok(None),
                Some(n) => {
                    r.left.set(Some(n - 1));
                    Ok(Some(r.object.clone()))
                }
                None => Ok(Some(r.object.clone())),
            }
        })
    };
}

const REPEAT_PARAMS: Params = Params::Named {
    names: &["object", "times"],
    posonly: 0,
    positional: 2,
    required: 1,
};

const REPEAT_METHODS: &[F] = &[
    pickling::REPEAT,
    F::new("__new__", |vm, a| {
        let cls = class_arg(&a);
        let b = REPEAT_PARAMS.bind(vm, "repeat", a, 1)?;
        let object = b.given(1).cloned().expect("required");
        let left = match b.given(2) {
            None => None,
            Some(t) => {
                let n = vm.index_arg(t)?;
                Some(i64::try_from(&n).unwrap_or(i64::MAX).max(0))
            }
        };
        Ok(vm.new_native(
            &cls,
            Repeat {
                object,
                left: Cell::new(left),
            },
        ))
    }),
    F::method("__length_hint__", |vm, a| {
        let o = a.pos[0].as_obj().expect("a repeat object");
        match state::<Repeat>(o).left.get() {
            Some(n) => Ok(Value::Int(n)),
            None => Err(vm.type_error("len() of unsized object")),
        }
    })
    .no_args(),
];

// ---- accumulate --------------------------------------------------------

pub(super) struct Accumulate {
    pub(super) it: Value,
    pub(super) func: Value,
    pub(super) total: RefCell<Option<Value>>,
    pub(super) initial: RefCell<Option<Value>>,
}

struct AccumulateType;

impl NativeType for AccumulateType {
    const SLOTS: &'static Slots = &Slots::iterator(|vm, o| {
        let s = state::<Accumulate>(o);
        if let Some(init) = s.initial.borrow_mut().take() {
            *s.total.borrow_mut() = Some(init.clone());
            return Ok(Some(init));
        }
        let Some(v) = vm.next(&s.it)? else {
            return Ok(None);
        };
        let total = s.total.borrow().clone();
        let new = match total {
            None => v,
            Some(t) if s.func.is_none() => vm.binary_op(BinOp::Add, &t, &v)?,
            Some(t) => vm.call(&s.func, vec![t, v])?,
        };
        *s.total.borrow_mut() = Some(new.clone());
        Ok(Some(new))
    });
}

const ACCUMULATE_PARAMS: Params = Params::Named {
    names: &["iterable", "func", "initial"],
    posonly: 0,
    positional: 2,
    required: 1,
};

fn accumulate_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = class_arg(&a);
    let b = ACCUMULATE_PARAMS.bind(vm, "accumulate", a, 1)?;
    let it = vm.iter(b.given(1).expect("required"))?;
    let func = b.given(2).cloned().unwrap_or(Value::None);
    let initial = b.given(3).cloned().filter(|v| !v.is_none());
    Ok(vm.new_native(
        &cls,
        Accumulate {
            it,
            func,
            total: RefCell::new(None),
            initial: RefCell::new(initial),
        },
    ))
}

// ---- chain -------------------------------------------------------------

pub(super) struct Chain {
    /// An iterator over the iterables still to chain.
    pub(super) sources: RefCell<Option<Value>>,
    pub(super) active: RefCell<Option<Value>>,
}

struct ChainType;

impl NativeType for ChainType {
    const SLOTS: &'static Slots = &Slots::iterator(|vm, o| {
        let c = state::<Chain>(o);
        loop {
            if let Some(v) = next_from(vm, &c.active)? {
                return Ok(Some(v));
            }
            let Some(iterable) = next_from(vm, &c.sources)? else {
                return Ok(None);
            };
            let it = vm.iter(&iterable)?;
            *c.active.borrow_mut() = Some(it);
        }
    });
}

fn chain_of(vm: &mut Vm, cls: &Obj, iterables: Value) -> PyResult {
    let sources = vm.iter(&iterables)?;
    Ok(vm.new_native(
        cls,
        Chain {
            sources: RefCell::new(Some(sources)),
            active: RefCell::new(None),
        },
    ))
}

const CHAIN_METHODS: &[F] = &[
    F::new("__new__", |vm, a| {
        no_keywords(vm, &a, "chain")?;
        let cls = class_arg(&a);
        let items = vm.new_tuple(a.pos[1..].to_vec());
        chain_of(vm, &cls, items)
    }),
    F::classmethod("from_iterable", |vm, a| {
        let cls = class_arg(&a);
        chain_of(vm, &cls, a.pos[1].clone())
    })
    .one(),
    pickling::CHAIN[0],
    pickling::CHAIN[1],
    krait_vm::api::GENERIC_CLASS_GETITEM,
];

// ---- compress ----------------------------------------------------------

pub(super) struct Compress {
    pub(super) data: Value,
    pub(super) selectors: Value,
}

struct CompressType;

impl NativeType for CompressType {
    const SLOTS: &'static Slots = &Slots::iterator(|vm, o| {
        let c = state::<Compress>(o);
        loop {
            let Some(d) = vm.next(&c.data)? else {
                return Ok(None);
            };
            let Some(s) = vm.next(&c.selectors)? else {
                return Ok(None);
            };
            if vm.truthy(&s)? {
                return Ok(Some(d));
            }
        }
    });
}

const COMPRESS_PARAMS: Params = Params::Named {
    names: &["data", "selectors"],
    posonly: 0,
    positional: 2,
    required: 2,
};

fn compress_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = class_arg(&a);
    let b = COMPRESS_PARAMS.bind(vm, "compress", a, 1)?;
    let data = vm.iter(b.given(1).expect("required"))?;
    let selectors = vm.iter(b.given(2).expect("required"))?;
    Ok(vm.new_native(&cls, Compress { data, selectors }))
}

// ---- dropwhile, takewhile, filterfalse ---------------------------------

pub(super) struct Predicated {
    pub(super) predicate: Value,
    pub(super) it: Value,
    /// `dropwhile`: still dropping; `takewhile`: stopped.
    pub(super) flag: Cell<bool>,
    /// A `dropwhile` (whose flag starts set).
    drops: bool,
}

impl Predicated {
    /// Whether the predicate has been false yet (what a pickle keeps).
    pub(super) fn failed(&self) -> bool {
        self.flag.get() != self.drops
    }

    pub(super) fn set_failed(&self, failed: bool) {
        self.flag.set(failed != self.drops);
    }
}

fn predicated(vm: &mut Vm, a: Args, name: &str) -> PyResult {
    no_keywords(vm, &a, name)?;
    arity(vm, &a, name, 2, 2)?;
    let it = vm.iter(&a.pos[2])?;
    Ok(vm.new_native(
        &class_arg(&a),
        Predicated {
            predicate: a.pos[1].clone(),
            it,
            flag: Cell::new(name == "dropwhile"),
            drops: name == "dropwhile",
        },
    ))
}

struct DropWhileType;

impl NativeType for DropWhileType {
    const SLOTS: &'static Slots = &Slots::iterator(|vm, o| {
        let p = state::<Predicated>(o);
        loop {
            let Some(v) = vm.next(&p.it)? else {
                return Ok(None);
            };
            if !p.flag.get() {
                return Ok(Some(v));
            }
            let keep = vm.call(&p.predicate, vec![v.clone()])?;
            if !vm.truthy(&keep)? {
                p.flag.set(false);
                return Ok(Some(v));
            }
        }
    });
}

struct TakeWhileType;

impl NativeType for TakeWhileType {
    const SLOTS: &'static Slots = &Slots::iterator(|vm, o| {
        let p = state::<Predicated>(o);
        if p.flag.get() {
            return Ok(None);
        }
        let Some(v) = vm.next(&p.it)? else {
            return Ok(None);
        };
        let keep = vm.call(&p.predicate, vec![v.clone()])?;
        if vm.truthy(&keep)? {
            Ok(Some(v))
        } else {
            p.flag.set(true);
            Ok(None)
        }
    });
}

struct FilterFalseType;

impl NativeType for FilterFalseType {
    const SLOTS: &'static Slots = &Slots::iterator(|vm, o| {
        let p = state::<Predicated>(o);
        loop {
            let Some(v) = vm.next(&p.it)? else {
                return Ok(None);
            };
            let verdict = if p.predicate.is_none() {
                v.clone()
            } else {
                vm.call(&p.predicate, vec![v.clone()])?
            };
            if !vm.truthy(&verdict)? {
                return Ok(Some(v));
            }
        }
    });
}

// ---- islice ------------------------------------------------------------

pub(super) struct ISlice {
    pub(super) it: RefCell<Option<Value>>,
    /// The index of the next item to return.
    pub(super) next: Cell<usize>,
    pub(super) stop: Option<usize>,
    pub(super) step: usize,
    /// How many items were taken from the input.
    pub(super) count: Cell<usize>,
}

struct ISliceType;

impl NativeType for ISliceType {
    const SLOTS: &'static Slots = &Slots::iterator(|vm, o| {
        let s = state::<ISlice>(o);
        let past_stop = |n: usize| s.stop.is_some_and(|stop| n >= stop);
        if past_stop(s.count.get()) {
            *s.it.borrow_mut() = None;
            return Ok(None);
        }
        while s.count.get() < s.next.get() {
            if next_from(vm, &s.it)?.is_none() {
                return Ok(None);
            }
            s.count.set(s.count.get() + 1);
        }
        if past_stop(s.count.get()) {
            *s.it.borrow_mut() = None;
            return Ok(None);
        }
        let Some(v) = next_from(vm, &s.it)? else {
            return Ok(None);
        };
        s.count.set(s.count.get() + 1);
        let old = s.next.get();
        let mut next = old.saturating_add(s.step);
        if let Some(stop) = s.stop {
            if next > stop {
                next = stop;
            }
        }
        s.next.set(next);
        Ok(Some(v))
    });
}

/// An islice argument as CPython's `PyNumber_AsSsize_t` reads it; `None`
/// where it is not an int that fits.
fn ssize(vm: &mut Vm, v: &Value) -> Option<i64> {
    vm.index_int(v).ok().flatten().and_then(|i| small_int(&i))
}

fn islice_new(vm: &mut Vm, a: Args) -> PyResult {
    no_keywords(vm, &a, "islice")?;
    arity(vm, &a, "islice", 2, 4)?;
    let it = vm.iter(&a.pos[1])?;
    let stop_arg = if a.pos.len() == 3 {
        &a.pos[2]
    } else {
        &a.pos[3]
    };
    let mut start = 0;
    if a.pos.len() > 3 && !a.pos[2].is_none() {
        start = ssize(vm, &a.pos[2]).unwrap_or(-1);
    }
    let mut stop = -1;
    if !stop_arg.is_none() {
        stop =
            match ssize(vm, stop_arg) {
                Some(n) if n != -1 => n,
                _ => return Err(vm.value_error(
                    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
                )),
            };
    }
    if start < 0 || stop < -1 {
        return Err(vm.value_error(
            "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        ));
    }
    let step = match a.pos.get(4) {
        Some(v) if !v.is_none() => ssize(vm, v).unwrap_or(-1),
        _ => 1,
    };
    if step < 1 {
        return Err(vm.value_error("Step for islice() must be a positive integer or None."));
    }
    Ok(vm.new_native(
        &class_arg(&a),
        ISlice {
            it: RefCell::new(Some(it)),
            next: Cell::new(start as usize),
            stop: (stop >= 0).then_some(stop as usize),
            step: step as usize,
            count: Cell::new(0),
        },
    ))
}

// ---- pairwise ----------------------------------------------------------

struct Pairwise {
    it: RefCell<Option<Value>>,
    old: RefCell<Option<Value>>,
}

struct PairwiseType;

impl NativeType for PairwiseType {
    const SLOTS: &'static Slots = &Slots::iterator(|vm, o| {
        let p = state::<Pairwise>(o);
        let old = p.old.borrow().clone();
        let old = match old {
            Some(v) => v,
            None => match next_from(vm, &p.it)? {
                Some(v) => {
                    *p.old.borrow_mut() = Some(v.clone());
                    v
                }
                None => return Ok(None),
            },
        };
        let Some(new) = next_from(vm, &p.it)? else {
            *p.old.borrow_mut() = None;
            return Ok(None);
        };
        *p.old.borrow_mut() = Some(new.clone());
        Ok(Some(vm.new_tuple(vec![old, new])))
    });
}

fn pairwise_new(vm: &mut Vm, a: Args) -> PyResult {
    no_keywords(vm, &a, "pairwise")?;
    arity(vm, &a, "pairwise", 1, 1)?;
    let it = vm.iter(&a.pos[1])?;
    Ok(vm.new_native(
        &class_arg(&a),
        Pairwise {
            it: RefCell::new(Some(it)),
            old: RefCell::new(None),
        },
    ))
}

// ---- starmap -----------------------------------------------------------

pub(super) struct Starmap {
    pub(super) func: Value,
    pub(super) it: Value,
}

struct StarmapType;

impl NativeType for StarmapType {
    const SLOTS: &'static Slots = &Slots::iterator(|vm, o| {
        let s = state::<Starmap>(o);
        let Some(args) = vm.next(&s.it)? else {
            return Ok(None);
        };
        let it = vm.iter(&args)?;
        let mut items = Vec::new();
        while let Some(v) = vm.next(&it)? {
            items.push(v);
        }
        vm.call(&s.func, items).map(Some)
    });
}

fn starmap_new(vm: &mut Vm, a: Args) -> PyResult {
    no_keywords(vm, &a, "starmap")?;
    arity(vm, &a, "starmap", 2, 2)?;
    let it = vm.iter(&a.pos[2])?;
    Ok(vm.new_native(
        &class_arg(&a),
        Starmap {
            func: a.pos[1].clone(),
            it,
        },
    ))
}

// ---- zip_longest -------------------------------------------------------

pub(super) struct ZipLongest {
    pub(super) its: Vec<RefCell<Option<Value>>>,
    pub(super) active: Cell<usize>,
    pub(super) fill: RefCell<Value>,
}

struct ZipLongestType;

impl NativeType for ZipLongestType {
    const SLOTS: &'static Slots = &Slots::iterator(|vm, o| {
        let z = state::<ZipLongest>(o);
        if z.its.is_empty() || z.active.get() == 0 {
            return Ok(None);
        }
        let mut items = Vec::with_capacity(z.its.len());
        for slot in &z.its {
            if slot.borrow().is_none() {
                items.push(z.fill.borrow().clone());
                continue;
            }
            match next_from(vm, slot)? {
                Some(v) => items.push(v),
                None => {
                    z.active.set(z.active.get() - 1);
                    if z.active.get() == 0 {
                        return Ok(None);
                    }
                    items.push(z.fill.borrow().clone());
                }
            }
        }
        Ok(Some(vm.new_tuple(items)))
    });
}

fn zip_longest_new(vm: &mut Vm, a: Args) -> PyResult {
    let mut fill = Value::None;
    for (k, v) in &a.kw {
        if krait_vm::api::str_value(&Value::Obj(k.clone())).as_deref() == Some("fillvalue") {
            fill = v.clone();
        } else {
            return Err(vm.type_error("zip_longest() got an unexpected keyword argument"));
        }
    }
    let mut its = Vec::with_capacity(a.pos.len() - 1);
    for v in &a.pos[1..] {
        its.push(RefCell::new(Some(vm.iter(v)?)));
    }
    let n = its.len();
    Ok(vm.new_native(
        &class_arg(&a),
        ZipLongest {
            its,
            active: Cell::new(n),
            fill: RefCell::new(fill),
        },
    ))
}
