//! Function objects: Python functions (code, globals, defaults, closure)
//! and native built-in functions and methods.

use crate::api::{add_getsets, add_methods, FunctionDef, GetSetDef};
use crate::object::ObjKind;
use crate::objects::code::CodeObject;
use crate::objects::typeobject::slots::{install, NativeType, Slots};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use smallvec::SmallVec;
use std::cell::RefCell;
use std::rc::Rc;

pub struct Function {
    pub code: Rc<CodeObject>,
    pub globals: Obj,
    pub builtins: Obj,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    /// A tuple, or None.
    pub defaults: RefCell<Value>,
    /// A dict, or None.
    pub kwdefaults: RefCell<Value>,
    /// The cells of the free variables.
    pub closure: Box<[Value]>,
    pub annotations: RefCell<Value>,
    pub module: RefCell<Value>,
    pub doc: RefCell<Value>,
}

/// Arguments to a native function: positional values, then keyword ones.
pub struct Args {
    pub pos: SmallVec<[Value; 6]>,
    pub kw: Vec<(Obj, Value)>,
}

impl Args {
    pub fn new(pos: impl IntoIterator<Item = Value>) -> Args {
        Args {
            pos: pos.into_iter().collect(),
            kw: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.pos.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pos.is_empty()
    }

    /// The positional argument at `i`, unless it is absent or `Null` (a
    /// named parameter not given).
    pub fn given(&self, i: usize) -> Option<&Value> {
        self.pos.get(i).filter(|v| !v.is_null())
    }

    /// The keyword argument called `name`, if given.
    pub fn kwarg(&self, name: &str) -> Option<&Value> {
        self.kw
            .iter()
            .find(|(k, _)| crate::objects::str::str_eq(k, name))
            .map(|(_, v)| v)
    }
}

pub type NativeFn = fn(&mut Vm, Args) -> PyResult;

pub struct BuiltinFunction {
    pub name: &'static str,
    pub func: NativeFn,
    /// The object a bound built-in method was taken from; `Null` if none.
    pub receiver: Value,
    /// For methods: the type they belong to (`list` for `list.append`).
    pub owner: Option<Obj>,
    /// Takes the object it is looked up on as first argument (a method
    /// descriptor) rather than being a plain function in a namespace.
    pub is_method: bool,
    /// A class method of a built-in type (`dict.fromkeys`): binds the class.
    pub is_classmethod: bool,
    /// For module functions: the module's name (`math` in messages).
    pub module: Option<&'static str>,
    /// What it accepts, checked where built-in functions are called.
    pub params: crate::api::Params,
}

impl BuiltinFunction {
    /// Whether this is the built-in `name` of the type `owner` (a
    /// `builtins` function when `owner` is `None`). The VM recognises
    /// the few it runs specially this way: a function's address is not
    /// a reliable identity (the same function may have several).
    #[inline]
    pub fn is_named(&self, owner: Option<&Obj>, name: &str) -> bool {
        self.name == name
            && match (owner, &self.owner) {
                (Some(t), Some(o)) => t.is(o),
                (None, None) => self.module == Some("builtins"),
                _ => false,
            }
    }

    /// How many of a call's positional arguments are the receiver or class
    /// it was looked up on, when it is called unbound.
    #[inline]
    pub fn receiver_count(&self) -> usize {
        (self.is_method || self.is_classmethod) as usize
    }
}

/// `__call__` of the callables the VM calls directly, and the methods of
/// bound method objects.
pub fn register(vm: &mut Vm) {
    // `f.__call__(...)` for the kinds of callables the VM calls directly.
    for ty in [
        vm.types.builtin_function.clone(),
        vm.types.function.clone(),
        vm.types.method.clone(),
    ] {
        add_methods(vm, &ty, &[CALL]);
    }
    let t = &vm.types;
    let (f, b, m, c) = (
        t.function.clone(),
        t.builtin_function.clone(),
        t.method.clone(),
        t.cell.clone(),
    );
    install::<FunctionType>(vm, &f);
    install::<BuiltinType>(vm, &b);
    install::<MethodType>(vm, &m);
    install::<CellType>(vm, &c);
    add_methods(vm, &m, BOUND_METHOD);
    add_getsets(vm, &f, FUNCTION_ATTRIBUTES);
    add_getsets(vm, &f, crate::objects::typeobject::object::INSTANCE_DICT);
    add_getsets(vm, &b, BUILTIN_ATTRIBUTES);
    add_methods(vm, &b, BUILTIN_METHODS);
    add_getsets(vm, &m, METHOD_ATTRIBUTES);
    add_getsets(vm, &c, CELL_ATTRIBUTES);
}

/// `f.__code__ = c`, for a `c` made from the function's own code by
/// `code.replace(co_flags=...)`: its flags go to the function's code (and
/// so to every function made from it, all of which the same decorator
/// marks). Another code object would need the function rebuilt.
fn set_code(vm: &mut Vm, f: &Value, v: Option<Value>) -> PyResult<()> {
    let current = &function(f).code;
    match v.as_ref().and_then(|v| v.kind()) {
        Some(ObjKind::Code(new)) if Rc::ptr_eq(&new.code, &current.code) => {
            current.extra_flags.set(new.extra_flags.get());
            Ok(())
        }
        Some(ObjKind::Code(_)) => Err(
            vm.not_implemented_error("assigning another code object to __code__ is not supported")
        ),
        _ => Err(vm.type_error("__code__ must be set to a code object")),
    }
}

fn function(v: &Value) -> &Function {
    match v.kind() {
        Some(ObjKind::Function(f)) => f,
        _ => unreachable!("function attributes are read on functions"),
    }
}

/// A function's `__name__` or `__qualname__` set to `value`.
fn set_function_name(
    vm: &mut Vm,
    slot: &RefCell<Value>,
    what: &str,
    value: Option<Value>,
) -> PyResult<()> {
    match value {
        Some(v) if crate::objects::str::value_pystr(&v).is_some() => {
            *slot.borrow_mut() = v;
            Ok(())
        }
        _ => Err(vm.type_error(format!("{what} must be set to a string object"))),
    }
}

/// `__defaults__` and `__kwdefaults__`: a tuple (a dict) or None.
fn set_defaults(
    vm: &mut Vm,
    slot: &RefCell<Value>,
    value: Option<Value>,
    dict: bool,
) -> PyResult<()> {
    let value = value.unwrap_or(Value::None);
    let ok = value.is_none()
        || match value.kind() {
            Some(ObjKind::Dict(_)) => dict,
            Some(ObjKind::Tuple(_)) => !dict,
            _ => false,
        };
    if !ok {
        let (name, what) = if dict {
            ("__kwdefaults__", "dict")
        } else {
            ("__defaults__", "tuple")
        };
        return Err(vm.type_error(format!("{name} must be set to a {what} object")));
    }
    *slot.borrow_mut() = value;
    Ok(())
}

const FUNCTION_ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::new("__name__", |_, f| Ok(function(f).name.borrow().clone()))
        .settable(|vm, f, v| set_function_name(vm, &function(f).name, "__name__", v)),
    GetSetDef::new("__qualname__", |_, f| {
        Ok(function(f).qualname.borrow().clone())
    })
    .settable(|vm, f, v| set_function_name(vm, &function(f).qualname, "__qualname__", v)),
    GetSetDef::new("__defaults__", |_, f| {
        Ok(function(f).defaults.borrow().clone())
    })
    .settable(|vm, f, v| set_defaults(vm, &function(f).defaults, v, false)),
    GetSetDef::new("__kwdefaults__", |_, f| {
        Ok(function(f).kwdefaults.borrow().clone())
    })
    .settable(|vm, f, v| set_defaults(vm, &function(f).kwdefaults, v, true)),
    GetSetDef::new("__code__", |vm, f| {
        let code = function(f).code.clone();
        Ok(Value::Obj(Obj::new(
            vm.types.code.clone(),
            ObjKind::Code(code),
        )))
    })
    .settable(set_code),
    GetSetDef::new("__annotations__", |vm, f| {
        let f = function(f);
        let a = f.annotations.borrow().clone();
        // Compiled as a flat tuple of names and values; a dict on first use.
        let a = match a {
            Value::None | Value::Null => vm.new_dict(),
            Value::Obj(ref t) if matches!(t.kind(), ObjKind::Tuple(_)) => {
                let items = crate::eval::tuple_items(&a);
                let d = vm.new_dict_obj(crate::objects::dict::table::Dict::new());
                for pair in items.chunks(2) {
                    if let [k, v] = pair {
                        crate::objects::dict::set(vm, &d, k.clone(), v.clone())?;
                    }
                }
                Value::Obj(d)
            }
            other => other,
        };
        *f.annotations.borrow_mut() = a.clone();
        Ok(a)
    })
    .settable(|vm, f, v| {
        let v = v.unwrap_or(Value::None);
        if !v.is_none() && !matches!(v.kind(), Some(ObjKind::Dict(_))) {
            return Err(vm.type_error("__annotations__ must be set to a dict object"));
        }
        *function(f).annotations.borrow_mut() = v;
        Ok(())
    }),
    GetSetDef::member("__closure__", |vm, f| {
        let f = function(f);
        Ok(if f.closure.is_empty() {
            Value::None
        } else {
            vm.new_tuple(f.closure.to_vec())
        })
    }),
    GetSetDef::member("__doc__", |_, f| Ok(function(f).doc.borrow().clone())).settable(
        |_, f, v| {
            *function(f).doc.borrow_mut() = v.unwrap_or(Value::None);
            Ok(())
        },
    ),
    GetSetDef::member("__globals__", |_, f| {
        Ok(Value::Obj(function(f).globals.clone()))
    }),
    GetSetDef::member("__module__", |_, f| Ok(function(f).module.borrow().clone())).settable(
        |_, f, v| {
            *function(f).module.borrow_mut() = v.unwrap_or(Value::None);
            Ok(())
        },
    ),
    GetSetDef::member("__builtins__", |_, f| {
        Ok(Value::Obj(function(f).builtins.clone()))
    }),
];

fn builtin(v: &Value) -> &BuiltinFunction {
    match v.kind() {
        Some(ObjKind::Builtin(b)) => b,
        _ => unreachable!("built-in function attributes are read on built-in functions"),
    }
}

/// A built-in function pickles by name: a module function as its name
/// (found in its module), a method bound to an object as
/// `getattr(object, name)`.
const BUILTIN_METHODS: &[FunctionDef] = &[FunctionDef::method("__reduce__", |vm, a| {
    let b = builtin(&a.pos[0]);
    let bound = !b.receiver.is_null()
        && !matches!(b.receiver.kind(), Some(ObjKind::Module(_)))
        && b.owner.is_some();
    if !bound {
        return Ok(vm.new_str(b.name));
    }
    let getattr =
        crate::objects::dict::get_str(&vm.builtins_dict, "getattr").unwrap_or(Value::None);
    let name = vm.new_str(b.name);
    let args = vm.new_tuple(vec![b.receiver.clone(), name]);
    Ok(vm.new_tuple(vec![getattr, args]))
})
.no_args()];

const BUILTIN_ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::new("__name__", |vm, b| Ok(vm.new_str(builtin(b).name))),
    GetSetDef::new("__qualname__", |vm, b| {
        let b = builtin(b);
        Ok(match &b.owner {
            Some(owner) => vm.new_string(format!("{}.{}", owner.tdata().name.borrow(), b.name)),
            None => vm.new_str(b.name),
        })
    }),
    GetSetDef::new("__self__", |_, b| {
        let b = builtin(b);
        Ok(if b.receiver.is_null() {
            Value::None
        } else {
            b.receiver.clone()
        })
    }),
    GetSetDef::new("__doc__", |_, _| Ok(Value::None)),
    GetSetDef::member("__module__", |vm, b| {
        Ok(match (&builtin(b).owner, builtin(b).module) {
            (None, Some(m)) => vm.new_str(m),
            (None, None) => vm.new_str("builtins"),
            (Some(_), _) => Value::None,
        })
    }),
    GetSetDef::new("__objclass__", |vm, b| match &builtin(b).owner {
        Some(owner) => Ok(Value::Obj(owner.clone())),
        None => {
            let name = vm.intern("__objclass__");
            Err(vm.no_attribute(b, &name))
        }
    }),
];

/// The function and the instance of a bound method.
fn method_parts(v: &Value) -> (&Value, &Value) {
    match v.kind() {
        Some(ObjKind::BoundMethod { func, receiver }) => (func, receiver),
        _ => unreachable!("method attributes are read on methods"),
    }
}

/// A bound method's `__name__`, `__doc__`... are its function's.
fn from_function(vm: &mut Vm, m: &Value, name: &str) -> PyResult {
    let func = method_parts(m).0.clone();
    let key = vm.intern(name);
    vm.getattr(&func, &key)
}

const METHOD_ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::member("__self__", |_, m| Ok(method_parts(m).1.clone())),
    GetSetDef::member("__func__", |_, m| Ok(method_parts(m).0.clone())),
    GetSetDef::new("__name__", |vm, m| from_function(vm, m, "__name__")),
    GetSetDef::new("__qualname__", |vm, m| from_function(vm, m, "__qualname__")),
    GetSetDef::new("__doc__", |vm, m| from_function(vm, m, "__doc__")),
    GetSetDef::new("__module__", |vm, m| from_function(vm, m, "__module__")),
];

const CELL_ATTRIBUTES: &[GetSetDef] = &[GetSetDef::new("cell_contents", |vm, c| {
    let Some(ObjKind::Cell(c)) = c.kind() else {
        unreachable!("cell attributes are read on cells")
    };
    let v = c.borrow().clone();
    if v.is_null() {
        return Err(vm.value_error("Cell is empty"));
    }
    Ok(v)
})
.settable(|_, c, v| {
    let Some(ObjKind::Cell(c)) = c.kind() else {
        unreachable!("cell attributes are read on cells")
    };
    *c.borrow_mut() = v.unwrap_or(Value::Null);
    Ok(())
})];

const CALL: FunctionDef = FunctionDef::method("__call__", |vm, a| {
    let f = a.pos[0].clone();
    let args = Args {
        pos: a.pos[1..].iter().cloned().collect(),
        kw: a.kw,
    };
    vm.call_args(&f, args)
});

const BOUND_METHOD: &[FunctionDef] = &[
    // `types.MethodType(function, instance)`.
    FunctionDef::new("__new__", |vm, a| {
        if !a.kw.is_empty() {
            return Err(vm.type_error("method() takes no keyword arguments"));
        }
        let n = a.pos.len().saturating_sub(1);
        if n != 2 {
            return Err(vm.type_error(format!("method expected 2 arguments, got {n}")));
        }
        let (func, receiver) = (a.pos[1].clone(), a.pos[2].clone());
        if !vm.is_callable(&func) {
            return Err(vm.type_error("first argument must be callable"));
        }
        if receiver.is_none() {
            return Err(vm.type_error("instance must not be None"));
        }
        Ok(Value::Obj(Obj::new(
            vm.types.method.clone(),
            ObjKind::BoundMethod { func, receiver },
        )))
    }),
    FunctionDef::binary("__eq__", |vm, a| match (a.pos[0].kind(), a.pos[1].kind()) {
        (
            Some(ObjKind::BoundMethod {
                func: f1,
                receiver: r1,
            }),
            Some(ObjKind::BoundMethod {
                func: f2,
                receiver: r2,
            }),
        ) => {
            let (f1, f2) = (f1.clone(), f2.clone());
            Ok(Value::Bool(r1.is(r2) && vm.eq(&f1, &f2)?))
        }
        _ => Ok(vm.not_implemented()),
    }),
    FunctionDef::unary("__hash__", |vm, a| match a.pos[0].kind() {
        Some(ObjKind::BoundMethod { func, receiver }) => {
            let (f, r) = (func.clone(), receiver.clone());
            let h = vm.hash(&f)? ^ vm.id_of(&r);
            Ok(Value::Int(crate::protocol::hash::fix(h)))
        }
        _ => Err(vm.type_error("expected a method")),
    }),
];

pub struct FunctionType;

impl NativeType for FunctionType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(|vm, o| {
            let ObjKind::Function(f) = o.kind() else {
                unreachable!("function slots are installed on function")
            };
            let r = format!(
                "<function {} at {:#x}>",
                crate::eval::call::qualname(f),
                o.addr()
            );
            Ok(vm.new_string(r))
        }),
        // A function found on a class binds to the instance.
        descr_get: Some(|vm, o, instance, _| {
            if instance.is_null() {
                return Ok(Value::Obj(o.clone()));
            }
            Ok(vm.bound_method(Value::Obj(o.clone()), instance.clone()))
        }),
        ..Slots::NONE
    };
}

pub struct BuiltinType;

impl NativeType for BuiltinType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(builtin_repr),
        descr_get: Some(builtin_get),
        ..Slots::NONE
    };
}

/// An unbound built-in method found on a class binds to the instance (a
/// class method to the class); other built-ins stay as they are.
fn builtin_get(vm: &mut Vm, o: &Obj, instance: &Value, owner: &Obj) -> PyResult {
    let ObjKind::Builtin(f) = o.kind() else {
        unreachable!("builtin slots are installed on builtin_function_or_method")
    };
    let receiver = if !f.receiver.is_null() {
        return Ok(Value::Obj(o.clone()));
    } else if f.is_classmethod {
        Value::Obj(owner.clone())
    } else if f.is_method && !instance.is_null() {
        instance.clone()
    } else {
        return Ok(Value::Obj(o.clone()));
    };
    Ok(Value::Obj(Obj::new(
        vm.types.builtin_function.clone(),
        ObjKind::Builtin(Box::new(BuiltinFunction {
            name: f.name,
            func: f.func,
            receiver,
            owner: f.owner.clone(),
            is_method: f.is_method,
            is_classmethod: f.is_classmethod,
            module: f.module,
            params: f.params,
        })),
    )))
}

/// `<built-in function len>`, `<method 'append' of 'list' objects>`,
/// `<built-in method append of list object at 0x...>`.
fn builtin_repr(vm: &mut Vm, o: &Obj) -> PyResult {
    let ObjKind::Builtin(b) = o.kind() else {
        unreachable!("builtin slots are installed on builtin_function_or_method")
    };
    let r = if b.receiver.is_null() {
        match &b.owner {
            Some(owner) if b.is_method || b.is_classmethod => format!(
                "<{} '{}' of '{}' objects>",
                if matches!(b.params, crate::api::Params::Wrapper { .. }) {
                    "slot wrapper"
                } else {
                    "method"
                },
                b.name,
                owner.type_name()
            ),
            _ => format!("<built-in function {}>", b.name),
        }
    } else {
        match &b.receiver {
            Value::Obj(r) if matches!(r.kind(), ObjKind::Module(_)) => {
                format!("<built-in function {}>", b.name)
            }
            Value::Obj(r) if r.type_data().is_some() => format!(
                "<built-in method {} of type object at {:#x}>",
                b.name,
                r.addr()
            ),
            recv => format!(
                "<built-in method {} of {} object at {:#x}>",
                b.name,
                vm.type_name(recv),
                recv.as_obj().map_or(0, Obj::addr)
            ),
        }
    };
    Ok(vm.new_string(r))
}

pub struct MethodType;

impl NativeType for MethodType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(method_repr),
        getattr: Some(method_getattr),
        ..Slots::NONE
    };
}

/// A bound method's attributes are its own, then its function's
/// (`obj.method.__unittest_expecting_failure__`).
fn method_getattr(vm: &mut Vm, v: &Value, name: &Obj) -> PyResult {
    let cls = vm.class_of(v).clone();
    match vm.generic_getattr(v, &cls, name) {
        Err(e) if e.class().is_subtype(&vm.exc.attribute_error) => {
            let func = match v.kind() {
                Some(ObjKind::BoundMethod { func, .. }) => func.clone(),
                _ => return Err(e),
            };
            vm.getattr(&func, name).map_err(|_| e)
        }
        r => r,
    }
}

fn method_repr(vm: &mut Vm, o: &Obj) -> PyResult {
    let ObjKind::BoundMethod { func, receiver } = o.kind() else {
        unreachable!("method slots are installed on method")
    };
    let (func, receiver) = (func.clone(), receiver.clone());
    let qn = vm.intern("__qualname__");
    let name = match vm.getattr(&func, &qn) {
        Ok(n) => vm.str_string(&n)?,
        Err(_) => "?".into(),
    };
    let r = format!("<bound method {} of {}>", name, vm.repr_string(&receiver)?);
    Ok(vm.new_string(r))
}

/// A closure's cell.
pub struct CellType;

impl NativeType for CellType {
    const SLOTS: &'static Slots = &Slots::repr(|vm, o| {
        let ObjKind::Cell(c) = o.kind() else {
            unreachable!("cell slots are installed on cell")
        };
        let v = c.borrow().clone();
        let r = match v {
            Value::Null => format!("<cell at {:#x}: empty>", o.addr()),
            v => format!(
                "<cell at {:#x}: {} object at {:#x}>",
                o.addr(),
                vm.type_name(&v),
                v.as_obj().map_or(0, Obj::addr)
            ),
        };
        Ok(vm.new_string(r))
    });
}
