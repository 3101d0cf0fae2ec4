//! How the one-input iterators pickle and copy, as 3.11's do:
//! `__reduce__` gives the class, the arguments that make an iterator
//! from the current inputs, and a state that `__setstate__` restores
//! (how far an `islice` got, whether `dropwhile` still drops, ...).

use super::simple::{
    Accumulate, Chain, Compress, Count, Cycle, ISlice, Predicated, Repeat, Starmap, ZipLongest,
};
use super::state;
use krait_vm::api::{list_items, small_int, Args, FunctionDef as F, Obj, PyResult, Value, Vm};

/// The instance a method was called on.
pub(super) fn this(a: &Args) -> Obj {
    a.pos[0].as_obj().cloned().expect("a method's receiver")
}

/// `(type(o), args)`, with `state` after them when there is one.
pub(super) fn reduced(vm: &Vm, o: &Obj, args: Vec<Value>, state: Option<Value>) -> Value {
    let mut parts = vec![Value::Obj(o.class().clone()), vm.new_tuple(args)];
    parts.extend(state);
    vm.new_tuple(parts)
}

fn state_tuple(vm: &Vm, state: &Value) -> PyResult<Vec<Value>> {
    krait_vm::api::tuple_items(state).ok_or_else(|| vm.type_error("state is not a tuple"))
}

pub const COUNT: F = F::method("__reduce__", |vm, a| {
    let o = this(&a);
    let c = state::<Count>(&o);
    let next = c.next.borrow().clone();
    let args = if matches!(c.step, Value::Int(1)) && matches!(next, Value::Int(_)) {
        vec![next]
    } else {
        vec![next, c.step.clone()]
    };
    Ok(reduced(vm, &o, args, None))
})
.no_args();

pub const REPEAT: F = F::method("__reduce__", |vm, a| {
    let o = this(&a);
    let r = state::<Repeat>(&o);
    let mut args = vec![r.object.clone()];
    args.extend(r.left.get().map(Value::Int));
    Ok(reduced(vm, &o, args, None))
})
.no_args();

pub const CYCLE: [F; 2] = [
    F::method("__reduce__", |vm, a| {
        let o = this(&a);
        let c = state::<Cycle>(&o);
        let saved = vm.new_list(c.saved.borrow().clone());
        let input = c.it.borrow().clone();
        match input {
            Some(it) => {
                let first = Value::Bool(c.firstpass.get());
                Ok(reduced(
                    vm,
                    &o,
                    vec![it],
                    Some(vm.new_tuple(vec![saved, first])),
                ))
            }
            None => {
                // The input is used up: start again from the saved items,
                // where the cycle stands in them.
                let it = vm.iter(&saved)?;
                if c.index.get() != 0 {
                    let at = Value::Int(c.index.get() as i64);
                    vm.call_method(&it, "__setstate__", vec![at])?;
                }
                let state = vm.new_tuple(vec![saved, Value::Bool(true)]);
                Ok(reduced(vm, &o, vec![it], Some(state)))
            }
        }
    })
    .no_args(),
    F::method("__setstate__", |vm, a| {
        let o = this(&a);
        let c = state::<Cycle>(&o);
        let fields = state_tuple(vm, &a.pos[1])?;
        let (Some(saved), Some(first)) = (fields.first().and_then(list_items), fields.get(1))
        else {
            return Err(vm.type_error("cycle state must be a (list, int) tuple"));
        };
        let Some(first) = small_int(first) else {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(first)
            )));
        };
        let first = first != 0;
        *c.saved.borrow_mut() = saved;
        c.firstpass.set(first);
        c.index.set(0);
        Ok(Value::None)
    })
    .one(),
];

pub const ACCUMULATE: [F; 2] = [
    F::method("__reduce__", |vm, a| {
        let o = this(&a);
        let s = state::<Accumulate>(&o);
        let initial = s.initial.borrow().clone();
        if let Some(initial) = initial {
            // Not started: the initial value goes first again.
            let chain = vm.native_class("itertools", "chain")?;
            let first = vm.new_tuple(vec![initial]);
            let it = vm.call(&Value::Obj(chain), vec![first, s.it.clone()])?;
            return Ok(reduced(vm, &o, vec![it, s.func.clone()], Some(Value::None)));
        }
        let total = s.total.borrow().clone();
        match total {
            Some(t) if t.is_none() => {
                // A None total cannot be given back as state (pickle skips
                // a None state): the rest is made to follow it.
                let chain = vm.native_class("itertools", "chain")?;
                let islice = vm.native_class("itertools", "islice")?;
                let first = vm.new_tuple(vec![t]);
                let it = vm.call(&Value::Obj(chain), vec![first, s.it.clone()])?;
                let again = vm.call(&Value::Obj(o.class().clone()), vec![it, s.func.clone()])?;
                let args = vm.new_tuple(vec![again, Value::Int(1), Value::None]);
                Ok(vm.new_tuple(vec![Value::Obj(islice), args]))
            }
            total => Ok(reduced(
                vm,
                &o,
                vec![s.it.clone(), s.func.clone()],
                Some(total.unwrap_or(Value::None)),
            )),
        }
    })
    .no_args(),
    F::method("__setstate__", |_, a| {
        let o = this(&a);
        *state::<Accumulate>(&o).total.borrow_mut() = Some(a.pos[1].clone());
        Ok(Value::None)
    })
    .one(),
];

pub const CHAIN: [F; 2] = [
    F::method("__reduce__", |vm, a| {
        let o = this(&a);
        let c = state::<Chain>(&o);
        let sources = c.sources.borrow().clone();
        let active = c.active.borrow().clone();
        let state = sources.map(|s| vm.new_tuple(std::iter::once(s).chain(active).collect()));
        Ok(reduced(vm, &o, Vec::new(), state))
    })
    .no_args(),
    F::method("__setstate__", |vm, a| {
        let o = this(&a);
        let c = state::<Chain>(&o);
        let fields = state_tuple(vm, &a.pos[1])?;
        if fields.is_empty() || fields.len() > 2 {
            return Err(vm.type_error(format!(
                "function takes at least 1 argument ({} given)",
                fields.len()
            )));
        }
        if !fields.iter().all(|f| vm.is_iterator(f)) {
            return Err(vm.type_error("Arguments must be iterators."));
        }
        *c.sources.borrow_mut() = Some(fields[0].clone());
        *c.active.borrow_mut() = fields.get(1).cloned();
        Ok(Value::None)
    })
    .one(),
];

pub const COMPRESS: F = F::method("__reduce__", |vm, a| {
    let o = this(&a);
    let c = state::<Compress>(&o);
    Ok(reduced(
        vm,
        &o,
        vec![c.data.clone(), c.selectors.clone()],
        None,
    ))
})
.no_args();

pub const FILTERFALSE: F = F::method("__reduce__", |vm, a| {
    let o = this(&a);
    let p = state::<Predicated>(&o);
    Ok(reduced(
        vm,
        &o,
        vec![p.predicate.clone(), p.it.clone()],
        None,
    ))
})
.no_args();

pub const STARMAP: F = F::method("__reduce__", |vm, a| {
    let o = this(&a);
    let s = state::<Starmap>(&o);
    Ok(reduced(vm, &o, vec![s.func.clone(), s.it.clone()], None))
})
.no_args();

/// `dropwhile` and `takewhile`: the predicate, the input, and whether
/// the predicate has failed yet.
pub const PREDICATED: [F; 2] = [
    F::method("__reduce__", |vm, a| {
        let o = this(&a);
        let p = state::<Predicated>(&o);
        let failed = p.failed();
        Ok(reduced(
            vm,
            &o,
            vec![p.predicate.clone(), p.it.clone()],
            Some(Value::Bool(failed)),
        ))
    })
    .no_args(),
    F::method("__setstate__", |vm, a| {
        let o = this(&a);
        let failed = vm.truthy(&a.pos[1])?;
        state::<Predicated>(&o).set_failed(failed);
        Ok(Value::None)
    })
    .one(),
];

pub const ISLICE: [F; 2] = [
    F::method("__reduce__", |vm, a| {
        let o = this(&a);
        let s = state::<ISlice>(&o);
        let input = s.it.borrow().clone();
        let Some(it) = input else {
            let empty = vm.new_list(Vec::new());
            let empty = vm.iter(&empty)?;
            return Ok(reduced(
                vm,
                &o,
                vec![empty, Value::Int(0)],
                Some(Value::Int(0)),
            ));
        };
        let stop = s.stop.map_or(Value::None, |n| Value::Int(n as i64));
        let args = vec![
            it,
            Value::Int(s.next.get() as i64),
            stop,
            Value::Int(s.step as i64),
        ];
        Ok(reduced(
            vm,
            &o,
            args,
            Some(Value::Int(s.count.get() as i64)),
        ))
    })
    .no_args(),
    F::method("__setstate__", |vm, a| {
        let o = this(&a);
        let n = match small_int(&a.pos[1]) {
            Some(n) => n,
            None => vm.ssize_arg(&a.pos[1])?,
        };
        state::<ISlice>(&o).count.set(n.max(0) as usize);
        Ok(Value::None)
    })
    .one(),
];

pub const ZIP_LONGEST: [F; 2] = [
    F::method("__reduce__", |vm, a| {
        let o = this(&a);
        let z = state::<ZipLongest>(&o);
        // A used-up input is given back as an empty tuple.
        let args = z
            .its
            .iter()
            .map(|slot| {
                slot.borrow()
                    .clone()
                    .unwrap_or_else(|| vm.new_tuple(Vec::new()))
            })
            .collect();
        let fill = z.fill.borrow().clone();
        Ok(reduced(vm, &o, args, Some(fill)))
    })
    .no_args(),
    F::method("__setstate__", |_, a| {
        let o = this(&a);
        *state::<ZipLongest>(&o).fill.borrow_mut() = a.pos[1].clone();
        Ok(Value::None)
    })
    .one(),
];
