//! The combinatoric iterators: `product`, `permutations`, `combinations`
//! and `combinations_with_replacement`. Each reads its inputs into pools
//! once and then steps an array of indices, as CPython does, producing
//! tuples in lexicographic order of the indices.

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
    methods: &[F::new("__new__", product_new)],
};

const PERMUTATIONS_TYPE: TypeDef = TypeDef {
    name: "permutations",
    module: "itertools",
    doc: Some("Return successive r-length permutations of elements in the iterable."),
    methods: &[F::new("__new__", permutations_new)],
};

const COMBINATIONS_TYPE: TypeDef = TypeDef {
    name: "combinations",
    module: "itertools",
    doc: Some("Return successive r-length combinations of elements in the iterable."),
    methods: &[F::new("__new__", |vm, a| combinations_new(vm, a, false))],
};

const COMBINATIONS_WITH_REPLACEMENT_TYPE: TypeDef = TypeDef {
    name: "combinations_with_replacement",
    module: "itertools",
    doc: Some("Return successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats."),
    methods: &[F::new("__new__", |vm, a| combinations_new(vm, a, true))],
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
