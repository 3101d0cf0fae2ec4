//! `module` objects: a name and a namespace (the object's dict).

use crate::api::FunctionDef as F;
use crate::object::{Module, ObjKind};
use crate::objects::typeobject::slots::{install, NativeType, Slots};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

pub struct ModuleType;

impl NativeType for ModuleType {
    const SLOTS: &'static Slots = &Slots::repr(module_repr);
}

/// A module attribute, `None` when it has none.
fn entry(o: &Obj, name: &str) -> Option<Value> {
    o.object()
        .dict()
        .and_then(|d| crate::objects::dict::get_str(d, name))
}

fn attr_text(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    match vm.getattr_str(v, name) {
        Ok(a) => Ok(Some(a)),
        Err(e) if e.class().is_subtype(&vm.exc.attribute_error) => Ok(None),
        Err(e) => Err(e),
    }
}

fn repr_text(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let r = vm.repr(v)?;
    Ok(crate::api::str_value(&r).unwrap_or_default())
}

/// `repr(module)`, worded from its spec as `importlib` words it, else
/// from its name, file and loader.
fn module_repr(vm: &mut Vm, o: &Obj) -> PyResult {
    let name_of = |vm: &mut Vm, v: Option<Value>| -> PyResult<String> {
        match v {
            Some(n) if !n.is_none() => repr_text(vm, &n),
            _ => Ok("'?'".to_string()),
        }
    };
    let spec = entry(o, "__spec__").filter(|s| !s.is_none());
    let r = if let Some(spec) = spec {
        let name = attr_text(vm, &spec, "name")?;
        let name = name_of(vm, name)?;
        let origin = attr_text(vm, &spec, "origin")?.filter(|v| !v.is_none());
        let loader = attr_text(vm, &spec, "loader")?.filter(|v| !v.is_none());
        match (origin, loader) {
            (None, None) => format!("<module {name}>"),
            (None, Some(loader)) => format!("<module {name} ({})>", repr_text(vm, &loader)?),
            (Some(origin), _) => {
                let located = attr_text(vm, &spec, "has_location")?;
                let located = match located {
                    Some(l) => vm.truthy(&l)?,
                    None => false,
                };
                if located {
                    format!("<module {name} from {}>", repr_text(vm, &origin)?)
                } else {
                    let origin = vm.str(&origin)?;
                    let origin = crate::api::str_value(&origin).unwrap_or_default();
                    format!("<module {name} ({origin})>")
                }
            }
        }
    } else {
        let name = name_of(vm, entry(o, "__name__"))?;
        let loader = entry(o, "__loader__").filter(|v| !v.is_none());
        match (entry(o, "__file__"), loader) {
            (Some(file), _) => format!("<module {name} from {}>", repr_text(vm, &file)?),
            // Krait's native modules before `importlib` gives them specs.
            (None, None) if native_name(vm, o) => format!("<module {name} (built-in)>"),
            (None, None) => format!("<module {name}>"),
            (None, Some(loader)) => format!("<module {name} ({})>", repr_text(vm, &loader)?),
        }
    };
    Ok(vm.new_string(r))
}

fn native_name(vm: &Vm, o: &Obj) -> bool {
    let Some(name) = entry(o, "__name__").and_then(|n| crate::api::str_value(&n)) else {
        return false;
    };
    matches!(name.as_str(), "sys" | "builtins") || vm.native_module(&name).is_some()
}

/// The module's `__name__`, for messages.
pub(crate) fn module_name(o: &Obj) -> String {
    entry(o, "__name__")
        .and_then(|n| crate::api::str_value(&n))
        .unwrap_or_else(|| "?".to_string())
}

impl Vm {
    /// An attribute a module's namespace lacks: its `__getattr__`
    /// function's answer (PEP 562), if it has one.
    pub(crate) fn module_getattr_hook(&mut self, o: &Obj, name: &Obj) -> Option<PyResult> {
        if o.is(&self.sys) {
            if let Some(r) = crate::modules::sys::lazy_attribute(self, name) {
                return Some(r);
            }
        }
        let hook = entry(o, "__getattr__")?;
        Some(self.call(&hook, vec![Value::Obj(name.clone())]))
    }
}

const METHODS: &[F] = &[
    F::new("__new__", |vm, a| {
        let Some(cls) = a.pos.first().and_then(|c| c.as_obj()).cloned() else {
            return Err(vm.type_error("module.__new__(X): X is not a type object"));
        };
        let m = Obj::new(cls, ObjKind::Module(Module { name: "?".into() }));
        let d = vm.new_dict_obj(Default::default());
        let _ = m.object().dict_or_init(|| d);
        Ok(Value::Obj(m))
    }),
    F::method("__init__", |vm, a| {
        let this = a.pos[0].as_obj().cloned().expect("a module");
        let name = a.pos[1].clone();
        if crate::api::str_value(&name).is_none() {
            let t = vm.type_name(&name);
            return Err(vm.type_error(format!(
                "module.__init__() argument 'name' must be str, not {t}"
            )));
        }
        let doc = a.given(2).cloned().unwrap_or(Value::None);
        let d = vm.instance_dict(&this).clone();
        for (key, value) in [
            ("__name__", name),
            ("__doc__", doc),
            ("__package__", Value::None),
            ("__loader__", Value::None),
            ("__spec__", Value::None),
        ] {
            let k = vm.intern(key);
            crate::objects::dict::set_str(vm, &d, k, value);
        }
        Ok(Value::None)
    })
    .named(&["name", "doc"], 0, 2, 1),
    F::method("__dir__", |vm, a| {
        let this = a.pos[0].as_obj().cloned().expect("a module");
        if let Some(hook) = entry(&this, "__dir__") {
            return vm.call(&hook, vec![]);
        }
        let d = Value::Obj(vm.instance_dict(&this).clone());
        let keys = vm.iterate(&d)?;
        Ok(vm.new_list(keys))
    })
    .no_args(),
];

pub fn register(vm: &mut Vm) {
    let module = vm.types.module.clone();
    install::<ModuleType>(vm, &module);
    crate::api::add_methods(vm, &module, METHODS);
    crate::api::add_getsets(vm, &module, MODULE_ATTRIBUTES);
}

const MODULE_ATTRIBUTES: &[crate::api::GetSetDef] =
    &[crate::api::GetSetDef::member("__dict__", |vm, m| {
        let m = m.as_obj().expect("modules are objects");
        Ok(crate::value::Value::Obj(vm.instance_dict(m).clone()))
    })];
