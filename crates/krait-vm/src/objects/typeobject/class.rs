//! `type`: its methods, and class creation (the `class` statement's
//! `__build_class__`, metaclasses, `__prepare__`, `__init_subclass__`,
//! `__set_name__`, `__slots__`, name mangling).

use super::object::{class_module, object_dir, solid_base, type_arg};
use crate::api::{add_getsets, add_methods, FunctionDef, GetSetDef};
use crate::object::ObjKind;
use crate::objects::function::Args;
use crate::objects::str::as_pystr;
use crate::objects::typeobject::slots::{install, NativeType, Slots};
use crate::objects::typeobject::{Layout, TypeData};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use smallvec::SmallVec;

pub struct TypeType;

impl NativeType for TypeType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(|vm, o| {
            let r = type_repr_string(vm, o);
            Ok(vm.new_string(r))
        }),
        // The metaclass's data descriptors, the class's MRO, the metaclass.
        getattr: Some(|vm, cls, name| match cls {
            Value::Obj(cls) => vm.type_getattr(cls, name),
            _ => unreachable!("type slots are installed on type"),
        }),
        call: Some(|vm, cls, args| vm.call_type(cls, args)),
        ..Slots::NONE
    };
}

pub fn register(vm: &mut Vm) {
    let type_ = vm.types.type_.clone();
    add_methods(vm, &type_, CONSTRUCTION);
    install::<TypeType>(vm, &type_);
    add_methods(vm, &type_, METHODS);
    add_getsets(vm, &type_, ATTRIBUTES);
}

fn tdata(v: &Value) -> &TypeData {
    match v.kind() {
        Some(ObjKind::Type(t)) => t,
        _ => unreachable!("type attributes are read on types"),
    }
}

fn classes(vm: &Vm, classes: &[Obj]) -> Value {
    vm.new_tuple(classes.iter().map(|c| Value::Obj(c.clone())).collect())
}

/// `__name__` or `__qualname__` (`which`) of a class set to `value`.
fn set_name(vm: &mut Vm, cls: &Value, value: Option<Value>, which: &str) -> PyResult<()> {
    let t = tdata(cls);
    if !t.heap {
        return Err(vm.type_error(format!(
            "cannot set '{which}' attribute of immutable type '{}'",
            t.name.borrow()
        )));
    }
    let Some(value) = value else {
        return Err(vm.type_error(format!(
            "cannot delete '{which}' attribute of immutable type '{}'",
            t.name.borrow()
        )));
    };
    let Some(s) = crate::objects::str::value_pystr(&value) else {
        return Err(vm.type_error(format!(
            "can only assign string to {}.{which}, not '{}'",
            t.name.borrow(),
            vm.type_name(&value)
        )));
    };
    let s = s.to_string_lossy().into_owned();
    match which {
        "__name__" => *t.name.borrow_mut() = s,
        _ => *t.qualname.borrow_mut() = s,
    }
    Ok(())
}

const ATTRIBUTES: &[GetSetDef] = &[
    // A data descriptor on `type`, so that a built-in class's own
    // `__module__` descriptor (for its instances) is not what the class
    // answers.
    GetSetDef::new("__module__", |vm, cls| {
        let c = cls.as_obj().expect("a class");
        let t = tdata(cls);
        if let Some(m) = c
            .object()
            .dict()
            .and_then(|d| crate::objects::dict::get_str(d, "__module__"))
        {
            if t.heap || crate::api::str_value(&m).is_some() {
                return Ok(m);
            }
        }
        if t.heap {
            let name = vm.intern("__module__");
            return Err(vm.no_attribute(cls, &name));
        }
        let full = t
            .full_name
            .borrow()
            .clone()
            .unwrap_or_else(|| t.name.borrow().clone());
        Ok(match full.rsplit_once('.') {
            Some((module, _)) => vm.new_str(module),
            None => vm.new_str("builtins"),
        })
    })
    .settable(|vm, cls, v| {
        let c = cls.as_obj().expect("a class").clone();
        if !tdata(cls).heap {
            let name = tdata(cls).name.borrow().clone();
            return Err(vm.type_error(format!(
                "cannot set '__module__' attribute of immutable type '{name}'"
            )));
        }
        let Some(v) = v else {
            let name = tdata(cls).name.borrow().clone();
            return Err(vm.type_error(format!(
                "cannot delete '__module__' attribute of type '{name}'"
            )));
        };
        crate::bootstrap::set_attr_str(vm, &c, "__module__", v);
        Ok(())
    }),
    GetSetDef::new("__name__", |vm, cls| {
        // A built-in type's name is its qualified name's last part
        // (`sys.version_info` is named `version_info`).
        let t = tdata(cls);
        let n = t.name.borrow().clone();
        let short = if t.heap {
            &n[..]
        } else {
            n.rsplit('.').next().unwrap_or(&n)
        };
        Ok(vm.new_str(short))
    })
    .settable(|vm, cls, v| set_name(vm, cls, v, "__name__")),
    GetSetDef::new("__qualname__", |vm, cls| {
        let q = tdata(cls).qualname.borrow().clone();
        Ok(vm.new_string(q))
    })
    .settable(|vm, cls, v| set_name(vm, cls, v, "__qualname__")),
    GetSetDef::new("__mro__", |vm, cls| {
        Ok(classes(vm, &tdata(cls).mro.borrow()))
    }),
    GetSetDef::new("__bases__", |vm, cls| {
        Ok(classes(vm, &tdata(cls).bases.borrow()))
    })
    .settable(set_bases_attr),
    GetSetDef::member("__base__", |_, cls| {
        Ok(tdata(cls)
            .bases
            .borrow()
            .first()
            .map_or(Value::None, |b| Value::Obj(b.clone())))
    }),
    GetSetDef::member("__basicsize__", |_, _| Ok(Value::Int(16))),
    GetSetDef::member("__flags__", |vm, cls| Ok(Value::Int(type_flags(vm, cls)))),
    GetSetDef::new("__dict__", |vm, cls| {
        let cls = cls.as_obj().expect("a class").clone();
        Ok(Value::Obj(Obj::new(
            vm.types.mappingproxy.clone(),
            ObjKind::MappingProxy(cls),
        )))
    }),
];

/// `cls.__flags__`: CPython's type flags that say something about a
/// Krait class (heap or built-in, subclassable, abstract, which built-in
/// it derives from), as `copyreg` and `inspect` read them.
fn type_flags(vm: &mut Vm, cls: &Value) -> i64 {
    use crate::objects::typeobject::Layout;
    const MANAGED_DICT: i64 = 1 << 4;
    const SEQUENCE: i64 = 1 << 5;
    const MAPPING: i64 = 1 << 6;
    const IMMUTABLETYPE: i64 = 1 << 8;
    const HEAPTYPE: i64 = 1 << 9;
    const BASETYPE: i64 = 1 << 10;
    const READY: i64 = 1 << 12;
    const HAVE_GC: i64 = 1 << 14;
    const IS_ABSTRACT: i64 = 1 << 20;
    let t = tdata(cls);
    let mut flags = READY;
    flags |= if t.heap {
        HEAPTYPE | HAVE_GC | MANAGED_DICT
    } else {
        IMMUTABLETYPE
    };
    if t.heap || t.base_ok {
        flags |= BASETYPE;
    }
    let c = cls.as_obj().expect("a class");
    let abstract_methods = c
        .object()
        .dict()
        .and_then(|d| crate::objects::dict::get_str(d, "__abstractmethods__"));
    if let Some(m) = abstract_methods {
        if vm.truthy(&m).unwrap_or(false) {
            flags |= IS_ABSTRACT;
        }
    }
    for base in t.mro.borrow().iter() {
        flags |= match base.tdata().layout {
            Layout::Int | Layout::Bool => 1 << 24,
            Layout::List => (1 << 25) | SEQUENCE,
            Layout::Tuple => (1 << 26) | SEQUENCE,
            Layout::Bytes => 1 << 27,
            Layout::Str => 1 << 28,
            Layout::Dict => (1 << 29) | MAPPING,
            Layout::Exception => 1 << 30,
            Layout::Type => 1 << 31,
            _ => 0,
        };
    }
    flags
}

/// `cls.__bases__ = (...)`: new bases of the same layout; the MRO of the
/// class and of its subclasses is computed again.
fn set_bases_attr(vm: &mut Vm, cls: &Value, v: Option<Value>) -> PyResult<()> {
    let c = cls.as_obj().expect("a class").clone();
    let name = tdata(cls).name.borrow().clone();
    if !tdata(cls).heap {
        return Err(vm.type_error(format!(
            "cannot set '__bases__' attribute of immutable type '{name}'"
        )));
    }
    let Some(v) = v else {
        return Err(vm.type_error(format!(
            "cannot delete '__bases__' attribute of type '{name}'"
        )));
    };
    let Some(items) = crate::api::tuple_items(&v) else {
        return Err(vm.type_error(format!(
            "can only assign tuple to {name}.__bases__, not {}",
            vm.type_name(&v)
        )));
    };
    if items.is_empty() {
        return Err(vm.type_error(format!(
            "can only assign non-empty tuple to {name}.__bases__, not ()"
        )));
    }
    let mut bases = Vec::with_capacity(items.len());
    for item in &items {
        let Some(b) = item.as_obj().filter(|b| b.type_data().is_some()).cloned() else {
            return Err(vm.type_error(format!(
                "{name}.__bases__ must be tuple of classes, not '{}'",
                vm.type_name(item)
            )));
        };
        if b.is_subtype(&c) {
            return Err(vm.type_error("a __bases__ item causes an inheritance cycle"));
        }
        bases.push(b);
    }
    let old_layout = tdata(cls).bases.borrow().first().map(|b| b.tdata().layout);
    if old_layout.is_some_and(|l| l != bases[0].tdata().layout) {
        return Err(vm.type_error(format!(
            "__bases__ assignment: '{}' deallocator differs from '{}'",
            bases[0].type_name(),
            tdata(cls).bases.borrow()[0].type_name()
        )));
    }
    let Ok(mro) = crate::objects::typeobject::c3_mro(&c, &bases) else {
        return Err(
            vm.type_error("Cannot create a consistent method resolution order (MRO) for bases")
        );
    };
    for b in &bases {
        b.tdata()
            .subclasses
            .borrow_mut()
            .push(std::rc::Rc::downgrade(&c.0));
    }
    *c.tdata().bases.borrow_mut() = bases;
    *c.tdata().mro.borrow_mut() = mro;
    refresh_mros(vm, &c);
    Ok(())
}

/// After a class's bases change: its caches, and its subclasses' MROs.
fn refresh_mros(vm: &mut Vm, c: &Obj) {
    vm.type_modified(c);
    for sub in c.tdata().live_subclasses() {
        let bases = sub.tdata().bases.borrow().clone();
        if !bases.iter().any(|b| b.is(c)) {
            continue;
        }
        if let Ok(mro) = crate::objects::typeobject::c3_mro(&sub, &bases) {
            *sub.tdata().mro.borrow_mut() = mro;
        }
        refresh_mros(vm, &sub);
    }
}

const CONSTRUCTION: &[FunctionDef] = &[
    FunctionDef::new("__new__", type_new),
    FunctionDef::method("__init__", type_init),
    FunctionDef::method("__call__", type_call_method),
    FunctionDef::unary("__repr__", type_repr),
];

const METHODS: &[FunctionDef] = &[
    FunctionDef::method("mro", type_mro).no_args(),
    FunctionDef::method("__subclasses__", type_subclasses).no_args(),
    FunctionDef::method("__instancecheck__", type_instancecheck).one(),
    FunctionDef::method("__subclasscheck__", type_subclasscheck).one(),
    FunctionDef::method("__dir__", object_dir).no_args(),
    FunctionDef::classmethod("__prepare__", type_prepare),
];

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
        .live_subclasses()
        .into_iter()
        .map(Value::Obj)
        .collect();
    Ok(vm.new_list(subs))
}

fn type_instancecheck(vm: &mut Vm, args: Args) -> PyResult {
    let cls = type_arg(vm, &args.pos[0], "type.__instancecheck__(X)")?;
    Ok(Value::Bool(vm.class_of(&args.pos[1]).is_subtype(&cls)))
}

fn type_subclasscheck(vm: &mut Vm, args: Args) -> PyResult {
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
    let asked = meta.clone();
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
    // A more derived metaclass with its own `__new__` makes the class
    // (`type('E', (Enum,), ns)` goes through `EnumType.__new__`).
    if !meta.is(&asked) {
        let key = vm.intern("__new__");
        let own = crate::protocol::attr::mro_lookup(&meta, &key);
        let base = crate::protocol::attr::mro_lookup(&vm.types.type_.clone(), &key);
        if let (Some(own), Some(base)) = (own, base) {
            if !own.is(&base) {
                let mut pos = args.pos.clone();
                pos[0] = Value::Obj(meta.clone());
                let f = vm.bind_descriptor(&own, &Value::Null, &meta)?;
                return vm.call_args(
                    &f,
                    Args {
                        pos,
                        kw: args.kw.clone(),
                    },
                );
            }
        }
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
                let called =
                    vm.call_method_value(&m, v.clone(), vec![Value::Obj(cls.clone()), k.clone()]);
                if let Err(e) = called {
                    // 3.11 reports it as a RuntimeError caused by the error.
                    let attr = vm.repr_string(&k)?;
                    let msg = format!(
                        "Error calling __set_name__ on '{}' instance {attr} in '{}'",
                        vcls.short_type_name(),
                        cls.short_type_name()
                    );
                    let err = vm.runtime_error(msg);
                    crate::objects::exceptions::methods::set_cause(&err, e);
                    return Err(err);
                }
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
    /// The bases of a new class, checked: types that may be subclassed
    /// (`object` when none are given).
    fn class_bases(&self, bases: &[Value]) -> PyResult<Vec<Obj>> {
        let mut base_objs = Vec::with_capacity(bases.len());
        for b in bases {
            match b {
                Value::Obj(o) if o.type_data().is_some() => {
                    let t = o.tdata();
                    if !t.base_ok
                        || matches!(t.layout, Layout::Special | Layout::Bool)
                            && !o.is(&self.types.object)
                    {
                        return Err(self.type_error(format!(
                            "type '{}' is not an acceptable base type",
                            o.type_name()
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
        Ok(base_objs)
    }

    /// The instance layout of a class with these bases: all built-in
    /// bases must agree.
    fn class_layout(&self, base_objs: &[Obj]) -> PyResult<Layout> {
        let mut layout = Layout::Object;
        let mut solid: Option<Obj> = None;
        for b in base_objs {
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
        Ok(layout)
    }

    /// What a class body's namespace implies: `__init_subclass__` and
    /// `__class_getitem__` are class methods, `__new__` a static method,
    /// and `__eq__` without `__hash__` makes instances unhashable.
    fn wrap_implicit_methods(&mut self, d: &Obj) {
        for special in ["__init_subclass__", "__class_getitem__"] {
            if let Some(f) = crate::objects::dict::get_str(d, special) {
                if matches!(f.kind(), Some(ObjKind::Function(_))) {
                    let k = self.intern(special);
                    let cm = Value::Obj(Obj::new(
                        self.types.classmethod.clone(),
                        ObjKind::ClassMethod(f),
                    ));
                    crate::objects::dict::set_str(self, d, k, cm);
                }
            }
        }
        if let Some(f) = crate::objects::dict::get_str(d, "__new__") {
            if matches!(f.kind(), Some(ObjKind::Function(_))) {
                let k = self.names.new.clone();
                let sm = Value::Obj(Obj::new(
                    self.types.staticmethod.clone(),
                    ObjKind::StaticMethod(f),
                ));
                crate::objects::dict::set_str(self, d, k, sm);
            }
        }
        // `__eq__` without `__hash__` makes instances unhashable.
        if crate::objects::dict::get_str(d, "__eq__").is_some()
            && crate::objects::dict::get_str(d, "__hash__").is_none()
        {
            let k = self.names.hash.clone();
            crate::objects::dict::set_str(self, d, k, Value::None);
        }
    }

    /// A class's `__slots__`: the slot names of its instances (its bases'
    /// first) with a member descriptor for each of its own, and whether
    /// its instances have a `__dict__`, and whether they may hold weak
    /// references.
    fn class_slots(
        &mut self,
        cls: &Obj,
        name: &str,
        d: &Obj,
        base_objs: &[Obj],
        layout: Layout,
    ) -> PyResult<(Vec<String>, bool, bool)> {
        let mut weakref = false;
        // The base with the most slots gives the layout as it is: its
        // members' indices hold in the subclass even where a name repeats
        // (`class datetime(date): __slots__ = date.__slots__ + ...`).
        let widest = base_objs
            .iter()
            .max_by_key(|b| b.tdata().slot_names.borrow().len());
        let mut slots: Vec<String> =
            widest.map_or_else(Vec::new, |b| b.tdata().slot_names.borrow().clone());
        for b in base_objs.iter().rev() {
            for s in b.tdata().slot_names.borrow().iter() {
                if !slots.contains(s) {
                    slots.push(s.clone());
                }
            }
        }
        let mut instance_dict = base_objs
            .iter()
            .any(|b| b.tdata().instance_dict.get() || b.tdata().layout == Layout::Exception);
        // Slot values live in a `Slots` payload, which only instances built
        // by `object.__new__` have; under another built-in base (`class
        // KeyedRef(ref)`) the slot names are kept in the instance dict.
        let slotted = base_objs.iter().all(|b| {
            b.tdata()
                .mro
                .borrow()
                .iter()
                .find(|c| !c.tdata().heap)
                .is_none_or(|c| c.is(&self.types.object))
        });
        match crate::objects::dict::get_str(d, "__slots__") {
            Some(sv) => {
                let names = if sv.as_obj().and_then(as_pystr).is_some() {
                    vec![sv.clone()]
                } else {
                    self.iterate(&sv)?
                };
                let mut own: Vec<String> = Vec::new();
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
                        weakref = true;
                        continue;
                    }
                    // A name given twice (`date.__slots__ + time.__slots__`)
                    // has its member already.
                    if own.contains(&s) {
                        continue;
                    }
                    if crate::objects::dict::get_str(d, &s).is_some() {
                        return Err(self.value_error(format!(
                            "'{s}' in __slots__ conflicts with class variable"
                        )));
                    }
                    own.push(s.clone());
                    if !slotted {
                        instance_dict = true;
                        continue;
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
                    crate::objects::dict::set_str(self, d, k, member);
                }
            }
            None => {
                if layout == Layout::Object {
                    instance_dict = true;
                }
                // Variable-sized instances (and sets, with their own) take
                // no weak-reference slot, as in CPython.
                weakref = !matches!(
                    layout,
                    Layout::Int
                        | Layout::Bool
                        | Layout::Tuple
                        | Layout::Bytes
                        | Layout::Set
                        | Layout::FrozenSet
                        | Layout::Type
                );
            }
        }
        if layout != Layout::Object && crate::objects::dict::get_str(d, "__slots__").is_none() {
            instance_dict = true;
        }
        Ok((slots, instance_dict, weakref))
    }

    /// Makes a class object: bases, layout, MRO, namespace, slots.
    pub fn create_class(
        &mut self,
        meta: &Obj,
        name: &str,
        bases: Vec<Value>,
        ns: &Obj,
    ) -> PyResult<Obj> {
        let base_objs = self.class_bases(&bases)?;
        let layout = self.class_layout(&base_objs)?;
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
        self.wrap_implicit_methods(&d);
        let (slots, instance_dict, weakref) =
            self.class_slots(&cls, name, &d, &base_objs, layout)?;
        // The first class of a hierarchy whose instances have a `__dict__`
        // (or weak references) holds its descriptor.
        let inherited = |name: &Obj| {
            base_objs
                .iter()
                .any(|b| crate::protocol::attr::mro_lookup(b, name).is_some())
        };
        if instance_dict && !inherited(&self.names.dict) {
            add_getsets(
                self,
                &cls,
                crate::objects::typeobject::object::INSTANCE_DICT,
            );
        }
        let weakref_name = self.intern("__weakref__");
        if weakref && !inherited(&weakref_name) {
            add_getsets(self, &cls, crate::objects::typeobject::object::WEAKREF);
        }
        // After the slot members, as CPython orders the namespace.
        if crate::objects::dict::get_str(&d, "__doc__").is_none() {
            let k = self.names.doc.clone();
            crate::objects::dict::set_str(self, &d, k, Value::None);
        }
        *cls.tdata().slot_names.borrow_mut() = slots;
        cls.tdata().instance_dict.set(instance_dict);
        // `__classcell__` gets the class.
        if let Some(cell) = crate::objects::dict::get_str(&d, "__classcell__") {
            if let Some(ObjKind::Cell(c)) = cell.kind() {
                *c.borrow_mut() = Value::Obj(cls.clone());
            }
            let k = self.names.classcell.clone();
            crate::objects::dict::remove_str(&d, &k);
        }
        crate::objects::typeobject::dunder_slots::fill(&cls);
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
                // Looked up on the base itself: a function may carry one
                // (`typing.NamedTuple`).
                let me = vm.names.mro_entries.clone();
                let found = match vm.getattr(b, &me) {
                    Ok(m) => Some(m),
                    Err(e) if e.class().is_subtype(&vm.exc.attribute_error) => None,
                    Err(e) => return Err(e),
                };
                if let Some(m) = found {
                    let t = vm.new_tuple(orig_bases.clone());
                    let r = vm.call(&m, vec![t])?;
                    if crate::api::tuple_items(&r).is_none() {
                        return Err(vm.type_error("__mro_entries__ must return a tuple"));
                    }
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
