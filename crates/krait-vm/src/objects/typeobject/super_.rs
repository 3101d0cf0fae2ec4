//! `super`: its arguments (explicit, or the `__class__` cell and the first
//! argument of the calling frame) and attribute lookup past a class in the
//! MRO.

use super::object::type_arg;
use crate::api::{add_methods, FunctionDef};
use crate::object::ObjKind;
use crate::objects::function::Args;
use crate::objects::typeobject::slots::{install, NativeType, Slots};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    let sup = vm.types.super_.clone();
    add_methods(vm, &sup, METHODS);
    crate::api::add_getsets(vm, &sup, ATTRIBUTES);
    install::<SuperType>(vm, &sup);
}

/// The class, instance and instance type a `super` object was made of.
fn parts(v: &Value) -> (&Obj, &Value, &Obj) {
    match v.kind() {
        Some(ObjKind::Super {
            class,
            obj,
            obj_type,
        }) => (class, obj, obj_type),
        _ => unreachable!("super attributes are read on super objects"),
    }
}

const ATTRIBUTES: &[crate::api::GetSetDef] = &[
    crate::api::GetSetDef::member("__thisclass__", |_, s| Ok(Value::Obj(parts(s).0.clone()))),
    crate::api::GetSetDef::member("__self__", |_, s| Ok(parts(s).1.clone())),
    crate::api::GetSetDef::member("__self_class__", |_, s| Ok(Value::Obj(parts(s).2.clone()))),
];

struct SuperType;

impl NativeType for SuperType {
    /// Lookups start past the `super` class in the object's MRO.
    const SLOTS: &'static Slots = &Slots {
        getattr: Some(|vm, sup, name| match sup {
            Value::Obj(sup) if matches!(sup.kind(), ObjKind::Super { .. }) => {
                vm.super_getattr(sup, name)
            }
            other => {
                let cls = vm.class_of(other).clone();
                vm.generic_getattr(other, &cls, name)
            }
        }),
        ..Slots::NONE
    };
}

const METHODS: &[FunctionDef] = &[
    FunctionDef::new("__new__", super_new),
    FunctionDef::method("__init__", super_init),
    FunctionDef::unary("__repr__", super_repr),
    FunctionDef::method("__get__", super_get).wrapper_range(1, 2),
];

fn super_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = type_arg(vm, &args.pos[0], "super.__new__(X)")?;
    let _ = cls;
    let (class, obj, obj_type) = super_args(vm, &args.pos[1..])?;
    Ok(Value::Obj(Obj::new(
        vm.types.super_.clone(),
        ObjKind::Super {
            class,
            obj,
            obj_type,
        },
    )))
}

fn super_init(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::None)
}

/// The class, object and object type of `super(...)`.
fn super_args(vm: &mut Vm, args: &[Value]) -> PyResult<(Obj, Value, Obj)> {
    let (class, obj) = match args.len() {
        0 => {
            let Some(frame) = vm.frames.last() else {
                return Err(vm.runtime_error("super(): no arguments"));
            };
            let code = frame.code.clone();
            let base = frame.base;
            if code.code.argcount == 0
                && code.code.flags & krait_compiler::code::flags::VARARGS == 0
            {
                return Err(vm.runtime_error("super(): no arguments"));
            }
            let mut first = vm.stack[base].clone();
            if let Some(pos) = code.code.cell2arg.iter().position(|a| *a == Some(0)) {
                let cell = vm.stack[base + code.nlocals + pos].clone();
                if let Some(ObjKind::Cell(c)) = cell.kind() {
                    first = c.borrow().clone();
                }
            }
            if first.is_null() {
                return Err(vm.runtime_error("super(): arg[0] deleted"));
            }
            let Some(i) = code.code.freevars.iter().position(|n| n == "__class__") else {
                return Err(vm.runtime_error("super(): __class__ cell not found"));
            };
            let slot = base + code.nlocals + code.code.cellvars.len() + i;
            let cell = vm.stack[slot].clone();
            let class = match cell.kind() {
                Some(ObjKind::Cell(c)) => c.borrow().clone(),
                _ => Value::Null,
            };
            match class {
                Value::Obj(c) if c.type_data().is_some() => (c, first),
                Value::Null => return Err(vm.runtime_error("super(): empty __class__ cell")),
                _ => return Err(vm.runtime_error("super(): __class__ is not a type")),
            }
        }
        1 | 2 => {
            let class = match &args[0] {
                Value::Obj(c) if c.type_data().is_some() => c.clone(),
                other => {
                    return Err(vm.type_error(format!(
                        "super() argument 1 must be a type, not {}",
                        vm.type_name(other)
                    )))
                }
            };
            if args.len() == 1 {
                return Ok((class.clone(), Value::None, class));
            }
            (class, args[1].clone())
        }
        n => return Err(vm.type_error(format!("super() expected at most 2 arguments, got {n}"))),
    };
    let obj_type = match &obj {
        Value::Obj(o) if o.type_data().is_some() && o.is_subtype(&class) => o.clone(),
        _ => {
            let t = vm.class_of(&obj).clone();
            if !t.is_subtype(&class) {
                return Err(
                    vm.type_error("super(type, obj): obj must be an instance or subtype of type")
                );
            }
            t
        }
    };
    Ok((class, obj, obj_type))
}

fn super_repr(vm: &mut Vm, args: Args) -> PyResult {
    let Some(ObjKind::Super {
        class, obj_type, ..
    }) = args.pos[0].kind()
    else {
        return Err(vm.type_error("expected a super object"));
    };
    let s = format!(
        "<super: <class '{}'>, <{} object>>",
        class.tdata().name.borrow(),
        obj_type.tdata().name.borrow()
    );
    Ok(vm.new_string(s))
}

fn super_get(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

impl Vm {
    /// Attribute lookup through a `super` object: the MRO of the object's
    /// type after the class.
    pub fn super_getattr(&mut self, sup: &Obj, name: &Obj) -> PyResult {
        let ObjKind::Super {
            class,
            obj,
            obj_type,
        } = sup.kind()
        else {
            unreachable!("super_getattr on a super object")
        };
        let skip = crate::objects::str::str_eq(name, "__class__");
        if !skip {
            let mro = obj_type.tdata().mro.borrow().clone();
            if let Some(i) = mro.iter().position(|c| c.is(class)) {
                for c in &mro[i + 1..] {
                    let Some(d) = c.object().dict() else { continue };
                    if let Some(v) = crate::objects::dict::get_str_obj(d, name) {
                        let inst = if obj.as_obj().is_some_and(|o| o.is(obj_type)) {
                            Value::Null
                        } else {
                            obj.clone()
                        };
                        // A class method or `__new__` on `super()` binds the class.
                        return self.bind_descriptor(&v, &inst, obj_type);
                    }
                }
            }
        }
        let cls = sup.class().clone();
        self.generic_getattr(&Value::Obj(sup.clone()), &cls, name)
    }
}
