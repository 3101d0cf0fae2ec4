//! The combinatoric iterators: `product`, `permutations`, `combinations`
//! and `combinations_with_replacement`. Each reads its inputs into pools
//! once and then steps an array of indices, as CPython does, producing
//! tuples in lexicographic order of the indices.

use super::pickling::{reduced, this};
use super::{add_type, class_arg, state};
use krait_vm::api::{
    Args, FunctionDef as F, NativeType, Obj, Params, PyResult, Slots, TypeDef, Value, Vm,
};
use std::cell::RefCell;

pub fn add_types(vm: &mut Vm, m: &Obj) {
    add_type::<ProductType>(vm, m, &PRODUCT_TYPE);
    add_type::<PermutationsType>(vm, m, &PERMUTATIONS_TYPE);
    add_type::<CombinationsType>(vm, m, &COMBINATIONS_TYPE);
    add_type::<CombinationsType>(vm, m, &COMBINATIONS_WITH_REPLACEMENT_TYPE);
}

const PRODUCT_TYPE: TypeDef = TypeDef {
    name: "product",
    module: "itertools",
    doc: Some("Cartesian product of input iterables.  Equivalent to nested for-loops."),
    methods: &[
        F::new("__new__", product_new),
        F::method("__reduce__", product_reduce).no_args(),
        F::method("__setstate__", product_setstate).one(),
    ],
};

const PERMUTATIONS_TYPE: TypeDef = TypeDef {
    name: "permutations",
    module: "itertools",
    doc: Some("Return successive r-length permutations of elements in the iterable."),
    methods: &[
        F::new("__new__", permutations_new),
        F::method("__reduce__", permutations_reduce).no_args(),
        F::method("__setstate__", permutations_setstate).one(),
    ],
};

const COMBINATIONS_TYPE: TypeDef = TypeDef {
    name: "combinations",
    module: "itertools",
    doc: Some("Return successive r-length combinations of elements in the iterable."),
    methods: &[
        F::new("__new__", |vm, a| combinations_new(vm, a, false)),
        F::method("__reduce__", combinations_reduce).no_args(),
        F::method("__setstate__", combinations_setstate).one(),
    ],
};

const COMBINATIONS_WITH_REPLACEMENT_TYPE: TypeDef = TypeDef {
    name: "combinations_with_replacement",
    module: "itertools",
    doc: Some("Return successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats."),
    methods: &[
        F::new("__new__", |vm, a| combinations_new(vm, a, true)),
        F::method("__reduce__", combinations_reduce).no_args(),
        F::method("__setstate__", combinations_setstate).one(),
    ],
};

/// The items of an iterable, read once.
fn pool(vm: &mut Vm, iterable: &Value) -> PyResult<Vec<Value>> {
    let it = vm.iter(iterable)?;
    let mut items = Vec::new();
    while let Some(v) = vm.next(&it)? {
        items.push(v);
    }
    Ok(items)
}

/// An `r` argument: a non-negative int.
fn length_arg(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let n = vm.index_arg(v)?;
    if n < krait_vm::api::BigInt::ZERO {
        return Err(vm.value_error("r must be non-negative"));
    }
    usize::try_from(&n)
        .map_err(|_| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

/// Where an index iterator stands.
enum Stage {
    First,
    Running,
    Done,
}

struct Indexed {
    pools: Vec<Vec<Value>>,
    indices: Vec<usize>,
    /// `permutations`' countdowns.
    cycles: Vec<usize>,
    r: usize,
    stage: Stage,
}

impl Indexed {
    fn new(pools: Vec<Vec<Value>>, indices: Vec<usize>, r: usize) -> RefCell<Indexed> {
        RefCell::new(Indexed {
            pools,
            indices,
            cycles: Vec::new(),
            r,
            stage: Stage::First,
        })
    }

    /// The tuple the indices select (from `pools[i]` for position `i`, or
    /// all from `pools[0]`).
    fn current(&self, vm: &Vm, from_first_pool: bool) -> Value {
        let items = self
            .indices
            .iter()
            .take(self.r)
            .enumerate()
            .map(|(pos, &i)| {
                let p = if from_first_pool { 0 } else { pos };
                self.pools[p][i].clone()
            })
            .collect();
        vm.new_tuple(items)
    }
}

// ---- product -----------------------------------------------------------

struct ProductType;

impl NativeType for ProductType {
    const SLOTS: &'static Slots = &Slots::iterator(|vm, o| {
        let mut s = state::<RefCell<Indexed>>(o).borrow_mut();
        match s.stage {
            Stage::Done => return Ok(None),
            Stage::First => {
                if s.pools.iter().any(Vec::is_empty) {
                    s.stage = Stage::Done;
                    return Ok(None);
                }
                s.stage = Stage::Running;
            }
            Stage::Running => {
                let s = &mut *s;
                let mut i = s.indices.len();
                loop {
                    if i == 0 {
                        s.stage = Stage::Done;
                        return Ok(None);
                    }
                    i -= 1;
                    s.indices[i] += 1;
                    if s.indices[i] < s.pools[i].len() {
                        break;
                    }
                    s.indices[i] = 0;
                }
            }
        }
        Ok(Some(s.current(vm, false)))
    });
}

fn product_new(vm: &mut Vm, a: Args) -> PyResult {
    let mut repeat = 1usize;
    if a.kw.len() > 1 {
        return Err(vm.type_error(format!(
            "product() takes at most 1 keyword argument ({} given)",
            a.kw.len()
        )));
    }
    for (k, v) in &a.kw {
        let name = krait_vm::api::str_value(&Value::Obj(k.clone())).unwrap_or_default();
        if name != "repeat" {
            return Err(vm.type_error(format!(
                "'{name}' is an invalid keyword argument for product()"
            )));
        }
        let n = vm.index_arg(v)?;
        if n < krait_vm::api::BigInt::ZERO {
            return Err(vm.value_error("repeat argument cannot be negative"));
        }
        repeat = usize::try_from(&n).map_err(|_| vm.overflow_error("repeat argument too large"))?;
    }
    let mut pools = Vec::new();
    for v in &a.pos[1..] {
        pools.push(pool(vm, v)?);
    }
    let pools: Vec<Vec<Value>> = (0..repeat).flat_map(|_| pools.iter().cloned()).collect();
    let n = pools.len();
    Ok(vm.new_native(&class_arg(&a), Indexed::new(pools, vec![0; n], n)))
}

// ---- permutations ------------------------------------------------------

struct PermutationsType;

impl NativeType for PermutationsType {
    const SLOTS: &'static Slots = &Slots::iterator(|vm, o| {
        let mut s = state::<RefCell<Indexed>>(o).borrow_mut();
        let n = s.pools[0].len();
        let r = s.r;
        match s.stage {
            Stage::Done => return Ok(None),
            Stage::First => {
                if r > n {
                    s.stage = Stage::Done;
                    return Ok(None);
                }
                s.stage = Stage::Running;
            }
            Stage::Running => {
                let s = &mut *s;
                let mut advanced = false;
                for i in (0..r).rev() {
                    s.cycles[i] -= 1;
                    if s.cycles[i] == 0 {
                        let moved = s.indices.remove(i);
                        s.indices.push(moved);
                        s.cycles[i] = n - i;
                    } else {
                        let j = s.cycles[i];
                        s.indices.swap(i, n - j);
                        advanced = true;
                        break;
                    }
                }
                if !advanced {
                    s.stage = Stage::Done;
                    return Ok(None);
                }
            }
        }
        Ok(Some(s.current(vm, true)))
    });
}

const PERMUTATIONS_PARAMS: Params = Params::Named {
    names: &["iterable", "r"],
    posonly: 0,
    positional: 2,
    required: 1,
};

fn permutations_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = class_arg(&a);
    let b = PERMUTATIONS_PARAMS.bind(vm, "permutations", a, 1)?;
    let items = pool(vm, b.given(1).expect("required"))?;
    let n = items.len();
    let r = match b.given(2).filter(|v| !v.is_none()) {
        Some(v) => length_arg(vm, v)?,
        None => n,
    };
    let state = Indexed::new(vec![items], (0..n).collect(), r);
    state.borrow_mut().cycles = (0..r.min(n)).map(|i| n - i).collect();
    Ok(vm.new_native(&cls, state))
}

// ---- combinations, combinations_with_replacement -----------------------

struct Combinations {
    state: RefCell<Indexed>,
    replacement: bool,
}

struct CombinationsType;

impl NativeType for CombinationsType {
    const SLOTS: &'static Slots = &Slots::iterator(|vm, o| {
        let c = state::<Combinations>(o);
        let mut s = c.state.borrow_mut();
        let n = s.pools[0].len();
        let r = s.r;
        match s.stage {
            Stage::Done => return Ok(None),
            Stage::First => {
                let impossible = if c.replacement {
                    n == 0 && r > 0
                } else {
                    r > n
                };
                if impossible {
                    s.stage = Stage::Done;
                    return Ok(None);
                }
                s.stage = Stage::Running;
            }
            Stage::Running => {
                let s = &mut *s;
                // The rightmost index that can still grow.
                let limit = |i: usize| if c.replacement { n - 1 } else { i + n - r };
                let Some(i) = (0..r).rev().find(|&i| s.indices[i] != limit(i)) else {
                    s.stage = Stage::Done;
                    return Ok(None);
                };
                s.indices[i] += 1;
                for j in i + 1..r {
                    s.indices[j] = if c.replacement {
                        s.indices[i]
                    } else {
                        s.indices[j - 1] + 1
                    };
                }
            }
        }
        Ok(Some(s.current(vm, true)))
    });
}

fn combinations_new(vm: &mut Vm, a: Args, replacement: bool) -> PyResult {
    let cls = class_arg(&a);
    let name = if replacement {
        "combinations_with_replacement"
    } else {
        "combinations"
    };
    let params = Params::Named {
        names: &["iterable", "r"],
        posonly: 0,
        positional: 2,
        required: 2,
    };
    let b = params.bind(vm, name, a, 1)?;
    let items = pool(vm, b.given(1).expect("required"))?;
    let r = length_arg(vm, b.given(2).expect("required"))?;
    let indices = if replacement {
        vec![0; r]
    } else {
        (0..r).collect()
    };
    Ok(vm.new_native(
        &cls,
        Combinations {
            state: Indexed::new(vec![items], indices, r),
            replacement,
        },
    ))
}

// ---- pickling ------------------------------------------------------------
//
// As 3.11's: an iterator not started pickles as its arguments, one used
// up as empty ones, one running as its arguments and the indices (and
// permutations' countdowns) of the last tuple it made, which
// `__setstate__` clamps into range and makes current again.

fn ints(vm: &Vm, values: &[usize]) -> Value {
    vm.new_tuple(values.iter().map(|&i| Value::Int(i as i64)).collect())
}

/// A state's tuple of `len` indices, each clamped into `low..=high(i)`.
fn indices_arg(
    vm: &mut Vm,
    v: &Value,
    len: usize,
    low: usize,
    high: impl Fn(usize) -> i64,
) -> PyResult<Vec<usize>> {
    let items = krait_vm::api::tuple_items(v)
        .filter(|t| t.len() == len)
        .ok_or_else(|| vm.value_error("invalid arguments"))?;
    let mut out = Vec::with_capacity(len);
    for (i, item) in items.iter().enumerate() {
        let index = vm.ssize_arg(item)?;
        out.push(index.min(high(i)).max(low as i64) as usize);
    }
    Ok(out)
}

fn product_reduce(vm: &mut Vm, a: Args) -> PyResult {
    let o = this(&a);
    let s = state::<RefCell<Indexed>>(&o).borrow();
    let pools = || s.pools.iter().map(|p| vm.new_tuple(p.clone())).collect();
    Ok(match s.stage {
        Stage::Done => reduced(vm, &o, vec![vm.new_tuple(Vec::new())], None),
        Stage::First => reduced(vm, &o, pools(), None),
        Stage::Running => reduced(vm, &o, pools(), Some(ints(vm, &s.indices))),
    })
}

fn product_setstate(vm: &mut Vm, a: Args) -> PyResult {
    let o = this(&a);
    let sizes: Vec<usize> = state::<RefCell<Indexed>>(&o)
        .borrow()
        .pools
        .iter()
        .map(Vec::len)
        .collect();
    let indices = indices_arg(vm, &a.pos[1], sizes.len(), 0, |i| sizes[i] as i64 - 1)?;
    let mut s = state::<RefCell<Indexed>>(&o).borrow_mut();
    s.stage = if sizes.contains(&0) {
        Stage::Done
    } else {
        s.indices = indices;
        Stage::Running
    };
    Ok(Value::None)
}

fn permutations_reduce(vm: &mut Vm, a: Args) -> PyResult {
    let o = this(&a);
    let s = state::<RefCell<Indexed>>(&o).borrow();
    let r = Value::Int(s.r as i64);
    Ok(match s.stage {
        Stage::Done => reduced(vm, &o, vec![vm.new_tuple(Vec::new()), r], None),
        Stage::First => reduced(vm, &o, vec![vm.new_tuple(s.pools[0].clone()), r], None),
        Stage::Running => {
            let state = vm.new_tuple(vec![ints(vm, &s.indices), ints(vm, &s.cycles)]);
            reduced(
                vm,
                &o,
                vec![vm.new_tuple(s.pools[0].clone()), r],
                Some(state),
            )
        }
    })
}

fn permutations_setstate(vm: &mut Vm, a: Args) -> PyResult {
    let o = this(&a);
    let (n, r) = {
        let s = state::<RefCell<Indexed>>(&o).borrow();
        (s.pools[0].len(), s.r)
    };
    let parts = krait_vm::api::tuple_items(&a.pos[1])
        .filter(|t| t.len() == 2)
        .ok_or_else(|| vm.type_error("permutations state must be a (tuple, tuple) pair"))?;
    let indices = indices_arg(vm, &parts[0], n, 0, |_| n as i64 - 1)?;
    let cycles = indices_arg(vm, &parts[1], r, 1, |i| (n - i) as i64)?;
    let mut s = state::<RefCell<Indexed>>(&o).borrow_mut();
    s.indices = indices;
    s.cycles = cycles;
    s.stage = if r > n { Stage::Done } else { Stage::Running };
    Ok(Value::None)
}

fn combinations_reduce(vm: &mut Vm, a: Args) -> PyResult {
    let o = this(&a);
    let s = state::<Combinations>(&o).state.borrow();
    let r = Value::Int(s.r as i64);
    Ok(match s.stage {
        Stage::First => reduced(vm, &o, vec![vm.new_tuple(s.pools[0].clone()), r], None),
        Stage::Done => reduced(vm, &o, vec![vm.new_tuple(Vec::new()), r], None),
        Stage::Running => {
            let indices = ints(vm, &s.indices[..s.r]);
            reduced(
                vm,
                &o,
                vec![vm.new_tuple(s.pools[0].clone()), r],
                Some(indices),
            )
        }
    })
}

fn combinations_setstate(vm: &mut Vm, a: Args) -> PyResult {
    let o = this(&a);
    let c = state::<Combinations>(&o);
    let (n, r) = {
        let s = c.state.borrow();
        (s.pools[0].len() as i64, s.r)
    };
    let replacement = c.replacement;
    let indices = indices_arg(vm, &a.pos[1], r, 0, |i| {
        if replacement {
            n - 1
        } else {
            i as i64 + n - r as i64
        }
    })?;
    let impossible = if replacement {
        n == 0 && r > 0
    } else {
        r as i64 > n
    };
    let mut s = c.state.borrow_mut();
    s.indices = indices;
    s.stage = if impossible {
        Stage::Done
    } else {
        Stage::Running
    };
    Ok(Value::None)
}
