//! Instructions whose work lives outside the loop: namespaces as
//! mappings, `with`, `match`, the interactive display hook, and `import`
//! of modules and packages found on `sys.path`.

use crate::object::ObjKind;
use crate::objects::str::{as_pystr, text, value_pystr};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_compiler::code::Instr;

impl Vm {
    // ---- namespaces ------------------------------------------------------------

    /// `ns[name]` for a namespace (a dict, or any mapping a metaclass's
    /// `__prepare__` returned); `None` when absent.
    pub fn mapping_get(&mut self, ns: &Value, name: &Obj) -> PyResult<Option<Value>> {
        if let Value::Obj(d) = ns {
            if d.class().is(&self.types.dict) {
                return Ok(crate::objects::dict::get_str_obj(d, name));
            }
        }
        match self.getitem(ns, &Value::Obj(name.clone())) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.class().is_subtype(&self.exc.key_error) => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub fn mapping_set(&mut self, ns: &Value, name: Obj, value: Value) -> PyResult<()> {
        if let Value::Obj(d) = ns {
            if d.class().is(&self.types.dict) {
                crate::objects::dict::set_str(self, d, name, value);
                return Ok(());
            }
        }
        self.setitem(ns, Value::Obj(name), value)
    }

    /// Deletes `name`; false when it was not there.
    pub fn mapping_del(&mut self, ns: &Value, name: &Obj) -> PyResult<bool> {
        if let Value::Obj(d) = ns {
            if d.class().is(&self.types.dict) {
                return Ok(crate::objects::dict::remove_str(d, name).is_some());
            }
        }
        match self.delitem(ns, &Value::Obj(name.clone())) {
            Ok(()) => Ok(true),
            Err(e) if e.class().is_subtype(&self.exc.key_error) => Ok(false),
            Err(e) => Err(e),
        }
    }

    // ---- with ------------------------------------------------------------------

    /// `BEFORE_WITH`: the bound `__exit__` and what `__enter__` returned.
    /// `BEFORE_WITH`'s lookups: the bound `__exit__` and the `__enter__`
    /// found on the class (to call with the manager).
    pub fn with_methods(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let cls = self.class_of(mgr).clone();
        let enter_name = self.names.enter.clone();
        let exit_name = self.names.exit.clone();
        let Some(enter) = self.lookup_type_obj(&cls, &enter_name) else {
            return Err(self.type_error(format!(
                "'{}' object does not support the context manager protocol",
                cls.type_name()
            )));
        };
        let Some(exit) = self.lookup_type_obj(&cls, &exit_name) else {
            return Err(self.type_error(format!(
                "'{}' object does not support the context manager protocol (missed __exit__ method)",
                cls.type_name()
            )));
        };
        let exit = self.bind_descriptor(&exit, mgr, &cls)?;
        Ok((exit, enter))
    }

    // ---- match -----------------------------------------------------------------

    pub fn match_instr(&mut self, instr: Instr) -> PyResult<()> {
        match instr {
            Instr::MatchMapping => {
                let s = self.stack.last().cloned().unwrap_or(Value::None);
                let r = self.is_mapping(&s);
                self.stack.push(Value::Bool(r));
            }
            Instr::MatchSequence => {
                let s = self.stack.last().cloned().unwrap_or(Value::None);
                let r = self.is_sequence(&s);
                self.stack.push(Value::Bool(r));
            }
            Instr::GetLen => {
                let s = self.stack.last().cloned().unwrap_or(Value::None);
                let n = self.len(&s)?;
                self.stack.push(Value::Int(n as i64));
            }
            Instr::MatchKeys => {
                let l = self.stack.len();
                let (subject, keys) = (self.stack[l - 2].clone(), self.stack[l - 1].clone());
                let r = self.match_keys(&subject, &keys)?;
                self.stack.push(r);
            }
            Instr::CopyDictWithoutKeys => {
                // subject, keys -> the subject's items without those keys
                let keys = self.stack.pop().unwrap_or(Value::None);
                let subject = self.stack.pop().unwrap_or(Value::None);
                let d = self.new_dict_obj(crate::objects::dict::table::Dict::new());
                self.dict_update_from(&d, &subject, false)?;
                for k in crate::eval::tuple_items(&keys) {
                    crate::objects::dict::remove(self, &d, &k)?;
                }
                self.stack.push(Value::Obj(d));
            }
            Instr::MatchClass(count) => {
                let names = self.stack.pop().unwrap_or(Value::None);
                let cls = self.stack.pop().unwrap_or(Value::None);
                let subject = self.stack.pop().unwrap_or(Value::None);
                let r = self.match_class(&subject, &cls, count as usize, &names)?;
                self.stack.push(r);
            }
            _ => {}
        }
        Ok(())
    }

    fn is_mapping(&mut self, v: &Value) -> bool {
        match v.kind() {
            Some(ObjKind::Dict(_) | ObjKind::MappingProxy(_)) => true,
            _ => self.registered_abc(v, "Mapping"),
        }
    }

    fn is_sequence(&mut self, v: &Value) -> bool {
        match v.kind() {
            Some(ObjKind::List(_) | ObjKind::Tuple(_) | ObjKind::Range { .. }) => true,
            Some(
                ObjKind::Str(_) | ObjKind::Bytes(_) | ObjKind::ByteArray(_) | ObjKind::Dict(_),
            ) => false,
            _ => self.registered_abc(v, "Sequence"),
        }
    }

    /// Whether a class says it is a sequence or mapping for `match`
    /// (through a `collections.abc` base, once that module exists).
    fn registered_abc(&mut self, v: &Value, what: &str) -> bool {
        let cls = self.class_of(v).clone();
        let mro = cls.tdata().mro.borrow().clone();
        mro.iter().any(|c| {
            *c.tdata().name.borrow() == what
                && crate::objects::typeobject::class::class_module(self, c).as_deref()
                    == Some("collections.abc")
        })
    }

    fn match_keys(&mut self, subject: &Value, keys: &Value) -> PyResult {
        let keys = crate::eval::tuple_items(keys);
        let mut values = Vec::with_capacity(keys.len());
        let mut seen: Vec<Value> = Vec::new();
        let get_name = self.intern("get");
        let getter = self.getattr(subject, &get_name)?;
        let dummy = Value::Obj(crate::value::Obj::new(
            self.types.object.clone(),
            ObjKind::Plain,
        ));
        for k in keys {
            for s in &seen {
                if self.eq(s, &k)? {
                    let r = self.repr_string(&k)?;
                    return Err(
                        self.value_error(format!("mapping pattern checks duplicate key ({r})"))
                    );
                }
            }
            seen.push(k.clone());
            let v = self.call(&getter, vec![k, dummy.clone()])?;
            if v.is(&dummy) {
                return Ok(Value::None);
            }
            values.push(v);
        }
        Ok(self.new_tuple(values))
    }

    fn match_class(
        &mut self,
        subject: &Value,
        cls: &Value,
        count: usize,
        names: &Value,
    ) -> PyResult {
        let Some(c) = cls.as_obj().filter(|o| o.type_data().is_some()).cloned() else {
            return Err(self.type_error("called match pattern must be a class"));
        };
        if !self.isinstance(subject, cls)? {
            return Ok(Value::None);
        }
        let mut out = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        if count > 0 {
            let ma = self.names.match_args.clone();
            let match_args = match self.getattr(cls, &ma) {
                Ok(v) => Some(v),
                Err(e) if e.class().is_subtype(&self.exc.attribute_error) => None,
                Err(e) => return Err(e),
            };
            match match_args {
                None => {
                    // The built-in types that match themselves positionally.
                    let t = &self.types;
                    let self_matching = [
                        &t.bool_,
                        &t.bytearray,
                        &t.bytes,
                        &t.dict,
                        &t.float,
                        &t.frozenset,
                        &t.int,
                        &t.list,
                        &t.set,
                        &t.str_,
                        &t.tuple,
                    ]
                    .iter()
                    .any(|b| {
                        c.is_subtype(b)
                            && c.tdata()
                                .mro
                                .borrow()
                                .iter()
                                .all(|m| !m.tdata().heap || m.is(&c))
                            || c.is(b)
                    });
                    if !self_matching {
                        return Err(self.type_error(format!(
                            "{}() accepts 0 positional sub-patterns ({} given)",
                            c.tdata().name.borrow(),
                            count
                        )));
                    }
                    if count > 1 {
                        return Err(self.type_error(format!(
                            "{}() accepts 1 positional sub-pattern ({} given)",
                            c.tdata().name.borrow(),
                            count
                        )));
                    }
                    out.push(subject.clone());
                }
                Some(ma) => {
                    let Some(ObjKind::Tuple(items)) = ma.kind() else {
                        return Err(self.type_error(format!(
                            "{}.__match_args__ must be a tuple (got {})",
                            c.tdata().name.borrow(),
                            self.type_name(&ma)
                        )));
                    };
                    let items = items.to_vec();
                    if count > items.len() {
                        return Err(self.type_error(format!(
                            "{}() accepts {} positional sub-pattern{} ({} given)",
                            c.tdata().name.borrow(),
                            items.len(),
                            if items.len() == 1 { "" } else { "s" },
                            count
                        )));
                    }
                    for name in items.into_iter().take(count) {
                        let Some(n) = name.as_obj().filter(|o| as_pystr(o).is_some()).cloned()
                        else {
                            return Err(self.type_error(format!(
                                "__match_args__ elements must be strings (got {})",
                                self.type_name(&name)
                            )));
                        };
                        seen.push(text(&n).into_owned());
                        match self.getattr(subject, &n) {
                            Ok(v) => out.push(v),
                            Err(e) if e.class().is_subtype(&self.exc.attribute_error) => {
                                return Ok(Value::None)
                            }
                            Err(e) => return Err(e),
                        }
                    }
                }
            }
        }
        for name in crate::eval::tuple_items(names) {
            let n = name.as_obj().cloned().unwrap();
            let s = text(&n).into_owned();
            if seen.contains(&s) {
                return Err(self.type_error(format!(
                    "{}() got multiple sub-patterns for attribute '{}'",
                    c.tdata().name.borrow(),
                    s
                )));
            }
            seen.push(s);
            let n = self.intern(&text(&n));
            match self.getattr(subject, &n) {
                Ok(v) => out.push(v),
                Err(e) if e.class().is_subtype(&self.exc.attribute_error) => {
                    return Ok(Value::None)
                }
                Err(e) => return Err(e),
            }
        }
        Ok(self.new_tuple(out))
    }

    // ---- the interactive display hook ---------------------------------------

    pub fn display_hook(&mut self, v: Value) -> PyResult<()> {
        if v.is_none() {
            return Ok(());
        }
        let k = self.intern("_");
        let b = self.builtins_dict.clone();
        crate::objects::dict::set_str(self, &b, k.clone(), Value::None);
        let r = self.repr_string(&v)?;
        let out = self.sys_attr("stdout");
        self.write_to(&out, &format!("{r}\n"))?;
        crate::objects::dict::set_str(self, &b, k, v);
        Ok(())
    }

    // ---- import ----------------------------------------------------------------

    /// Sets `sys.argv` and puts the script's directory first on `sys.path`.
    pub fn set_argv(&mut self, argv: Vec<String>, script_dir: Option<String>) {
        self.argv = argv.clone();
        let items = argv.iter().map(|a| self.new_str(a)).collect();
        let l = self.new_list(items);
        let sys = self.sys.clone();
        crate::bootstrap::set_attr_str(self, &sys, "argv", l);
        if let Some(d) = script_dir {
            self.path.insert(0, d);
        }
        let items = self.path.clone().iter().map(|p| self.new_str(p)).collect();
        let l = self.new_list(items);
        crate::bootstrap::set_attr_str(self, &sys, "path", l);
    }

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
            if let Some(path) = self.package_path(&module) {
                for item in self.iterate(fromlist)? {
                    let Some(s) = value_pystr(&item).map(|s| s.to_string_lossy().into_owned())
                    else {
                        continue;
                    };
                    if s == "*" {
                        continue;
                    }
                    let key = self.intern(&s);
                    if self.getattr(&module, &key).is_err()
                        && self
                            .find_module_file(std::slice::from_ref(&path), &s)
                            .is_some()
                    {
                        let full_sub = format!("{full}.{s}");
                        self.import_one(&full_sub, Some(&module))?;
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

    fn package_path(&mut self, module: &Value) -> Option<String> {
        let d = module.as_obj()?.object().dict()?.clone();
        let p = crate::objects::dict::get_str(&d, "__path__")?;
        let first = match p.kind() {
            Some(ObjKind::List(l)) => l.borrow().first().cloned(),
            _ => None,
        }?;
        value_pystr(&first).map(|s| s.to_string_lossy().into_owned())
    }

    /// `dir/name.py` or `dir/name/__init__.py` in the first directory that
    /// has one; the flag says whether it is a package.
    fn find_module_file(&self, dirs: &[String], name: &str) -> Option<(String, bool)> {
        for d in dirs {
            let base = if d.is_empty() {
                ".".to_string()
            } else {
                d.clone()
            };
            let pkg = format!("{base}/{name}/__init__.py");
            if std::path::Path::new(&pkg).is_file() {
                return Some((pkg, true));
            }
            let file = format!("{base}/{name}.py");
            if std::path::Path::new(&file).is_file() {
                return Some((file, false));
            }
        }
        None
    }

    /// Imports one dotted name whose parent (if any) is already imported.
    /// The `__future__` module, made on first import: every feature name,
    /// as a (first optional release, mandatory release) pair, and
    /// `all_feature_names`.
    fn future_module(&mut self, key: &Value) -> Value {
        let m = self.new_module("__future__");
        let mut names = Vec::new();
        for &name in krait_syntax::checks::FUTURE_FEATURES {
            let (optional, mandatory): (&[i64], Option<&[i64]>) = match name {
                "nested_scopes" => (&[2, 1, 0], Some(&[2, 2, 0])),
                "generators" => (&[2, 2, 0], Some(&[2, 3, 0])),
                "division" | "absolute_import" | "with_statement" => (&[2, 2, 0], Some(&[3, 0, 0])),
                "print_function" | "unicode_literals" => (&[2, 6, 0], Some(&[3, 0, 0])),
                "barry_as_FLUFL" => (&[3, 1, 0], Some(&[4, 0, 0])),
                "generator_stop" => (&[3, 5, 0], Some(&[3, 7, 0])),
                _ => (&[3, 7, 0], None),
            };
            let version = |vm: &mut Vm, v: &[i64]| {
                let items = v.iter().map(|&x| Value::Int(x)).collect();
                vm.new_tuple(items)
            };
            let opt = version(self, optional);
            let mand = match mandatory {
                Some(v) => version(self, v),
                None => Value::None,
            };
            let feature = self.new_tuple(vec![opt, mand]);
            crate::bootstrap::set_attr_str(self, &m, name, feature);
            names.push(self.new_str(name));
        }
        let all = self.new_list(names);
        crate::bootstrap::set_attr_str(self, &m, "all_feature_names", all);
        let modules = self.modules.clone();
        let _ = crate::objects::dict::set(self, &modules, key.clone(), Value::Obj(m.clone()));
        Value::Obj(m)
    }

    fn import_one(&mut self, full: &str, parent: Option<&Value>) -> PyResult {
        let key = self.new_str(full);
        let modules = self.modules.clone();
        if let Some(m) = crate::objects::dict::get(self, &modules, &key)? {
            if m.is_none() {
                return Err(self.module_not_found(full, "import of {} halted; None in sys.modules"));
            }
            return Ok(m);
        }
        if full == "__future__" {
            return Ok(self.future_module(&key));
        }
        let short = full.rsplit('.').next().unwrap_or(full);
        let dirs = match parent {
            Some(p) => match self.package_path(p) {
                Some(path) => vec![path],
                None => {
                    let pname = full.rsplit_once('.').map(|(a, _)| a).unwrap_or("");
                    return Err(self.module_not_found(
                        full,
                        &format!("No module named '{{}}'; '{pname}' is not a package"),
                    ));
                }
            },
            None => self.search_path(),
        };
        let Some((file, is_pkg)) = self.find_module_file(&dirs, short) else {
            return Err(self.module_not_found(full, "No module named '{}'"));
        };
        let source = match std::fs::read(&file)
            .ok()
            .and_then(|b| krait_syntax::source::decode_source(&b).ok())
        {
            Some(s) => s,
            None => return Err(self.module_not_found(full, "No module named '{}'")),
        };
        let file = std::path::absolute(&file)
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or(file);
        let module = self.new_module(full);
        let d = module.object().dict().unwrap().clone();
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
        crate::objects::dict::set(self, &modules, key.clone(), Value::Obj(module.clone()))?;
        let r = self
            .compile_source(&source, &file, crate::runner::Mode::Exec)
            .and_then(|code| self.run_code(&code, &d, Value::Null));
        if let Err(e) = r {
            crate::objects::dict::remove(self, &modules, &key)?;
            return Err(e);
        }
        // The module may have replaced itself in sys.modules.
        let m = crate::objects::dict::get(self, &modules, &key)?.unwrap_or(Value::Obj(module));
        if let Some(p) = parent {
            let k = self.intern(short);
            self.setattr(p, &k, m.clone())?;
        }
        Ok(m)
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

    fn module_not_found(&mut self, name: &str, template: &str) -> Obj {
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
                let mname = match module.as_obj().map(|o| o.kind()) {
                    Some(ObjKind::Module(m)) => m.name.clone(),
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
                let msg = match file {
                    Some(f) => format!(
                        "cannot import name '{}' from '{}' ({})",
                        text(name),
                        mname,
                        f
                    ),
                    None => format!(
                        "cannot import name '{}' from '{}' (unknown location)",
                        text(name),
                        mname
                    ),
                };
                Err(self.new_exception_msg(&self.exc.import_error.clone(), &msg))
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
