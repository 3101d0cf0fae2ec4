//! `types.SimpleNamespace`: an object whose attributes are the keyword
//! arguments it was made with (`sys.implementation` is one).

use crate::api::{add_methods, FunctionDef};
use crate::object::ObjKind;
use crate::objects::typeobject::slots::{install, NativeType, Slots};
use crate::value::{Obj, Value};
use crate::vm::Vm;

pub fn register(vm: &mut Vm) {
    let ns = vm.types.simple_namespace.clone();
    *ns.tdata().full_name.borrow_mut() = Some("types.SimpleNamespace".into());
    ns.tdata().instance_dict.set(true);
    add_methods(vm, &ns, METHODS);
    crate::api::add_getsets(vm, &ns, crate::objects::typeobject::object::INSTANCE_DICT);
    install::<NamespaceType>(vm, &ns);
    crate::bootstrap::set_attr_str(vm, &ns, "__hash__", Value::None);
}

impl Vm {
    /// A `SimpleNamespace` with these attributes.
    pub fn new_namespace(&mut self, attrs: Vec<(&str, Value)>) -> Value {
        let o = Obj::new(self.types.simple_namespace.clone(), ObjKind::Plain);
        let d = self.instance_dict(&o).clone();
        for (k, v) in attrs {
            let k = self.intern(k);
            crate::objects::dict::set_str(self, &d, k, v);
        }
        Value::Obj(o)
    }
}

struct NamespaceType;

impl NativeType for NamespaceType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(|vm, o| {
            let cls = Value::Obj(o.class().clone());
            let name = if o.class().is(&vm.types.simple_namespace) {
                "namespace".to_string()
            } else {
                let n = vm.getattr_str(&cls, "__name__")?;
                crate::api::str_value(&n).unwrap_or_default()
            };
            if !vm.repr_enter(o) {
                return Ok(vm.new_string(format!("{name}(...)")));
            }
            let d = vm.instance_dict(o).clone();
            let entries: Vec<(Value, Value)> = crate::objects::dict::dict_cell(&d)
                .borrow()
                .iter()
                .filter(|e| !e.key.is_null())
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect();
            let mut parts = Vec::with_capacity(entries.len());
            let mut result = Ok(());
            for (k, v) in entries {
                let Some(key) = crate::api::str_value(&k) else {
                    continue;
                };
                match vm.repr_string(&v) {
                    Ok(r) => parts.push(format!("{key}={r}")),
                    Err(e) => {
                        result = Err(e);
                        break;
                    }
                }
            }
            vm.repr_leave(o);
            result?;
            Ok(vm.new_string(format!("{name}({})", parts.join(", "))))
        }),
        richcompare: Some(|vm, op, o, other| {
            use krait_compiler::code::CompareOp;
            if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
                return Ok(None);
            }
            let ns = vm.types.simple_namespace.clone();
            let Some(b) = other.as_obj().filter(|b| b.class().is_subtype(&ns)) else {
                return Ok(None);
            };
            let da = Value::Obj(vm.instance_dict(o).clone());
            let db = Value::Obj(vm.instance_dict(b).clone());
            let equal = vm.eq(&da, &db)?;
            Ok(Some(Value::Bool(equal == (op == CompareOp::Eq))))
        }),
        ..Slots::NONE
    };
}

const METHODS: &[FunctionDef] = &[
    FunctionDef::new("__new__", |_, a| {
        let cls = a.pos[0].as_obj().cloned().expect("a class");
        Ok(Value::Obj(Obj::new(cls, ObjKind::Plain)))
    }),
    FunctionDef::method("__init__", |vm, a| {
        if a.pos.len() > 1 {
            return Err(vm.type_error("no positional arguments expected"));
        }
        let o = a.pos[0].as_obj().cloned().expect("an instance");
        let d = vm.instance_dict(&o).clone();
        for (k, v) in a.kw {
            crate::objects::dict::set_str(vm, &d, k, v);
        }
        Ok(Value::None)
    }),
    FunctionDef::method("__reduce__", |vm, a| {
        let o = a.pos[0].as_obj().cloned().expect("an instance");
        let cls = Value::Obj(o.class().clone());
        let d = Value::Obj(vm.instance_dict(&o).clone());
        let empty = vm.new_tuple(Vec::new());
        Ok(vm.new_tuple(vec![cls, empty, d]))
    })
    .no_args(),
];
