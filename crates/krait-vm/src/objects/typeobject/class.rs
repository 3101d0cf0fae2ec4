//! `object` and `type`: instance creation, class creation (the `class`
//! statement's `__build_class__`, metaclasses, `__init_subclass__`,
//! `__set_name__`, `__slots__`), `super`, and `isinstance`/`issubclass`.

use crate::bootstrap::{check_method_args, method, set_attr_str, static_fn};
use crate::object::{ExcData, ObjKind};
use crate::objects::function::Args;
use crate::objects::str::{as_pystr, text};
use crate::objects::typeobject::{Layout, NewPlan, TypeData};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use smallvec::SmallVec;
use std::cell::RefCell;

pub fn register(vm: &mut Vm) {
    let object = vm.types.object.clone();
    static_fn(vm, &object, "__new__", object_new);
    method(vm, &object, "__init__", object_init);
    method(vm, &object, "__repr__", object_repr);
    method(vm, &object, "__str__", object_str);
    method(vm, &object, "__hash__", object_hash);
    method(vm, &object, "__eq__", object_eq);
    method(vm, &object, "__ne__", object_ne);
    method(vm, &object, "__lt__", object_cmp_not_impl);
    method(vm, &object, "__le__", object_cmp_not_impl);
    method(vm, &object, "__gt__", object_cmp_not_impl);
    method(vm, &object, "__ge__", object_cmp_not_impl);
    method(vm, &object, "__getattribute__", object_getattribute);
    method(vm, &object, "__setattr__", object_setattr);
    method(vm, &object, "__delattr__", object_delattr);
    method(vm, &object, "__format__", object_format);
    method(vm, &object, "__dir__", object_dir);
    method(vm, &object, "__reduce_ex__", object_reduce);
    method(vm, &object, "__sizeof__", object_sizeof);
    crate::bootstrap::classmethod(vm, &object, "__init_subclass__", object_init_subclass);
    crate::bootstrap::classmethod(vm, &object, "__subclasshook__", object_subclasshook);
    let doc = vm.new_str("The base class of the class hierarchy.");
    set_attr_str(vm, &object, "__doc__", doc);

    let type_ = vm.types.type_.clone();
    static_fn(vm, &type_, "__new__", type_new);
    method(vm, &type_, "__init__", type_init);
    method(vm, &type_, "__call__", type_call_method);
    method(vm, &type_, "__repr__", type_repr);
    method(vm, &type_, "mro", type_mro);
    method(vm, &type_, "__subclasses__", type_subclasses);
    method(vm, &type_, "__instancecheck__", type_instancecheck);
    method(vm, &type_, "__subclasscheck__", type_subclasscheck);
    method(vm, &type_, "__dir__", object_dir);
    crate::bootstrap::classmethod(vm, &type_, "__prepare__", type_prepare);

    let sup = vm.types.super_.clone();
    static_fn(vm, &sup, "__new__", super_new);
    method(vm, &sup, "__init__", super_init);
    method(vm, &sup, "__repr__", super_repr);
    method(vm, &sup, "__get__", super_get);
}

// ---- instances -------------------------------------------------------------

fn type_arg(vm: &Vm, v: &Value, what: &str) -> PyResult<Obj> {
    match v {
        Value::Obj(o) if o.type_data().is_some() => Ok(o.clone()),
        _ => Err(vm.type_error(format!(
            "{what}: X is not a type object ({})",
            vm.type_name(v)
        ))),
    }
}

/// Whether a type's method `name` is the one `object` defines.
fn inherits_object_method(vm: &mut Vm, cls: &Obj, name: &str) -> bool {
    let object = vm.types.object.clone();
    let Some(m) = vm.lookup_type(cls, name) else {
        return true;
    };
    let base = vm.lookup_type(&object, name);
    base.is_some_and(|b| b.is(&m))
}

/// A new empty instance of `cls` with the payload its layout needs.
pub fn alloc_instance(vm: &Vm, cls: &Obj) -> Value {
    let t = cls.tdata();
    let kind = match t.layout {
        Layout::Exception => ObjKind::Exception(Box::new(RefCell::new(ExcData {
            args: Value::Obj(vm.empty_tuple.clone()),
            cause: Value::None,
            context: Value::None,
            notes: Value::Null,
            ..ExcData::default()
        }))),
        _ => {
            let n = t.slots.borrow().len();
            if n > 0 {
                ObjKind::Slots(RefCell::new(vec![Value::Null; n]))
            } else {
                ObjKind::Plain
            }
        }
    };
    Value::Obj(Obj::new(cls.clone(), kind))
}

fn object_new(vm: &mut Vm, args: Args) -> PyResult {
    let Some(cls) = args.pos.first() else {
        return Err(vm.type_error("object.__new__(): not enough arguments"));
    };
    let cls = match cls {
        Value::Obj(o) if o.type_data().is_some() => o.clone(),
        other => {
            return Err(vm.type_error(format!(
                "object.__new__(X): X is not a type object ({})",
                vm.type_name(other)
            )))
        }
    };
    let excess = args.pos.len() > 1 || !args.kw.is_empty();
    if excess {
        if !inherits_object_method(vm, &cls, "__new__") {
            return Err(vm.type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if inherits_object_method(vm, &cls, "__init__") {
            return Err(vm.type_error(format!(
                "{}() takes no arguments",
                cls.tdata().name.borrow()
            )));
        }
    }
    let layout = cls.tdata().layout;
    if !matches!(layout, Layout::Object | Layout::Exception)
        || !cls.tdata().heap
            && !cls.is(&vm.types.object)
            && layout != Layout::Exception
            && !cls.tdata().base_ok
    {
        let base = solid_base(&cls);
        return Err(vm.type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            cls.tdata().name.borrow(),
            base.tdata().name.borrow()
        )));
    }
    if let Some(abs) = abstract_methods(vm, &cls) {
        return Err(abs);
    }
    Ok(alloc_instance(vm, &cls))
}

/// TypeError for instantiating a class with abstract methods.
fn abstract_methods(vm: &mut Vm, cls: &Obj) -> Option<Obj> {
    let v = crate::objects::dict::get_str(cls.object().dict()?, "__abstractmethods__")?;
    let names = vm.iterate(&v).ok()?;
    if names.is_empty() {
        return None;
    }
    let mut names: Vec<String> = names
        .iter()
        .filter_map(|n| n.as_obj().map(|o| text(o).into_owned()))
        .collect();
    names.sort();
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    Some(vm.type_error(format!(
        "Can't instantiate abstract class {} with abstract method{} {}",
        cls.tdata().name.borrow(),
        if names.len() == 1 { "" } else { "s" },
        quoted.join(", ")
    )))
}

/// The nearest built-in class in the MRO.
fn solid_base(cls: &Obj) -> Obj {
    for c in cls.tdata().mro.borrow().iter() {
        if !c.tdata().heap {
            return c.clone();
        }
    }
    cls.clone()
}

fn object_init(vm: &mut Vm, args: Args) -> PyResult {
    let excess = args.pos.len() > 1 || !args.kw.is_empty();
    if excess {
        let cls = vm.class_of(&args.pos[0]).clone();
        if !inherits_object_method(vm, &cls, "__init__") {
            return Err(vm.type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        if inherits_object_method(vm, &cls, "__new__") {
            return Err(vm.type_error(format!(
                "{}.__init__() takes exactly one argument (the instance to initialize)",
                cls.tdata().name.borrow()
            )));
        }
    }
    Ok(Value::None)
}

/// `<module.Name object at 0x...>`.
pub fn default_repr(vm: &mut Vm, v: &Value) -> String {
    let cls = vm.class_of(v).clone();
    let module = class_module(vm, &cls);
    let name = cls.tdata().qualname.borrow().clone();
    let addr = match v {
        Value::Obj(o) => o.addr(),
        _ => 0,
    };
    match module {
        Some(m) if m != "builtins" => format!("<{m}.{name} object at {addr:#x}>"),
        _ => format!("<{name} object at {addr:#x}>"),
    }
}

pub fn class_module(vm: &mut Vm, cls: &Obj) -> Option<String> {
    let d = cls.object().dict()?;
    let m = crate::objects::dict::get_str(d, "__module__")?;
    let _ = vm;
    m.as_obj()
        .and_then(as_pystr)
        .map(|s| s.to_string_lossy().into_owned())
}

fn object_repr(vm: &mut Vm, args: Args) -> PyResult {
    check_method_args(vm, &args, "__repr__", 0, 0)?;
    let s = default_repr(vm, &args.pos[0]);
    Ok(vm.new_string(s))
}

fn object_str(vm: &mut Vm, args: Args) -> PyResult {
    check_method_args(vm, &args, "__str__", 0, 0)?;
    vm.repr(&args.pos[0])
}

fn object_hash(vm: &mut Vm, args: Args) -> PyResult {
    check_method_args(vm, &args, "__hash__", 0, 0)?;
    Ok(Value::Int(match &args.pos[0] {
        Value::Obj(o) => crate::protocol::hash::hash_pointer(o.addr()),
        other => vm.hash(other)?,
    }))
}

fn object_eq(vm: &mut Vm, args: Args) -> PyResult {
    check_method_args(vm, &args, "__eq__", 1, 1)?;
    if args.pos[0].is(&args.pos[1]) {
        Ok(Value::Bool(true))
    } else {
        Ok(vm.not_implemented())
    }
}

fn object_ne(vm: &mut Vm, args: Args) -> PyResult {
    check_method_args(vm, &args, "__ne__", 1, 1)?;
    let r = vm.compare(
        krait_compiler::code::CompareOp::Eq,
        &args.pos[0],
        &args.pos[1],
    );
    // `__ne__` inverts `__eq__` unless that is NotImplemented.
    let cls = vm.class_of(&args.pos[0]).clone();
    let eq = vm.lookup_type(&cls, "__eq__");
    match eq {
        Some(m) => {
            let r2 = vm.call_method_value(&m, args.pos[0].clone(), vec![args.pos[1].clone()])?;
            drop(r);
            if vm.is_not_implemented(&r2) {
                return Ok(r2);
            }
            Ok(Value::Bool(!vm.truthy(&r2)?))
        }
        None => r,
    }
}

fn object_cmp_not_impl(vm: &mut Vm, args: Args) -> PyResult {
    check_method_args(vm, &args, "comparison", 1, 1)?;
    Ok(vm.not_implemented())
}

fn name_arg(vm: &Vm, v: &Value) -> PyResult<Obj> {
    match v {
        Value::Obj(o) if as_pystr(o).is_some() => Ok(o.clone()),
        _ => Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(v)
        ))),
    }
}

fn interned(vm: &mut Vm, o: Obj) -> Obj {
    match as_pystr(&o).and_then(|s| s.as_str()) {
        Some(s) => vm.intern(s),
        None => o,
    }
}

fn object_getattribute(vm: &mut Vm, args: Args) -> PyResult {
    check_method_args(vm, &args, "__getattribute__", 1, 1)?;
    let name = name_arg(vm, &args.pos[1])?;
    let name = interned(vm, name);
    let cls = vm.class_of(&args.pos[0]).clone();
    vm.generic_getattr(&args.pos[0], &cls, &name)
}

fn object_setattr(vm: &mut Vm, args: Args) -> PyResult {
    check_method_args(vm, &args, "__setattr__", 2, 2)?;
    let name = name_arg(vm, &args.pos[1])?;
    let name = interned(vm, name);
    let cls = vm.class_of(&args.pos[0]).clone();
    vm.generic_setattr(&args.pos[0], &cls, &name, args.pos[2].clone())?;
    Ok(Value::None)
}

fn object_delattr(vm: &mut Vm, args: Args) -> PyResult {
    check_method_args(vm, &args, "__delattr__", 1, 1)?;
    let name = name_arg(vm, &args.pos[1])?;
    let name = interned(vm, name);
    vm.generic_delattr(&args.pos[0], &name)?;
    Ok(Value::None)
}

fn object_format(vm: &mut Vm, args: Args) -> PyResult {
    check_method_args(vm, &args, "__format__", 1, 1)?;
    let spec = match args.pos[1].as_obj().and_then(as_pystr) {
        Some(s) => s.to_string_lossy().into_owned(),
        None => {
            return Err(vm.type_error(format!(
                "__format__() argument must be str, not {}",
                vm.arg_type_name(&args.pos[1])
            )))
        }
    };
    if !spec.is_empty() {
        return Err(vm.type_error(format!(
            "unsupported format string passed to {}.__format__",
            vm.type_name(&args.pos[0])
        )));
    }
    vm.str(&args.pos[0])
}

fn object_dir(vm: &mut Vm, args: Args) -> PyResult {
    check_method_args(vm, &args, "__dir__", 0, 0)?;
    let v = &args.pos[0];
    let mut names: Vec<Value> = Vec::new();
    let mut add_dict = |d: &Obj| {
        for e in crate::objects::dict::dict_cell(d).borrow().iter() {
            names.push(e.key.clone());
        }
    };
    if let Value::Obj(o) = v {
        if let Some(d) = o.object().dict() {
            add_dict(d);
        }
    }
    let classes: Vec<Obj> = match v {
        Value::Obj(o) if o.type_data().is_some() => o.tdata().mro.borrow().clone(),
        _ => vm.class_of(v).tdata().mro.borrow().clone(),
    };
    for c in classes {
        if let Some(d) = c.object().dict() {
            add_dict(d);
        }
    }
    let t = crate::objects::set::table_from(vm, names)?;
    let items: Vec<Value> = t.iter().map(|(_, v)| v.clone()).collect();
    Ok(vm.new_list(items))
}

fn object_reduce(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.not_implemented_error("pickling is not supported"))
}

fn object_sizeof(vm: &mut Vm, args: Args) -> PyResult {
    check_method_args(vm, &args, "__sizeof__", 0, 0)?;
    Ok(Value::Int(
        std::mem::size_of::<crate::object::Object>() as i64
    ))
}

fn object_init_subclass(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() > 1 || !args.kw.is_empty() {
        let cls = match &args.pos[0] {
            Value::Obj(o) => o.tdata().name.borrow().clone(),
            _ => String::new(),
        };
        let _ = cls;
        return Err(vm.type_error("object.__init_subclass__() takes no keyword arguments"));
    }
    Ok(Value::None)
}

fn object_subclasshook(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.not_implemented())
}

// ---- calling a class ---------------------------------------------------------

impl Vm {
    /// `cls(*args, **kwargs)`.
    pub fn call_type(&mut self, cls: &Obj, args: Args) -> PyResult {
        let meta = cls.class().clone();
        if meta.tdata().heap {
            let call = self.names.call.clone();
            if let Some(m) = self.lookup_type_obj(&meta, &call) {
                let is_type_call = matches!(m.kind(), Some(ObjKind::Builtin(b)) if b.name == "__call__" && b.owner.as_ref().is_some_and(|o| o.is(&self.types.type_)));
                if !is_type_call {
                    let mut pos: SmallVec<[Value; 6]> = SmallVec::new();
                    pos.push(Value::Obj(cls.clone()));
                    pos.extend(args.pos);
                    return self.call_args(&m, Args { pos, kw: args.kw });
                }
            }
        }
        self.type_call(cls, args)
    }

    /// How calling `cls` makes an instance (remembered until the class or
    /// its MRO changes).
    pub fn new_plan(&mut self, cls: &Obj) -> NewPlan {
        let t = cls.tdata();
        {
            let plan = t.new_plan.borrow();
            if plan.0 == t.version.get() {
                return plan.1.clone();
            }
        }
        let plan = self.work_out_new_plan(cls);
        *t.new_plan.borrow_mut() = (t.version.get(), plan.clone());
        plan
    }

    fn work_out_new_plan(&mut self, cls: &Obj) -> NewPlan {
        let new_name = self.names.new.clone();
        let is_native = |v: &Option<Value>, f: crate::objects::function::NativeFn| matches!(v.as_ref().and_then(Value::kind), Some(ObjKind::Builtin(b)) if std::ptr::fn_addr_eq(b.func, f));
        let new = self.lookup_type_obj(cls, &new_name);
        if is_native(&new, crate::objects::exceptions::methods::exc_new)
            && !cls.is_subtype(&self.exc.os_error)
        {
            // (`OSError.__new__` may pick a subclass by errno.)
            let init_name = self.names.init.clone();
            return match self.lookup_type_obj(cls, &init_name) {
                Some(Value::Obj(f)) if matches!(f.kind(), ObjKind::Function(_)) => {
                    NewPlan::ExcInit(f)
                }
                _ => NewPlan::General,
            };
        }
        if !is_native(&new, object_new) {
            return NewPlan::General;
        }
        // object.__new__'s own checks must pass for an argument-less call.
        let t = cls.tdata();
        let layout_ok = matches!(t.layout, Layout::Object)
            && (t.heap || cls.is(&self.types.object) || t.base_ok);
        if !layout_ok
            || cls
                .object()
                .dict()
                .is_some_and(|d| crate::objects::dict::get_str(d, "__abstractmethods__").is_some())
        {
            return NewPlan::General;
        }
        let init_name = self.names.init.clone();
        let init = self.lookup_type_obj(cls, &init_name);
        if is_native(&init, object_init) {
            return NewPlan::Bare;
        }
        match init {
            Some(Value::Obj(f)) if matches!(f.kind(), ObjKind::Function(_)) => NewPlan::PyInit(f),
            _ => NewPlan::General,
        }
    }

    /// `type.__call__`: `__new__`, then `__init__` when `__new__` returned
    /// an instance of the class.
    pub fn type_call(&mut self, cls: &Obj, args: Args) -> PyResult {
        // `range` has no subclasses and takes no keywords.
        if cls.is(&self.types.range) && args.kw.is_empty() {
            return crate::objects::range::new(self, &args.pos);
        }
        if args.pos.len() == 1 && args.kw.is_empty() {
            let arg = &args.pos[0];
            if cls.is(&self.types.type_) {
                return Ok(Value::Obj(self.class_of(arg).clone()));
            }
            // The conversions programs call most, without the generic
            // `__new__`/`__init__` protocol (these types' own methods do
            // nothing more).
            if cls.is(&self.types.str_) {
                return self.str(arg);
            }
            if cls.is(&self.types.tuple) {
                if let Some(o) = arg.as_obj().filter(|o| o.class().is(&self.types.tuple)) {
                    return Ok(Value::Obj(o.clone()));
                }
                let items = self.iterate(arg)?;
                return Ok(self.new_tuple(items));
            }
            if cls.is(&self.types.list) {
                let items = self.iterate(arg)?;
                return Ok(self.new_list(items));
            }
        }
        match self.new_plan(cls) {
            NewPlan::PyInit(init) => {
                let obj = alloc_instance(self, cls);
                let mut pos: SmallVec<[Value; 6]> = SmallVec::with_capacity(args.pos.len() + 1);
                pos.push(obj.clone());
                pos.extend(args.pos);
                let r = self.call_function(&init, Args { pos, kw: args.kw })?;
                if !r.is_none() {
                    return Err(self.init_returned(&r));
                }
                return Ok(obj);
            }
            NewPlan::Bare if args.pos.is_empty() && args.kw.is_empty() => {
                return Ok(alloc_instance(self, cls));
            }
            _ => {}
        }
        let new_name = self.names.new.clone();
        let new = self.lookup_type_obj(cls, &new_name);
        let obj = match &new {
            Some(Value::Obj(f)) if matches!(f.kind(), ObjKind::Builtin(b) if std::ptr::fn_addr_eq(b.func, object_new as crate::objects::function::NativeFn)) =>
            {
                // Common case: checks of object.__new__ without the call.
                let excess = !args.pos.is_empty() || !args.kw.is_empty();
                if excess && inherits_object_method(self, cls, "__init__") {
                    return Err(self.type_error(format!(
                        "{}() takes no arguments",
                        cls.tdata().name.borrow()
                    )));
                }
                let mut a = Args {
                    pos: SmallVec::new(),
                    kw: Vec::new(),
                };
                a.pos.push(Value::Obj(cls.clone()));
                object_new(self, a)?
            }
            Some(f) => {
                let f = match f.kind() {
                    Some(ObjKind::StaticMethod(inner)) => inner.clone(),
                    _ => f.clone(),
                };
                let mut pos: SmallVec<[Value; 6]> = SmallVec::with_capacity(args.pos.len() + 1);
                pos.push(Value::Obj(cls.clone()));
                pos.extend(args.pos.iter().cloned());
                self.call_args(
                    &f,
                    Args {
                        pos,
                        kw: args.kw.clone(),
                    },
                )?
            }
            None => {
                return Err(self.type_error(format!(
                    "cannot create '{}' instances",
                    cls.tdata().name.borrow()
                )))
            }
        };
        let ocls = self.class_of(&obj).clone();
        if !ocls.is_subtype(cls) {
            return Ok(obj);
        }
        let init_name = self.names.init.clone();
        if let Some(init) = self.lookup_type_obj(&ocls, &init_name) {
            if let Some(ObjKind::Builtin(b)) = init.kind() {
                if std::ptr::fn_addr_eq(b.func, object_init as crate::objects::function::NativeFn) {
                    return Ok(obj);
                }
            }
            let mut pos: SmallVec<[Value; 6]> = SmallVec::with_capacity(args.pos.len() + 1);
            pos.push(obj.clone());
            pos.extend(args.pos);
            let r = match init.kind() {
                Some(ObjKind::Function(_)) => {
                    let f = init.as_obj().unwrap().clone();
                    self.call_function(&f, Args { pos, kw: args.kw })?
                }
                _ => {
                    pos.remove(0);
                    self.call_method_value_kw(&init, obj.clone(), Args { pos, kw: args.kw })?
                }
            };
            if !r.is_none() {
                return Err(self.init_returned(&r));
            }
        }
        Ok(obj)
    }

    /// The TypeError for an `__init__` that returned something.
    pub fn init_returned(&self, r: &Value) -> Obj {
        self.type_error(format!(
            "__init__() should return None, not '{}'",
            self.type_name(r)
        ))
    }

    /// Calls a method found on a type, binding it to `receiver`, with
    /// keyword arguments.
    pub fn call_method_value_kw(&mut self, m: &Value, receiver: Value, args: Args) -> PyResult {
        match m.kind() {
            Some(ObjKind::Function(_)) | Some(ObjKind::Builtin(_)) => {
                let is_plain = match m.kind() {
                    Some(ObjKind::Builtin(b)) => b.is_method && b.receiver.is_null(),
                    _ => true,
                };
                if is_plain {
                    let mut pos: SmallVec<[Value; 6]> = SmallVec::with_capacity(args.pos.len() + 1);
                    pos.push(receiver);
                    pos.extend(args.pos);
                    return self.call_args(m, Args { pos, kw: args.kw });
                }
                let cls = self.class_of(&receiver).clone();
                let bound = self.bind_descriptor(m, &receiver, &cls)?;
                self.call_args(&bound, args)
            }
            _ => {
                let cls = self.class_of(&receiver).clone();
                let bound = self.bind_descriptor(m, &receiver, &cls)?;
                self.call_args(&bound, args)
            }
        }
    }

    // ---- isinstance / issubclass --------------------------------------------

    /// `isinstance(v, cls)` with `__instancecheck__` and tuples.
    pub fn isinstance(&mut self, v: &Value, cls: &Value) -> PyResult<bool> {
        if let Value::Obj(c) = cls {
            if c.type_data().is_some() {
                if self.class_of(v).is_subtype(c) {
                    return Ok(true);
                }
                let meta = c.class().clone();
                if meta.tdata().heap {
                    let name = self.names.instancecheck.clone();
                    if let Some(m) = self.lookup_type_obj(&meta, &name) {
                        let r = self.call_method_value(&m, cls.clone(), vec![v.clone()])?;
                        return self.truthy(&r);
                    }
                }
                // `__class__` may differ from the type (proxies).
                return Ok(false);
            }
            if let ObjKind::Tuple(items) = c.kind() {
                for item in items.iter() {
                    if self.isinstance(v, item)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            let name = self.names.instancecheck.clone();
            let ccls = c.class().clone();
            if let Some(m) = self.lookup_type_obj(&ccls, &name) {
                let r = self.call_method_value(&m, cls.clone(), vec![v.clone()])?;
                return self.truthy(&r);
            }
        }
        Err(self.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"))
    }

    pub fn issubclass(&mut self, c: &Value, cls: &Value) -> PyResult<bool> {
        if let Value::Obj(t) = cls {
            if let ObjKind::Tuple(items) = t.kind() {
                for item in items.iter() {
                    if self.issubclass(c, item)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            let meta = t.class().clone();
            if meta.tdata().heap || t.type_data().is_none() {
                let name = self.names.subclasscheck.clone();
                if let Some(m) = self.lookup_type_obj(&meta, &name) {
                    let is_default = matches!(m.kind(), Some(ObjKind::Builtin(b))
                        if b.owner.as_ref().is_some_and(|o| o.is(&self.types.type_)));
                    if !is_default {
                        let r = self.call_method_value(&m, cls.clone(), vec![c.clone()])?;
                        return self.truthy(&r);
                    }
                }
            }
            if t.type_data().is_some() {
                return match c {
                    Value::Obj(co) if co.type_data().is_some() => Ok(co.is_subtype(t)),
                    _ => Err(self.type_error("issubclass() arg 1 must be a class")),
                };
            }
        }
        // The first argument is checked first, as CPython does.
        if !matches!(c, Value::Obj(co) if co.type_data().is_some()) {
            return Err(self.type_error("issubclass() arg 1 must be a class"));
        }
        Err(self.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"))
    }
}

// ---- type ----------------------------------------------------------------------

fn type_call_method(vm: &mut Vm, args: Args) -> PyResult {
    let mut pos = args.pos;
    if pos.is_empty() {
        return Err(vm.type_error("descriptor '__call__' of 'type' object needs an argument"));
    }
    let cls = pos.remove(0);
    let cls = type_arg(vm, &cls, "type.__call__(X)")?;
    vm.type_call(&cls, Args { pos, kw: args.kw })
}

fn type_init(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::None)
}

fn type_prepare(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.new_dict())
}

fn type_repr(vm: &mut Vm, args: Args) -> PyResult {
    check_method_args(vm, &args, "__repr__", 0, 0)?;
    let cls = type_arg(vm, &args.pos[0], "type.__repr__(X)")?;
    let s = type_repr_string(vm, &cls);
    Ok(vm.new_string(s))
}

pub fn type_repr_string(vm: &mut Vm, cls: &Obj) -> String {
    let qual = cls.tdata().qualname.borrow().clone();
    match class_module(vm, cls) {
        Some(m) if m != "builtins" => format!("<class '{m}.{qual}'>"),
        _ => format!("<class '{qual}'>"),
    }
}

fn type_mro(vm: &mut Vm, args: Args) -> PyResult {
    let cls = type_arg(vm, &args.pos[0], "type.mro(X)")?;
    let mro = cls
        .tdata()
        .mro
        .borrow()
        .iter()
        .map(|c| Value::Obj(c.clone()))
        .collect();
    Ok(vm.new_list(mro))
}

fn type_subclasses(vm: &mut Vm, args: Args) -> PyResult {
    let cls = type_arg(vm, &args.pos[0], "type.__subclasses__(X)")?;
    let subs: Vec<Value> = cls
        .tdata()
        .subclasses
        .borrow()
        .iter()
        .filter_map(|w| w.upgrade())
        .map(|rc| Value::Obj(Obj(rc)))
        .collect();
    Ok(vm.new_list(subs))
}

fn type_instancecheck(vm: &mut Vm, args: Args) -> PyResult {
    check_method_args(vm, &args, "__instancecheck__", 1, 1)?;
    let cls = type_arg(vm, &args.pos[0], "type.__instancecheck__(X)")?;
    Ok(Value::Bool(vm.class_of(&args.pos[1]).is_subtype(&cls)))
}

fn type_subclasscheck(vm: &mut Vm, args: Args) -> PyResult {
    check_method_args(vm, &args, "__subclasscheck__", 1, 1)?;
    let cls = type_arg(vm, &args.pos[0], "type.__subclasscheck__(X)")?;
    match &args.pos[1] {
        Value::Obj(c) if c.type_data().is_some() => Ok(Value::Bool(c.is_subtype(&cls))),
        _ => Err(vm.type_error("issubclass() arg 1 must be a class")),
    }
}

/// `type(name, bases, dict, **kwds)` and metaclass `__new__` via super.
fn type_new(vm: &mut Vm, args: Args) -> PyResult {
    let pos = &args.pos;
    if pos.len() == 2 && args.kw.is_empty() {
        if let Value::Obj(m) = &pos[0] {
            if m.is(&vm.types.type_) {
                return Ok(Value::Obj(vm.class_of(&pos[1]).clone()));
            }
        }
    }
    if pos.len() != 4 {
        return Err(vm.type_error("type() takes 1 or 3 arguments"));
    }
    let mut meta = type_arg(vm, &pos[0], "type.__new__(X)")?;
    let name = match pos[1].as_obj().and_then(as_pystr) {
        Some(s) => s.to_string_lossy().into_owned(),
        None => {
            return Err(vm.type_error(format!(
                "type.__new__() argument 1 must be str, not {}",
                vm.arg_type_name(&pos[1])
            )))
        }
    };
    let bases = match pos[2].kind() {
        Some(ObjKind::Tuple(t)) => t.to_vec(),
        _ => {
            return Err(vm.type_error(format!(
                "type.__new__() argument 2 must be tuple, not {}",
                vm.arg_type_name(&pos[2])
            )))
        }
    };
    let ns = match &pos[3] {
        Value::Obj(d) if matches!(d.kind(), ObjKind::Dict(_)) => d.clone(),
        other => {
            return Err(vm.type_error(format!(
                "type.__new__() argument 3 must be dict, not {}",
                vm.arg_type_name(other)
            )))
        }
    };
    // The most derived metaclass of the bases' types.
    for b in &bases {
        let bm = vm.class_of(b).clone();
        if meta.is_subtype(&bm) {
            continue;
        }
        if bm.is_subtype(&meta) {
            meta = bm;
            continue;
        }
        return Err(vm.type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    let cls = vm.create_class(&meta, &name, bases, &ns)?;
    // `__set_name__`, then the parent's `__init_subclass__`.
    let entries: Vec<(Value, Value)> =
        crate::objects::dict::dict_cell(cls.object().dict().unwrap())
            .borrow()
            .iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect();
    let set_name = vm.names.set_name.clone();
    for (k, v) in entries {
        if let Value::Obj(o) = &v {
            let vcls = o.class().clone();
            if let Some(m) = vm.lookup_type_obj(&vcls, &set_name) {
                vm.call_method_value(&m, v.clone(), vec![Value::Obj(cls.clone()), k])?;
            }
        }
    }
    let mro = cls.tdata().mro.borrow().clone();
    if let Some(parent) = mro.get(1) {
        let _ = parent;
        let sup = Value::Obj(Obj::new(
            vm.types.super_.clone(),
            ObjKind::Super {
                class: cls.clone(),
                obj: Value::Obj(cls.clone()),
                obj_type: cls.clone(),
            },
        ));
        let name = vm.names.init_subclass.clone();
        let f = vm.getattr(&sup, &name)?;
        vm.call_args(
            &f,
            Args {
                pos: SmallVec::new(),
                kw: args.kw.clone(),
            },
        )?;
    }
    Ok(Value::Obj(cls))
}

impl Vm {
    /// Makes a class object: bases, layout, MRO, namespace, slots.
    pub fn create_class(
        &mut self,
        meta: &Obj,
        name: &str,
        bases: Vec<Value>,
        ns: &Obj,
    ) -> PyResult<Obj> {
        let mut base_objs = Vec::with_capacity(bases.len());
        for b in &bases {
            match b {
                Value::Obj(o) if o.type_data().is_some() => {
                    let t = o.tdata();
                    if !t.base_ok
                        || matches!(t.layout, Layout::Special | Layout::Bool)
                            && !o.is(&self.types.object)
                    {
                        return Err(self.type_error(format!(
                            "type '{}' is not an acceptable base type",
                            t.name.borrow()
                        )));
                    }
                    base_objs.push(o.clone());
                }
                other => {
                    return Err(self.type_error(format!(
                        "bases must be types, not {}",
                        self.type_name(other)
                    )))
                }
            }
        }
        if base_objs.is_empty() {
            base_objs.push(self.types.object.clone());
        }
        // The layout: all built-in bases must agree.
        let mut layout = Layout::Object;
        let mut solid: Option<Obj> = None;
        for b in &base_objs {
            let l = b.tdata().layout;
            let sb = solid_base(b);
            if l == Layout::Object || sb.is(&self.types.object) {
                continue;
            }
            match &solid {
                None => {
                    solid = Some(sb);
                    layout = l;
                }
                Some(s) => {
                    if sb.is_subtype(s) {
                        solid = Some(sb);
                        layout = l;
                    } else if !s.is_subtype(&sb) {
                        return Err(
                            self.type_error("multiple bases have instance lay-out conflict")
                        );
                    }
                }
            }
        }
        let td = TypeData::new(name, layout, true);
        let cls = Obj::new(meta.clone(), ObjKind::Type(Box::new(td)));
        let mro = match crate::objects::typeobject::c3_mro(&cls, &base_objs) {
            Ok(m) => m,
            Err(heads) => {
                let names: Vec<String> = heads
                    .iter()
                    .map(|h| h.tdata().name.borrow().clone())
                    .collect();
                return Err(self.type_error(format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                )));
            }
        };
        {
            let t = cls.tdata();
            *t.bases.borrow_mut() = base_objs.clone();
            *t.mro.borrow_mut() = mro;
        }
        for b in &base_objs {
            b.tdata()
                .subclasses
                .borrow_mut()
                .push(std::rc::Rc::downgrade(&cls.0));
        }
        // The namespace: a copy of `ns`.
        let copy = crate::objects::dict::dict_cell(ns).borrow().clone();
        let d = self.new_dict_obj(copy);
        let _ = cls.object().dict_or_init(|| d.clone());
        if let Some(q) = crate::objects::dict::get_str(&d, "__qualname__") {
            match q.as_obj().and_then(as_pystr) {
                Some(s) => *cls.tdata().qualname.borrow_mut() = s.to_string_lossy().into_owned(),
                None => {
                    return Err(self.type_error(format!(
                        "type __qualname__ must be a str, not {}",
                        self.type_name(&q)
                    )))
                }
            }
            let k = self.names.qualname.clone();
            crate::objects::dict::remove_str(&d, &k);
        }
        if crate::objects::dict::get_str(&d, "__module__").is_none() {
            if let Some(f) = self.frames.last() {
                if let Some(m) = crate::objects::dict::get_str(&f.globals, "__name__") {
                    let k = self.names.module.clone();
                    crate::objects::dict::set_str(self, &d, k, m);
                }
            }
        }
        let del = self.intern("__del__");
        let has_del = crate::protocol::attr::mro_lookup(&cls, &del).is_some();
        cls.tdata().has_del.set(has_del);
        for special in ["__init_subclass__", "__class_getitem__"] {
            if let Some(f) = crate::objects::dict::get_str(&d, special) {
                if matches!(f.kind(), Some(ObjKind::Function(_))) {
                    let k = self.intern(special);
                    let cm = Value::Obj(Obj::new(
                        self.types.classmethod.clone(),
                        ObjKind::ClassMethod(f),
                    ));
                    crate::objects::dict::set_str(self, &d, k, cm);
                }
            }
        }
        if let Some(f) = crate::objects::dict::get_str(&d, "__new__") {
            if matches!(f.kind(), Some(ObjKind::Function(_))) {
                let k = self.names.new.clone();
                let sm = Value::Obj(Obj::new(
                    self.types.staticmethod.clone(),
                    ObjKind::StaticMethod(f),
                ));
                crate::objects::dict::set_str(self, &d, k, sm);
            }
        }
        // `__eq__` without `__hash__` makes instances unhashable.
        if crate::objects::dict::get_str(&d, "__eq__").is_some()
            && crate::objects::dict::get_str(&d, "__hash__").is_none()
        {
            let k = self.names.hash.clone();
            crate::objects::dict::set_str(self, &d, k, Value::None);
        }
        // Slots.
        let mut slots: Vec<String> = Vec::new();
        for b in base_objs.iter().rev() {
            for s in b.tdata().slots.borrow().iter() {
                if !slots.contains(s) {
                    slots.push(s.clone());
                }
            }
        }
        let mut instance_dict = base_objs
            .iter()
            .any(|b| b.tdata().instance_dict.get() || b.tdata().layout == Layout::Exception);
        match crate::objects::dict::get_str(&d, "__slots__") {
            Some(sv) => {
                let names = if sv.as_obj().and_then(as_pystr).is_some() {
                    vec![sv.clone()]
                } else {
                    self.iterate(&sv)?
                };
                for n in names {
                    let Some(s) = n.as_obj().and_then(as_pystr) else {
                        return Err(self.type_error(format!(
                            "__slots__ items must be strings, not '{}'",
                            self.type_name(&n)
                        )));
                    };
                    let s = s.to_string_lossy().into_owned();
                    if s == "__dict__" {
                        instance_dict = true;
                        continue;
                    }
                    if s == "__weakref__" {
                        continue;
                    }
                    if crate::objects::dict::get_str(&d, &s).is_some() {
                        return Err(self.value_error(format!(
                            "'{s}' in __slots__ conflicts with class variable"
                        )));
                    }
                    let mangled = crate::objects::typeobject::class::mangle(name, &s);
                    let index = slots.len();
                    slots.push(mangled.clone());
                    let member = Value::Obj(Obj::new(
                        self.types.member_descriptor.clone(),
                        ObjKind::Member {
                            name: mangled.clone(),
                            index,
                            owner: cls.clone(),
                        },
                    ));
                    let k = self.intern(&mangled);
                    crate::objects::dict::set_str(self, &d, k, member);
                }
            }
            None => {
                if layout == Layout::Object {
                    instance_dict = true;
                }
            }
        }
        if layout != Layout::Object && crate::objects::dict::get_str(&d, "__slots__").is_none() {
            instance_dict = true;
        }
        // After the slot members, as CPython orders the namespace.
        if crate::objects::dict::get_str(&d, "__doc__").is_none() {
            let k = self.names.doc.clone();
            crate::objects::dict::set_str(self, &d, k, Value::None);
        }
        *cls.tdata().slots.borrow_mut() = slots;
        cls.tdata().instance_dict.set(instance_dict);
        // `__classcell__` gets the class.
        if let Some(cell) = crate::objects::dict::get_str(&d, "__classcell__") {
            if let Some(ObjKind::Cell(c)) = cell.kind() {
                *c.borrow_mut() = Value::Obj(cls.clone());
            }
            let k = self.names.classcell.clone();
            crate::objects::dict::remove_str(&d, &k);
        }
        // The namespace was filled after the class got its version.
        self.type_modified(&cls);
        Ok(cls)
    }
}

/// Private-name mangling for `__slots__` entries.
pub fn mangle(class: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
pub fn build_class(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let func = args.pos[0].clone();
    let Some(ObjKind::Function(_)) = func.kind() else {
        return Err(vm.type_error("__build_class__: func must be a function"));
    };
    let name = args.pos[1].clone();
    let orig_bases: Vec<Value> = args.pos[2..].to_vec();
    // `__mro_entries__` of non-class bases.
    let mut bases = Vec::with_capacity(orig_bases.len());
    let mut changed = false;
    for b in &orig_bases {
        if let Value::Obj(o) = b {
            if o.type_data().is_none() {
                let me = vm.names.mro_entries.clone();
                let bcls = o.class().clone();
                if let Some(m) = vm.lookup_type_obj(&bcls, &me) {
                    let t = vm.new_tuple(orig_bases.clone());
                    let r = vm.call_method_value(&m, b.clone(), vec![t])?;
                    bases.extend(crate::eval::tuple_items(&r));
                    changed = true;
                    continue;
                }
            }
        }
        bases.push(b.clone());
    }
    let mut meta: Option<Value> = None;
    let mut kw = Vec::new();
    for (k, v) in args.kw {
        if crate::objects::str::str_eq(&k, "metaclass") {
            meta = Some(v);
        } else {
            kw.push((k, v));
        }
    }
    let is_class = meta
        .as_ref()
        .map(|m| matches!(m, Value::Obj(o) if o.type_data().is_some()));
    let mut meta = match meta {
        Some(m) => m,
        None => match bases.first() {
            Some(b) => Value::Obj(vm.class_of(b).clone()),
            None => Value::Obj(vm.types.type_.clone()),
        },
    };
    if is_class != Some(false) {
        // The most derived metaclass.
        let mut winner = meta.as_obj().unwrap().clone();
        for b in &bases {
            let bm = vm.class_of(b).clone();
            if winner.is_subtype(&bm) {
                continue;
            }
            if bm.is_subtype(&winner) {
                winner = bm;
                continue;
            }
            return Err(vm.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        meta = Value::Obj(winner);
    }
    let bases_t = vm.new_tuple(bases.clone());
    let ns = {
        let prep = vm.names.prepare.clone();
        match vm.getattr(&meta, &prep) {
            Ok(p) => {
                let mut pos: SmallVec<[Value; 6]> = SmallVec::new();
                pos.push(name.clone());
                pos.push(bases_t.clone());
                vm.call_args(
                    &p,
                    Args {
                        pos,
                        kw: kw.clone(),
                    },
                )?
            }
            Err(e) if e.class().is_subtype(&vm.exc.attribute_error) => vm.new_dict(),
            Err(e) => return Err(e),
        }
    };
    // Run the body with the namespace as its locals.
    let fobj = func.as_obj().unwrap().clone();
    let base = vm.stack.len();
    let mut frame = vm.bind_arguments(&fobj, Args::new([]), base, base)?;
    frame.locals = ns.clone();
    let cell = vm.run_frame(frame)?;
    if changed {
        let k = vm.intern("__orig_bases__");
        let ob = vm.new_tuple(orig_bases);
        vm.setitem(&ns, Value::Obj(k), ob)?;
    }
    let mut pos: SmallVec<[Value; 6]> = SmallVec::new();
    pos.push(name);
    pos.push(bases_t);
    pos.push(ns);
    let cls = vm.call_args(&meta, Args { pos, kw })?;
    if let Some(ObjKind::Cell(c)) = cell.kind() {
        let cur = c.borrow().clone();
        if cur.is_null() {
            *c.borrow_mut() = cls.clone();
        }
    }
    Ok(cls)
}

// ---- super ---------------------------------------------------------------------

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
