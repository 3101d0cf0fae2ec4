//! The built-in iterators: advancing each kind of [`IterState`].

use crate::api::{add_methods, check_positional, FunctionDef, Params};
use crate::object::{IterState, ObjKind};
use crate::objects::str::value_pystr;
use crate::objects::typeobject::slots::{NativeType, Slots};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

/// Advances a built-in iterator. No borrow of `state` is held while
/// Python code runs (a `__getitem__`, a `map` function...).
/// What [`next_pair`] found.
pub enum Pair {
    /// The two items of the next pair.
    Two(Value, Value),
    /// The iterator is exhausted.
    Done,
    /// This iterator does not make pairs itself: use [`next`].
    NotPairs,
}

/// The next item of a dict's items, `enumerate` or a two-way `zip` as its
/// two parts, for `for a, b in ...`: the same items `next` gives, without
/// building the tuple the loop would unpack at once.
pub fn next_pair(vm: &mut Vm, state: &RefCell<IterState>) -> PyResult<Pair> {
    let mut st = state.borrow_mut();
    match &mut *st {
        IterState::Dict {
            dict,
            pos,
            what: 2,
            len,
        } => {
            let d = crate::objects::dict::dict_cell(dict).borrow();
            if d.len() != *len {
                return Ok(Pair::NotPairs);
            }
            match d.next_from(*pos) {
                Some((p, e)) => {
                    *pos = p + 1;
                    Ok(Pair::Two(e.key.clone(), e.value.clone()))
                }
                None => {
                    *pos = usize::MAX / 2;
                    Ok(Pair::Done)
                }
            }
        }
        IterState::Enumerate { it, count } => {
            let Value::Int(c) = *count else {
                return Ok(Pair::NotPairs);
            };
            let Some(next_count) = c.checked_add(1) else {
                return Ok(Pair::NotPairs);
            };
            let inner = it.clone();
            drop(st);
            match vm.next(&inner)? {
                Some(v) => {
                    if let IterState::Enumerate { count, .. } = &mut *state.borrow_mut() {
                        *count = Value::Int(next_count);
                    }
                    Ok(Pair::Two(Value::Int(c), v))
                }
                None => Ok(Pair::Done),
            }
        }
        IterState::Zip { its, strict: false } if its.len() == 2 => {
            let (a, b) = (its[0].clone(), its[1].clone());
            drop(st);
            let Some(x) = vm.next(&a)? else {
                *state.borrow_mut() = IterState::Exhausted;
                return Ok(Pair::Done);
            };
            let Some(y) = vm.next(&b)? else {
                *state.borrow_mut() = IterState::Exhausted;
                return Ok(Pair::Done);
            };
            Ok(Pair::Two(x, y))
        }
        _ => Ok(Pair::NotPairs),
    }
}

pub fn next(vm: &mut Vm, it: &Obj, state: &RefCell<IterState>) -> PyResult<Option<Value>> {
    let mut st = state.borrow_mut();
    match &mut *st {
        IterState::Seq { .. } => {
            drop(st);
            next_in_sequence(vm, state)
        }
        IterState::Reversed { .. } => {
            drop(st);
            next_reversed(vm, state)
        }
        IterState::WideRange(r) => Ok(crate::objects::range::wide_next(vm, r)),
        IterState::Range { next, stop, step } => {
            let n = *next;
            if (*step > 0 && n < *stop) || (*step < 0 && n > *stop) {
                *next = n.wrapping_add(*step);
                if (*step > 0 && *next < n) || (*step < 0 && *next > n) {
                    // Wrapped around: this was the last value.
                    *stop = n;
                }
                Ok(Some(Value::Int(n)))
            } else {
                Ok(None)
            }
        }
        IterState::Dict { .. } => {
            drop(st);
            next_in_dict(vm, state)
        }
        IterState::Set { .. } => {
            drop(st);
            next_in_set(vm, state)
        }
        IterState::Callable { func, sentinel } => {
            let (f, s) = (func.clone(), sentinel.clone());
            drop(st);
            let v = match vm.call(&f, vec![]) {
                Ok(v) => v,
                Err(e) if e.class().is_subtype(&vm.exc.stop_iteration) => {
                    *state.borrow_mut() = IterState::Exhausted;
                    return Ok(None);
                }
                Err(e) => return Err(e),
            };
            if vm.eq(&v, &s)? {
                *state.borrow_mut() = IterState::Exhausted;
                return Ok(None);
            }
            Ok(Some(v))
        }
        IterState::Enumerate { it, count } => {
            let (inner, c) = (it.clone(), count.clone());
            drop(st);
            match vm.next(&inner)? {
                Some(v) => {
                    let next =
                        vm.binary_op(krait_compiler::code::BinOp::Add, &c, &Value::Int(1))?;
                    if let IterState::Enumerate { count, .. } = &mut *state.borrow_mut() {
                        *count = next;
                    }
                    Ok(Some(vm.new_tuple(vec![c, v])))
                }
                None => Ok(None),
            }
        }
        IterState::Zip { .. } => {
            drop(st);
            next_zipped(vm, state)
        }
        IterState::Map { func, its } => {
            let (f, its) = (func.clone(), its.clone());
            drop(st);
            let mut args = Vec::with_capacity(its.len());
            for inner in &its {
                match vm.next(inner)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            vm.call(&f, args).map(Some)
        }
        IterState::Filter { .. } => {
            drop(st);
            next_filtered(vm, state)
        }
        IterState::Exhausted => {
            let _ = it;
            Ok(None)
        }
    }
}

/// How many items are left, for `__length_hint__` and `len(reversed(x))`.
pub fn length_hint(vm: &mut Vm, state: &IterState) -> Option<usize> {
    Some(match state {
        IterState::Seq { seq, index } => {
            let n = crate::objects::typeobject::slots::payload_len(vm, seq.as_obj()?)?;
            match value_pystr(seq) {
                Some(s) => s.len().saturating_sub(
                    crate::objects::str::WtfChars::of(
                        &s.as_bytes()[..(*index).min(s.as_bytes().len())],
                    )
                    .count(),
                ),
                None => n.saturating_sub(*index),
            }
        }
        IterState::Reversed { index, .. } => (*index + 1).max(0) as usize,
        IterState::Range { next, stop, step } => {
            crate::objects::range::range_len(*next as i128, *stop as i128, *step as i128) as usize
        }
        IterState::WideRange(r) => crate::objects::range::wide_len(r),
        IterState::Dict { dict, pos, .. } => {
            let d = crate::objects::dict::dict_cell(dict).borrow();
            let mut n = 0;
            let mut p = *pos;
            while let Some((q, _)) = d.next_from(p) {
                n += 1;
                p = q + 1;
            }
            n
        }
        IterState::Set { set, pos, .. } => crate::objects::set::with_table(set, |t| {
            let mut n = 0;
            let mut p = *pos;
            while let Some((q, _)) = t.next_from(p) {
                n += 1;
                p = q + 1;
            }
            n
        })?,
        IterState::Exhausted => 0,
        _ => return None,
    })
}

/// A new iterator object of `class`.
pub fn new_iterator(class: &Obj, state: IterState) -> Value {
    Value::Obj(Obj::new(class.clone(), ObjKind::Iter(RefCell::new(state))))
}

/// The built-in iterator types: each is its own iterator.
pub struct IteratorType;

impl NativeType for IteratorType {
    const SLOTS: &'static Slots = &Slots::iterator(|vm, o| match o.kind() {
        ObjKind::Iter(state) => next(vm, o, state),
        _ => unreachable!("iterator slots are installed on iterators"),
    });
}

/// The iterator types: `__iter__`/`__next__`/`__length_hint__` of each,
/// and the constructors of `enumerate`, `zip`, `map`, `filter`, `reversed`.
pub fn register(vm: &mut Vm) {
    // The iterators.
    let iter_types = [
        vm.types.list_iterator.clone(),
        vm.types.tuple_iterator.clone(),
        vm.types.str_iterator.clone(),
        vm.types.range_iterator.clone(),
        vm.types.longrange_iterator.clone(),
        vm.types.dict_keyiterator.clone(),
        vm.types.dict_valueiterator.clone(),
        vm.types.dict_itemiterator.clone(),
        vm.types.set_iterator.clone(),
        vm.types.callable_iterator.clone(),
        vm.types.generic_alias_iterator.clone(),
        vm.types.iterator.clone(),
        vm.types.reversed.clone(),
        vm.types.enumerate.clone(),
        vm.types.zip.clone(),
        vm.types.map.clone(),
        vm.types.filter.clone(),
    ];
    for ty in &iter_types {
        crate::objects::typeobject::slots::install::<IteratorType>(vm, ty);
        add_methods(vm, ty, &[LENGTH_HINT]);
    }
    for ty in [
        vm.types.list_iterator.clone(),
        vm.types.tuple_iterator.clone(),
        vm.types.str_iterator.clone(),
        vm.types.range_iterator.clone(),
        vm.types.dict_keyiterator.clone(),
        vm.types.dict_valueiterator.clone(),
        vm.types.dict_itemiterator.clone(),
        vm.types.set_iterator.clone(),
        vm.types.callable_iterator.clone(),
        vm.types.iterator.clone(),
    ] {
        add_methods(vm, &ty, SEQ_PICKLING);
    }
    let ga = vm.types.generic_alias_iterator.clone();
    add_methods(vm, &ga, &[GENERIC_ALIAS_ITER_REDUCE]);
    let e = vm.types.enumerate.clone();
    add_methods(vm, &e, &[ENUMERATE_NEW]);
    let z = vm.types.zip.clone();
    add_methods(vm, &z, &[ZIP_NEW, LAZY_REDUCE, ZIP_SETSTATE]);
    let m = vm.types.map.clone();
    add_methods(vm, &m, &[MAP_NEW, LAZY_REDUCE]);
    let f = vm.types.filter.clone();
    add_methods(vm, &f, &[FILTER_NEW, LAZY_REDUCE]);
    add_methods(vm, &e, &[LAZY_REDUCE]);
    let r = vm.types.reversed.clone();
    add_methods(vm, &r, &[REVERSED_NEW]);
}

/// Pickling `zip`, `map`, `filter` and `enumerate`: the type and the
/// iterators (and function, or count) they go on with; a strict `zip`
/// carries `True` as its state.
const LAZY_REDUCE: FunctionDef = FunctionDef::method("__reduce__", |vm, a| {
    let it = &a.pos[0];
    let cls = Value::Obj(vm.class_of(it).clone());
    let Some(ObjKind::Iter(state)) = it.kind() else {
        return Err(vm.type_error("not a built-in iterator"));
    };
    let (args, strict) = match &*state.borrow() {
        IterState::Zip { its, strict } => (its.clone(), *strict),
        IterState::Map { func, its } => {
            let mut args = vec![func.clone()];
            args.extend(its.iter().cloned());
            (args, false)
        }
        IterState::Filter { func, it } => (vec![func.clone(), it.clone()], false),
        IterState::Enumerate { it, count } => (vec![it.clone(), count.clone()], false),
        // Exhausted, it keeps nothing to rebuild it from: an empty
        // iterator stands for it.
        _ => {
            let iter = vm.getattr_str(&Value::Obj(vm.builtins.clone()), "iter")?;
            let empty = vm.new_tuple(vec![]);
            return Ok(vm.new_tuple(vec![iter, vm.new_tuple(vec![empty])]));
        }
    };
    let args = vm.new_tuple(args);
    let mut parts = vec![cls, args];
    if strict {
        parts.push(Value::Bool(true));
    }
    Ok(vm.new_tuple(parts))
})
.no_args();

/// `zip.__setstate__(strict)`, for unpickling a strict `zip`.
const ZIP_SETSTATE: FunctionDef = FunctionDef::method("__setstate__", |vm, a| {
    let strict_now = vm.truthy(&a.pos[1])?;
    if let Some(ObjKind::Iter(state)) = a.pos[0].kind() {
        if let IterState::Zip { strict, .. } = &mut *state.borrow_mut() {
            *strict = strict_now;
        }
    }
    Ok(Value::None)
})
.one();

/// Pickling a built-in iterator: `iter(x)` of what is left (an index
/// into a sequence, a range from the next value, the remaining keys of a
/// dict or set as a list), as CPython's iterators reduce.
const SEQ_PICKLING: &[FunctionDef] = &[
    FunctionDef::method("__reduce__", |vm, a| reduce(vm, &a.pos[0])).no_args(),
    FunctionDef::method("__setstate__", |vm, a| {
        let n = vm.ssize_arg(&a.pos[1])?.max(0) as usize;
        if let Some(ObjKind::Iter(s)) = a.pos[0].kind() {
            match &mut *s.borrow_mut() {
                IterState::Seq { seq, index } => {
                    *index = match value_pystr(seq) {
                        // A str iterator counts bytes; the state counts
                        // characters.
                        Some(text) => crate::objects::str::WtfChars::of(text.as_bytes())
                            .take(n)
                            .map(|c| match c {
                                0..=0x7f => 1,
                                0x80..=0x7ff => 2,
                                0x800..=0xffff => 3,
                                _ => 4,
                            })
                            .sum(),
                        None => n,
                    };
                }
                IterState::Range { next, stop, step } => {
                    let left = range_left(*next, *stop, *step);
                    let n = (n as i64).min(left);
                    *next += n * *step;
                }
                _ => {}
            }
        }
        Ok(Value::None)
    })
    .one(),
];

fn range_left(next: i64, stop: i64, step: i64) -> i64 {
    let span = if step > 0 { stop - next } else { next - stop };
    if span <= 0 {
        0
    } else {
        (span + step.abs() - 1) / step.abs()
    }
}

fn reduce(vm: &mut Vm, it: &Value) -> PyResult {
    let iter = vm.getattr_str(&Value::Obj(vm.builtins.clone()), "iter")?;
    let Some(ObjKind::Iter(state)) = it.kind() else {
        return Err(vm.type_error("not a built-in iterator"));
    };
    enum Plan {
        Seq(Value, usize),
        Range(i64, i64, i64),
        Remaining(Vec<Value>),
        Call(Value, Value),
        Done,
    }
    let plan = match &*state.borrow() {
        IterState::Seq { seq, index } => {
            let index = match value_pystr(seq) {
                Some(text) => crate::objects::str::WtfChars::of(
                    &text.as_bytes()[..(*index).min(text.as_bytes().len())],
                )
                .count(),
                None => *index,
            };
            Plan::Seq(seq.clone(), index)
        }
        IterState::Range { next, stop, step } => Plan::Range(*next, *stop, *step),
        IterState::Dict {
            dict, pos, what, ..
        } => {
            let d = crate::objects::dict::dict_cell(dict).borrow();
            let mut items = Vec::new();
            let mut at = *pos;
            while let Some((p, e)) = d.next_from(at) {
                items.push(match what {
                    0 => e.key.clone(),
                    1 => e.value.clone(),
                    _ => vm.new_tuple(vec![e.key.clone(), e.value.clone()]),
                });
                at = p + 1;
            }
            Plan::Remaining(items)
        }
        IterState::Set { set, pos, .. } => {
            let items = crate::objects::set::with_table(set, |t| {
                let mut items = Vec::new();
                let mut at = *pos;
                while let Some((p, v)) = t.next_from(at) {
                    items.push(v.clone());
                    at = p + 1;
                }
                items
            });
            Plan::Remaining(items.unwrap_or_default())
        }
        IterState::Callable { func, sentinel } => Plan::Call(func.clone(), sentinel.clone()),
        IterState::Exhausted => Plan::Done,
        _ => return Err(vm.type_error(format!("cannot pickle '{}' object", vm.type_name(it)))),
    };
    let (args, index) = match plan {
        Plan::Seq(seq, index) => (vec![seq], Some(index)),
        Plan::Range(next, stop, step) => {
            let r = Value::Obj(Obj::new(
                vm.types.range.clone(),
                ObjKind::Range {
                    start: Value::Int(next),
                    stop: Value::Int(stop),
                    step: Value::Int(step),
                },
            ));
            (vec![r], Some(0))
        }
        Plan::Remaining(items) => (vec![vm.new_list(items)], None),
        Plan::Call(func, sentinel) => (vec![func, sentinel], None),
        Plan::Done => {
            // An exhausted iterator is `iter` of an empty sequence of
            // the kind it went over.
            let cls = vm.class_of(it).clone();
            let empty = if cls.is(&vm.types.list_iterator) {
                vm.new_list(vec![])
            } else if cls.is(&vm.types.str_iterator) {
                vm.new_str("")
            } else {
                vm.new_tuple(vec![])
            };
            (vec![empty], None)
        }
    };
    let args = vm.new_tuple(args);
    Ok(match index {
        Some(i) => vm.new_tuple(vec![iter, args, Value::Int(i as i64)]),
        None => vm.new_tuple(vec![iter, args]),
    })
}

/// `iter(tuple[int])` pickles as `iter` of the alias (not of the starred
/// alias it yields, whose own pickling goes through this iterator).
const GENERIC_ALIAS_ITER_REDUCE: FunctionDef = FunctionDef::method("__reduce__", |vm, a| {
    let iter = vm.getattr_str(&Value::Obj(vm.builtins.clone()), "iter")?;
    let pending = match a.pos[0].kind() {
        Some(ObjKind::Iter(s)) => match &*s.borrow() {
            IterState::Seq { seq, index: 0 } => crate::eval::tuple_items(seq).first().cloned(),
            _ => None,
        },
        _ => None,
    };
    let arg = match pending {
        Some(starred) => crate::objects::generic_alias::unstarred(vm, &starred)?,
        None => vm.new_tuple(vec![]),
    };
    let args = vm.new_tuple(vec![arg]);
    Ok(vm.new_tuple(vec![iter, args]))
})
.no_args();

const LENGTH_HINT: FunctionDef =
    FunctionDef::method("__length_hint__", |vm, a| match a.pos[0].kind() {
        Some(ObjKind::Iter(s)) => match length_hint(vm, &s.borrow()) {
            Some(n) => Ok(Value::Int(n as i64)),
            None => Ok(vm.not_implemented()),
        },
        _ => Ok(vm.not_implemented()),
    })
    .no_args();

/// `enumerate(iterable, start=0)`.
const ENUMERATE_PARAMS: Params = Params::Named {
    names: &["iterable", "start"],
    posonly: 0,
    positional: 2,
    required: 1,
};

const ENUMERATE_NEW: FunctionDef = FunctionDef::new("__new__", |vm, a| {
    let cls = a.pos[0].as_obj().cloned().unwrap();
    if a.pos.len() == 1 && a.kwarg("iterable").is_none() {
        return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
    }
    let b = ENUMERATE_PARAMS.bind(vm, "enumerate", a, 1)?;
    // `start` is checked before the iterable, as in CPython.
    let count = match b.given(2) {
        Some(s) => match vm.index_int(s)? {
            Some(v) => v,
            None => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(s)
                )))
            }
        },
        None => Value::Int(0),
    };
    let it = vm.iter(&b.pos[1])?;
    Ok(new_iter(cls, IterState::Enumerate { it, count }))
});

const ZIP_NEW: FunctionDef = FunctionDef::new("__new__", |vm, a| {
    let cls = a.pos[0].as_obj().cloned().unwrap();
    let mut strict = false;
    for (k, v) in &a.kw {
        if crate::objects::str::str_eq(k, "strict") {
            strict = vm.truthy(v)?;
        } else {
            return Err(vm.type_error(format!(
                "zip() got an unexpected keyword argument '{}'",
                crate::objects::str::text(k)
            )));
        }
    }
    let mut its = Vec::new();
    for v in a.pos[1..].iter() {
        its.push(vm.iter(v)?);
    }
    Ok(new_iter(cls, IterState::Zip { its, strict }))
});

/// Whether keyword arguments to `cls(...)` go to an `__init__` of the
/// subclass's own, as CPython lets them (`map` and `filter` take none).
fn init_takes_keywords(vm: &mut Vm, cls: &Obj, base: &Obj) -> bool {
    match (
        vm.lookup_type(cls, "__init__"),
        vm.lookup_type(base, "__init__"),
    ) {
        (Some(own), Some(inherited)) => !own.is(&inherited),
        _ => false,
    }
}

const MAP_NEW: FunctionDef = FunctionDef::new("__new__", |vm, a| {
    let cls = a.pos[0].as_obj().cloned().unwrap();
    let map = vm.types.map.clone();
    if !a.kw.is_empty() && !init_takes_keywords(vm, &cls, &map) {
        return Err(vm.type_error("map() takes no keyword arguments"));
    }
    if a.pos.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::new();
    for v in &a.pos[2..] {
        its.push(vm.iter(v)?);
    }
    Ok(new_iter(
        cls,
        IterState::Map {
            func: a.pos[1].clone(),
            its,
        },
    ))
});

const FILTER_NEW: FunctionDef = FunctionDef::new("__new__", |vm, mut a| {
    let cls = a.pos[0].as_obj().cloned().unwrap();
    let filter = vm.types.filter.clone();
    if !a.kw.is_empty() && init_takes_keywords(vm, &cls, &filter) {
        a.kw.clear();
    }
    check_positional(vm, &a, "filter", 1, 2, 2)?;
    let it = vm.iter(&a.pos[2])?;
    Ok(new_iter(
        cls,
        IterState::Filter {
            func: a.pos[1].clone(),
            it,
        },
    ))
});

const REVERSED_NEW: FunctionDef = FunctionDef::new("__new__", |vm, a| {
    check_positional(vm, &a, "reversed", 1, 1, 1)?;
    vm.reversed(&a.pos[1])
});

fn new_iter(cls: Obj, state: IterState) -> Value {
    Value::Obj(Obj::new(cls, ObjKind::Iter(RefCell::new(state))))
}

impl Vm {
    /// `reversed(v)`.
    pub fn reversed(&mut self, v: &Value) -> PyResult {
        if let Some(o) = v.as_obj() {
            if !o.class().tdata().heap {
                match o.kind() {
                    ObjKind::List(l) => {
                        let n = l.borrow().len() as isize;
                        return Ok(new_iter(
                            self.types.reversed.clone(),
                            IterState::Reversed {
                                seq: v.clone(),
                                index: n - 1,
                            },
                        ));
                    }
                    ObjKind::Range { .. } => return Ok(crate::objects::range::reversed(self, o)),
                    _ => {}
                }
            }
        }
        let cls = self.class_of(v).clone();
        let name = self.names.reversed.clone();
        match self.lookup_type_obj(&cls, &name) {
            Some(Value::None) => {}
            Some(m) => return self.call_method_value(&m, v.clone(), vec![]),
            None => {
                let g = self.names.getitem.clone();
                let l = self.names.len.clone();
                let is_mapping = matches!(v.kind(), Some(ObjKind::Dict(_)));
                if !is_mapping
                    && self.lookup_type_obj(&cls, &g).is_some()
                    && self.lookup_type_obj(&cls, &l).is_some()
                {
                    let n = self.len(v)? as isize;
                    return Ok(new_iter(
                        self.types.reversed.clone(),
                        IterState::Reversed {
                            seq: v.clone(),
                            index: n - 1,
                        },
                    ));
                }
            }
        }
        Err(self.type_error(format!("'{}' object is not reversible", self.type_name(v))))
    }
}

/// The next item of a sequence iterated by index.
fn next_in_sequence(vm: &mut Vm, state: &RefCell<IterState>) -> PyResult<Option<Value>> {
    let mut st = state.borrow_mut();
    let IterState::Seq { seq, index } = &mut *st else {
        unreachable!("called for this state only")
    };
    let i = *index;
    match seq.kind() {
        Some(ObjKind::List(l)) => {
            let l = l.borrow();
            if i < l.len() {
                *index += 1;
                return Ok(Some(l[i].clone()));
            }
        }
        Some(ObjKind::Tuple(t)) => {
            if i < t.len() {
                *index += 1;
                return Ok(Some(t[i].clone()));
            }
        }
        Some(ObjKind::Bytes(b)) => {
            if i < b.len() {
                *index += 1;
                return Ok(Some(Value::Int(b[i] as i64)));
            }
        }
        Some(ObjKind::ByteArray(b)) => {
            let b = b.borrow();
            if i < b.len() {
                *index += 1;
                return Ok(Some(Value::Int(b[i] as i64)));
            }
        }
        _ if value_pystr(seq).is_some() => {
            let s = value_pystr(seq).expect("a str");
            if let Some(cp) = crate::objects::str::slots::next_code_point(s, index) {
                drop(st);
                return Ok(Some(vm.char_str(cp)));
            }
        }
        _ => {
            // The old sequence protocol: `__getitem__` until IndexError.
            let seq = seq.clone();
            drop(st);
            return match vm.getitem(&seq, &Value::Int(i as i64)) {
                Ok(v) => {
                    if let IterState::Seq { index, .. } = &mut *state.borrow_mut() {
                        *index += 1;
                    }
                    Ok(Some(v))
                }
                Err(e)
                    if e.class().is_subtype(&vm.exc.index_error)
                        || e.class().is_subtype(&vm.exc.stop_iteration) =>
                {
                    *state.borrow_mut() = IterState::Exhausted;
                    Ok(None)
                }
                Err(e) => Err(e),
            };
        }
    }
    *st = IterState::Exhausted;
    Ok(None)
}

/// The next item of `reversed(seq)`, last first.
fn next_reversed(vm: &mut Vm, state: &RefCell<IterState>) -> PyResult<Option<Value>> {
    let mut st = state.borrow_mut();
    let IterState::Reversed { seq, index } = &mut *st else {
        unreachable!("called for this state only")
    };
    if *index < 0 {
        *st = IterState::Exhausted;
        return Ok(None);
    }
    let i = *index;
    *index -= 1;
    let seq = seq.clone();
    drop(st);
    match seq.kind() {
        Some(ObjKind::List(l)) => {
            let v = l.borrow().get(i as usize).cloned();
            if v.is_none() {
                *state.borrow_mut() = IterState::Exhausted;
            }
            Ok(v)
        }
        _ => match vm.getitem(&seq, &Value::Int(i as i64)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.class().is_subtype(&vm.exc.index_error) => {
                *state.borrow_mut() = IterState::Exhausted;
                Ok(None)
            }
            Err(e) => Err(e),
        },
    }
}

/// The next key, value or item of a dict, checking the dict kept its size.
fn next_in_dict(vm: &mut Vm, state: &RefCell<IterState>) -> PyResult<Option<Value>> {
    let mut st = state.borrow_mut();
    let IterState::Dict {
        dict,
        pos,
        what,
        len,
    } = &mut *st
    else {
        unreachable!("called for this state only")
    };
    let d = crate::objects::dict::dict_cell(dict).borrow();
    if d.len() != *len {
        *len = usize::MAX;
        drop(d);
        drop(st);
        return Err(vm.runtime_error("dictionary changed size during iteration"));
    }
    match d.next_from(*pos) {
        Some((p, e)) => {
            *pos = p + 1;
            let r = match what {
                0 => e.key.clone(),
                1 => e.value.clone(),
                _ => {
                    let (k, v) = (e.key.clone(), e.value.clone());
                    drop(d);
                    drop(st);
                    return Ok(Some(vm.new_tuple(vec![k, v])));
                }
            };
            Ok(Some(r))
        }
        None => {
            *pos = usize::MAX / 2;
            Ok(None)
        }
    }
}

/// The next item of a set, checking the set kept its size.
fn next_in_set(vm: &mut Vm, state: &RefCell<IterState>) -> PyResult<Option<Value>> {
    let mut st = state.borrow_mut();
    let IterState::Set { set, pos, len } = &mut *st else {
        unreachable!("called for this state only")
    };
    let set = set.clone();
    let r = crate::objects::set::with_table(&set, |t| {
        if t.len() != *len {
            return Err(());
        }
        Ok(t.next_from(*pos).map(|(p, v)| (p, v.clone())))
    });
    match r {
        Some(Err(())) => {
            *len = usize::MAX;
            drop(st);
            Err(vm.runtime_error("Set changed size during iteration"))
        }
        Some(Ok(Some((p, v)))) => {
            *pos = p + 1;
            Ok(Some(v))
        }
        _ => {
            *pos = usize::MAX / 2;
            Ok(None)
        }
    }
}

/// The next tuple of `zip()`, with `strict=True`'s checks.
fn next_zipped(vm: &mut Vm, state: &RefCell<IterState>) -> PyResult<Option<Value>> {
    let mut st = state.borrow_mut();
    let IterState::Zip { its, strict } = &mut *st else {
        unreachable!("called for this state only")
    };
    let (its, strict) = (its.clone(), *strict);
    drop(st);
    if its.is_empty() {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(its.len());
    for (i, inner) in its.iter().enumerate() {
        match vm.next(inner)? {
            Some(v) => out.push(v),
            None => {
                *state.borrow_mut() = IterState::Exhausted;
                if strict {
                    if i > 0 {
                        let plural = if i == 1 { " " } else { "s 1-" };
                        let msg = if i == 1 {
                            format!(
                                "zip() argument {} is shorter than argument{}1",
                                i + 1,
                                plural
                            )
                        } else {
                            format!(
                                "zip() argument {} is shorter than argument{}{}",
                                i + 1,
                                plural,
                                i
                            )
                        };
                        return Err(vm.value_error(msg));
                    }
                    for (j, rest) in its.iter().enumerate().skip(1) {
                        if vm.next(rest)?.is_some() {
                            let msg = if j == 1 {
                                format!("zip() argument {} is longer than argument 1", j + 1)
                            } else {
                                format!("zip() argument {} is longer than arguments 1-{}", j + 1, j)
                            };
                            return Err(vm.value_error(msg));
                        }
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(vm.new_tuple(out)))
}

/// The next item `filter()` keeps.
fn next_filtered(vm: &mut Vm, state: &RefCell<IterState>) -> PyResult<Option<Value>> {
    let mut st = state.borrow_mut();
    let IterState::Filter { func, it } = &mut *st else {
        unreachable!("called for this state only")
    };
    let (f, inner) = (func.clone(), it.clone());
    drop(st);
    loop {
        let Some(v) = vm.next(&inner)? else {
            return Ok(None);
        };
        let keep = if f.is_none() {
            vm.truthy(&v)?
        } else {
            let r = vm.call(&f, vec![v.clone()])?;
            vm.truthy(&r)?
        };
        if keep {
            return Ok(Some(v));
        }
    }
}
