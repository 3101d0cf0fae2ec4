//! The node classes of Python 3.11's `ast` module: every family (`stmt`,
//! `expr`, ...), its constructors and their fields in order, written as
//! the grammar of the tree states them (`expr? value`: type, quantifier,
//! name). The classes `_ast` makes, their `_fields`, `__match_args__`,
//! `__doc__` and class-level defaults all come from this one table.

/// A family of node classes: an abstract base (`expr`) with one class per
/// constructor, or, for a product, a single class of the family's name
/// (`arguments`) whose one constructor is itself.
pub struct Family {
    pub name: &'static str,
    pub product: bool,
    pub positions: Positions,
    pub ctors: &'static [Ctor],
}

/// The location attributes a family's nodes carry.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Positions {
    None,
    /// `lineno`, `col_offset`, and optional `end_lineno`, `end_col_offset`.
    OptionalEnd,
    /// All four required (patterns).
    Required,
}

pub const POSITION_NAMES: [&str; 4] = ["lineno", "col_offset", "end_lineno", "end_col_offset"];

pub struct Ctor {
    pub name: &'static str,
    /// `"type name"`, `"type? name"` (optional) or `"type* name"` (a list).
    pub fields: &'static [&'static str],
}

/// How a field holds its value.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Quantity {
    One,
    Optional,
    List,
}

/// A field's parts: its type, quantity and name.
pub fn split_field(field: &'static str) -> (&'static str, Quantity, &'static str) {
    let (ty, name) = field.split_once(' ').unwrap_or((field, ""));
    match ty.as_bytes().last() {
        Some(b'?') => (&ty[..ty.len() - 1], Quantity::Optional, name),
        Some(b'*') => (&ty[..ty.len() - 1], Quantity::List, name),
        _ => (ty, Quantity::One, name),
    }
}

const fn c(name: &'static str, fields: &'static [&'static str]) -> Ctor {
    Ctor { name, fields }
}

const fn sum(name: &'static str, positions: Positions, ctors: &'static [Ctor]) -> Family {
    Family {
        name,
        product: false,
        positions,
        ctors,
    }
}

const fn product(positions: Positions, ctor: &'static [Ctor; 1]) -> Family {
    Family {
        name: ctor[0].name,
        product: true,
        positions,
        ctors: ctor,
    }
}

use Positions::{OptionalEnd, Required};

pub const FAMILIES: &[Family] = &[
    sum(
        "mod",
        Positions::None,
        &[
            c("Module", &["stmt* body", "type_ignore* type_ignores"]),
            c("Interactive", &["stmt* body"]),
            c("Expression", &["expr body"]),
            c("FunctionType", &["expr* argtypes", "expr returns"]),
        ],
    ),
    sum(
        "stmt",
        OptionalEnd,
        &[
            c(
                "FunctionDef",
                &[
                    "identifier name",
                    "arguments args",
                    "stmt* body",
                    "expr* decorator_list",
                    "expr? returns",
                    "string? type_comment",
                ],
            ),
            c(
                "AsyncFunctionDef",
                &[
                    "identifier name",
                    "arguments args",
                    "stmt* body",
                    "expr* decorator_list",
                    "expr? returns",
                    "string? type_comment",
                ],
            ),
            c(
                "ClassDef",
                &[
                    "identifier name",
                    "expr* bases",
                    "keyword* keywords",
                    "stmt* body",
                    "expr* decorator_list",
                ],
            ),
            c("Return", &["expr? value"]),
            c("Delete", &["expr* targets"]),
            c(
                "Assign",
                &["expr* targets", "expr value", "string? type_comment"],
            ),
            c("AugAssign", &["expr target", "operator op", "expr value"]),
            c(
                "AnnAssign",
                &[
                    "expr target",
                    "expr annotation",
                    "expr? value",
                    "int simple",
                ],
            ),
            c(
                "For",
                &[
                    "expr target",
                    "expr iter",
                    "stmt* body",
                    "stmt* orelse",
                    "string? type_comment",
                ],
            ),
            c(
                "AsyncFor",
                &[
                    "expr target",
                    "expr iter",
                    "stmt* body",
                    "stmt* orelse",
                    "string? type_comment",
                ],
            ),
            c("While", &["expr test", "stmt* body", "stmt* orelse"]),
            c("If", &["expr test", "stmt* body", "stmt* orelse"]),
            c(
                "With",
                &["withitem* items", "stmt* body", "string? type_comment"],
            ),
            c(
                "AsyncWith",
                &["withitem* items", "stmt* body", "string? type_comment"],
            ),
            c("Match", &["expr subject", "match_case* cases"]),
            c("Raise", &["expr? exc", "expr? cause"]),
            c(
                "Try",
                &[
                    "stmt* body",
                    "excepthandler* handlers",
                    "stmt* orelse",
                    "stmt* finalbody",
                ],
            ),
            c(
                "TryStar",
                &[
                    "stmt* body",
                    "excepthandler* handlers",
                    "stmt* orelse",
                    "stmt* finalbody",
                ],
            ),
            c("Assert", &["expr test", "expr? msg"]),
            c("Import", &["alias* names"]),
            c(
                "ImportFrom",
                &["identifier? module", "alias* names", "int? level"],
            ),
            c("Global", &["identifier* names"]),
            c("Nonlocal", &["identifier* names"]),
            c("Expr", &["expr value"]),
            c("Pass", &[]),
            c("Break", &[]),
            c("Continue", &[]),
        ],
    ),
    sum(
        "expr",
        OptionalEnd,
        &[
            c("BoolOp", &["boolop op", "expr* values"]),
            c("NamedExpr", &["expr target", "expr value"]),
            c("BinOp", &["expr left", "operator op", "expr right"]),
            c("UnaryOp", &["unaryop op", "expr operand"]),
            c("Lambda", &["arguments args", "expr body"]),
            c("IfExp", &["expr test", "expr body", "expr orelse"]),
            c("Dict", &["expr* keys", "expr* values"]),
            c("Set", &["expr* elts"]),
            c("ListComp", &["expr elt", "comprehension* generators"]),
            c("SetComp", &["expr elt", "comprehension* generators"]),
            c(
                "DictComp",
                &["expr key", "expr value", "comprehension* generators"],
            ),
            c("GeneratorExp", &["expr elt", "comprehension* generators"]),
            c("Await", &["expr value"]),
            c("Yield", &["expr? value"]),
            c("YieldFrom", &["expr value"]),
            c("Compare", &["expr left", "cmpop* ops", "expr* comparators"]),
            c("Call", &["expr func", "expr* args", "keyword* keywords"]),
            c(
                "FormattedValue",
                &["expr value", "int conversion", "expr? format_spec"],
            ),
            c("JoinedStr", &["expr* values"]),
            c("Constant", &["constant value", "string? kind"]),
            c(
                "Attribute",
                &["expr value", "identifier attr", "expr_context ctx"],
            ),
            c(
                "Subscript",
                &["expr value", "expr slice", "expr_context ctx"],
            ),
            c("Starred", &["expr value", "expr_context ctx"]),
            c("Name", &["identifier id", "expr_context ctx"]),
            c("List", &["expr* elts", "expr_context ctx"]),
            c("Tuple", &["expr* elts", "expr_context ctx"]),
            c("Slice", &["expr? lower", "expr? upper", "expr? step"]),
        ],
    ),
    sum(
        "expr_context",
        Positions::None,
        &[c("Load", &[]), c("Store", &[]), c("Del", &[])],
    ),
    sum("boolop", Positions::None, &[c("And", &[]), c("Or", &[])]),
    sum(
        "operator",
        Positions::None,
        &[
            c("Add", &[]),
            c("Sub", &[]),
            c("Mult", &[]),
            c("MatMult", &[]),
            c("Div", &[]),
            c("Mod", &[]),
            c("Pow", &[]),
            c("LShift", &[]),
            c("RShift", &[]),
            c("BitOr", &[]),
            c("BitXor", &[]),
            c("BitAnd", &[]),
            c("FloorDiv", &[]),
        ],
    ),
    sum(
        "unaryop",
        Positions::None,
        &[
            c("Invert", &[]),
            c("Not", &[]),
            c("UAdd", &[]),
            c("USub", &[]),
        ],
    ),
    sum(
        "cmpop",
        Positions::None,
        &[
            c("Eq", &[]),
            c("NotEq", &[]),
            c("Lt", &[]),
            c("LtE", &[]),
            c("Gt", &[]),
            c("GtE", &[]),
            c("Is", &[]),
            c("IsNot", &[]),
            c("In", &[]),
            c("NotIn", &[]),
        ],
    ),
    product(
        Positions::None,
        &[c(
            "comprehension",
            &["expr target", "expr iter", "expr* ifs", "int is_async"],
        )],
    ),
    sum(
        "excepthandler",
        OptionalEnd,
        &[c(
            "ExceptHandler",
            &["expr? type", "identifier? name", "stmt* body"],
        )],
    ),
    product(
        Positions::None,
        &[c(
            "arguments",
            &[
                "arg* posonlyargs",
                "arg* args",
                "arg? vararg",
                "arg* kwonlyargs",
                "expr* kw_defaults",
                "arg? kwarg",
                "expr* defaults",
            ],
        )],
    ),
    product(
        OptionalEnd,
        &[c(
            "arg",
            &["identifier arg", "expr? annotation", "string? type_comment"],
        )],
    ),
    product(
        OptionalEnd,
        &[c("keyword", &["identifier? arg", "expr value"])],
    ),
    product(
        OptionalEnd,
        &[c("alias", &["identifier name", "identifier? asname"])],
    ),
    product(
        Positions::None,
        &[c("withitem", &["expr context_expr", "expr? optional_vars"])],
    ),
    product(
        Positions::None,
        &[c(
            "match_case",
            &["pattern pattern", "expr? guard", "stmt* body"],
        )],
    ),
    sum(
        "pattern",
        Required,
        &[
            c("MatchValue", &["expr value"]),
            c("MatchSingleton", &["constant value"]),
            c("MatchSequence", &["pattern* patterns"]),
            c(
                "MatchMapping",
                &["expr* keys", "pattern* patterns", "identifier? rest"],
            ),
            c(
                "MatchClass",
                &[
                    "expr cls",
                    "pattern* patterns",
                    "identifier* kwd_attrs",
                    "pattern* kwd_patterns",
                ],
            ),
            c("MatchStar", &["identifier? name"]),
            c("MatchAs", &["pattern? pattern", "identifier? name"]),
            c("MatchOr", &["pattern* patterns"]),
        ],
    ),
    sum(
        "type_ignore",
        Positions::None,
        &[c("TypeIgnore", &["int lineno", "string tag"])],
    ),
];

/// The class's docstring, as `help()` shows it: the constructor's
/// signature, or for a family all its constructors.
pub fn ctor_doc(ctor: &Ctor) -> String {
    if ctor.fields.is_empty() {
        return ctor.name.to_string();
    }
    format!("{}({})", ctor.name, ctor.fields.join(", "))
}

pub fn family_doc(family: &Family) -> String {
    let simple = family.ctors.iter().all(|c| c.fields.is_empty());
    let sep = if simple {
        " | ".to_string()
    } else {
        format!("\n{}| ", " ".repeat(family.name.len() + 1))
    };
    let ctors: Vec<String> = family.ctors.iter().map(ctor_doc).collect();
    format!("{} = {}", family.name, ctors.join(&sep))
}
