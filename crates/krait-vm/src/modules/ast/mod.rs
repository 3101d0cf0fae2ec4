//! `_ast`: the node classes of the `ast` module, trees of them built from
//! Krait's own parser (`compile(source, ..., PyCF_ONLY_AST)`, which
//! `ast.parse` calls), and such trees compiled back into code
//! (`compile(tree, ...)`).

mod from_python;
mod schema;
mod to_python;
mod validate;

use crate::api::{FunctionDef as F, ModuleDef, NativeType, Slots, TypeDef};
use crate::object::ObjKind;
use crate::objects::function::Args;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_syntax::ast::{CmpOp, Loc, Mod, Operator, UnaryOp};
use schema::{Family, Positions, Quantity, FAMILIES, POSITION_NAMES};
use std::collections::HashMap;
use std::rc::Rc;

/// `compile()`'s flag for "return the tree, not code".
pub(crate) const PYCF_ONLY_AST: i64 = 0x400;
const PYCF_TYPE_COMMENTS: i64 = 0x1000;
const PYCF_ALLOW_TOP_LEVEL_AWAIT: i64 = 0x2000;

/// How deep a tree may nest before converting it raises RecursionError,
/// as deep as the compiler accepts.
const MAX_DEPTH: usize = krait_syntax::checks::MAX_TREE_DEPTH;

pub const MODULE: ModuleDef = ModuleDef {
    name: "_ast",
    doc: None,
    functions: &[],
    init: Some(init),
};

pub(crate) const OPERATORS: &[(&str, Operator)] = &[
    ("Add", Operator::Add),
    ("Sub", Operator::Sub),
    ("Mult", Operator::Mult),
    ("MatMult", Operator::MatMult),
    ("Div", Operator::Div),
    ("Mod", Operator::Mod),
    ("Pow", Operator::Pow),
    ("LShift", Operator::LShift),
    ("RShift", Operator::RShift),
    ("BitOr", Operator::BitOr),
    ("BitXor", Operator::BitXor),
    ("BitAnd", Operator::BitAnd),
    ("FloorDiv", Operator::FloorDiv),
];

pub(crate) const UNARY_OPS: &[(&str, UnaryOp)] = &[
    ("Invert", UnaryOp::Invert),
    ("Not", UnaryOp::Not),
    ("UAdd", UnaryOp::UAdd),
    ("USub", UnaryOp::USub),
];

pub(crate) const CMP_OPS: &[(&str, CmpOp)] = &[
    ("Eq", CmpOp::Eq),
    ("NotEq", CmpOp::NotEq),
    ("Lt", CmpOp::Lt),
    ("LtE", CmpOp::LtE),
    ("Gt", CmpOp::Gt),
    ("GtE", CmpOp::GtE),
    ("Is", CmpOp::Is),
    ("IsNot", CmpOp::IsNot),
    ("In", CmpOp::In),
    ("NotIn", CmpOp::NotIn),
];

/// A constructor's class and what making one needs.
struct NodeClass {
    cls: Obj,
    /// The field names, interned, in order.
    fields: Vec<Obj>,
    /// The shared instance of a field-less class without positions.
    singleton: Option<Value>,
}

/// The node classes `_ast` made, for building and reading trees.
pub(crate) struct AstClasses {
    /// `ast.AST`.
    base: Obj,
    by_name: HashMap<&'static str, NodeClass>,
    /// Each constructor's name by its class's address.
    by_class: HashMap<usize, &'static str>,
    /// Each family's constructors, in the table's order.
    families: HashMap<&'static str, Vec<(&'static str, Obj)>>,
    positions: [Obj; 4],
}

impl AstClasses {
    /// A new node of the constructor `name`, its fields set in order and
    /// its location attributes from `loc`.
    fn instance(&self, vm: &mut Vm, name: &str, values: Vec<Value>, loc: Option<&Loc>) -> Value {
        let class = &self.by_name[name];
        let node = Obj::new(class.cls.clone(), ObjKind::Plain);
        let dict = vm.new_dict_obj(Default::default());
        for (key, value) in class.fields.iter().zip(values) {
            crate::objects::dict::set_str(vm, &dict, key.clone(), value);
        }
        if let Some(loc) = loc {
            let numbers = [
                loc.lineno,
                loc.col_offset,
                loc.end_lineno,
                loc.end_col_offset,
            ];
            for (key, n) in self.positions.iter().zip(numbers) {
                crate::objects::dict::set_str(vm, &dict, key.clone(), Value::Int(n as i64));
            }
        }
        node.object().dict_or_init(|| dict);
        Value::Obj(node)
    }

    fn singleton(&self, name: &str) -> Value {
        self.by_name[name]
            .singleton
            .clone()
            .expect("operator and context classes have a shared instance")
    }

    /// The constructor whose class is exactly `cls`.
    fn ctor_of_class(&self, cls: &Obj) -> Option<&'static str> {
        self.by_class.get(&cls.addr()).copied()
    }

    fn ctors(&self, family: &str) -> Vec<(&'static str, Obj)> {
        self.families.get(family).cloned().unwrap_or_default()
    }
}

struct AstType;

impl NativeType for AstType {
    const SLOTS: &'static Slots = &Slots::NONE;
}

const AST_METHODS: &[F] = &[
    F::method("__init__", ast_init),
    F::method("__reduce__", ast_reduce).no_args(),
];

/// `AST.__init__(*args, **kwargs)`: positional arguments fill `_fields`
/// in order, keywords set attributes of any name.
fn ast_init(vm: &mut Vm, a: Args) -> PyResult {
    let this = a.pos[0].clone();
    let cls = Value::Obj(vm.class_of(&this).clone());
    let fields = vm.getattr_str(&cls, "_fields")?;
    let names = crate::api::tuple_items(&fields)
        .or_else(|| crate::api::list_items(&fields))
        .unwrap_or_default();
    let given = a.pos.len() - 1;
    if given > names.len() {
        let n = names.len();
        let cls_name = vm.class_of(&this).type_name();
        let s = if n == 1 { "" } else { "s" };
        return Err(vm.type_error(format!(
            "{cls_name} constructor takes at most {n} positional argument{s}"
        )));
    }
    for (name, value) in names.iter().zip(a.pos.iter().skip(1)) {
        let Some(name) = name
            .as_obj()
            .filter(|n| matches!(n.kind(), ObjKind::Str(_)))
        else {
            return Err(vm.type_error("attribute name must be string"));
        };
        vm.setattr(&this, name, value.clone())?;
    }
    for (name, value) in a.kw {
        vm.setattr(&this, &name, value)?;
    }
    Ok(Value::None)
}

/// `AST.__reduce__()`: the class, no arguments, and the attribute dict.
fn ast_reduce(vm: &mut Vm, a: Args) -> PyResult {
    let this = &a.pos[0];
    let cls = Value::Obj(vm.class_of(this).clone());
    let empty = vm.new_tuple(vec![]);
    let mut parts = vec![cls, empty];
    if let Value::Obj(o) = this {
        let dict = o
            .object()
            .dict_or_init(|| vm.new_dict_obj(Default::default()))
            .clone();
        parts.push(Value::Obj(dict));
    }
    Ok(vm.new_tuple(parts))
}

fn str_tuple(vm: &mut Vm, names: impl IntoIterator<Item = &'static str>) -> Value {
    let items = names
        .into_iter()
        .map(|n| Value::Obj(vm.intern(n)))
        .collect();
    vm.new_tuple(items)
}

/// Makes `class name(base)` in module `ast` with the namespace `attrs`.
fn make_class(vm: &mut Vm, name: &str, base: &Obj, attrs: Vec<(&str, Value)>) -> PyResult<Obj> {
    let ns = vm.new_dict_obj(Default::default());
    let module = Value::Obj(vm.intern("ast"));
    let key = vm.intern("__module__");
    crate::objects::dict::set_str(vm, &ns, key, module);
    for (key, value) in attrs {
        let key = vm.intern(key);
        crate::objects::dict::set_str(vm, &ns, key, value);
    }
    let type_ = vm.types.type_.clone();
    let args = Args::new([
        vm.new_str(name),
        vm.new_tuple(vec![Value::Obj(base.clone())]),
        Value::Obj(ns),
    ]);
    let cls = vm.call_type(&type_, args)?;
    Ok(cls.as_obj().expect("type() makes a class").clone())
}

/// The attributes of a constructor's class: `_fields`, `__match_args__`,
/// the docstring, and `None` for each optional field.
fn ctor_attrs(vm: &mut Vm, ctor: &'static schema::Ctor, doc: String) -> Vec<(&'static str, Value)> {
    let names: Vec<&'static str> = ctor
        .fields
        .iter()
        .map(|f| schema::split_field(f).2)
        .collect();
    let mut attrs = vec![
        ("_fields", str_tuple(vm, names.iter().copied())),
        ("__match_args__", str_tuple(vm, names.iter().copied())),
        ("__doc__", vm.new_string(doc)),
    ];
    for field in ctor.fields {
        let (_, quantity, name) = schema::split_field(field);
        if quantity == Quantity::Optional {
            attrs.push((name, Value::None));
        }
    }
    attrs
}

/// `_attributes` and the defaults of the optional end positions.
fn position_attrs(vm: &mut Vm, family: &Family) -> Vec<(&'static str, Value)> {
    match family.positions {
        Positions::None => vec![("_attributes", vm.new_tuple(vec![]))],
        Positions::Required => vec![("_attributes", str_tuple(vm, POSITION_NAMES))],
        Positions::OptionalEnd => vec![
            ("_attributes", str_tuple(vm, POSITION_NAMES)),
            ("end_lineno", Value::None),
            ("end_col_offset", Value::None),
        ],
    }
}

fn init(vm: &mut Vm, module: &Obj) -> PyResult<()> {
    let base = vm.new_native_base_type::<AstType>(&TypeDef {
        name: "AST",
        module: "ast",
        doc: None,
        methods: AST_METHODS,
    });
    let empty = vm.new_tuple(vec![]);
    for key in ["_fields", "_attributes", "__match_args__"] {
        crate::api::add_attr(vm, &base, key, empty.clone());
    }
    crate::api::add_attr(vm, module, "AST", Value::Obj(base.clone()));

    let mut by_name = HashMap::new();
    let mut by_class = HashMap::new();
    let mut families = HashMap::new();
    for family in FAMILIES {
        let ctor_base = if family.product {
            base.clone()
        } else {
            let mut attrs = vec![
                ("_fields", vm.new_tuple(vec![])),
                ("__match_args__", vm.new_tuple(vec![])),
                ("__doc__", vm.new_string(schema::family_doc(family))),
            ];
            attrs.extend(position_attrs(vm, family));
            let cls = make_class(vm, family.name, &base, attrs)?;
            crate::api::add_attr(vm, module, family.name, Value::Obj(cls.clone()));
            cls
        };
        let mut members = Vec::new();
        for ctor in family.ctors {
            let mut attrs = ctor_attrs(vm, ctor, schema::ctor_doc(ctor));
            if family.product {
                attrs.extend(position_attrs(vm, family));
            }
            let cls = make_class(vm, ctor.name, &ctor_base, attrs)?;
            crate::api::add_attr(vm, module, ctor.name, Value::Obj(cls.clone()));
            let singleton = (ctor.fields.is_empty() && family.positions == Positions::None)
                .then(|| Value::Obj(Obj::new(cls.clone(), ObjKind::Plain)));
            let fields = ctor
                .fields
                .iter()
                .map(|f| vm.intern(schema::split_field(f).2))
                .collect();
            by_class.insert(cls.addr(), ctor.name);
            members.push((ctor.name, cls.clone()));
            by_name.insert(
                ctor.name,
                NodeClass {
                    cls,
                    fields,
                    singleton,
                },
            );
        }
        families.insert(family.name, members);
    }
    for (name, value) in [
        ("PyCF_ONLY_AST", PYCF_ONLY_AST),
        ("PyCF_TYPE_COMMENTS", PYCF_TYPE_COMMENTS),
        ("PyCF_ALLOW_TOP_LEVEL_AWAIT", PYCF_ALLOW_TOP_LEVEL_AWAIT),
    ] {
        crate::api::add_attr(vm, module, name, Value::Int(value));
    }
    let positions = POSITION_NAMES.map(|n| vm.intern(n));
    vm.ast_classes = Some(Rc::new(AstClasses {
        base,
        by_name,
        by_class,
        families,
        positions,
    }));
    Ok(())
}

impl Vm {
    fn ast_classes(&mut self) -> PyResult<Rc<AstClasses>> {
        if self.ast_classes.is_none() {
            self.import("_ast")?;
        }
        Ok(self
            .ast_classes
            .clone()
            .expect("importing _ast made its classes"))
    }

    /// A parsed module as a tree of `ast` nodes.
    pub(crate) fn ast_to_python(&mut self, m: &Mod) -> PyResult {
        let classes = self.ast_classes()?;
        to_python::module(self, &classes, m)
    }

    /// Whether `v` is an `ast.AST` node (`compile()` takes trees too).
    pub(crate) fn is_ast_node(&self, v: &Value) -> bool {
        self.ast_classes
            .as_ref()
            .is_some_and(|c| self.class_of(v).is_subtype(&c.base))
    }

    /// The tree `v` holds, checked as CPython checks a tree handed to
    /// `compile()`; `expected` is the root node the mode asks for.
    pub(crate) fn ast_from_python(&mut self, v: &Value, expected: &str) -> PyResult<Mod> {
        let classes = self.ast_classes()?;
        let tree = from_python::module(self, &classes, v, expected)?;
        match validate::module(&tree) {
            Ok(()) => Ok(tree),
            Err(validate::Invalid::Value(msg)) => Err(self.value_error(msg)),
            Err(validate::Invalid::Type(msg)) => Err(self.type_error(msg)),
        }
    }
}
