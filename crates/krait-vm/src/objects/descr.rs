//! The descriptor types a class body uses: `property` (with `getter`,
//! `setter`, `deleter` copies), `classmethod` and `staticmethod`.

use crate::bootstrap::{bind, check_method_args, method, static_fn};
use crate::object::{ObjKind, Property};
use crate::objects::function::Args;
use crate::objects::typeobject::slots::{install, NativeType, Slots};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

pub fn register(vm: &mut Vm) {
    let member = vm.types.member_descriptor.clone();
    install::<MemberType>(vm, &member);
    let prop = vm.types.property.clone();
    // Arguments are bound in `__new__`: property objects are immutable.
    static_fn(vm, &prop, "__new__", |vm, a| {
        let cls = a.pos[0].as_obj().cloned().unwrap();
        let rest = Args {
            pos: a.pos[1..].iter().cloned().collect(),
            kw: a.kw,
        };
        let b = bind(vm, rest, "property", &["fget", "fset", "fdel", "doc"], 0, 0)?;
        let get = |i: usize| b[i].clone().unwrap_or(Value::None);
        let mut doc = get(3);
        if doc.is_none() && !get(0).is_none() {
            let key = vm.names.doc.clone();
            doc = vm.getattr(&get(0), &key).unwrap_or(Value::None);
        }
        Ok(Value::Obj(Obj::new(
            cls,
            ObjKind::Property(Box::new(Property {
                fget: get(0),
                fset: get(1),
                fdel: get(2),
                doc,
                name: RefCell::new(Value::None),
            })),
        )))
    });
    method(vm, &prop, "__init__", |_, _| Ok(Value::None));
    method(vm, &prop, "__set_name__", |vm, a| {
        check_method_args(vm, &a, "__set_name__", 2, 2)?;
        if let Some(ObjKind::Property(p)) = a.pos[0].kind() {
            *p.name.borrow_mut() = a.pos[2].clone();
        }
        Ok(Value::None)
    });
    for (name, which) in [("getter", 0usize), ("setter", 1), ("deleter", 2)] {
        let f: crate::objects::function::NativeFn = match which {
            0 => |vm, a| property_copy(vm, &a, 0),
            1 => |vm, a| property_copy(vm, &a, 1),
            _ => |vm, a| property_copy(vm, &a, 2),
        };
        method(vm, &prop, name, f);
    }
    method(vm, &prop, "__get__", |vm, a| {
        check_method_args(vm, &a, "__get__", 1, 2)?;
        // The getter itself (not `bind_descriptor`, which would find a
        // subclass's own `__get__` again).
        let Some(ObjKind::Property(p)) = a.pos[0].kind() else {
            return Err(vm.type_error("descriptor '__get__' requires a 'property' object"));
        };
        if a.pos[1].is_none() {
            return Ok(a.pos[0].clone());
        }
        if p.fget.is_none() {
            return Err(vm.property_error(p, &a.pos[1], "getter"));
        }
        let g = p.fget.clone();
        vm.call(&g, vec![a.pos[1].clone()])
    });
    method(vm, &prop, "__set__", |vm, a| {
        check_method_args(vm, &a, "__set__", 2, 2)?;
        let Some(ObjKind::Property(p)) = a.pos[0].kind() else {
            return Ok(Value::None);
        };
        if p.fset.is_none() {
            return Err(vm.attribute_error("can't set attribute"));
        }
        let f = p.fset.clone();
        vm.call(&f, vec![a.pos[1].clone(), a.pos[2].clone()])?;
        Ok(Value::None)
    });

    for (ty, is_class) in [
        (vm.types.classmethod.clone(), true),
        (vm.types.staticmethod.clone(), false),
    ] {
        let f: crate::objects::function::NativeFn = if is_class {
            |vm, a| {
                crate::bootstrap::no_kwargs(vm, &a, "classmethod")?;
                if a.pos.len() != 2 {
                    let n = a.pos.len().saturating_sub(1);
                    return Err(vm.type_error(format!("classmethod expected 1 argument, got {n}")));
                }
                let cls = a.pos[0].as_obj().cloned().unwrap();
                let _ = vm;
                Ok(Value::Obj(Obj::new(
                    cls,
                    ObjKind::ClassMethod(a.pos[1].clone()),
                )))
            }
        } else {
            |vm, a| {
                crate::bootstrap::no_kwargs(vm, &a, "staticmethod")?;
                if a.pos.len() != 2 {
                    let n = a.pos.len().saturating_sub(1);
                    return Err(vm.type_error(format!("staticmethod expected 1 argument, got {n}")));
                }
                let cls = a.pos[0].as_obj().cloned().unwrap();
                let _ = vm;
                Ok(Value::Obj(Obj::new(
                    cls,
                    ObjKind::StaticMethod(a.pos[1].clone()),
                )))
            }
        };
        static_fn(vm, &ty, "__new__", f);
        method(vm, &ty, "__init__", |_, _| Ok(Value::None));
        method(vm, &ty, "__get__", |vm, a| {
            check_method_args(vm, &a, "__get__", 1, 2)?;
            let owner = match a.pos.get(2) {
                Some(Value::Obj(o)) if o.type_data().is_some() => o.clone(),
                _ => vm.class_of(&a.pos[1]).clone(),
            };
            vm.bind_descriptor(&a.pos[0], &a.pos[1], &owner)
        });
    }
}

fn property_copy(vm: &mut Vm, a: &Args, which: usize) -> PyResult {
    check_method_args(vm, a, "property", 1, 1)?;
    let Some(ObjKind::Property(p)) = a.pos[0].kind() else {
        return Err(vm.type_error("expected a property"));
    };
    let mut parts = [p.fget.clone(), p.fset.clone(), p.fdel.clone()];
    parts[which] = a.pos[1].clone();
    let doc = p.doc.clone();
    let name = RefCell::new(p.name.borrow().clone());
    let [fget, fset, fdel] = parts;
    let cls = vm.class_of(&a.pos[0]).clone();
    Ok(Value::Obj(Obj::new(
        cls,
        ObjKind::Property(Box::new(Property {
            fget,
            fset,
            fdel,
            doc,
            name,
        })),
    )))
}

/// The descriptor of a `__slots__` entry.
pub struct MemberType;

impl NativeType for MemberType {
    const SLOTS: &'static Slots = &Slots::repr(|vm, o| {
        let ObjKind::Member { name, owner, .. } = o.kind() else {
            unreachable!("member slots are installed on member_descriptor")
        };
        let r = format!(
            "<member '{}' of '{}' objects>",
            name,
            owner.tdata().name.borrow()
        );
        Ok(vm.new_string(r))
    });
}
