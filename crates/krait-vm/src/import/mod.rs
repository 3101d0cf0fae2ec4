//! The import system: `IMPORT_NAME`, `IMPORT_FROM` and `import *`;
//! relative imports resolved against `__package__`; modules found in
//! `sys.modules`, among the registered native modules, or as `.py` files
//! and packages on `sys.path`.

use crate::object::ObjKind;
use crate::objects::str::{text, value_pystr};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

mod cache;
pub(crate) mod imp;
mod importlib;

pub(crate) use cache::{marshal_code, unmarshal_code};
pub(crate) use importlib::ImportState;

impl Vm {
    /// `IMPORT_NAME`.
    pub fn import_name(
        &mut self,
        fi: usize,
        name: &Obj,
        fromlist: &Value,
        level: &Value,
    ) -> PyResult {
        let globals = Value::Obj(self.frames[fi].globals.clone());
        // A program may replace `builtins.__import__`.
        let custom = crate::objects::dict::get_str(&self.builtins_dict, "__import__");
        if let Some(f) = custom {
            if !matches!(f.kind(), Some(ObjKind::Builtin(b)) if b.name == "__import__") {
                let args = vec![
                    Value::Obj(name.clone()),
                    globals,
                    Value::None,
                    fromlist.clone(),
                    level.clone(),
                ];
                return self.call(&f, args);
            }
        }
        self.import_module(name, fromlist, level, &globals)
    }

    /// `__import__(name, globals, locals, fromlist, level)`.
    pub fn import_module(
        &mut self,
        name: &Obj,
        fromlist: &Value,
        level: &Value,
        globals: &Value,
    ) -> PyResult {
        let name = text(name).into_owned();
        let level = crate::objects::int::small(level).unwrap_or(0);
        if level < 0 {
            return Err(self.value_error("level must be >= 0"));
        }
        let full = if level > 0 {
            let package = self.package_of(globals)?;
            if package.is_empty() {
                return Err(self.new_exception_msg(
                    &self.exc.import_error.clone(),
                    "attempted relative import with no known parent package",
                ));
            }
            let mut parts: Vec<&str> = package.split('.').collect();
            if level as usize > parts.len() {
                return Err(self.new_exception_msg(
                    &self.exc.import_error.clone(),
                    "attempted relative import beyond top-level package",
                ));
            }
            parts.truncate(parts.len() + 1 - level as usize);
            let base = parts.join(".");
            if name.is_empty() {
                base
            } else {
                format!("{base}.{name}")
            }
        } else {
            if name.is_empty() {
                return Err(self.value_error("Empty module name"));
            }
            name.clone()
        };
        // Import each package on the way down.
        let mut module = Value::None;
        let mut prefix = String::new();
        for part in full.split('.') {
            let parent = if prefix.is_empty() {
                None
            } else {
                Some(module.clone())
            };
            if !prefix.is_empty() {
                prefix.push('.');
            }
            prefix.push_str(part);
            module = self.import_one(&prefix, parent.as_ref())?;
        }
        let has_fromlist = !fromlist.is_none() && self.truthy(fromlist)?;
        if has_fromlist {
            // `from pkg import sub` imports submodules not yet loaded.
            if self.package_path(&module).is_some() {
                for item in self.iterate(fromlist)? {
                    let Some(s) = value_pystr(&item).map(|s| s.to_string_lossy().into_owned())
                    else {
                        continue;
                    };
                    if s == "*" {
                        continue;
                    }
                    let key = self.intern(&s);
                    if self.getattr(&module, &key).is_ok() {
                        continue;
                    }
                    // As CPython does: a submodule that is not there is
                    // not an error here (`import_from` reports the name).
                    let full_sub = format!("{full}.{s}");
                    if let Err(e) = self.import_one(&full_sub, Some(&module)) {
                        let missing = e.class().is_subtype(&self.exc.module_not_found_error)
                            && self
                                .getattr_str(&Value::Obj(e.clone()), "name")
                                .ok()
                                .and_then(|n| crate::api::str_value(&n))
                                .is_some_and(|n| n == full_sub);
                        if !missing {
                            return Err(e);
                        }
                    }
                }
            }
            return Ok(module);
        }
        if level > 0 {
            return Ok(module);
        }
        let top = full.split('.').next().unwrap_or(&full).to_string();
        let key = self.new_str(&top);
        Ok(crate::objects::dict::get(self, &self.modules.clone(), &key)?.unwrap_or(module))
    }

    /// The package a module's globals say it is in.
    fn package_of(&mut self, globals: &Value) -> PyResult<String> {
        let Some(g) = globals
            .as_obj()
            .filter(|o| matches!(o.kind(), ObjKind::Dict(_)))
        else {
            return Ok(String::new());
        };
        if let Some(p) = crate::objects::dict::get_str(g, "__package__")
            .and_then(|v| value_pystr(&v).map(|s| s.to_string_lossy().into_owned()))
        {
            return Ok(p);
        }
        let name = crate::objects::dict::get_str(g, "__name__")
            .and_then(|v| value_pystr(&v).map(|s| s.to_string_lossy().into_owned()))
            .unwrap_or_default();
        if crate::objects::dict::get_str(g, "__path__").is_some() {
            return Ok(name);
        }
        Ok(name
            .rsplit_once('.')
            .map(|(a, _)| a.to_string())
            .unwrap_or_default())
    }

    /// The directories of a package's `__path__` (`None` for a module
    /// that is not a package).
    fn package_path(&mut self, module: &Value) -> Option<Vec<String>> {
        let d = module.as_obj()?.object().dict()?.clone();
        let p = crate::objects::dict::get_str(&d, "__path__")?;
        let items = match p.kind() {
            Some(ObjKind::List(l)) => l.borrow().clone(),
            _ => self.iterate(&p).ok()?,
        };
        Some(
            items
                .iter()
                .filter_map(|v| value_pystr(v).map(|s| s.to_string_lossy().into_owned()))
                .collect(),
        )
    }

    /// `dir/name/__init__.py`, a C extension `dir/name.*.so` or
    /// `dir/name.py`, in the first directory that has one (in the order
    /// CPython's path finder tries them); failing those, the directories
    /// called `name` that make a namespace package.
    fn find_module_file(&self, dirs: &[String], name: &str) -> Option<(String, FileKind)> {
        let mut namespace = None;
        for d in dirs {
            let base = if d.is_empty() {
                ".".to_string()
            } else {
                d.clone()
            };
            let dir = format!("{base}/{name}");
            let pkg = format!("{dir}/__init__.py");
            if std::path::Path::new(&pkg).is_file() {
                return Some((pkg, FileKind::Package));
            }
            for suffix in extension_suffixes() {
                let file = format!("{base}/{name}{suffix}");
                if std::path::Path::new(&file).is_file() {
                    return Some((file, FileKind::Extension));
                }
            }
            let file = format!("{base}/{name}.py");
            if std::path::Path::new(&file).is_file() {
                return Some((file, FileKind::Source));
            }
            if namespace.is_none() && std::path::Path::new(&dir).is_dir() {
                namespace = Some(dir);
            }
        }
        namespace.map(|dir| (dir, FileKind::Namespace))
    }

    /// Imports one dotted name whose parent (if any) is already imported:
    /// from `sys.modules`, or through the finders on `sys.meta_path`.
    fn import_one(&mut self, full: &str, parent: Option<&Value>) -> PyResult {
        let key = self.new_str(full);
        let modules = self.modules.clone();
        if let Some(m) = crate::objects::dict::get(self, &modules, &key)? {
            if m.is_none() {
                return Err(self.module_not_found(full, "import of {} halted; None in sys.modules"));
            }
            return Ok(m);
        }
        let dirs = match parent {
            Some(p) => match self.package_path(p) {
                Some(path) => Some(path),
                None => {
                    let pname = full.rsplit_once('.').map(|(a, _)| a).unwrap_or("");
                    return Err(self.module_not_found(
                        full,
                        &format!("No module named '{{}}'; '{pname}' is not a package"),
                    ));
                }
            },
            None => None,
        };
        let meta_path = self.sys_attr("meta_path");
        let Some(finders) = crate::api::list_items(&meta_path) else {
            return Err(self.import_error("sys.meta_path is None, Python is likely shutting down"));
        };
        let mut searched = false;
        for finder in finders {
            if self.is_standard_finder(&finder) {
                if !searched {
                    searched = true;
                    if let Some(m) = self.find_and_load(full, parent, dirs.clone())? {
                        return Ok(m);
                    }
                }
                continue;
            }
            let find_spec = match self.getattr_str(&finder, "find_spec") {
                Ok(f) => f,
                Err(e) if e.class().is_subtype(&self.exc.attribute_error) => continue,
                Err(e) => return Err(e),
            };
            let path = match parent {
                Some(p) => self.getattr_str(p, "__path__")?,
                None => Value::None,
            };
            let name = self.new_str(full);
            let spec = self.call(&find_spec, vec![name, path, Value::None])?;
            if spec.is_none() {
                continue;
            }
            let m = self.load_from_spec(spec)?;
            self.bind_in_parent(full, parent, &m)?;
            return Ok(m);
        }
        // Without a standard library, say where it was looked for.
        let hint = match parent {
            None => self.stdlib.missing_hint().unwrap_or_default(),
            Some(_) => String::new(),
        };
        Err(self.module_not_found(full, &format!("No module named '{{}}'{hint}")))
    }

    /// A submodule becomes an attribute of its package.
    fn bind_in_parent(&mut self, full: &str, parent: Option<&Value>, m: &Value) -> PyResult<()> {
        if let Some(p) = parent {
            let short = full.rsplit('.').next().unwrap_or(full);
            let k = self.intern(short);
            self.setattr(p, &k, m.clone())?;
        }
        Ok(())
    }

    /// Krait's own search, where the standard finders stand on
    /// `sys.meta_path`: a native module, else a file or package in `dirs`
    /// (the parent package's `__path__`, or `sys.path`). `None` when
    /// there is none.
    fn find_and_load(
        &mut self,
        full: &str,
        parent: Option<&Value>,
        dirs: Option<Vec<String>>,
    ) -> PyResult<Option<Value>> {
        let key = self.new_str(full);
        let modules = self.modules.clone();
        if let Some(def) = self.native_module(full) {
            let m = self.instantiate_module(def)?;
            crate::objects::dict::set(self, &modules, key, Value::Obj(m.clone()))?;
            self.attach_spec(full, &m)?;
            return Ok(Some(Value::Obj(m)));
        }
        let short = full.rsplit('.').next().unwrap_or(full);
        let dirs = match dirs {
            Some(d) => d,
            None => self.search_path(),
        };
        let Some((file, kind)) = self.find_module_file(&dirs, short) else {
            return Ok(None);
        };
        let module = self.new_module(full);
        let d = module.object().dict().unwrap().clone();
        match kind {
            FileKind::Extension => return Err(self.extension_not_loadable(full, &file)),
            FileKind::Namespace => {
                let dir = std::path::absolute(&file)
                    .map(|p| p.to_string_lossy().into_owned())
                    .unwrap_or(file);
                let dv = self.new_string(dir);
                let l = self.new_list(vec![dv]);
                let k = self.intern("__path__");
                crate::objects::dict::set_str(self, &d, k, l);
                let k = self.names.file.clone();
                crate::objects::dict::set_str(self, &d, k, Value::None);
                let pv = self.new_str(full);
                let k = self.intern("__package__");
                crate::objects::dict::set_str(self, &d, k, pv);
                let m = Value::Obj(module.clone());
                crate::objects::dict::set(self, &modules, key, m.clone())?;
                self.attach_spec(full, &module)?;
                self.bind_in_parent(full, parent, &m)?;
                return Ok(Some(m));
            }
            FileKind::Package | FileKind::Source => {}
        }
        let is_pkg = kind == FileKind::Package;
        let file = std::path::absolute(&file)
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or(file);
        let f = self.new_str(&file);
        let k = self.names.file.clone();
        crate::objects::dict::set_str(self, &d, k, f);
        let package = if is_pkg {
            let dir = std::path::Path::new(&file)
                .parent()
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default();
            let dv = self.new_string(dir);
            let l = self.new_list(vec![dv]);
            let k = self.intern("__path__");
            crate::objects::dict::set_str(self, &d, k, l);
            full.to_string()
        } else {
            full.rsplit_once('.')
                .map(|(a, _)| a.to_string())
                .unwrap_or_default()
        };
        let pv = self.new_string(package);
        let k = self.intern("__package__");
        crate::objects::dict::set_str(self, &d, k, pv);
        self.attach_spec(full, &module)?;
        crate::objects::dict::set(self, &modules, key.clone(), Value::Obj(module.clone()))?;
        let r = self.module_code(&file, full).and_then(|(code, cached)| {
            if let Some(c) = cached {
                let k = self.intern("__cached__");
                let v = self.new_string(c);
                crate::objects::dict::set_str(self, &d, k, v);
            }
            self.import_state.initializing.push(module.clone());
            let ran = self.run_code(&code, &d, Value::Null);
            self.import_state.initializing.pop();
            ran
        });
        if let Err(e) = r {
            crate::objects::dict::remove(self, &modules, &key)?;
            return Err(e);
        }
        // The module may have replaced itself in sys.modules.
        let m = crate::objects::dict::get(self, &modules, &key)?.unwrap_or(Value::Obj(module));
        self.bind_in_parent(full, parent, &m)?;
        if full == "importlib" {
            self.adopt_importlib()?;
        }
        Ok(Some(m))
    }

    fn search_path(&mut self) -> Vec<String> {
        let p = self.sys_attr("path");
        match p.kind() {
            Some(ObjKind::List(l)) => l
                .borrow()
                .iter()
                .filter_map(|v| value_pystr(v).map(|s| s.to_string_lossy().into_owned()))
                .collect(),
            _ => self.path.clone(),
        }
    }

    /// Krait runs no C code: a C extension module found on the path is
    /// an error naming the file, not a reason to search on.
    pub(crate) fn extension_not_loadable(&mut self, name: &str, file: &str) -> Obj {
        let file = std::path::absolute(file)
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_else(|_| file.to_string());
        let msg = format!("cannot load C extension module '{name}' ({file}): Krait runs no C code");
        let e = self.new_exception_msg(&self.exc.import_error.clone(), &msg);
        let ev = Value::Obj(e.clone());
        for (attr, v) in [("name", name), ("path", file.as_str())] {
            let k = self.intern(attr);
            let v = self.new_str(v);
            let _ = self.setattr(&ev, &k, v);
        }
        e
    }

    pub(crate) fn module_not_found(&mut self, name: &str, template: &str) -> Obj {
        let msg = template.replace("{}", name);
        let e = self.new_exception_msg(&self.exc.module_not_found_error.clone(), &msg);
        let k = self.intern("name");
        let n = self.new_str(name);
        let _ = self.setattr(&Value::Obj(e.clone()), &k, n);
        e
    }

    /// `IMPORT_FROM`.
    pub fn import_from(&mut self, module: &Value, name: &Obj) -> PyResult {
        match self.getattr(module, name) {
            Ok(v) => Ok(v),
            Err(e) if e.class().is_subtype(&self.exc.attribute_error) => {
                // A submodule imported some other way.
                let mname = match module.as_obj() {
                    Some(o) if matches!(o.kind(), ObjKind::Module(_)) => {
                        crate::objects::module::module_name(o)
                    }
                    _ => String::new(),
                };
                let full = format!("{mname}.{}", text(name));
                let key = self.new_str(&full);
                if let Some(m) = crate::objects::dict::get(self, &self.modules.clone(), &key)? {
                    return Ok(m);
                }
                let file = module
                    .as_obj()
                    .and_then(|o| o.object().dict().cloned())
                    .and_then(|d| crate::objects::dict::get_str(&d, "__file__"))
                    .and_then(|f| value_pystr(&f).map(|s| s.to_string_lossy().into_owned()));
                let partial = module.as_obj().is_some_and(|m| self.is_initializing(m));
                let from = if partial {
                    format!("partially initialized module '{mname}' (most likely due to a circular import)")
                } else {
                    format!("'{mname}'")
                };
                let at = file.as_deref().unwrap_or("unknown location");
                let msg = format!("cannot import name '{}' from {from} ({at})", text(name));
                let e = self.new_exception_msg(&self.exc.import_error.clone(), &msg);
                let ev = Value::Obj(e.clone());
                let n = self.new_str(&mname);
                let k = self.intern("name");
                self.setattr(&ev, &k, n)?;
                let p = file.map_or(Value::None, |f| self.new_string(f));
                let k = self.intern("path");
                self.setattr(&ev, &k, p)?;
                Err(e)
            }
            Err(e) => Err(e),
        }
    }

    /// `from module import *`.
    pub fn import_star(&mut self, module: &Value, locals: &Value) -> PyResult<()> {
        let d = module.as_obj().and_then(|o| o.object().dict().cloned());
        let Some(d) = d else { return Ok(()) };
        let names: Vec<Value> = match crate::objects::dict::get_str(&d, "__all__") {
            Some(all) => self.iterate(&all)?,
            None => crate::objects::dict::dict_cell(&d)
                .borrow()
                .iter()
                .filter(|e| value_pystr(&e.key).is_some_and(|s| !s.as_bytes().starts_with(b"_")))
                .map(|e| e.key.clone())
                .collect(),
        };
        for n in names {
            let Some(o) = n.as_obj().cloned() else {
                continue;
            };
            let v = self.getattr(module, &o)?;
            self.mapping_set(locals, o, v)?;
        }
        Ok(())
    }
}

/// What kind of file `import` found for a module.
#[derive(Clone, Copy, PartialEq, Eq)]
enum FileKind {
    /// `name/__init__.py`.
    Package,
    /// `name.py`.
    Source,
    /// A C extension module, `name.cpython-311-<platform>.so` and the like.
    Extension,
    /// A directory without `__init__.py`: part of a namespace package.
    Namespace,
}

/// The file name endings of C extension modules for CPython 3.11 on this
/// platform, as `importlib.machinery.EXTENSION_SUFFIXES` lists them.
pub(crate) fn extension_suffixes() -> [String; 3] {
    [
        format!(
            ".cpython-311-{}-{}-gnu.so",
            std::env::consts::ARCH,
            std::env::consts::OS
        ),
        ".abi3.so".to_string(),
        ".so".to_string(),
    ]
}

#[cfg(test)]
mod tests {
    use crate::api::str_value;
    use crate::Vm;

    /// A C extension module found first on the path is an ImportError
    /// naming its file: the search does not go on to a `.py` further on.
    #[test]
    fn extension_modules_are_reported_not_skipped() {
        let root = std::env::temp_dir().join(format!("krait-ext-{}", std::process::id()));
        let (first, second) = (root.join("a"), root.join("b"));
        std::fs::create_dir_all(&first).unwrap();
        std::fs::create_dir_all(&second).unwrap();
        let so = first.join(format!("extmod{}", super::extension_suffixes()[0]));
        std::fs::write(&so, b"").unwrap();
        std::fs::write(second.join("extmod.py"), b"x = 1\n").unwrap();
        let mut vm = Vm::new();
        let m = vm.new_module("__main__");
        let program = format!(
            "import sys\nsys.path[:0] = [{:?}, {:?}]\ntry:\n    import extmod\n    r = 'imported'\n\
             except ImportError as e:\n    r = (type(e).__name__, e.name, e.path)\n",
            first.display().to_string(),
            second.display().to_string()
        );
        assert!(vm.exec_in(&program, &m).is_ok());
        let r = vm.eval_in("repr(r)", &m).ok();
        let r = r.as_ref().and_then(str_value);
        let expected = format!("('ImportError', 'extmod', '{}')", so.display());
        std::fs::remove_dir_all(&root).unwrap();
        assert_eq!(r.as_deref(), Some(expected.as_str()));
    }
}
