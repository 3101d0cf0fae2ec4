//! How Krait's import and `importlib`'s Python machinery live together.
//!
//! Krait imports in Rust: native modules, then `.py` files and packages on
//! `sys.path`. That is what CPython's standard finders on `sys.meta_path`
//! (`BuiltinImporter`, `FrozenImporter`, `PathFinder`) do, so wherever
//! one of them stands in `sys.meta_path`, Krait searches in Rust; any
//! other finder there (written in Python) is asked in turn, and a module
//! it finds is loaded through `importlib`. Start-up loads no Python: until
//! `importlib` is first imported, the standard finders are small native
//! stand-ins that load it when called. Importing `importlib` puts its
//! own classes in their place, fills `sys.path_hooks`, and from then on
//! every module gets a real `__spec__` and `__loader__`.

use crate::api::{FunctionDef as F, NativeType, Slots, TypeDef};
use crate::objects::function::Args;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// What the import system keeps between imports.
#[derive(Default)]
pub(crate) struct ImportState {
    /// The entries of `sys.meta_path` that mean "Krait's own search":
    /// the stand-ins, then `importlib`'s standard finders.
    standard: Vec<Obj>,
    /// `importlib._bootstrap` and `importlib._bootstrap_external`, once
    /// `importlib` is imported.
    bootstrap: Option<(Value, Value)>,
    /// The modules whose code is running (for "partially initialized"
    /// in attribute errors on them), the innermost last.
    pub(crate) initializing: Vec<Obj>,
}

struct StandInType;

impl NativeType for StandInType {
    const SLOTS: &'static Slots = &Slots::NONE;
}

const STAND_IN_METHODS: &[F] = &[
    F::classmethod("find_spec", |vm, a| stand_in_call(vm, a, "find_spec")),
    F::classmethod("invalidate_caches", |vm, a| {
        stand_in_call(vm, a, "invalidate_caches")
    }),
];

/// The stand-ins' names, and where `importlib` keeps the real classes.
const STANDARD_FINDERS: [(&str, &str, bool); 3] = [
    ("BuiltinImporter", "_frozen_importlib", false),
    ("FrozenImporter", "_frozen_importlib", false),
    ("PathFinder", "_frozen_importlib_external", true),
];

/// A stand-in called directly: load `importlib` (which replaces the
/// stand-ins) and call the real finder's method.
fn stand_in_call(vm: &mut Vm, a: Args, method: &str) -> PyResult {
    let cls = a.pos[0].clone();
    let Some(index) = vm.import_state.standard[..STANDARD_FINDERS.len()]
        .iter()
        .position(|s| cls.as_obj().is_some_and(|c| c.is(s)))
    else {
        return Err(vm.type_error("not one of the standard finders"));
    };
    let (name, _, external_class) = STANDARD_FINDERS[index];
    vm.import("importlib")?;
    let Some((bootstrap, external)) = vm.import_state.bootstrap.clone() else {
        return Err(vm.import_error("importlib did not load its machinery"));
    };
    let module = if external_class { external } else { bootstrap };
    let real = vm.getattr_str(&module, name)?;
    let f = vm.getattr_str(&real, method)?;
    let rest = Args {
        pos: a.pos.into_iter().skip(1).collect(),
        kw: a.kw,
    };
    vm.call_args(&f, rest)
}

impl Vm {
    /// `sys.meta_path` as start-up leaves it: the three stand-ins.
    pub(crate) fn install_standard_finders(&mut self) -> Value {
        let mut entries = Vec::new();
        for (name, module, _) in STANDARD_FINDERS {
            let cls = self.new_native_type::<StandInType>(&TypeDef {
                name,
                module,
                doc: None,
                methods: STAND_IN_METHODS,
            });
            self.import_state.standard.push(cls.clone());
            entries.push(Value::Obj(cls));
        }
        self.new_list(entries)
    }

    /// Whether `finder` on `sys.meta_path` stands for Krait's own search.
    pub(crate) fn is_standard_finder(&self, finder: &Value) -> bool {
        finder
            .as_obj()
            .is_some_and(|f| self.import_state.standard.iter().any(|s| s.is(f)))
    }

    pub(crate) fn import_error(&self, msg: &str) -> Obj {
        self.new_exception_msg(&self.exc.import_error.clone(), msg)
    }

    /// `importlib` has just been imported: its standard finders replace
    /// the stand-ins, `sys.path_hooks` gets its file finder, and the
    /// modules imported so far get specs.
    pub(crate) fn adopt_importlib(&mut self) -> PyResult<()> {
        let bootstrap = self.import("importlib._bootstrap")?;
        let external = self.import("importlib._bootstrap_external")?;
        self.import_state.bootstrap = Some((bootstrap.clone(), external.clone()));
        let modules = self.modules.clone();
        for (alias, module) in [
            ("_frozen_importlib", &bootstrap),
            ("_frozen_importlib_external", &external),
        ] {
            let key = self.new_str(alias);
            if crate::objects::dict::get(self, &modules, &key)?.is_none() {
                crate::objects::dict::set(self, &modules, key, module.clone())?;
            }
        }
        // CPython's classes come from its frozen copies of these modules
        // and are named after them (`_frozen_importlib.BuiltinImporter`).
        for (module, frozen) in [
            (&bootstrap, "_frozen_importlib"),
            (&external, "_frozen_importlib_external"),
        ] {
            let Some(d) = module.as_obj().and_then(|m| m.object().dict().cloned()) else {
                continue;
            };
            let classes: Vec<Value> = crate::objects::dict::dict_cell(&d)
                .borrow()
                .iter()
                .map(|e| e.value.clone())
                .filter(|v| {
                    v.as_obj()
                        .is_some_and(|o| o.type_data().is_some_and(|t| t.heap))
                })
                .collect();
            let name = self.new_str(frozen);
            for cls in classes {
                self.setattr_str(&cls, "__module__", name.clone())?;
            }
        }
        // `importlib`'s loader reads and writes the same cache files as
        // Krait's import: with this build's magic number.
        let magic = krait_compiler::code_cache::magic();
        let magic_bytes = self.new_bytes(magic.to_vec());
        self.setattr_str(&external, "MAGIC_NUMBER", magic_bytes)?;
        let raw = Value::Int(u32::from_le_bytes(magic) as i64);
        self.setattr_str(&external, "_RAW_MAGIC_NUMBER", raw)?;
        let meta_path = self.sys_attr("meta_path");
        let entries = crate::api::list_items(&meta_path).unwrap_or_default();
        for (index, (name, _, external_class)) in STANDARD_FINDERS.into_iter().enumerate() {
            let home = if external_class {
                &external
            } else {
                &bootstrap
            };
            let real = self.getattr_str(home, name)?;
            if let Some(r) = real.as_obj() {
                self.import_state.standard.push(r.clone());
            }
            let stand_in_class = self.import_state.standard[index].clone();
            let stand_in = entries
                .iter()
                .position(|e| e.as_obj().is_some_and(|o| o.is(&stand_in_class)));
            if let (Some(i), Some(crate::object::ObjKind::List(items))) =
                (stand_in, meta_path.kind())
            {
                if let Some(slot) = items.borrow_mut().get_mut(i) {
                    *slot = real.clone();
                }
            }
        }
        let hooks = self.sys_attr("path_hooks");
        if crate::api::list_items(&hooks).is_some_and(|h| h.is_empty()) {
            let loaders = self.call_method(&external, "_get_supported_file_loaders", vec![])?;
            let loaders = self.iterate(&loaders)?;
            let finder = self.getattr_str(&external, "FileFinder")?;
            let hook = self.call_method(&finder, "path_hook", loaders)?;
            self.call_method(&hooks, "append", vec![hook])?;
        }
        // Specs for the modules imported before `importlib` was.
        let items: Vec<(Value, Value)> = crate::objects::dict::dict_cell(&modules)
            .borrow()
            .iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect();
        for (name, module) in items {
            let Some(name) = crate::api::str_value(&name) else {
                continue;
            };
            if name == "__main__"
                || !matches!(module.kind(), Some(crate::object::ObjKind::Module(_)))
            {
                continue;
            }
            let spec = self.getattr_str(&module, "__spec__").unwrap_or(Value::None);
            if spec.is_none() {
                self.attach_spec(&name, module.as_obj().expect("a module"))?;
            }
        }
        Ok(())
    }

    /// Gives a module Krait imported its `__spec__`, `__loader__` and
    /// `__cached__`, as `importlib` would have made them, once
    /// `importlib` is loaded (before that, they stay `None`).
    pub(crate) fn attach_spec(&mut self, name: &str, module: &Obj) -> PyResult<()> {
        let Some((bootstrap, external)) = self.import_state.bootstrap.clone() else {
            return Ok(());
        };
        let m = Value::Obj(module.clone());
        let dict = module.object().dict().cloned();
        let file = dict
            .as_ref()
            .and_then(|d| crate::objects::dict::get_str(d, "__file__"))
            .filter(|f| !f.is_none());
        let path = dict
            .as_ref()
            .and_then(|d| crate::objects::dict::get_str(d, "__path__"));
        let n = self.new_str(name);
        let spec = match (file, path) {
            (Some(file), path) => {
                let f = self.getattr_str(&external, "spec_from_file_location")?;
                let mut args = Args::new([n, file]);
                if let Some(p) = path {
                    let k = self.intern("submodule_search_locations");
                    args.kw.push((k, p));
                }
                self.call_args(&f, args)?
            }
            (None, Some(path)) => {
                // A namespace package: the path finder makes its spec.
                let finder = self.getattr_str(&external, "PathFinder")?;
                let parent = match name.rsplit_once('.') {
                    Some((parent, _)) => {
                        let p = self.import(parent)?;
                        self.getattr_str(&p, "__path__")?
                    }
                    None => Value::None,
                };
                let spec = self.call_method(&finder, "find_spec", vec![n, parent])?;
                if spec.is_none() {
                    return Ok(());
                }
                let _ = path;
                spec
            }
            (None, None) => {
                let importer = self.getattr_str(&bootstrap, "BuiltinImporter")?;
                self.call_method(&importer, "find_spec", vec![n])?
            }
        };
        if spec.is_none() {
            return Ok(());
        }
        let init = self.getattr_str(&bootstrap, "_init_module_attrs")?;
        self.call(&init, vec![spec, m])?;
        Ok(())
    }

    /// Loads the module a Python finder's spec describes, through
    /// `importlib` (which puts it in `sys.modules`).
    pub(crate) fn load_from_spec(&mut self, spec: Value) -> PyResult {
        if self.import_state.bootstrap.is_none() {
            self.import("importlib")?;
        }
        let Some((bootstrap, _)) = self.import_state.bootstrap.clone() else {
            return Err(self.import_error("importlib did not load its machinery"));
        };
        self.call_method(&bootstrap, "_load", vec![spec])
    }
}
