//! `types.GenericAlias`: `list[int]`, `dict[str, int]`, with its repr,
//! equality, `__origin__`/`__args__`, and `__class_getitem__` of the
//! built-in containers.

use crate::api::{add_methods, FunctionDef};
use crate::object::ObjKind;
use crate::objects::function::Args;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    let ga = vm.types.generic_alias.clone();
    *ga.tdata().full_name.borrow_mut() = Some("types.GenericAlias".into());
    let m = vm.new_str("types");
    crate::bootstrap::set_attr_str(vm, &ga, "__module__", m);
    add_methods(vm, &ga, METHODS);
    let generic = [
        vm.types.list.clone(),
        vm.types.dict.clone(),
        vm.types.tuple.clone(),
        vm.types.set.clone(),
        vm.types.frozenset.clone(),
        vm.types.type_.clone(),
        vm.types.enumerate.clone(),
    ];
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
        let get = |vm: &mut Vm, k: &str| {
            let key = vm.intern(k);
            vm.getattr(&a.pos[0], &key)
        };
        let origin = get(vm, "__origin__")?;
        let args = get(vm, "__args__")?;
        let mut out = type_name_repr(vm, &origin)?;
        out.push('[');
        for (i, arg) in crate::eval::tuple_items(&args).iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&type_name_repr(vm, arg)?);
        }
        out.push(']');
        Ok(vm.new_string(out))
    }),
    FunctionDef::method("__call__", |vm, a| {
        let key = vm.intern("__origin__");
        let origin = vm.getattr(&a.pos[0], &key)?;
        vm.call_args(
            &origin,
            Args {
                pos: a.pos[1..].iter().cloned().collect(),
                kw: a.kw,
            },
        )
    }),
    FunctionDef::method("__mro_entries__", |vm, a| {
        let key = vm.intern("__origin__");
        let origin = vm.getattr(&a.pos[0], &key)?;
        Ok(vm.new_tuple(vec![origin]))
    })
    .one(),
    FunctionDef::binary("__eq__", |vm, a| {
        if !vm.class_of(&a.pos[1]).is_subtype(&vm.types.generic_alias) {
            return Ok(vm.not_implemented());
        }
        let (o, r) = (vm.intern("__origin__"), vm.intern("__args__"));
        let x = vec![vm.getattr(&a.pos[0], &o)?, vm.getattr(&a.pos[0], &r)?];
        let y = vec![vm.getattr(&a.pos[1], &o)?, vm.getattr(&a.pos[1], &r)?];
        let (x, y) = (vm.new_tuple(x), vm.new_tuple(y));
        Ok(Value::Bool(vm.eq(&x, &y)?))
    }),
];

/// How a type is named inside a generic alias: `int`, `mod.Class`.
fn type_name_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Obj(o) if o.type_data().is_some() => {
            let qual = o.tdata().qualname.borrow().clone();
            Ok(
                match crate::objects::typeobject::object::class_module(vm, o) {
                    Some(m) if m != "builtins" => format!("{m}.{qual}"),
                    _ => qual,
                },
            )
        }
        Value::Obj(o) if matches!(o.kind(), ObjKind::Ellipsis) => Ok("...".into()),
        _ => vm.repr_string(v),
    }
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
