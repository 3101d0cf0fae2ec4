//! Native modules: a module declared as a name, a table of functions and
//! an initialiser, registered with the VM by name. `import` finds a
//! registered module before it searches `sys.path`, as CPython's
//! built-in modules are found first.

use crate::api::FunctionDef;
use crate::object::ObjKind;
use crate::objects::function::BuiltinFunction;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// A native module's definition.
pub struct ModuleDef {
    pub name: &'static str,
    pub doc: Option<&'static str>,
    pub functions: &'static [FunctionDef],
    /// Runs after the functions are in the namespace: constants, types,
    /// anything the table cannot say.
    pub init: Option<fn(&mut Vm, &Obj) -> PyResult<()>>,
}

impl Vm {
    /// Makes these modules importable by name. A name registered again
    /// replaces the earlier definition (an embedder may override one).
    pub fn add_native_modules(&mut self, defs: &[&'static ModuleDef]) {
        for def in defs {
            self.native_modules.retain(|d| d.name != def.name);
            self.native_modules.push(def);
        }
        crate::modules::sys::set_builtin_module_names(self);
    }

    /// The module called `name` (dotted for a submodule), imported as
    /// `import name` would, without binding a name anywhere.
    pub fn import(&mut self, name: &str) -> PyResult {
        let n = self.intern(name);
        self.import_module(&n, &Value::None, &Value::Int(0), &Value::None)?;
        let key = Value::Obj(n);
        let modules = self.modules.clone();
        match crate::objects::dict::get(self, &modules, &key)? {
            Some(m) => Ok(m),
            None => Err(self.new_exception_msg(
                &self.exc.import_error.clone(),
                &format!("import of {name} did not leave it in sys.modules"),
            )),
        }
    }

    /// The class `name` that native module `module` defines, remembered
    /// after the first lookup: a module's methods make instances of its
    /// own types without a lookup each time (and, as in CPython, whatever
    /// Python code later binds to the name).
    pub fn native_class(&mut self, module: &'static str, name: &'static str) -> PyResult<Obj> {
        if let Some(c) = self.native_classes.get(&(module, name)) {
            return Ok(c.clone());
        }
        let m = self.import(module)?;
        let c = self.getattr_str(&m, name)?;
        let Some(c) = c.as_obj().filter(|c| c.type_data().is_some()).cloned() else {
            return Err(self.type_error(format!("{module}.{name} is not a class")));
        };
        self.native_classes.insert((module, name), c.clone());
        Ok(c)
    }

    /// The class a module's earlier initialisation remembered with
    /// [`Vm::remember_native_class`]: a module imported afresh
    /// (`import_fresh_module`) reuses its types, as CPython's static
    /// types are the same objects however often the module is made.
    pub fn remembered_native_class(&self, module: &'static str, name: &'static str) -> Option<Obj> {
        self.native_classes.get(&(module, name)).cloned()
    }

    /// Remembers `cls` as module `module`'s class `name` (see
    /// [`Vm::native_class`]).
    pub fn remember_native_class(&mut self, module: &'static str, name: &'static str, cls: &Obj) {
        self.native_classes.insert((module, name), cls.clone());
    }

    /// The state a native module keeps for this interpreter (its types,
    /// the objects it shares between calls), stored with
    /// [`Vm::set_native_state`]; as CPython's per-module state, each `Vm`
    /// has its own.
    pub fn native_state<T: std::any::Any>(&self) -> Option<std::rc::Rc<T>> {
        let s = self.native_states.get(&std::any::TypeId::of::<T>())?;
        s.clone().downcast::<T>().ok()
    }

    /// Stores `state` for [`Vm::native_state`], replacing what a module
    /// made afresh left before.
    pub fn set_native_state<T: std::any::Any>(&mut self, state: T) {
        self.native_states
            .insert(std::any::TypeId::of::<T>(), std::rc::Rc::new(state));
    }

    /// An instance of the exception class `name` of module `module`
    /// (`binascii.Error`), with the message `msg`.
    pub fn module_exception(&mut self, module: &'static str, name: &'static str, msg: &str) -> Obj {
        let made = self.native_class(module, name).and_then(|cls| {
            let text = self.new_str(msg);
            self.call(&Value::Obj(cls), vec![text])
        });
        match made {
            Ok(Value::Obj(e)) => e,
            Ok(_) => self.type_error(format!("{module}.{name}() made no exception")),
            Err(e) => e,
        }
    }

    /// `getattr(obj, name)` for a name known in Rust.
    pub fn getattr_str(&mut self, obj: &Value, name: &str) -> PyResult {
        let n = self.intern(name);
        self.getattr(obj, &n)
    }

    /// `setattr(obj, name, value)` for a name known in Rust.
    pub fn setattr_str(&mut self, obj: &Value, name: &str, value: Value) -> PyResult<()> {
        let n = self.intern(name);
        self.setattr(obj, &n, value)
    }

    /// Writes out what `sys.stdout` and `sys.stderr` hold (before the
    /// process forks or runs a command).
    pub fn flush_stdio(&mut self) {
        self.stdout.flush();
        self.stderr.flush();
    }

    /// The registered module called `name`.
    pub(crate) fn native_module(&self, name: &str) -> Option<&'static ModuleDef> {
        self.native_modules.iter().copied().find(|d| d.name == name)
    }

    /// Creates a native module's object from its definition (not yet in
    /// `sys.modules`).
    pub(crate) fn instantiate_module(&mut self, def: &'static ModuleDef) -> PyResult<Obj> {
        let m = self.new_module(def.name);
        if let Some(doc) = def.doc {
            let d = self.new_str(doc);
            add_attr(self, &m, "__doc__", d);
        }
        for f in def.functions {
            let v = native_function(self, f, Some(def.name), None);
            add_attr(self, &m, f.name, v);
        }
        if let Some(init) = def.init {
            init(self, &m)?;
        }
        Ok(m)
    }
}

/// A built-in function object for a table entry; `owner` is the type a
/// method belongs to.
pub fn native_function(
    vm: &Vm,
    def: &FunctionDef,
    module: Option<&'static str>,
    owner: Option<&Obj>,
) -> Value {
    use crate::api::FunctionKind;
    Value::Obj(Obj::new(
        vm.types.builtin_function.clone(),
        ObjKind::Builtin(Box::new(BuiltinFunction {
            name: def.name,
            func: def.func,
            receiver: Value::Null,
            owner: owner.cloned(),
            is_method: def.kind == FunctionKind::Method,
            is_classmethod: def.kind == FunctionKind::ClassMethod,
            module,
            params: def.params,
        })),
    ))
}

/// Sets `name` in a module's (or a type's) namespace.
pub fn add_attr(vm: &mut Vm, target: &Obj, name: &str, value: Value) {
    crate::bootstrap::set_attr_str(vm, target, name, value);
}

/// Puts a table of integer constants (`zlib.Z_FINISH`, `socket.AF_INET`)
/// in a module's namespace.
pub fn add_int_constants(vm: &mut Vm, module: &Obj, table: &[(&str, i64)]) {
    for &(name, value) in table {
        add_attr(vm, module, name, Value::Int(value));
    }
}

/// Puts a table of functions in the namespace of the module called
/// `name`, in table order.
pub fn add_functions(vm: &mut Vm, module: &Obj, name: &'static str, defs: &[FunctionDef]) {
    for def in defs {
        let f = native_function(vm, def, Some(name), None);
        add_attr(vm, module, def.name, f);
    }
}

/// Puts a type's table of methods in its namespace, in table order.
pub fn add_methods(vm: &mut Vm, ty: &Obj, defs: &[FunctionDef]) {
    for def in defs {
        let f = native_function(vm, def, None, Some(ty));
        add_attr(vm, ty, def.name, f);
    }
}
