//! Instructions whose work lives outside the loop: namespaces as
//! mappings, `with`, `match`, and the interactive display hook.

use crate::object::ObjKind;
use crate::objects::str::{as_pystr, text};
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
        if crate::objects::str::value_pystr(v).is_some() {
            return false;
        }
        match v.kind() {
            Some(ObjKind::List(_) | ObjKind::Tuple(_) | ObjKind::Range { .. }) => true,
            Some(ObjKind::Bytes(_) | ObjKind::ByteArray(_) | ObjKind::Dict(_)) => false,
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
                && crate::objects::typeobject::object::class_module(self, c).as_deref()
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
    /// Imports from the standard library `stdlib`: `sys.path` becomes
    /// `extra` (from `PYTHONPATH`) then the standard library's
    /// directories, after the script's directory once `set_argv` adds it;
    /// `sys.prefix` and its relatives name its installation.
    pub fn set_stdlib(&mut self, stdlib: crate::Stdlib, extra: Vec<String>) {
        self.path = extra;
        self.path.extend(stdlib.sys_path());
        let items = self.path.clone().iter().map(|p| self.new_str(p)).collect();
        let l = self.new_list(items);
        let sys = self.sys.clone();
        crate::bootstrap::set_attr_str(self, &sys, "path", l);
        let prefix = stdlib
            .prefix()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        for name in ["prefix", "exec_prefix", "base_prefix", "base_exec_prefix"] {
            let v = self.new_str(&prefix);
            crate::bootstrap::set_attr_str(self, &sys, name, v);
        }
        self.stdlib = stdlib;
    }

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
}
