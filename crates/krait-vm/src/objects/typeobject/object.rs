//! `object`: the base of every class. Making instances (`object.__new__`,
//! abstract-method checks), and the default `__repr__`, `__eq__`, `__hash__`,
//! attribute protocol, `__format__`, `__dir__` and `__init_subclass__`.

use crate::api::{add_getsets, add_methods, FunctionDef, GetSetDef};
use crate::bootstrap::set_attr_str;
use crate::object::{ExcData, ObjKind};
use crate::objects::function::Args;
use crate::objects::str::{as_pystr, text};
use crate::objects::typeobject::slots::{NativeType, Slots};
use crate::objects::typeobject::Layout;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_compiler::code::CompareOp;
use std::cell::RefCell;

pub fn register(vm: &mut Vm) {
    let object = vm.types.object.clone();
    add_methods(vm, &object, METHODS);
    add_getsets(vm, &object, OBJECT_ATTRIBUTES);
    object.tdata().declared_slots.set(ObjectType::SLOTS);
    object.tdata().slots.set(*ObjectType::SLOTS);
    let doc = vm.new_str("The base class of the class hierarchy.");
    set_attr_str(vm, &object, "__doc__", doc);
}

const OBJECT_ATTRIBUTES: &[GetSetDef] =
    &[
        GetSetDef::new("__class__", |vm, o| Ok(Value::Obj(vm.class_of(o).clone()))).settable(
            |vm, o, value| {
                let cls = vm.class_of(o).clone();
                Err(vm.class_assignment_error(&cls, &value.unwrap_or(Value::Null)))
            },
        ),
    ];

/// The `__dict__` of instances (on the first class of a hierarchy whose
/// instances have one, as CPython puts it).
pub(crate) const INSTANCE_DICT: &[GetSetDef] = &[GetSetDef::new("__dict__", |vm, o| {
    let o = o.as_obj().expect("instances with a dict are objects");
    Ok(Value::Obj(vm.instance_dict(o).clone()))
})
.settable(set_instance_dict)];

/// `obj.__dict__ = d` (or `del obj.__dict__`). An instance's dict cannot be
/// swapped for another in Krait, so the dict's contents are replaced by
/// `d`'s: attribute lookups see the same result, but `obj.__dict__ is d`
/// is false and later changes to `d` are not seen through `obj`.
fn set_instance_dict(vm: &mut Vm, o: &Value, value: Option<Value>) -> PyResult<()> {
    let o = o.as_obj().expect("instances with a dict are objects");
    if let Some(v) = &value {
        if !matches!(v.kind(), Some(ObjKind::Dict(_))) {
            return Err(vm.type_error(format!(
                "__dict__ must be set to a dictionary, not a '{}'",
                vm.type_name(v)
            )));
        }
    }
    let d = vm.instance_dict(o).clone();
    let items: Vec<(Value, Value)> = match value.as_ref().and_then(|v| v.as_obj()) {
        Some(src) if src.is(&d) => return Ok(()),
        Some(src) => match src.kind() {
            ObjKind::Dict(t) => t
                .borrow()
                .iter()
                .filter(|e| !e.key.is_null())
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect(),
            _ => Vec::new(),
        },
        None => Vec::new(),
    };
    if let ObjKind::Dict(t) = d.kind() {
        t.borrow_mut().clear();
    }
    for (k, v) in items {
        crate::objects::dict::set(vm, &d, k, v)?;
    }
    Ok(())
}

/// `__weakref__`: Krait keeps no weak references on objects yet.
pub(crate) const WEAKREF: &[GetSetDef] = &[GetSetDef::new("__weakref__", |_, _| Ok(Value::None))];

const METHODS: &[FunctionDef] = &[
    FunctionDef::new("__new__", object_new),
    FunctionDef::method("__init__", object_init),
    FunctionDef::unary("__repr__", object_repr),
    FunctionDef::unary("__str__", object_str),
    FunctionDef::unary("__hash__", object_hash),
    FunctionDef::binary("__eq__", object_eq),
    FunctionDef::binary("__ne__", object_ne),
    FunctionDef::binary("__lt__", object_cmp_not_impl),
    FunctionDef::binary("__le__", object_cmp_not_impl),
    FunctionDef::binary("__gt__", object_cmp_not_impl),
    FunctionDef::binary("__ge__", object_cmp_not_impl),
    FunctionDef::binary("__getattribute__", object_getattribute),
    FunctionDef::method("__setattr__", object_setattr).wrapper(2, true),
    FunctionDef::binary("__delattr__", object_delattr),
    FunctionDef::method("__format__", object_format).one(),
    FunctionDef::method("__dir__", object_dir).no_args(),
    FunctionDef::method("__reduce_ex__", super::reduce::object_reduce_ex).one(),
    FunctionDef::method("__reduce__", super::reduce::object_reduce).no_args(),
    FunctionDef::method("__getstate__", super::reduce::object_getstate).no_args(),
    FunctionDef::method("__sizeof__", object_sizeof).no_args(),
    FunctionDef::classmethod("__init_subclass__", object_init_subclass).no_args(),
    FunctionDef::classmethod("__subclasshook__", object_subclasshook),
];

struct ObjectType;

/// What every class has unless it or a base says otherwise: a repr with
/// its address, hashing and equality by identity.
impl NativeType for ObjectType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(|vm, o| {
            let s = default_repr(vm, &Value::Obj(o.clone()));
            Ok(vm.new_string(s))
        }),
        hash: Some(|_, o| Ok(crate::protocol::hash::hash_pointer(o.addr()))),
        richcompare: Some(|_, op, o, other| {
            let same = matches!(other, Value::Obj(x) if x.is(o));
            Ok(match op {
                CompareOp::Eq if same => Some(Value::Bool(true)),
                CompareOp::Ne if same => Some(Value::Bool(false)),
                _ => None,
            })
        }),
        ..Slots::NONE
    };
}

pub(crate) fn type_arg(vm: &Vm, v: &Value, what: &str) -> PyResult<Obj> {
    match v {
        Value::Obj(o) if o.type_data().is_some() => Ok(o.clone()),
        _ => Err(vm.type_error(format!(
            "{what}: X is not a type object ({})",
            vm.type_name(v)
        ))),
    }
}

/// Whether a type's method `name` is the one `object` defines.
pub(crate) fn inherits_object_method(vm: &mut Vm, cls: &Obj, name: &str) -> bool {
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
            let n = t.slot_names.borrow().len();
            if n > 0 {
                ObjKind::Slots(RefCell::new(vec![Value::Null; n]))
            } else {
                ObjKind::Plain
            }
        }
    };
    Value::Obj(Obj::new(cls.clone(), kind))
}

pub(crate) fn object_new(vm: &mut Vm, args: Args) -> PyResult {
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
            cls.type_name(),
            base.type_name()
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
    Some(vm.type_error(format!(
        "Can't instantiate abstract class {} with abstract method{} {}",
        cls.tdata().name.borrow(),
        if names.len() == 1 { "" } else { "s" },
        names.join(", ")
    )))
}

/// The nearest built-in class in the MRO.
pub(crate) fn solid_base(cls: &Obj) -> Obj {
    for c in cls.tdata().mro.borrow().iter() {
        let t = c.tdata();
        if t.heap {
            continue;
        }
        // Exception classes that add no fields to their base share its
        // layout (`class E(LookupError, SystemError)` is allowed).
        let adds_fields = t.layout != Layout::Exception
            || t.bases.borrow().is_empty()
            || EXCEPTIONS_WITH_FIELDS.contains(&t.name.borrow().as_str())
            || t.bases.borrow()[0].tdata().layout != Layout::Exception;
        if adds_fields {
            return c.clone();
        }
    }
    cls.clone()
}

/// The built-in exceptions whose instances have fields of their own in
/// CPython (a larger `__basicsize__` than their base's).
const EXCEPTIONS_WITH_FIELDS: &[&str] = &[
    "OSError",
    "ImportError",
    "SyntaxError",
    "StopIteration",
    "NameError",
    "AttributeError",
    "SystemExit",
    "UnicodeEncodeError",
    "UnicodeDecodeError",
    "UnicodeTranslateError",
    "BaseExceptionGroup",
];

pub(crate) fn object_init(vm: &mut Vm, args: Args) -> PyResult {
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

/// The module a class says it belongs to: its dict's `__module__`, or for
/// a built-in class the part of its full name before the last dot.
pub fn class_module(vm: &mut Vm, cls: &Obj) -> Option<String> {
    let _ = vm;
    let own = cls
        .object()
        .dict()
        .and_then(|d| crate::objects::dict::get_str(d, "__module__"));
    if let Some(m) = own {
        return m
            .as_obj()
            .and_then(as_pystr)
            .map(|s| s.to_string_lossy().into_owned());
    }
    let t = cls.type_data()?;
    if t.heap {
        return None;
    }
    let full = t.full_name.borrow();
    Some(match full.as_deref().and_then(|f| f.rsplit_once('.')) {
        Some((module, _)) => module.to_owned(),
        None => "builtins".to_owned(),
    })
}

fn object_repr(vm: &mut Vm, args: Args) -> PyResult {
    let s = default_repr(vm, &args.pos[0]);
    Ok(vm.new_string(s))
}

fn object_str(vm: &mut Vm, args: Args) -> PyResult {
    vm.repr(&args.pos[0])
}

fn object_hash(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(match &args.pos[0] {
        Value::Obj(o) => crate::protocol::hash::hash_pointer(o.addr()),
        other => vm.hash(other)?,
    }))
}

fn object_eq(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos[0].is(&args.pos[1]) {
        Ok(Value::Bool(true))
    } else {
        Ok(vm.not_implemented())
    }
}

/// `__ne__` inverts the class's `__eq__` unless that is NotImplemented.
fn object_ne(vm: &mut Vm, args: Args) -> PyResult {
    let cls = vm.class_of(&args.pos[0]).clone();
    let Some(eq) = vm.lookup_type(&cls, "__eq__") else {
        return Ok(vm.not_implemented());
    };
    let r = vm.call_method_value(&eq, args.pos[0].clone(), vec![args.pos[1].clone()])?;
    if vm.is_not_implemented(&r) {
        return Ok(r);
    }
    Ok(Value::Bool(!vm.truthy(&r)?))
}

fn object_cmp_not_impl(vm: &mut Vm, _: Args) -> PyResult {
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
    let name = name_arg(vm, &args.pos[1])?;
    let name = interned(vm, name);
    let cls = vm.class_of(&args.pos[0]).clone();
    vm.generic_getattr(&args.pos[0], &cls, &name)
}

fn object_setattr(vm: &mut Vm, args: Args) -> PyResult {
    let name = name_arg(vm, &args.pos[1])?;
    let name = interned(vm, name);
    let cls = vm.class_of(&args.pos[0]).clone();
    vm.generic_setattr(&args.pos[0], &cls, &name, args.pos[2].clone())?;
    Ok(Value::None)
}

fn object_delattr(vm: &mut Vm, args: Args) -> PyResult {
    let name = name_arg(vm, &args.pos[1])?;
    let name = interned(vm, name);
    vm.generic_delattr(&args.pos[0], &name)?;
    Ok(Value::None)
}

fn object_format(vm: &mut Vm, args: Args) -> PyResult {
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

pub(crate) fn object_dir(vm: &mut Vm, args: Args) -> PyResult {
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

fn object_sizeof(_: &mut Vm, _: Args) -> PyResult {
    Ok(Value::Int(
        std::mem::size_of::<crate::object::Object>() as i64
    ))
}

fn object_init_subclass(_: &mut Vm, _: Args) -> PyResult {
    Ok(Value::None)
}

fn object_subclasshook(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.not_implemented())
}
