//! Types a native module defines: a name, a table of methods, slots, and
//! instances that carry a Rust value of the module's choosing.
//!
//! ```ignore
//! struct Counter(Cell<i64>);
//! struct CounterType;
//! impl NativeType for CounterType {
//!     const SLOTS: &'static Slots = &Slots::iterator(|vm, o| { ... });
//! }
//! let cls = vm.new_native_type::<CounterType>(&TypeDef { name: "Counter", module: "demo", doc: None, methods: &[] });
//! let c = vm.new_native(&cls, Counter(Cell::new(0)));
//! // In its slots and methods: `native_data::<Counter>(obj)`.
//! ```

use crate::api::FunctionDef;
use crate::object::ObjKind;
use crate::objects::typeobject::slots::{install, NativeType};
use crate::objects::typeobject::{Layout, TypeData};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use std::any::Any;

/// A native type's definition.
pub struct TypeDef {
    /// The name Python shows (`Counter`).
    pub name: &'static str,
    /// The module it belongs to (`__module__`, and in its repr).
    pub module: &'static str,
    pub doc: Option<&'static str>,
    pub methods: &'static [FunctionDef],
}

impl Vm {
    /// Makes the type `def` describes: a subclass of `object` with the
    /// slots of `T` (and the dunders CPython derives from them) and the
    /// methods of the table. Its instances are made with
    /// [`Vm::new_native`]; classes defined in Python cannot derive from it.
    pub fn new_native_type<T: NativeType>(&mut self, def: &TypeDef) -> Obj {
        self.make_native_type::<T>(def, false, None)
    }

    /// The same, for a type classes defined in Python may derive from
    /// (`class MyDeque(deque)`). Its `__new__` must make instances of the
    /// class it is given with [`Vm::new_native`]; they get an attribute
    /// dict as well.
    pub fn new_native_base_type<T: NativeType>(&mut self, def: &TypeDef) -> Obj {
        self.make_native_type::<T>(def, true, None)
    }

    /// A type derived from the native base type `base` (`datetime` from
    /// `date`), which classes defined in Python may derive from in turn.
    /// Its instances hold a Rust value of their own, so the base's methods
    /// must read theirs as well as their own kind.
    pub fn new_native_subtype<T: NativeType>(&mut self, def: &TypeDef, base: &Obj) -> Obj {
        self.make_native_type::<T>(def, true, Some(base))
    }

    fn make_native_type<T: NativeType>(
        &mut self,
        def: &TypeDef,
        base: bool,
        parent: Option<&Obj>,
    ) -> Obj {
        let layout = if base {
            Layout::Object
        } else {
            Layout::Special
        };
        let mut data = TypeData::new(def.name, layout, false);
        data.base_ok = base;
        if def.module != "builtins" {
            *data.full_name.borrow_mut() = Some(format!("{}.{}", def.module, def.name));
        }
        let cls = Obj::new(self.types.type_.clone(), ObjKind::Type(Box::new(data)));
        let parent = parent.cloned().unwrap_or_else(|| self.types.object.clone());
        crate::bootstrap::set_bases(self, &cls, &[parent]);
        let doc = def.doc.map_or(Value::None, |d| self.new_str(d));
        crate::bootstrap::set_attr_str(self, &cls, "__doc__", doc);
        crate::api::add_methods(self, &cls, def.methods);
        // A `__del__` in the table finalizes instances as a class
        // statement's would (asyncio's futures log what was never
        // retrieved).
        if def.methods.iter().any(|m| m.name == "__del__") {
            cls.tdata().has_del.set(true);
        }
        install::<T>(self, &cls);
        crate::objects::typeobject::dunder_slots::refill(&cls);
        cls
    }

    /// Gives the instances of native type `cls` a `__dict__` for
    /// attributes of their own, as CPython types with a dict offset have
    /// (`functools.partial`).
    pub fn give_instances_dicts(&mut self, cls: &Obj) {
        cls.tdata().instance_dict.set(true);
        crate::api::add_getsets(self, cls, crate::objects::typeobject::object::INSTANCE_DICT);
    }

    /// A read-only view of `mapping` (`types.MappingProxyType(mapping)`).
    pub fn new_mappingproxy(&self, mapping: &Obj) -> Value {
        Value::Obj(Obj::new(
            self.types.mappingproxy.clone(),
            ObjKind::MappingProxy(mapping.clone()),
        ))
    }

    /// `slice(start, stop)`.
    pub fn new_slice(&self, start: i64, stop: i64) -> Value {
        Value::Obj(Obj::new(
            self.types.slice.clone(),
            ObjKind::Slice {
                start: Value::Int(start),
                stop: Value::Int(stop),
                step: Value::None,
            },
        ))
    }

    /// An instance of the native type `cls` holding `data`.
    pub fn new_native<T: Any>(&self, cls: &Obj, data: T) -> Value {
        Value::Obj(Obj::new(cls.clone(), ObjKind::Native(Box::new(data))))
    }

    /// Runs `source` as module-level code in the namespace of `module`
    /// (made by [`Vm::new_module`]): the Python half of a native module.
    /// Its frames stay out of tracebacks, as C functions' do in CPython.
    pub fn exec_in(&mut self, source: &str, module: &Obj) -> PyResult<()> {
        let name = self.getattr_str(&Value::Obj(module.clone()), "__name__");
        let name = name
            .ok()
            .and_then(|n| crate::api::str_value(&n))
            .unwrap_or_default();
        let filename = format!("{}{name}>", crate::eval::frame::NATIVE_SOURCE);
        let code = self.compile_source(source, &filename, crate::Mode::Exec)?;
        let globals = module.object().dict().expect("a module namespace").clone();
        self.run_code(&code, &globals, Value::Null).map(drop)
    }

    /// The value of the expression `source` in the namespace of `module`.
    pub fn eval_in(&mut self, source: &str, module: &Obj) -> PyResult {
        let code = self.compile_source(source, "<string>", crate::Mode::Eval)?;
        let globals = module.object().dict().expect("a module namespace").clone();
        self.run_code(&code, &globals, Value::Null)
    }
}

/// The Rust value a native type's instance holds, when it is a `T`.
pub fn native_data<T: Any>(o: &Obj) -> Option<&T> {
    match o.kind() {
        ObjKind::Native(data) => data.downcast_ref(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::api::*;
    use std::cell::Cell;

    /// Counts up from where it was made; an iterator with a method.
    struct Counter(Cell<i64>);

    struct CounterType;

    impl NativeType for CounterType {
        const SLOTS: &'static Slots = &Slots {
            repr: Some(|vm, o| {
                let n = counter(o).0.get();
                Ok(vm.new_string(format!("Counter({n})")))
            }),
            ..Slots::iterator(|_, o| {
                let c = counter(o);
                c.0.set(c.0.get() + 1);
                Ok(Some(Value::Int(c.0.get())))
            })
        };
    }

    fn counter(o: &Obj) -> &Counter {
        native_data::<Counter>(o).expect("a Counter")
    }

    const METHODS: &[FunctionDef] = &[FunctionDef::unary("peek", |vm, a| {
        match a.pos[0].as_obj().and_then(native_data::<Counter>) {
            Some(c) => Ok(Value::Int(c.0.get())),
            None => Err(vm.type_error("peek() needs a Counter")),
        }
    })];

    #[test]
    fn a_native_type_works_from_python() {
        let mut vm = Vm::new();
        let def = TypeDef {
            name: "Counter",
            module: "demo",
            doc: Some("Counts."),
            methods: METHODS,
        };
        let cls = vm.new_native_type::<CounterType>(&def);
        let m = vm.new_module("demo");
        let c = vm.new_native(&cls, Counter(Cell::new(10)));
        add_attr(&mut vm, &m, "c", c);
        let program = "a = next(c); b = [x for _, x in zip(range(2), c)]\n\
                       r = (a, b, c.peek(), repr(c), type(c).__name__, type(c).__module__,\n\
                            iter(c) is c, type(c).__next__(c), callable(c))";
        assert!(vm.exec_in(program, &m).is_ok());
        let r = vm.eval_in("repr(r)", &m).ok().and_then(|r| str_value(&r));
        assert_eq!(
            r.as_deref(),
            Some("(11, [12, 13], 13, 'Counter(13)', 'Counter', 'demo', True, 14, False)")
        );
        let e = vm.exec_in("class Sub(type(c)): pass", &m).err();
        let e = e.map(|e| vm.type_name(&Value::Obj(e)));
        assert_eq!(e.as_deref(), Some("TypeError"));
    }
}
