//! Slots made from dunder methods: how a class defined in Python (or a
//! built-in type that implements a protocol as a plain method) takes
//! part in the protocols the generic code reaches through slots.
//!
//! For each slot, the class's MRO is searched for the first class that
//! defines one of the slot's dunders. When that is a built-in type with
//! the slot of its own, the class shares it (a `list` subclass indexes
//! with `list`'s own function, without a dunder lookup); when it is a
//! class defined in Python, or a built-in type's plain method, the slot
//! becomes a function that looks the dunder up and calls it. A class
//! whose MRO defines none of the dunders has no slot.
//!
//! [`fill`] runs when a class is made, for every built-in type once the
//! built-ins are registered, and again for a class and its subclasses
//! when a dunder is set or deleted on it ([`Vm::dunder_changed`]).

use crate::object::ObjKind;
use crate::objects::function::Args;
use crate::objects::str::{as_pystr, value_pystr};
use crate::objects::typeobject::slots::Slots;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_compiler::code::CompareOp;

/// Where a slot of a class comes from.
enum Source {
    /// No class in the MRO defines the slot's dunders.
    Absent,
    /// A built-in type defines them, with these slots of its own.
    Native(Slots),
    /// A class defined in Python defines one, or a built-in type as a
    /// plain method: the slot calls the dunder.
    Dunder,
}

/// Gives `cls` the slots its MRO's dunders call for.
pub fn fill(vm: &Vm, cls: &Obj) {
    let mro = cls.tdata().mro.borrow();
    let mut s = cls.tdata().slots.get();
    let names = &vm.names;
    let find = |group: &[&Obj], own: fn(&Slots) -> bool| source(&mro, group, own);

    let src = find(&[&names.repr], |s| s.repr.is_some());
    s.repr = pick(src, |s| s.repr, repr_by_dunder);
    let src = find(&[&names.hash], |s| s.hash.is_some());
    s.hash = pick(src, |s| s.hash, hash_by_dunder);
    let compare: Vec<&Obj> = names.compare.iter().collect();
    let src = find(&compare, |s| s.richcompare.is_some());
    s.richcompare = pick(src, |s| s.richcompare, richcompare_by_dunder);
    let src = find(&[&names.len], |s| s.len.is_some());
    s.len = pick(src, |s| s.len, len_by_dunder);
    let src = find(&[&names.getitem], |s| s.getitem.is_some());
    s.getitem = pick(src, |s| s.getitem, getitem_by_dunder);
    let src = find(&[&names.setitem, &names.delitem], |s| s.setitem.is_some());
    s.setitem = pick(src, |s| s.setitem, setitem_by_dunder);
    let src = find(&[&names.contains], |s| s.contains.is_some());
    s.contains = pick(src, |s| s.contains, contains_by_dunder);
    let src = find(&[&names.iter], |s| s.iter.is_some());
    s.iter = pick(src, |s| s.iter, iter_by_dunder);
    let src = find(&[&names.next], |s| s.next.is_some());
    s.next = pick(src, |s| s.next, next_by_dunder);
    let src = find(&[&names.call], |s| s.call.is_some());
    s.call = pick(src, |s| s.call, call_by_dunder);
    let src = find(&[&names.get], |s| s.descr_get.is_some());
    s.descr_get = pick(src, |s| s.descr_get, descr_get_by_dunder);
    let src = find(&[&names.set, &names.delete], |s| s.descr_set.is_some());
    s.descr_set = pick(src, |s| s.descr_set, descr_set_by_dunder);
    // A built-in type without its own attribute slot uses `object`'s
    // generic protocol, which an absent slot stands for.
    let src = find(&[&names.getattribute, &names.getattr], |s| {
        s.getattr.is_some()
    });
    s.getattr = match src {
        Source::Absent => None,
        Source::Native(n) => n.getattr,
        Source::Dunder => Some(getattr_by_dunder),
    };
    let src = find(&[&names.setattr, &names.delattr], |s| s.setattr.is_some());
    s.setattr = match src {
        Source::Absent => None,
        Source::Native(n) => n.setattr,
        Source::Dunder => Some(setattr_by_dunder),
    };
    drop(mro);
    cls.tdata().slots.set(s);
}

/// The first class of `mro` that has the slot or defines one of its
/// dunders (`group`), and what it offers: a built-in type's declared
/// slot (`own` tells whether it has one), or the dunder.
fn source(mro: &[Obj], group: &[&Obj], own: fn(&Slots) -> bool) -> Source {
    for c in mro {
        let t = c.tdata();
        if !t.heap && own(t.declared_slots.get()) {
            return Source::Native(*t.declared_slots.get());
        }
        let Some(d) = c.object().dict() else { continue };
        let defines = group
            .iter()
            .any(|n| crate::objects::dict::get_str_obj(d, n).is_some());
        if !defines {
            continue;
        }
        // `object` declares the attribute protocol's dunders without
        // slots: its generic protocol, which an absent slot stands for.
        if !t.heap && t.bases.borrow().is_empty() {
            return Source::Native(*t.declared_slots.get());
        }
        return Source::Dunder;
    }
    Source::Absent
}

fn pick<F: Copy>(src: Source, get: fn(&Slots) -> Option<F>, by_dunder: F) -> Option<F> {
    match src {
        Source::Absent => None,
        Source::Native(n) => get(&n).or(Some(by_dunder)),
        Source::Dunder => Some(by_dunder),
    }
}

impl Vm {
    /// After `name` was set on or deleted from the class `cls`: the slots
    /// of `cls` and its subclasses follow, when `name` is a dunder.
    pub fn dunder_changed(&mut self, cls: &Obj, name: &Obj) {
        let is_dunder = as_pystr(name)
            .and_then(|s| s.as_str())
            .is_some_and(|n| n.len() > 4 && n.starts_with("__") && n.ends_with("__"));
        if is_dunder {
            self.refill_slots(cls);
        }
    }

    /// Works out the slots of `cls` and of its subclasses again.
    pub fn refill_slots(&mut self, cls: &Obj) {
        fill(self, cls);
        let subs: Vec<Obj> = cls
            .tdata()
            .subclasses
            .borrow()
            .iter()
            .filter_map(|w| w.upgrade())
            .map(Obj)
            .collect();
        for sub in subs {
            self.refill_slots(&sub);
        }
    }
}

/// The dunder `name` of `o`'s class.
fn dunder(vm: &mut Vm, o: &Obj, name: &Obj) -> Option<Value> {
    let cls = o.class().clone();
    vm.lookup_type_obj(&cls, name)
}

fn repr_by_dunder(vm: &mut Vm, o: &Obj) -> PyResult {
    let name = vm.names.repr.clone();
    let r = match dunder(vm, o, &name) {
        Some(m) => {
            vm.enter_recursion(" while getting the repr of an object")?;
            let r = vm.call_method_value(&m, Value::Obj(o.clone()), vec![]);
            vm.leave_recursion();
            r?
        }
        None => {
            let s = crate::objects::typeobject::object::default_repr(vm, &Value::Obj(o.clone()));
            vm.new_string(s)
        }
    };
    if value_pystr(&r).is_none() {
        return Err(vm.type_error(format!(
            "__repr__ returned non-string (type {})",
            vm.type_name(&r)
        )));
    }
    Ok(r)
}

fn hash_by_dunder(vm: &mut Vm, o: &Obj) -> PyResult<i64> {
    use crate::protocol::hash;
    let name = vm.names.hash.clone();
    match dunder(vm, o, &name) {
        Some(Value::None) => {
            Err(vm.type_error(format!("unhashable type: '{}'", o.class().type_name())))
        }
        Some(m) => match vm.call_method_value(&m, Value::Obj(o.clone()), vec![])? {
            Value::Int(i) => Ok(hash::fix(i)),
            Value::Truth(b) => Ok(b as i64),
            Value::Obj(r) => match r.kind() {
                ObjKind::Int(b) => Ok(hash::hash_bigint(b)),
                _ => Err(vm.type_error("__hash__ method should return an integer")),
            },
            _ => Err(vm.type_error("__hash__ method should return an integer")),
        },
        None => Ok(hash::hash_pointer(o.addr())),
    }
}

/// A comparison by the receiver's dunder for `op`; `None` when it is
/// missing or returns NotImplemented. Also how ints, floats, bools and
/// `None`, which are not objects, compare with objects.
pub fn compare_by_dunder(
    vm: &mut Vm,
    op: CompareOp,
    a: &Value,
    b: &Value,
) -> PyResult<Option<Value>> {
    let cls = vm.class_of(a).clone();
    let name = vm.names.compare[op as usize].clone();
    let Some(m) = vm.lookup_type_obj(&cls, &name) else {
        return Ok(None);
    };
    let r = vm.call_method_value(&m, a.clone(), vec![b.clone()])?;
    Ok((!vm.is_not_implemented(&r)).then_some(r))
}

fn richcompare_by_dunder(
    vm: &mut Vm,
    op: CompareOp,
    o: &Obj,
    b: &Value,
) -> PyResult<Option<Value>> {
    compare_by_dunder(vm, op, &Value::Obj(o.clone()), b)
}

fn len_by_dunder(vm: &mut Vm, o: &Obj) -> PyResult<usize> {
    let name = vm.names.len.clone();
    match dunder(vm, o, &name) {
        Some(m) => {
            let r = vm.call_method_value(&m, Value::Obj(o.clone()), vec![])?;
            vm.len_result(r)
        }
        None => Err(vm.type_error(format!(
            "object of type '{}' has no len()",
            o.class().type_name()
        ))),
    }
}

fn getitem_by_dunder(vm: &mut Vm, o: &Obj, key: &Value) -> PyResult {
    let name = vm.names.getitem.clone();
    match dunder(vm, o, &name) {
        Some(m) => vm.call_method_value(&m, Value::Obj(o.clone()), vec![key.clone()]),
        None => Err(vm.type_error(format!(
            "'{}' object is not subscriptable",
            o.class().type_name()
        ))),
    }
}

fn setitem_by_dunder(vm: &mut Vm, o: &Obj, key: Value, value: Option<Value>) -> PyResult<()> {
    let (name, args, what) = match value {
        Some(v) => (vm.names.setitem.clone(), vec![key, v], "assignment"),
        None => (vm.names.delitem.clone(), vec![key], "deletion"),
    };
    match dunder(vm, o, &name) {
        Some(m) => vm
            .call_method_value(&m, Value::Obj(o.clone()), args)
            .map(drop),
        None => Err(vm.type_error(format!(
            "'{}' object does not support item {what}",
            o.class().type_name()
        ))),
    }
}

fn contains_by_dunder(vm: &mut Vm, o: &Obj, item: &Value) -> PyResult<bool> {
    let name = vm.names.contains.clone();
    match dunder(vm, o, &name) {
        Some(Value::None) => Err(vm.type_error(format!(
            "'{}' object is not a container",
            o.class().type_name()
        ))),
        Some(m) => {
            let r = vm.call_method_value(&m, Value::Obj(o.clone()), vec![item.clone()])?;
            vm.truthy(&r)
        }
        None => vm.contains_by_iteration(&Value::Obj(o.clone()), item),
    }
}

fn iter_by_dunder(vm: &mut Vm, o: &Obj) -> PyResult {
    let name = vm.names.iter.clone();
    match dunder(vm, o, &name) {
        Some(m) if !m.is_none() => {
            let it = vm.call_method_value(&m, Value::Obj(o.clone()), vec![])?;
            if !vm.is_iterator(&it) {
                return Err(vm.type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    vm.type_name(&it)
                )));
            }
            Ok(it)
        }
        _ => Err(vm.type_error(format!(
            "'{}' object is not iterable",
            o.class().type_name()
        ))),
    }
}

fn next_by_dunder(vm: &mut Vm, o: &Obj) -> PyResult<Option<Value>> {
    let name = vm.names.next.clone();
    let Some(m) = dunder(vm, o, &name) else {
        return Err(vm.type_error(format!(
            "'{}' object is not an iterator",
            o.class().type_name()
        )));
    };
    match vm.call_method_value(&m, Value::Obj(o.clone()), vec![]) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.class().is_subtype(&vm.exc.stop_iteration) => Ok(None),
        Err(e) => Err(e),
    }
}

fn call_by_dunder(vm: &mut Vm, o: &Obj, args: Args) -> PyResult {
    let name = vm.names.call.clone();
    match dunder(vm, o, &name) {
        Some(m) if !m.is_none() => vm.call_method_value_kw(&m, Value::Obj(o.clone()), args),
        _ => Err(vm.not_callable(&Value::Obj(o.clone()))),
    }
}

fn descr_get_by_dunder(vm: &mut Vm, descr: &Obj, instance: &Value, owner: &Obj) -> PyResult {
    let name = vm.names.get.clone();
    let Some(g) = dunder(vm, descr, &name) else {
        return Ok(Value::Obj(descr.clone()));
    };
    let instance = if instance.is_null() {
        Value::None
    } else {
        instance.clone()
    };
    vm.call_method_value(
        &g,
        Value::Obj(descr.clone()),
        vec![instance, Value::Obj(owner.clone())],
    )
}

fn descr_set_by_dunder(
    vm: &mut Vm,
    descr: &Obj,
    instance: &Value,
    value: Option<Value>,
) -> PyResult<()> {
    let (name, args) = match value {
        Some(v) => (vm.names.set.clone(), vec![instance.clone(), v]),
        None => (vm.names.delete.clone(), vec![instance.clone()]),
    };
    match dunder(vm, descr, &name) {
        Some(m) => vm
            .call_method_value(&m, Value::Obj(descr.clone()), args)
            .map(drop),
        None => Err(vm.attribute_error(&*crate::objects::str::text(&name))),
    }
}

/// A class's `__getattribute__`, then on AttributeError its
/// `__getattr__`.
fn getattr_by_dunder(vm: &mut Vm, obj: &Value, name: &Obj) -> PyResult {
    let cls = vm.class_of(obj).clone();
    let ga = vm.names.getattribute.clone();
    let r = match vm.lookup_type_obj(&cls, &ga) {
        Some(custom) if !is_objects(vm, &custom) => {
            vm.call_method_value(&custom, obj.clone(), vec![Value::Obj(name.clone())])
        }
        _ => vm.generic_getattr(obj, &cls, name),
    };
    match r {
        Err(e) if e.class().is_subtype(&vm.exc.attribute_error) => {
            let hook = vm.names.getattr.clone();
            match vm.lookup_type_obj(&cls, &hook) {
                Some(h) => vm.call_method_value(&h, obj.clone(), vec![Value::Obj(name.clone())]),
                None => Err(e),
            }
        }
        other => other,
    }
}

/// A class's `__setattr__` or `__delattr__`, or `object`'s protocol.
fn setattr_by_dunder(vm: &mut Vm, obj: &Value, name: &Obj, value: Option<Value>) -> PyResult<()> {
    let cls = vm.class_of(obj).clone();
    let hook = match value {
        Some(_) => vm.names.setattr.clone(),
        None => vm.names.delattr.clone(),
    };
    match vm.lookup_type_obj(&cls, &hook) {
        Some(custom) if !is_objects(vm, &custom) => {
            let mut args = vec![Value::Obj(name.clone())];
            args.extend(value);
            vm.call_method_value(&custom, obj.clone(), args).map(drop)
        }
        _ => match value {
            Some(v) => vm.generic_setattr(obj, &cls, name, v),
            None => vm.generic_delattr(obj, name),
        },
    }
}

/// Whether `f` is one of `object`'s own methods.
fn is_objects(vm: &Vm, f: &Value) -> bool {
    matches!(f.kind(), Some(ObjKind::Builtin(b)) if b.owner.as_ref().is_some_and(|o| o.is(&vm.types.object)))
}
