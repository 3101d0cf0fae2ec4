//! `types.GenericAlias`: `list[int]`, `dict[str, int]`, with its repr,
//! equality, `__origin__`/`__args__`, and `__class_getitem__` of the
//! built-in containers.

use crate::api::{add_methods, FunctionDef};
use crate::object::ObjKind;
use crate::objects::function::Args;
use crate::objects::typeobject::slots::{install, NativeType, Slots};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    let ga = vm.types.generic_alias.clone();
    *ga.tdata().full_name.borrow_mut() = Some("types.GenericAlias".into());
    let m = vm.new_str("types");
    crate::bootstrap::set_attr_str(vm, &ga, "__module__", m);
    add_methods(vm, &ga, METHODS);
    install::<GenericAliasType>(vm, &ga);
    let generic = [
        vm.types.list.clone(),
        vm.types.dict.clone(),
        vm.types.tuple.clone(),
        vm.types.set.clone(),
        vm.types.frozenset.clone(),
        vm.types.enumerate.clone(),
        vm.types.mappingproxy.clone(),
        vm.types.async_generator.clone(),
    ];
    // (`type[int]` is made by subscription itself: a metaclass derived
    // from type is not subscriptable, as in CPython.)
    for ty in &generic {
        add_methods(vm, ty, &[CLASS_GETITEM]);
    }
}

/// `list[int]` and the like: a generic alias of the class.
pub const CLASS_GETITEM: FunctionDef = FunctionDef::classmethod("__class_getitem__", |vm, a| {
    Ok(vm.generic_alias(a.pos[0].clone(), a.pos[1].clone()))
})
.one();

const METHODS: &[FunctionDef] = &[
    FunctionDef::new("__new__", |vm, a| {
        if !a.kw.is_empty() {
            return Err(vm.type_error("GenericAlias() takes no keyword arguments"));
        }
        if a.pos.len() != 3 {
            return Err(vm.type_error(format!(
                "GenericAlias expected 2 arguments, got {}",
                a.pos.len() - 1
            )));
        }
        let cls = a.pos[0].as_obj().cloned().expect("a class");
        Ok(vm.generic_alias_of(&cls, a.pos[1].clone(), a.pos[2].clone()))
    }),
    FunctionDef::method("__init__", |_, _| Ok(Value::None)),
    FunctionDef::unary("__repr__", |vm, a| {
        let this = &a.pos[0];
        let origin = field(vm, this, "__origin__")?;
        let args = field(vm, this, "__args__")?;
        let mut out = String::new();
        if starred(vm, this)? {
            out.push('*');
        }
        out.push_str(&repr_item(vm, &origin)?);
        out.push('[');
        let items = crate::eval::tuple_items(&args).to_vec();
        if items.is_empty() {
            out.push_str("()");
        }
        for (i, arg) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            if let Some(ObjKind::List(l)) =
                arg.kind().filter(|_| vm.class_of(arg).is(&vm.types.list))
            {
                // A ParamSpec's list of argument types.
                let inner: Vec<Value> = l.borrow().clone();
                out.push('[');
                for (j, x) in inner.iter().enumerate() {
                    if j > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&repr_item(vm, x)?);
                }
                out.push(']');
            } else {
                out.push_str(&repr_item(vm, arg)?);
            }
        }
        out.push(']');
        Ok(vm.new_string(out))
    }),
    FunctionDef::method("__call__", |vm, a| {
        let this = a.pos[0].clone();
        let origin = field(vm, &this, "__origin__")?;
        let made = vm.call_args(
            &origin,
            Args {
                pos: a.pos[1..].iter().cloned().collect(),
                kw: a.kw,
            },
        )?;
        // The instance learns the alias it was made from, where it can.
        let key = vm.intern("__orig_class__");
        if let Err(e) = vm.setattr(&made, &key, this) {
            let c = e.class();
            if !c.is_subtype(&vm.exc.attribute_error) && !c.is_subtype(&vm.exc.type_error) {
                return Err(e);
            }
        }
        Ok(made)
    }),
    FunctionDef::method("__mro_entries__", |vm, a| {
        let origin = field(vm, &a.pos[0], "__origin__")?;
        Ok(vm.new_tuple(vec![origin]))
    })
    .one(),
    FunctionDef::binary("__eq__", |vm, a| {
        if !vm.class_of(&a.pos[1]).is_subtype(&vm.types.generic_alias) {
            return Ok(vm.not_implemented());
        }
        if starred(vm, &a.pos[0])? != starred(vm, &a.pos[1])? {
            return Ok(Value::Bool(false));
        }
        let x = vec![
            field(vm, &a.pos[0], "__origin__")?,
            field(vm, &a.pos[0], "__args__")?,
        ];
        let y = vec![
            field(vm, &a.pos[1], "__origin__")?,
            field(vm, &a.pos[1], "__args__")?,
        ];
        let (x, y) = (vm.new_tuple(x), vm.new_tuple(y));
        Ok(Value::Bool(vm.eq(&x, &y)?))
    }),
    FunctionDef::unary("__hash__", |vm, a| {
        let origin = field(vm, &a.pos[0], "__origin__")?;
        let args = field(vm, &a.pos[0], "__args__")?;
        Ok(Value::Int(vm.hash(&origin)? ^ vm.hash(&args)?))
    }),
    FunctionDef::method("__getattribute__", |vm, a| {
        let Some(name) = a.pos[1]
            .as_obj()
            .filter(|n| crate::objects::str::as_pystr(n).is_some())
        else {
            return Err(vm.type_error(format!(
                "attribute name must be string, not '{}'",
                vm.type_name(&a.pos[1])
            )));
        };
        let name = name.clone();
        getattr(vm, &a.pos[0], &name)
    })
    .one(),
    FunctionDef::method("__reduce__", |vm, a| {
        let this = &a.pos[0];
        let origin = field(vm, this, "__origin__")?;
        let args = field(vm, this, "__args__")?;
        if starred(vm, this)? {
            // `*tuple[int]` is the one item of iterating `tuple[int]`.
            let plain = vm.generic_alias(origin, args);
            let it = vm.iter(&plain)?;
            let next = vm.getattr_str(&Value::Obj(vm.builtins.clone()), "next")?;
            let call_args = vm.new_tuple(vec![it]);
            return Ok(vm.new_tuple(vec![next, call_args]));
        }
        let cls = Value::Obj(vm.class_of(this).clone());
        let call_args = vm.new_tuple(vec![origin, args]);
        Ok(vm.new_tuple(vec![cls, call_args]))
    })
    .no_args(),
    FunctionDef::method("__dir__", |vm, a| {
        let origin = field(vm, &a.pos[0], "__origin__")?;
        let dir = vm.getattr_str(&Value::Obj(vm.builtins.clone()), "dir")?;
        let names = vm.call(&dir, vec![origin])?;
        let mut items = crate::api::list_items(&names).unwrap_or_default();
        for name in OWN_ATTRIBUTES {
            if !items.iter().any(|v| {
                crate::objects::str::value_pystr(v).is_some_and(|s| s.as_str() == Some(name))
            }) {
                items.push(vm.new_str(name));
            }
        }
        Ok(vm.new_list(items))
    })
    .no_args(),
    FunctionDef::method("__instancecheck__", |vm, _| {
        Err(vm.type_error("isinstance() argument 2 cannot be a parameterized generic"))
    })
    .one(),
    FunctionDef::method("__subclasscheck__", |vm, _| {
        Err(vm.type_error("issubclass() argument 2 cannot be a parameterized generic"))
    })
    .one(),
];

/// The attributes an alias answers itself; it passes every other lookup
/// on to its origin (`list[int].append` is `list.append`).
const OWN_ATTRIBUTES: [&str; 11] = [
    "__class__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
];

struct GenericAliasType;

impl NativeType for GenericAliasType {
    const SLOTS: &'static Slots = &Slots {
        getattr: Some(getattr),
        getitem: Some(|vm, o, item| subscript(vm, &Value::Obj(o.clone()), item)),
        iter: Some(|vm, o| {
            // One item: the alias starred, for `*tuple[int, str]`.
            let this = Value::Obj(o.clone());
            let origin = field(vm, &this, "__origin__")?;
            let args = field(vm, &this, "__args__")?;
            let star = vm.generic_alias(origin, args);
            set_starred(vm, &star, true)?;
            let seq = vm.new_tuple(vec![star]);
            let cls = vm.types.generic_alias_iterator.clone();
            Ok(crate::objects::iterators::new_iterator(
                &cls,
                crate::object::IterState::Seq { seq, index: 0 },
            ))
        }),
        ..Slots::NONE
    };
}

/// The alias a starred one stands for: `tuple[int]` of `*tuple[int]`.
pub fn unstarred(vm: &mut Vm, v: &Value) -> PyResult {
    let origin = field(vm, v, "__origin__")?;
    let args = field(vm, v, "__args__")?;
    Ok(vm.generic_alias(origin, args))
}

fn getattr(vm: &mut Vm, obj: &Value, name: &Obj) -> PyResult {
    let own = crate::objects::str::as_pystr(name)
        .and_then(|s| s.as_str())
        .is_some_and(|s| OWN_ATTRIBUTES.contains(&s));
    if !own {
        let origin = field(vm, obj, "__origin__")?;
        return vm.getattr(&origin, name);
    }
    let cls = vm.class_of(obj).clone();
    vm.generic_getattr(obj, &cls, name)
}

/// One of the alias's own fields, from its namespace.
fn field(vm: &mut Vm, v: &Value, name: &str) -> PyResult {
    let key = vm.intern(name);
    let cls = vm.class_of(v).clone();
    vm.generic_getattr(v, &cls, &key)
}

fn starred(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let s = field(vm, v, "__unpacked__")?;
    vm.truthy(&s)
}

fn set_starred(vm: &mut Vm, v: &Value, on: bool) -> PyResult<()> {
    let Value::Obj(o) = v else { return Ok(()) };
    let d = o.object().dict().cloned().expect("an alias namespace");
    let k = vm.intern("__unpacked__");
    crate::objects::dict::set_str(vm, &d, k, Value::Bool(on));
    let origin = field(vm, v, "__origin__")?;
    let unpacked = if on && origin.is(&Value::Obj(vm.types.tuple.clone())) {
        field(vm, v, "__args__")?
    } else {
        Value::None
    };
    let k = vm.intern("__typing_unpacked_tuple_args__");
    crate::objects::dict::set_str(vm, &d, k, unpacked);
    Ok(())
}

/// How an alias shows one of its items: `...`, an alias's repr, a class
/// as `module.Qualname` (`int` for built-ins), anything else's repr.
fn repr_item(vm: &mut Vm, p: &Value) -> PyResult<String> {
    if matches!(p.kind(), Some(ObjKind::Ellipsis)) {
        return Ok("...".into());
    }
    let has = |vm: &mut Vm, name: &str| -> PyResult<Option<Value>> {
        match vm.getattr_str(p, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.class().is_subtype(&vm.exc.attribute_error) => Ok(None),
            Err(e) => Err(e),
        }
    };
    if has(vm, "__origin__")?.is_some() && has(vm, "__args__")?.is_some() {
        return vm.repr_string(p);
    }
    let Some(qualname) = has(vm, "__qualname__")? else {
        return vm.repr_string(p);
    };
    let module = has(vm, "__module__")?;
    match module {
        None | Some(Value::None) => vm.repr_string(p),
        Some(m) => {
            let q = vm.str_string(&qualname)?;
            if crate::objects::str::value_pystr(&m).is_some_and(|s| s.as_str() == Some("builtins"))
            {
                Ok(q)
            } else {
                let m = vm.str_string(&m)?;
                Ok(format!("{m}.{q}"))
            }
        }
    }
}

// ---- substitution ---------------------------------------------------------

/// `alias[item]`: the alias with its type variables replaced, as
/// CPython's `_Py_subs_parameters` replaces them.
fn subscript(vm: &mut Vm, this: &Value, item: &Value) -> PyResult {
    let origin = field(vm, this, "__origin__")?;
    let args = field(vm, this, "__args__")?;
    let params = field(vm, this, "__parameters__")?;
    let args = crate::eval::tuple_items(&args).to_vec();
    let params = crate::eval::tuple_items(&params).to_vec();
    let new_args = substitute(vm, this, &args, &params, item)?;
    let new_args = vm.new_tuple(new_args);
    let made = vm.generic_alias(origin, new_args);
    let star = starred(vm, this)?;
    if star {
        set_starred(vm, &made, true)?;
    }
    Ok(made)
}

fn lookup(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    match vm.getattr_str(v, name) {
        Ok(x) => Ok(Some(x)),
        Err(e) if e.class().is_subtype(&vm.exc.attribute_error) => Ok(None),
        Err(e) => Err(e),
    }
}

fn is_type(v: &Value) -> bool {
    matches!(v.kind(), Some(ObjKind::Type(_)))
}

/// The arguments of `alias[item]`, for `alias` (shown in errors) with
/// `args` and `params`.
pub fn substitute(
    vm: &mut Vm,
    alias: &Value,
    args: &[Value],
    params: &[Value],
    item: &Value,
) -> PyResult<Vec<Value>> {
    if params.is_empty() {
        let shown = vm.repr_string(alias)?;
        return Err(vm.type_error(format!("{shown} is not a generic class")));
    }
    let unpacked = unpack_args(vm, item)?;
    let mut item = vm.new_tuple(unpacked);
    for param in params {
        if let Some(prepare) = lookup(vm, param, "__typing_prepare_subst__")? {
            if !prepare.is_none() {
                item = vm.call(&prepare, vec![alias.clone(), item])?;
            }
        }
    }
    let items: Vec<Value> = match item.kind() {
        Some(ObjKind::Tuple(t)) => t.to_vec(),
        _ => vec![item.clone()],
    };
    if items.len() != params.len() {
        let shown = vm.repr_string(alias)?;
        let which = if items.len() > params.len() {
            "many"
        } else {
            "few"
        };
        return Err(vm.type_error(format!(
            "Too {which} arguments for {shown}; actual {}, expected {}",
            items.len(),
            params.len()
        )));
    }
    let mut out = Vec::with_capacity(args.len());
    for arg in args {
        if is_type(arg) {
            out.push(arg.clone());
            continue;
        }
        let unpack = match lookup(vm, arg, "__typing_is_unpacked_typevartuple__")? {
            Some(v) => vm.truthy(&v)?,
            None => false,
        };
        let new = match lookup(vm, arg, "__typing_subst__")? {
            Some(subst) => {
                let i = params
                    .iter()
                    .position(|p| p.is(arg))
                    .expect("a parameter of the alias");
                vm.call(&subst, vec![items[i].clone()])?
            }
            None => substitute_nested(vm, arg, params, &items)?,
        };
        if unpack {
            out.extend(crate::eval::tuple_items(&new).iter().cloned());
        } else {
            out.push(new);
        }
    }
    Ok(out)
}

/// An argument that holds type variables of its own (`dict[str, T]`
/// inside another alias), subscripted with theirs.
fn substitute_nested(vm: &mut Vm, obj: &Value, params: &[Value], items: &[Value]) -> PyResult {
    let Some(sub) = lookup(vm, obj, "__parameters__")? else {
        return Ok(obj.clone());
    };
    let sub: Vec<Value> = match sub.kind() {
        Some(ObjKind::Tuple(t)) if !t.is_empty() => t.to_vec(),
        _ => return Ok(obj.clone()),
    };
    let mut subargs = Vec::new();
    for p in &sub {
        match params.iter().position(|q| q.is(p)) {
            Some(i) => {
                let arg = &items[i];
                // A TypeVarTuple (its type iterates) takes a tuple's items.
                let param_iterates = vm.special_method(&params[i], "__iter__").is_some();
                if param_iterates && matches!(arg.kind(), Some(ObjKind::Tuple(_))) {
                    subargs.extend(crate::eval::tuple_items(arg).iter().cloned());
                } else {
                    subargs.push(arg.clone());
                }
            }
            None => subargs.push(p.clone()),
        }
    }
    let key = vm.new_tuple(subargs);
    vm.getitem(obj, &key)
}

/// The items of a subscript, with `*tuple[int, str]` spread into its
/// types (not `*tuple[int, ...]`).
fn unpack_args(vm: &mut Vm, item: &Value) -> PyResult<Vec<Value>> {
    let items: Vec<Value> = match item.kind() {
        Some(ObjKind::Tuple(t)) => t.to_vec(),
        _ => vec![item.clone()],
    };
    let mut out = Vec::new();
    for it in items {
        if !is_type(&it) {
            if let Some(sub) = lookup(vm, &it, "__typing_unpacked_tuple_args__")? {
                if let Some(ObjKind::Tuple(t)) = sub.kind() {
                    let ends_open = t
                        .last()
                        .is_some_and(|l| matches!(l.kind(), Some(ObjKind::Ellipsis)));
                    if !ends_open {
                        out.extend(t.iter().cloned());
                        continue;
                    }
                }
            }
        }
        out.push(it);
    }
    Ok(out)
}

impl Vm {
    /// `list[int]` and the like: a `types.GenericAlias`.
    pub fn generic_alias(&mut self, origin: Value, args: Value) -> Value {
        let cls = self.types.generic_alias.clone();
        self.generic_alias_of(&cls, origin, args)
    }

    /// A generic alias of class `cls` (a subclass of `GenericAlias`, such
    /// as `collections.abc`'s alias of `Callable`).
    pub fn generic_alias_of(&mut self, cls: &Obj, origin: Value, args: Value) -> Value {
        let args = match args.kind() {
            Some(ObjKind::Tuple(_)) => args,
            _ => self.new_tuple(vec![args]),
        };
        let o = Obj::new(cls.clone(), ObjKind::Plain);
        let d = self.new_dict_obj(crate::objects::dict::table::Dict::new());
        let _ = o.object().dict_or_init(|| d.clone());
        let k = self.intern("__origin__");
        crate::objects::dict::set_str(self, &d, k, origin);
        let params = self.alias_parameters(&args);
        let k = self.intern("__args__");
        crate::objects::dict::set_str(self, &d, k, args);
        let k = self.intern("__parameters__");
        crate::objects::dict::set_str(self, &d, k, params);
        let k = self.intern("__unpacked__");
        crate::objects::dict::set_str(self, &d, k, Value::Bool(false));
        let k = self.intern("__typing_unpacked_tuple_args__");
        crate::objects::dict::set_str(self, &d, k, Value::None);
        Value::Obj(o)
    }

    /// `__parameters__`: the type variables among the arguments (anything
    /// with `__typing_subst__`) and those of arguments that are aliases
    /// themselves, each once, in order.
    fn alias_parameters(&mut self, args: &Value) -> Value {
        let mut params: Vec<Value> = Vec::new();
        let subst = self.intern("__typing_subst__");
        let nested = self.intern("__parameters__");
        for arg in crate::eval::tuple_items(args) {
            let cls = self.class_of(&arg).clone();
            let found = if cls.type_data().is_some()
                && !matches!(arg.kind(), Some(ObjKind::Type(_)))
                && self.lookup_type_obj(&cls, &subst).is_some()
            {
                vec![arg.clone()]
            } else if matches!(arg.kind(), Some(ObjKind::Type(_))) {
                Vec::new()
            } else {
                match self.getattr(&arg, &nested) {
                    Ok(p) if matches!(p.kind(), Some(ObjKind::Tuple(_))) => {
                        crate::eval::tuple_items(&p).to_vec()
                    }
                    _ => Vec::new(),
                }
            };
            for p in found {
                if !params.iter().any(|q| q.is(&p)) {
                    params.push(p);
                }
            }
        }
        self.new_tuple(params)
    }
}
