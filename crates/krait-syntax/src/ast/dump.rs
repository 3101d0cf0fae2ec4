//! Prints a tree in the exact text form of CPython's
//! `ast.dump(tree, include_attributes=True)`: every field as `name=value`,
//! optional fields left out when absent, then the location attributes.

use super::nodes::*;
use krait_values::float::float_repr;
use krait_values::text::{write_bytes_repr, write_str_repr};

pub fn dump_module(m: &Mod) -> String {
    let mut out = String::with_capacity(4096);
    m.dump(&mut out);
    out
}

trait Dump {
    fn dump(&self, out: &mut String);
}

/// Writes one node: `Name(field=value, ..., lineno=.., ...)`.
struct NodeWriter<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> NodeWriter<'a> {
    fn new(out: &'a mut String, name: &str) -> Self {
        out.push_str(name);
        out.push('(');
        NodeWriter { out, first: true }
    }

    fn key(&mut self, name: &str) -> &mut String {
        if !self.first {
            self.out.push_str(", ");
        }
        self.first = false;
        self.out.push_str(name);
        self.out.push('=');
        self.out
    }

    fn field(&mut self, name: &str, value: &dyn Dump) -> &mut Self {
        value.dump(self.key(name));
        self
    }

    fn opt(&mut self, name: &str, value: Option<&dyn Dump>) -> &mut Self {
        if let Some(v) = value {
            self.field(name, v);
        }
        self
    }

    fn ident(&mut self, name: &str, value: &str) -> &mut Self {
        let out = self.key(name);
        write_str_repr(out, value.chars().map(|c| c as u32));
        self
    }

    fn opt_ident(&mut self, name: &str, value: &Option<Ident>) -> &mut Self {
        if let Some(v) = value {
            self.ident(name, v);
        }
        self
    }

    fn int(&mut self, name: &str, value: i64) -> &mut Self {
        let s = value.to_string();
        self.key(name).push_str(&s);
        self
    }

    fn loc(&mut self, loc: &Loc) {
        self.int("lineno", loc.lineno as i64)
            .int("col_offset", loc.col_offset as i64)
            .int("end_lineno", loc.end_lineno as i64)
            .int("end_col_offset", loc.end_col_offset as i64);
        self.finish();
    }

    fn finish(&mut self) {
        self.out.push(')');
    }
}

impl<T: Dump> Dump for Vec<T> {
    fn dump(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            item.dump(out);
        }
        out.push(']');
    }
}

/// Inside a list (`Dict.keys`, `arguments.kw_defaults`) a missing item prints as `None`.
impl<T: Dump> Dump for Option<T> {
    fn dump(&self, out: &mut String) {
        match self {
            Some(v) => v.dump(out),
            None => out.push_str("None"),
        }
    }
}

impl<T: Dump> Dump for Box<T> {
    fn dump(&self, out: &mut String) {
        (**self).dump(out)
    }
}

impl Dump for Ident {
    fn dump(&self, out: &mut String) {
        write_str_repr(out, self.chars().map(|c| c as u32));
    }
}

fn opt_box<T: Dump>(v: &Option<Box<T>>) -> Option<&dyn Dump> {
    v.as_ref().map(|b| &**b as &dyn Dump)
}

impl Dump for Mod {
    fn dump(&self, out: &mut String) {
        match self {
            Mod::Module { body, type_ignores } => NodeWriter::new(out, "Module")
                .field("body", body)
                .field("type_ignores", type_ignores)
                .finish(),
            Mod::Interactive { body } => NodeWriter::new(out, "Interactive")
                .field("body", body)
                .finish(),
            Mod::Expression { body } => NodeWriter::new(out, "Expression")
                .field("body", body)
                .finish(),
        }
    }
}

impl Dump for TypeIgnore {
    fn dump(&self, out: &mut String) {
        NodeWriter::new(out, "TypeIgnore")
            .int("lineno", self.lineno as i64)
            .ident("tag", &self.tag)
            .finish();
    }
}

fn dump_function(out: &mut String, name: &str, f: &FunctionDef, loc: &Loc) {
    NodeWriter::new(out, name)
        .ident("name", &f.name)
        .field("args", &f.args)
        .field("body", &f.body)
        .field("decorator_list", &f.decorator_list)
        .opt("returns", opt_box(&f.returns))
        .opt_ident("type_comment", &f.type_comment)
        .loc(loc);
}

fn dump_for(out: &mut String, name: &str, f: &ForLoop, loc: &Loc) {
    NodeWriter::new(out, name)
        .field("target", &f.target)
        .field("iter", &f.iter)
        .field("body", &f.body)
        .field("orelse", &f.orelse)
        .opt_ident("type_comment", &f.type_comment)
        .loc(loc);
}

fn dump_with(out: &mut String, name: &str, w: &WithBlock, loc: &Loc) {
    NodeWriter::new(out, name)
        .field("items", &w.items)
        .field("body", &w.body)
        .opt_ident("type_comment", &w.type_comment)
        .loc(loc);
}

fn dump_try(out: &mut String, name: &str, t: &TryBlock, loc: &Loc) {
    NodeWriter::new(out, name)
        .field("body", &t.body)
        .field("handlers", &t.handlers)
        .field("orelse", &t.orelse)
        .field("finalbody", &t.finalbody)
        .loc(loc);
}

impl Dump for Stmt {
    fn dump(&self, out: &mut String) {
        let loc = &self.loc;
        match &self.kind {
            StmtKind::FunctionDef(f) => dump_function(out, "FunctionDef", f, loc),
            StmtKind::AsyncFunctionDef(f) => dump_function(out, "AsyncFunctionDef", f, loc),
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => NodeWriter::new(out, "ClassDef")
                .ident("name", name)
                .field("bases", bases)
                .field("keywords", keywords)
                .field("body", body)
                .field("decorator_list", decorator_list)
                .loc(loc),
            StmtKind::Return { value } => NodeWriter::new(out, "Return")
                .opt("value", opt_box(value))
                .loc(loc),
            StmtKind::Delete { targets } => NodeWriter::new(out, "Delete")
                .field("targets", targets)
                .loc(loc),
            StmtKind::Assign {
                targets,
                value,
                type_comment,
            } => NodeWriter::new(out, "Assign")
                .field("targets", targets)
                .field("value", value)
                .opt_ident("type_comment", type_comment)
                .loc(loc),
            StmtKind::AugAssign { target, op, value } => NodeWriter::new(out, "AugAssign")
                .field("target", target)
                .field("op", op)
                .field("value", value)
                .loc(loc),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => NodeWriter::new(out, "AnnAssign")
                .field("target", target)
                .field("annotation", annotation)
                .opt("value", opt_box(value))
                .int("simple", *simple as i64)
                .loc(loc),
            StmtKind::For(f) => dump_for(out, "For", f, loc),
            StmtKind::AsyncFor(f) => dump_for(out, "AsyncFor", f, loc),
            StmtKind::While { test, body, orelse } => NodeWriter::new(out, "While")
                .field("test", test)
                .field("body", body)
                .field("orelse", orelse)
                .loc(loc),
            StmtKind::If { test, body, orelse } => NodeWriter::new(out, "If")
                .field("test", test)
                .field("body", body)
                .field("orelse", orelse)
                .loc(loc),
            StmtKind::With(w) => dump_with(out, "With", w, loc),
            StmtKind::AsyncWith(w) => dump_with(out, "AsyncWith", w, loc),
            StmtKind::Match { subject, cases } => NodeWriter::new(out, "Match")
                .field("subject", subject)
                .field("cases", cases)
                .loc(loc),
            StmtKind::Raise { exc, cause } => NodeWriter::new(out, "Raise")
                .opt("exc", opt_box(exc))
                .opt("cause", opt_box(cause))
                .loc(loc),
            StmtKind::Try(t) => dump_try(out, "Try", t, loc),
            StmtKind::TryStar(t) => dump_try(out, "TryStar", t, loc),
            StmtKind::Assert { test, msg } => NodeWriter::new(out, "Assert")
                .field("test", test)
                .opt("msg", opt_box(msg))
                .loc(loc),
            StmtKind::Import { names } => NodeWriter::new(out, "Import")
                .field("names", names)
                .loc(loc),
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => NodeWriter::new(out, "ImportFrom")
                .opt_ident("module", module)
                .field("names", names)
                .int("level", *level as i64)
                .loc(loc),
            StmtKind::Global { names } => NodeWriter::new(out, "Global")
                .field("names", names)
                .loc(loc),
            StmtKind::Nonlocal { names } => NodeWriter::new(out, "Nonlocal")
                .field("names", names)
                .loc(loc),
            StmtKind::Expr { value } => NodeWriter::new(out, "Expr").field("value", value).loc(loc),
            StmtKind::Pass => NodeWriter::new(out, "Pass").loc(loc),
            StmtKind::Break => NodeWriter::new(out, "Break").loc(loc),
            StmtKind::Continue => NodeWriter::new(out, "Continue").loc(loc),
        }
    }
}

fn dump_comp(out: &mut String, name: &str, elt: &Expr, gens: &Vec<Comprehension>, loc: &Loc) {
    NodeWriter::new(out, name)
        .field("elt", elt)
        .field("generators", gens)
        .loc(loc);
}

impl Dump for Expr {
    fn dump(&self, out: &mut String) {
        let loc = &self.loc;
        match &self.kind {
            ExprKind::BoolOp { op, values } => NodeWriter::new(out, "BoolOp")
                .field("op", op)
                .field("values", values)
                .loc(loc),
            ExprKind::NamedExpr { target, value } => NodeWriter::new(out, "NamedExpr")
                .field("target", target)
                .field("value", value)
                .loc(loc),
            ExprKind::BinOp { left, op, right } => NodeWriter::new(out, "BinOp")
                .field("left", left)
                .field("op", op)
                .field("right", right)
                .loc(loc),
            ExprKind::UnaryOp { op, operand } => NodeWriter::new(out, "UnaryOp")
                .field("op", op)
                .field("operand", operand)
                .loc(loc),
            ExprKind::Lambda { args, body } => NodeWriter::new(out, "Lambda")
                .field("args", args)
                .field("body", body)
                .loc(loc),
            ExprKind::IfExp { test, body, orelse } => NodeWriter::new(out, "IfExp")
                .field("test", test)
                .field("body", body)
                .field("orelse", orelse)
                .loc(loc),
            ExprKind::Dict { keys, values } => NodeWriter::new(out, "Dict")
                .field("keys", keys)
                .field("values", values)
                .loc(loc),
            ExprKind::Set { elts } => NodeWriter::new(out, "Set").field("elts", elts).loc(loc),
            ExprKind::ListComp { elt, generators } => {
                dump_comp(out, "ListComp", elt, generators, loc)
            }
            ExprKind::SetComp { elt, generators } => {
                dump_comp(out, "SetComp", elt, generators, loc)
            }
            ExprKind::GeneratorExp { elt, generators } => {
                dump_comp(out, "GeneratorExp", elt, generators, loc)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => NodeWriter::new(out, "DictComp")
                .field("key", key)
                .field("value", value)
                .field("generators", generators)
                .loc(loc),
            ExprKind::Await { value } => {
                NodeWriter::new(out, "Await").field("value", value).loc(loc)
            }
            ExprKind::Yield { value } => NodeWriter::new(out, "Yield")
                .opt("value", opt_box(value))
                .loc(loc),
            ExprKind::YieldFrom { value } => NodeWriter::new(out, "YieldFrom")
                .field("value", value)
                .loc(loc),
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => NodeWriter::new(out, "Compare")
                .field("left", left)
                .field("ops", ops)
                .field("comparators", comparators)
                .loc(loc),
            ExprKind::Call {
                func,
                args,
                keywords,
            } => NodeWriter::new(out, "Call")
                .field("func", func)
                .field("args", args)
                .field("keywords", keywords)
                .loc(loc),
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => NodeWriter::new(out, "FormattedValue")
                .field("value", value)
                .int("conversion", *conversion as i64)
                .opt("format_spec", opt_box(format_spec))
                .loc(loc),
            ExprKind::JoinedStr { values } => NodeWriter::new(out, "JoinedStr")
                .field("values", values)
                .loc(loc),
            ExprKind::Constant { value, kind } => NodeWriter::new(out, "Constant")
                .field("value", value)
                .opt_ident("kind", kind)
                .loc(loc),
            ExprKind::Attribute { value, attr, ctx } => NodeWriter::new(out, "Attribute")
                .field("value", value)
                .ident("attr", attr)
                .field("ctx", ctx)
                .loc(loc),
            ExprKind::Subscript { value, slice, ctx } => NodeWriter::new(out, "Subscript")
                .field("value", value)
                .field("slice", slice)
                .field("ctx", ctx)
                .loc(loc),
            ExprKind::Starred { value, ctx } => NodeWriter::new(out, "Starred")
                .field("value", value)
                .field("ctx", ctx)
                .loc(loc),
            ExprKind::Name { id, ctx } => NodeWriter::new(out, "Name")
                .ident("id", id)
                .field("ctx", ctx)
                .loc(loc),
            ExprKind::List { elts, ctx } => NodeWriter::new(out, "List")
                .field("elts", elts)
                .field("ctx", ctx)
                .loc(loc),
            ExprKind::Tuple { elts, ctx } => NodeWriter::new(out, "Tuple")
                .field("elts", elts)
                .field("ctx", ctx)
                .loc(loc),
            ExprKind::Slice { lower, upper, step } => NodeWriter::new(out, "Slice")
                .opt("lower", opt_box(lower))
                .opt("upper", opt_box(upper))
                .opt("step", opt_box(step))
                .loc(loc),
        }
    }
}

/// Writes Python's `repr()` of a constant.
pub fn write_constant_repr(out: &mut String, c: &Constant) {
    c.dump(out)
}

impl Dump for Constant {
    fn dump(&self, out: &mut String) {
        match self {
            Constant::None => out.push_str("None"),
            Constant::Bool(true) => out.push_str("True"),
            Constant::Bool(false) => out.push_str("False"),
            Constant::Ellipsis => out.push_str("Ellipsis"),
            Constant::Int(i) => out.push_str(&i.to_string()),
            Constant::Float(f) => out.push_str(&float_repr(*f, true)),
            Constant::Complex(imag) => {
                out.push_str(&float_repr(*imag, false));
                out.push('j');
            }
            Constant::Str(s) => write_str_repr(out, s.code_points()),
            Constant::Bytes(b) => write_bytes_repr(out, b),
        }
    }
}

macro_rules! dump_unit_enum {
    ($ty:ty { $($variant:ident),* }) => {
        impl Dump for $ty {
            fn dump(&self, out: &mut String) {
                out.push_str(match self { $(<$ty>::$variant => concat!(stringify!($variant), "()")),* });
            }
        }
    };
}

dump_unit_enum!(ExprContext { Load, Store, Del });
dump_unit_enum!(BoolOp { And, Or });
dump_unit_enum!(Operator {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv
});
dump_unit_enum!(UnaryOp {
    Invert,
    Not,
    UAdd,
    USub
});
dump_unit_enum!(CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn
});

impl Dump for Comprehension {
    fn dump(&self, out: &mut String) {
        NodeWriter::new(out, "comprehension")
            .field("target", &self.target)
            .field("iter", &self.iter)
            .field("ifs", &self.ifs)
            .int("is_async", self.is_async as i64)
            .finish();
    }
}

impl Dump for ExceptHandler {
    fn dump(&self, out: &mut String) {
        NodeWriter::new(out, "ExceptHandler")
            .opt("type", opt_box(&self.type_))
            .opt_ident("name", &self.name)
            .field("body", &self.body)
            .loc(&self.loc);
    }
}

impl Dump for Arguments {
    fn dump(&self, out: &mut String) {
        NodeWriter::new(out, "arguments")
            .field("posonlyargs", &self.posonlyargs)
            .field("args", &self.args)
            .opt("vararg", self.vararg.as_ref().map(|a| a as &dyn Dump))
            .field("kwonlyargs", &self.kwonlyargs)
            .field("kw_defaults", &self.kw_defaults)
            .opt("kwarg", self.kwarg.as_ref().map(|a| a as &dyn Dump))
            .field("defaults", &self.defaults)
            .finish();
    }
}

impl Dump for Arg {
    fn dump(&self, out: &mut String) {
        NodeWriter::new(out, "arg")
            .ident("arg", &self.arg)
            .opt("annotation", opt_box(&self.annotation))
            .opt_ident("type_comment", &self.type_comment)
            .loc(&self.loc);
    }
}

impl Dump for Keyword {
    fn dump(&self, out: &mut String) {
        NodeWriter::new(out, "keyword")
            .opt_ident("arg", &self.arg)
            .field("value", &self.value)
            .loc(&self.loc);
    }
}

impl Dump for Alias {
    fn dump(&self, out: &mut String) {
        NodeWriter::new(out, "alias")
            .ident("name", &self.name)
            .opt_ident("asname", &self.asname)
            .loc(&self.loc);
    }
}

impl Dump for WithItem {
    fn dump(&self, out: &mut String) {
        NodeWriter::new(out, "withitem")
            .field("context_expr", &self.context_expr)
            .opt("optional_vars", opt_box(&self.optional_vars))
            .finish();
    }
}

impl Dump for MatchCase {
    fn dump(&self, out: &mut String) {
        NodeWriter::new(out, "match_case")
            .field("pattern", &self.pattern)
            .opt("guard", opt_box(&self.guard))
            .field("body", &self.body)
            .finish();
    }
}

impl Dump for Pattern {
    fn dump(&self, out: &mut String) {
        let loc = &self.loc;
        match &self.kind {
            PatternKind::MatchValue { value } => NodeWriter::new(out, "MatchValue")
                .field("value", value)
                .loc(loc),
            PatternKind::MatchSingleton { value } => NodeWriter::new(out, "MatchSingleton")
                .field("value", value)
                .loc(loc),
            PatternKind::MatchSequence { patterns } => NodeWriter::new(out, "MatchSequence")
                .field("patterns", patterns)
                .loc(loc),
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => NodeWriter::new(out, "MatchMapping")
                .field("keys", keys)
                .field("patterns", patterns)
                .opt_ident("rest", rest)
                .loc(loc),
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => NodeWriter::new(out, "MatchClass")
                .field("cls", cls)
                .field("patterns", patterns)
                .field("kwd_attrs", kwd_attrs)
                .field("kwd_patterns", kwd_patterns)
                .loc(loc),
            PatternKind::MatchStar { name } => NodeWriter::new(out, "MatchStar")
                .opt_ident("name", name)
                .loc(loc),
            PatternKind::MatchAs { pattern, name } => NodeWriter::new(out, "MatchAs")
                .opt("pattern", opt_box(pattern))
                .opt_ident("name", name)
                .loc(loc),
            PatternKind::MatchOr { patterns } => NodeWriter::new(out, "MatchOr")
                .field("patterns", patterns)
                .loc(loc),
        }
    }
}
