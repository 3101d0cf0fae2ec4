//! `dict`: the constructor, methods and views.

use crate::api::{add_methods, FunctionDef};
use crate::object::ObjKind;
use crate::objects::dict::table::Dict;
use crate::objects::function::Args;
use crate::objects::typeobject::slots::install;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

/// A view's `mapping`: a read-only proxy of its dict.
const VIEW_ATTRIBUTES: &[crate::api::GetSetDef] =
    &[crate::api::GetSetDef::new("mapping", |vm, v| {
        let Some(ObjKind::DictView { dict, .. }) = v.kind() else {
            unreachable!("read on dict views")
        };
        Ok(Value::Obj(Obj::new(
            vm.types.mappingproxy.clone(),
            ObjKind::MappingProxy(dict.clone()),
        )))
    })];

pub fn register(vm: &mut Vm) {
    let d = vm.types.dict.clone();
    add_methods(vm, &d, METHODS);
    install::<super::slots::DictType>(vm, &d);
    add_methods(vm, &d, DUNDERS);
    let views = [
        vm.types.dict_keys.clone(),
        vm.types.dict_values.clone(),
        vm.types.dict_items.clone(),
    ];
    for ty in &views {
        add_methods(vm, ty, &[VIEW_REVERSED]);
        crate::api::add_getsets(vm, ty, VIEW_ATTRIBUTES);
    }
    // Keys and items views compare as sets and so are unhashable.
    for ty in [&views[0], &views[2]] {
        crate::api::add_attr(vm, ty, "__hash__", Value::None);
    }
    install::<super::slots::KeysType>(vm, &views[0]);
    install::<super::slots::ValuesType>(vm, &views[1]);
    install::<super::slots::ItemsType>(vm, &views[2]);
    for ty in [&views[0], &views[2]] {
        add_methods(vm, ty, &[VIEW_ISDISJOINT]);
    }
    let h = vm.intern("__hash__");
    let ns = d.object().dict().unwrap().clone();
    crate::objects::dict::set_str(vm, &ns, h, Value::None);
}

const METHODS: &[FunctionDef] = &[
    FunctionDef::new("__new__", |_, a| {
        let cls = a.pos[0].as_obj().cloned().unwrap();
        Ok(Value::Obj(Obj::new(
            cls,
            ObjKind::Dict(Box::new(RefCell::new(Dict::new()))),
        )))
    }),
    FunctionDef::method("__init__", |vm, a| {
        let this = dict_of(vm, &a.pos[0])?;
        update(vm, &this, &a, "dict")?;
        Ok(Value::None)
    }),
    FunctionDef::method("update", |vm, a| {
        let this = dict_of(vm, &a.pos[0])?;
        update(vm, &this, &a, "update")?;
        Ok(Value::None)
    }),
    FunctionDef::method("get", |vm, a| {
        let this = dict_of(vm, &a.pos[0])?;
        Ok(crate::objects::dict::get(vm, &this, &a.pos[1])?
            .unwrap_or_else(|| a.pos.get(2).cloned().unwrap_or(Value::None)))
    })
    .args(1, 2),
    FunctionDef::method("setdefault", |vm, a| {
        let this = dict_of(vm, &a.pos[0])?;
        if let Some(v) = crate::objects::dict::get(vm, &this, &a.pos[1])? {
            return Ok(v);
        }
        let v = a.pos.get(2).cloned().unwrap_or(Value::None);
        crate::objects::dict::set(vm, &this, a.pos[1].clone(), v.clone())?;
        Ok(v)
    })
    .args(1, 2),
    FunctionDef::method("pop", |vm, a| {
        let this = dict_of(vm, &a.pos[0])?;
        match crate::objects::dict::remove(vm, &this, &a.pos[1])? {
            Some(v) => Ok(v),
            None => match a.pos.get(2) {
                Some(d) => Ok(d.clone()),
                None => Err(vm.key_error(a.pos[1].clone())),
            },
        }
    })
    .args(1, 2),
    FunctionDef::method("popitem", |vm, a| {
        let this = dict_of(vm, &a.pos[0])?;
        let item = crate::objects::dict::dict_cell(&this)
            .borrow_mut()
            .pop_last();
        match item {
            Some((k, v)) => Ok(vm.new_tuple(vec![k, v])),
            None => Err(vm.key_error(vm.new_str("popitem(): dictionary is empty"))),
        }
    })
    .no_args(),
    FunctionDef::method("clear", |vm, a| {
        let this = dict_of(vm, &a.pos[0])?;
        let old = std::mem::take(&mut *crate::objects::dict::dict_cell(&this).borrow_mut());
        drop(old);
        Ok(Value::None)
    })
    .no_args(),
    FunctionDef::method("copy", |vm, a| {
        let this = dict_of(vm, &a.pos[0])?;
        let c = crate::objects::dict::dict_cell(&this).borrow().clone();
        Ok(Value::Obj(vm.new_dict_obj(c)))
    })
    .no_args(),
    FunctionDef::method("keys", |vm, a| view(vm, &a, 0)).no_args(),
    FunctionDef::method("values", |vm, a| view(vm, &a, 1)).no_args(),
    FunctionDef::method("items", |vm, a| view(vm, &a, 2)).no_args(),
    FunctionDef::classmethod("fromkeys", |vm, a| {
        let keys = vm.iterate(&a.pos[1])?;
        let value = a.pos.get(2).cloned().unwrap_or(Value::None);
        let r = vm.call(&a.pos[0], vec![])?;
        for k in keys {
            vm.setitem(&r, k, value.clone())?;
        }
        Ok(r)
    })
    .args(1, 2),
    FunctionDef::method("__getitem__", |vm, a| {
        let this = dict_of(vm, &a.pos[0])?;
        super::slots::getitem(vm, &this, &a.pos[1])
    })
    .one(),
    FunctionDef::method("__contains__", |vm, a| {
        let this = dict_of(vm, &a.pos[0])?;
        crate::objects::dict::get(vm, &this, &a.pos[1]).map(|v| Value::Bool(v.is_some()))
    })
    .one(),
];

const DUNDERS: &[FunctionDef] = &[
    FunctionDef::binary("__or__", |vm, a| {
        if !matches!(a.pos[1].kind(), Some(ObjKind::Dict(_))) {
            return Ok(vm.not_implemented());
        }
        dict_or(vm, &a.pos[0], &a.pos[1], false)
    }),
    FunctionDef::binary("__ror__", |vm, a| {
        if !matches!(a.pos[1].kind(), Some(ObjKind::Dict(_))) {
            return Ok(vm.not_implemented());
        }
        dict_or(vm, &a.pos[1], &a.pos[0], false)
    }),
    // `d |= other` takes any mapping or iterable of pairs, as update does.
    FunctionDef::binary("__ior__", |vm, a| {
        let this = dict_of(vm, &a.pos[0])?;
        update(
            vm,
            &this,
            &Args::new([a.pos[0].clone(), a.pos[1].clone()]),
            "update",
        )?;
        Ok(a.pos[0].clone())
    }),
    FunctionDef::method("__reversed__", |vm, a| {
        let this = dict_of(vm, &a.pos[0])?;
        reversed_entries(vm, &this, 0)
    })
    .no_args(),
    FunctionDef::binary("__eq__", |vm, a| dict_compare(vm, &a, true)),
    FunctionDef::binary("__ne__", |vm, a| dict_compare(vm, &a, false)),
];

const VIEW_REVERSED: FunctionDef =
    FunctionDef::method("__reversed__", |vm, a| match a.pos[0].kind() {
        Some(ObjKind::DictView { dict, what }) => reversed_entries(vm, dict, *what),
        _ => Err(vm.type_error("descriptor '__reversed__' requires a dict view")),
    })
    .no_args();

const VIEW_ISDISJOINT: FunctionDef = FunctionDef::method("isdisjoint", |vm, a| {
    for item in vm.iterate(&a.pos[1])? {
        if vm.contains(&a.pos[0], &item)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
})
.one();

/// `reversed()` of a dict (`what` 0) or of its values (1) or items (2):
/// an iterator over the entries, last first.
fn reversed_entries(vm: &mut Vm, d: &Obj, what: u8) -> PyResult {
    let entries: Vec<(Value, Value)> = crate::objects::dict::dict_cell(d)
        .borrow()
        .iter()
        .map(|e| (e.key.clone(), e.value.clone()))
        .collect();
    let items: Vec<Value> = entries
        .into_iter()
        .rev()
        .map(|(k, v)| match what {
            0 => k,
            1 => v,
            _ => vm.new_tuple(vec![k, v]),
        })
        .collect();
    let list = vm.new_list(items);
    vm.iter(&list)
}

fn dict_of(vm: &Vm, v: &Value) -> PyResult<Obj> {
    match v {
        Value::Obj(o) if matches!(o.kind(), ObjKind::Dict(_)) => Ok(o.clone()),
        _ => Err(vm.type_error(format!(
            "descriptor requires a 'dict' object but received a '{}'",
            vm.type_name(v)
        ))),
    }
}

fn view(vm: &mut Vm, a: &Args, what: u8) -> PyResult {
    let this = dict_of(vm, &a.pos[0])?;
    let class = match what {
        0 => vm.types.dict_keys.clone(),
        1 => vm.types.dict_values.clone(),
        _ => vm.types.dict_items.clone(),
    };
    Ok(Value::Obj(Obj::new(
        class,
        ObjKind::DictView { dict: this, what },
    )))
}

/// `dict(...)` / `d.update(...)`: a mapping or pairs, then keywords.
fn update(vm: &mut Vm, d: &Obj, a: &Args, name: &str) -> PyResult<()> {
    if a.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "{name} expected at most 1 argument, got {}",
            a.pos.len() - 1
        )));
    }
    if let Some(src) = a.pos.get(1) {
        let has_keys = {
            let cls = vm.class_of(src).clone();
            vm.lookup_type(&cls, "keys").is_some()
        };
        if has_keys {
            vm.dict_update_from(d, src, false)?;
        } else {
            let items = vm.iterate(src)?;
            for (i, item) in items.into_iter().enumerate() {
                let pair = vm.iterate(&item).map_err(|_| {
                    vm.type_error(format!(
                        "cannot convert dictionary update sequence element #{i} to a sequence"
                    ))
                })?;
                if pair.len() != 2 {
                    return Err(vm.value_error(format!(
                        "dictionary update sequence element #{i} has length {}; 2 is required",
                        pair.len()
                    )));
                }
                let mut it = pair.into_iter();
                let (k, v) = (it.next().unwrap(), it.next().unwrap());
                crate::objects::dict::set(vm, d, k, v)?;
            }
        }
    }
    for (k, v) in &a.kw {
        crate::objects::dict::set(vm, d, Value::Obj(k.clone()), v.clone())?;
    }
    Ok(())
}

/// `a | b` and `a |= b` for dicts.
pub fn dict_or(vm: &mut Vm, a: &Value, b: &Value, inplace: bool) -> PyResult {
    let target = if inplace {
        dict_of(vm, a)?
    } else {
        let c = crate::objects::dict::dict_cell(&dict_of(vm, a)?)
            .borrow()
            .clone();
        vm.new_dict_obj(c)
    };
    vm.dict_update_from(&target, b, false)?;
    Ok(Value::Obj(target))
}

/// `a == b` for two dicts: same keys, equal values.
pub fn dict_equal(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<bool> {
    if crate::objects::dict::dict_cell(a).borrow().len()
        != crate::objects::dict::dict_cell(b).borrow().len()
    {
        return Ok(false);
    }
    let entries: Vec<(Value, Value)> = crate::objects::dict::dict_cell(a)
        .borrow()
        .iter()
        .map(|e| (e.key.clone(), e.value.clone()))
        .collect();
    vm.enter_recursion(" in comparison")?;
    let r = (|| {
        for (k, v) in entries {
            match crate::objects::dict::get(vm, b, &k)? {
                Some(w) => {
                    if !v.is(&w) && !vm.eq(&v, &w)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    })();
    vm.leave_recursion();
    r
}

fn dict_compare(vm: &mut Vm, a: &Args, eq: bool) -> PyResult {
    match (a.pos[0].as_obj(), a.pos[1].as_obj()) {
        (Some(x), Some(y))
            if matches!(x.kind(), ObjKind::Dict(_)) && matches!(y.kind(), ObjKind::Dict(_)) =>
        {
            let r = dict_equal(vm, x, y)?;
            Ok(Value::Bool(r == eq))
        }
        _ => Ok(vm.not_implemented()),
    }
}
