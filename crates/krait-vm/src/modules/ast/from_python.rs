//! `ast` node objects back into Krait's syntax tree, for `compile(tree,
//! ...)`. Each node is read as CPython reads it: its location attributes
//! first, then which constructor's class it is an instance of, then its
//! fields by name, with CPython's errors for missing or mistyped values.
//! The rules of a well-formed tree are checked afterwards, by `validate`.

use super::{AstClasses, CMP_OPS, MAX_DEPTH, OPERATORS, UNARY_OPS};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_syntax::ast::*;

/// The tree `obj` holds, which must be a node of `expected` (`Module`,
/// `Expression` or `Interactive`, by the compile mode).
pub(crate) fn module(
    vm: &mut Vm,
    classes: &AstClasses,
    obj: &Value,
    expected: &str,
) -> PyResult<Mod> {
    let mut r = Reader {
        vm,
        classes,
        depth: 0,
    };
    let ctor = r.ctor_of(obj, "mod")?;
    if ctor != Some(expected) {
        let got = r.vm.type_name(obj);
        return Err(r
            .vm
            .type_error(format!("expected {expected} node, got {got}")));
    }
    Ok(match expected {
        "Module" => Mod::Module {
            body: r.stmts(obj, "body", "Module")?,
            type_ignores: r.list(obj, "type_ignores", "Module", |r, t| {
                r.ctor_of(t, "type_ignore")?;
                Ok(TypeIgnore {
                    lineno: r.int(t, "lineno", "TypeIgnore")? as u32,
                    tag: r.string(t, "tag", "TypeIgnore")?,
                })
            })?,
        },
        "Interactive" => Mod::Interactive {
            body: r.stmts(obj, "body", "Interactive")?,
        },
        _ => Mod::Expression {
            body: Box::new(r.expr_field(obj, "body", "Expression")?),
        },
    })
}

struct Reader<'a> {
    vm: &'a mut Vm,
    classes: &'a AstClasses,
    depth: usize,
}

impl Reader<'_> {
    // ---- fields -------------------------------------------------------------

    /// The attribute `name` of `obj`, or `None` when it has none.
    fn attr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let key = self.vm.intern(name);
        match self.vm.getattr(obj, &key) {
            Ok(v) => Ok(Some(v)),
            Err(e) => {
                let attribute_error = self.vm.exc.attribute_error.clone();
                if self
                    .vm
                    .is_instance_of(&Value::Obj(e.clone()), &attribute_error)
                {
                    Ok(None)
                } else {
                    Err(e)
                }
            }
        }
    }

    fn required(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<Value> {
        match self.attr(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self
                .vm
                .type_error(format!("required field \"{name}\" missing from {owner}"))),
        }
    }

    /// An optional field: `None` when missing or `None`.
    fn optional(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(self.attr(obj, name)?.filter(|v| !v.is_none()))
    }

    /// A required field that holds a node: `None` there is a ValueError.
    fn node_field(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<Value> {
        let v = self.required(obj, name, owner)?;
        if v.is_none() {
            return Err(self
                .vm
                .value_error(format!("field '{name}' is required for {owner}")));
        }
        Ok(v)
    }

    fn list<T>(
        &mut self,
        obj: &Value,
        name: &str,
        owner: &str,
        mut each: impl FnMut(&mut Self, &Value) -> PyResult<T>,
    ) -> PyResult<Vec<T>> {
        let v = self.required(obj, name, owner)?;
        let Some(items) = crate::api::list_items(&v) else {
            let got = self.vm.type_name(&v);
            return Err(self.vm.type_error(format!(
                "{owner} field \"{name}\" must be a list, not a {got}"
            )));
        };
        items.iter().map(|item| each(self, item)).collect()
    }

    fn int(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<i64> {
        let v = self.required(obj, name, owner)?;
        self.int_value(&v)
    }

    fn int_value(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Truth(b) => Ok(*b as i64),
            _ => {
                let r = self.vm.repr(v)?;
                let r = crate::api::str_value(&r).unwrap_or_default();
                Err(self.vm.value_error(format!("invalid integer value: {r}")))
            }
        }
    }

    fn identifier_value(&mut self, v: &Value) -> PyResult<String> {
        match crate::api::str_value(v) {
            Some(s) if self.vm.is_instance_of(v, &self.vm.types.str_.clone()) => Ok(s),
            _ => Err(self.vm.type_error("AST identifier must be of type str")),
        }
    }

    fn identifier(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<String> {
        let v = self.node_field(obj, name, owner)?;
        self.identifier_value(&v)
    }

    fn opt_identifier(&mut self, obj: &Value, name: &str) -> PyResult<Option<String>> {
        match self.optional(obj, name)? {
            Some(v) => Ok(Some(self.identifier_value(&v)?)),
            None => Ok(None),
        }
    }

    fn string(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<String> {
        let v = self.node_field(obj, name, owner)?;
        self.string_value(&v)
    }

    fn string_value(&mut self, v: &Value) -> PyResult<String> {
        match crate::api::str_value(v) {
            Some(s) => Ok(s),
            None => Err(self.vm.type_error("AST string must be of type str")),
        }
    }

    fn opt_string(&mut self, obj: &Value, name: &str) -> PyResult<Option<String>> {
        match self.optional(obj, name)? {
            Some(v) => Ok(Some(self.string_value(&v)?)),
            None => Ok(None),
        }
    }

    /// The location attributes of a node of `family`.
    fn loc(&mut self, obj: &Value, family: &str) -> PyResult<Loc> {
        let lineno = self.int(obj, "lineno", family)?;
        let col_offset = self.int(obj, "col_offset", family)?;
        let end_lineno = match self.optional(obj, "end_lineno")? {
            Some(v) => self.int_value(&v)?,
            None => lineno,
        };
        let end_col_offset = match self.optional(obj, "end_col_offset")? {
            Some(v) => self.int_value(&v)?,
            None => col_offset,
        };
        Ok(Loc {
            lineno: lineno.clamp(0, u32::MAX as i64) as u32,
            col_offset: col_offset.clamp(0, u32::MAX as i64) as u32,
            end_lineno: end_lineno.clamp(0, u32::MAX as i64) as u32,
            end_col_offset: end_col_offset.clamp(0, u32::MAX as i64) as u32,
        })
    }

    /// Which constructor of `family` `obj` is an instance of, if any.
    fn ctor_of(&mut self, obj: &Value, family: &str) -> PyResult<Option<&'static str>> {
        let cls = self.vm.class_of(obj).clone();
        if let Some(name) = self.classes.ctor_of_class(&cls) {
            return Ok(Some(name));
        }
        for (name, ctor_cls) in self.classes.ctors(family) {
            if self.vm.isinstance(obj, &Value::Obj(ctor_cls.clone()))? {
                return Ok(Some(name));
            }
        }
        Ok(None)
    }

    fn expected(&mut self, family: &str, obj: &Value) -> Obj {
        let r = self
            .vm
            .repr(obj)
            .ok()
            .and_then(|r| crate::api::str_value(&r))
            .unwrap_or_default();
        self.vm
            .type_error(format!("expected some sort of {family}, but got {r}"))
    }

    fn enter(&mut self) -> PyResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.vm.new_exception_msg(
                &self.vm.exc.recursion_error.clone(),
                "maximum recursion depth exceeded during compilation",
            ));
        }
        Ok(())
    }

    /// A field-less node (`Load`, `Add`) of `family`, as its index in
    /// `names`.
    fn simple<T: Copy>(&mut self, obj: &Value, family: &str, table: &[(&str, T)]) -> PyResult<T> {
        if let Some(name) = self.ctor_of(obj, family)? {
            if let Some((_, v)) = table.iter().find(|(n, _)| *n == name) {
                return Ok(*v);
            }
        }
        Err(self.expected(family, obj))
    }

    fn simple_field<T: Copy>(
        &mut self,
        obj: &Value,
        name: &str,
        owner: &str,
        family: &str,
        table: &[(&str, T)],
    ) -> PyResult<T> {
        let v = self.node_field(obj, name, owner)?;
        self.simple(&v, family, table)
    }

    fn ctx(&mut self, obj: &Value, owner: &str) -> PyResult<ExprContext> {
        const CONTEXTS: &[(&str, ExprContext)] = &[
            ("Load", ExprContext::Load),
            ("Store", ExprContext::Store),
            ("Del", ExprContext::Del),
        ];
        self.simple_field(obj, "ctx", owner, "expr_context", CONTEXTS)
    }

    // ---- statements ---------------------------------------------------------

    fn stmts(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<Vec<Stmt>> {
        self.list(obj, name, owner, |r, s| {
            if s.is_none() {
                return Err(r.vm.value_error("None disallowed in statement list"));
            }
            r.stmt(s)
        })
    }

    fn stmt(&mut self, obj: &Value) -> PyResult<Stmt> {
        self.enter()?;
        let loc = self.loc(obj, "stmt")?;
        let Some(ctor) = self.ctor_of(obj, "stmt")? else {
            return Err(self.expected("stmt", obj));
        };
        let o = obj;
        let kind = match ctor {
            "FunctionDef" => StmtKind::FunctionDef(self.function(o, ctor)?),
            "AsyncFunctionDef" => StmtKind::AsyncFunctionDef(self.function(o, ctor)?),
            "ClassDef" => StmtKind::ClassDef {
                name: self.identifier(o, "name", ctor)?,
                bases: self.exprs(o, "bases", ctor)?,
                keywords: self.keywords(o, ctor)?,
                body: self.stmts(o, "body", ctor)?,
                decorator_list: self.exprs(o, "decorator_list", ctor)?,
            },
            "Return" => StmtKind::Return {
                value: self.opt_expr(o, "value")?,
            },
            "Delete" => StmtKind::Delete {
                targets: self.exprs(o, "targets", ctor)?,
            },
            "Assign" => StmtKind::Assign {
                targets: self.exprs(o, "targets", ctor)?,
                value: Box::new(self.expr_field(o, "value", ctor)?),
                type_comment: self.opt_string(o, "type_comment")?,
            },
            "AugAssign" => StmtKind::AugAssign {
                target: Box::new(self.expr_field(o, "target", ctor)?),
                op: self.simple_field(o, "op", ctor, "operator", OPERATORS)?,
                value: Box::new(self.expr_field(o, "value", ctor)?),
            },
            "AnnAssign" => StmtKind::AnnAssign {
                target: Box::new(self.expr_field(o, "target", ctor)?),
                annotation: Box::new(self.expr_field(o, "annotation", ctor)?),
                value: self.opt_expr(o, "value")?,
                simple: self.int(o, "simple", ctor)? != 0,
            },
            "For" => StmtKind::For(self.for_loop(o, ctor)?),
            "AsyncFor" => StmtKind::AsyncFor(self.for_loop(o, ctor)?),
            "While" => StmtKind::While {
                test: Box::new(self.expr_field(o, "test", ctor)?),
                body: self.stmts(o, "body", ctor)?,
                orelse: self.stmts(o, "orelse", ctor)?,
            },
            "If" => StmtKind::If {
                test: Box::new(self.expr_field(o, "test", ctor)?),
                body: self.stmts(o, "body", ctor)?,
                orelse: self.stmts(o, "orelse", ctor)?,
            },
            "With" => StmtKind::With(self.with_block(o, ctor)?),
            "AsyncWith" => StmtKind::AsyncWith(self.with_block(o, ctor)?),
            "Match" => StmtKind::Match {
                subject: Box::new(self.expr_field(o, "subject", ctor)?),
                cases: self.list(o, "cases", ctor, |r, c| {
                    r.ctor_of(c, "match_case")?;
                    Ok(MatchCase {
                        pattern: {
                            let p = r.node_field(c, "pattern", "match_case")?;
                            r.pattern(&p)?
                        },
                        guard: r.opt_expr(c, "guard")?,
                        body: r.stmts(c, "body", "match_case")?,
                    })
                })?,
            },
            "Raise" => StmtKind::Raise {
                exc: self.opt_expr(o, "exc")?,
                cause: self.opt_expr(o, "cause")?,
            },
            "Try" => StmtKind::Try(self.try_block(o, ctor)?),
            "TryStar" => StmtKind::TryStar(self.try_block(o, ctor)?),
            "Assert" => StmtKind::Assert {
                test: Box::new(self.expr_field(o, "test", ctor)?),
                msg: self.opt_expr(o, "msg")?,
            },
            "Import" => StmtKind::Import {
                names: self.aliases(o, ctor)?,
            },
            "ImportFrom" => StmtKind::ImportFrom {
                module: self.opt_identifier(o, "module")?,
                names: self.aliases(o, ctor)?,
                level: match self.optional(o, "level")? {
                    Some(v) => {
                        let level = self.int_value(&v)?;
                        if level < 0 {
                            return Err(self.vm.value_error("Negative ImportFrom level"));
                        }
                        level as u32
                    }
                    None => 0,
                },
            },
            "Global" => StmtKind::Global {
                names: self.list(o, "names", ctor, |r, n| r.identifier_value(n))?,
            },
            "Nonlocal" => StmtKind::Nonlocal {
                names: self.list(o, "names", ctor, |r, n| r.identifier_value(n))?,
            },
            "Expr" => StmtKind::Expr {
                value: Box::new(self.expr_field(o, "value", ctor)?),
            },
            "Pass" => StmtKind::Pass,
            "Break" => StmtKind::Break,
            _ => StmtKind::Continue,
        };
        self.depth -= 1;
        Ok(Stmt { kind, loc })
    }

    fn function(&mut self, o: &Value, ctor: &str) -> PyResult<FunctionDef> {
        Ok(FunctionDef {
            name: self.identifier(o, "name", ctor)?,
            args: Box::new(self.arguments_field(o, ctor)?),
            body: self.stmts(o, "body", ctor)?,
            decorator_list: self.exprs(o, "decorator_list", ctor)?,
            returns: self.opt_expr(o, "returns")?,
            type_comment: self.opt_string(o, "type_comment")?,
        })
    }

    fn for_loop(&mut self, o: &Value, ctor: &str) -> PyResult<ForLoop> {
        Ok(ForLoop {
            target: Box::new(self.expr_field(o, "target", ctor)?),
            iter: Box::new(self.expr_field(o, "iter", ctor)?),
            body: self.stmts(o, "body", ctor)?,
            orelse: self.stmts(o, "orelse", ctor)?,
            type_comment: self.opt_string(o, "type_comment")?,
        })
    }

    fn with_block(&mut self, o: &Value, ctor: &str) -> PyResult<WithBlock> {
        Ok(WithBlock {
            items: self.list(o, "items", ctor, |r, item| {
                r.ctor_of(item, "withitem")?;
                Ok(WithItem {
                    context_expr: r.expr_field(item, "context_expr", "withitem")?,
                    optional_vars: r.opt_expr(item, "optional_vars")?,
                })
            })?,
            body: self.stmts(o, "body", ctor)?,
            type_comment: self.opt_string(o, "type_comment")?,
        })
    }

    fn try_block(&mut self, o: &Value, ctor: &str) -> PyResult<TryBlock> {
        Ok(TryBlock {
            body: self.stmts(o, "body", ctor)?,
            handlers: self.list(o, "handlers", ctor, |r, h| {
                let loc = r.loc(h, "excepthandler")?;
                if r.ctor_of(h, "excepthandler")?.is_none() {
                    return Err(r.expected("excepthandler", h));
                }
                Ok(ExceptHandler {
                    type_: r.opt_expr(h, "type")?,
                    name: r.opt_identifier(h, "name")?,
                    body: r.stmts(h, "body", "ExceptHandler")?,
                    loc,
                })
            })?,
            orelse: self.stmts(o, "orelse", ctor)?,
            finalbody: self.stmts(o, "finalbody", ctor)?,
        })
    }

    fn aliases(&mut self, o: &Value, ctor: &str) -> PyResult<Vec<Alias>> {
        self.list(o, "names", ctor, |r, a| {
            let loc = r.loc(a, "alias")?;
            Ok(Alias {
                name: r.identifier(a, "name", "alias")?,
                asname: r.opt_identifier(a, "asname")?,
                loc,
            })
        })
    }

    fn keywords(&mut self, o: &Value, ctor: &str) -> PyResult<Vec<Keyword>> {
        self.list(o, "keywords", ctor, |r, k| {
            let loc = r.loc(k, "keyword")?;
            Ok(Keyword {
                arg: r.opt_identifier(k, "arg")?,
                value: r.expr_field(k, "value", "keyword")?,
                loc,
            })
        })
    }

    fn arg(&mut self, a: &Value) -> PyResult<Arg> {
        let loc = self.loc(a, "arg")?;
        Ok(Arg {
            arg: self.identifier(a, "arg", "arg")?,
            annotation: self.opt_expr(a, "annotation")?,
            type_comment: self.opt_string(a, "type_comment")?,
            loc,
        })
    }

    fn opt_arg(&mut self, o: &Value, name: &str) -> PyResult<Option<Arg>> {
        match self.optional(o, name)? {
            Some(a) => Ok(Some(self.arg(&a)?)),
            None => Ok(None),
        }
    }

    fn arguments_field(&mut self, o: &Value, owner: &str) -> PyResult<Arguments> {
        let a = self.node_field(o, "args", owner)?;
        let n = "arguments";
        Ok(Arguments {
            posonlyargs: self.list(&a, "posonlyargs", n, |r, x| r.arg(x))?,
            args: self.list(&a, "args", n, |r, x| r.arg(x))?,
            vararg: self.opt_arg(&a, "vararg")?,
            kwonlyargs: self.list(&a, "kwonlyargs", n, |r, x| r.arg(x))?,
            kw_defaults: self.list(&a, "kw_defaults", n, |r, x| {
                if x.is_none() {
                    Ok(None)
                } else {
                    Ok(Some(r.expr(x)?))
                }
            })?,
            kwarg: self.opt_arg(&a, "kwarg")?,
            defaults: self.exprs(&a, "defaults", n)?,
        })
    }

    // ---- expressions --------------------------------------------------------

    fn exprs(&mut self, o: &Value, name: &str, owner: &str) -> PyResult<Vec<Expr>> {
        self.list(o, name, owner, |r, e| {
            if e.is_none() {
                return Err(r.vm.value_error("None disallowed in expression list"));
            }
            r.expr(e)
        })
    }

    fn expr_field(&mut self, o: &Value, name: &str, owner: &str) -> PyResult<Expr> {
        let e = self.node_field(o, name, owner)?;
        self.expr(&e)
    }

    fn opt_expr(&mut self, o: &Value, name: &str) -> PyResult<Option<Box<Expr>>> {
        match self.optional(o, name)? {
            Some(e) => Ok(Some(Box::new(self.expr(&e)?))),
            None => Ok(None),
        }
    }

    fn comprehensions(&mut self, o: &Value, owner: &str) -> PyResult<Vec<Comprehension>> {
        self.list(o, "generators", owner, |r, g| {
            r.ctor_of(g, "comprehension")?;
            let n = "comprehension";
            Ok(Comprehension {
                target: r.expr_field(g, "target", n)?,
                iter: r.expr_field(g, "iter", n)?,
                ifs: r.exprs(g, "ifs", n)?,
                is_async: r.int(g, "is_async", n)? != 0,
            })
        })
    }

    fn constant(&mut self, v: &Value) -> PyResult<Constant> {
        use crate::object::ObjKind;
        Ok(match v {
            Value::None => Constant::None,
            Value::Truth(b) => Constant::Bool(*b != 0),
            Value::Int(i) => Constant::Int((*i).into()),
            Value::FloatBits(_) => Constant::Float(crate::api::float_value(v).unwrap_or(0.0)),
            Value::Obj(o) => match o.kind() {
                ObjKind::Ellipsis => Constant::Ellipsis,
                ObjKind::Int(_) => Constant::Int(crate::api::big_int(v).unwrap_or_default()),
                ObjKind::Float(f) => Constant::Float(*f),
                ObjKind::Complex(re, im) if *re == 0.0 && re.is_sign_positive() => {
                    Constant::Complex(*im)
                }
                ObjKind::Str(s) => {
                    let mut text = krait_values::text::PyString::new();
                    for cp in s.code_points() {
                        text.push_code_point(cp);
                    }
                    Constant::Str(text)
                }
                ObjKind::Bytes(b) => Constant::Bytes(b.to_vec()),
                _ => {
                    let name = self.vm.type_name(v);
                    return Err(self
                        .vm
                        .type_error(format!("got an invalid type in Constant: {name}")));
                }
            },
            Value::Null => Constant::None,
        })
    }

    fn expr(&mut self, obj: &Value) -> PyResult<Expr> {
        self.enter()?;
        let loc = self.loc(obj, "expr")?;
        let Some(ctor) = self.ctor_of(obj, "expr")? else {
            return Err(self.expected("expr", obj));
        };
        let o = obj;
        let kind = match ctor {
            "BoolOp" => ExprKind::BoolOp {
                op: self.simple_field(
                    o,
                    "op",
                    ctor,
                    "boolop",
                    &[("And", BoolOp::And), ("Or", BoolOp::Or)],
                )?,
                values: self.exprs(o, "values", ctor)?,
            },
            "NamedExpr" => ExprKind::NamedExpr {
                target: Box::new(self.expr_field(o, "target", ctor)?),
                value: Box::new(self.expr_field(o, "value", ctor)?),
            },
            "BinOp" => ExprKind::BinOp {
                left: Box::new(self.expr_field(o, "left", ctor)?),
                op: self.simple_field(o, "op", ctor, "operator", OPERATORS)?,
                right: Box::new(self.expr_field(o, "right", ctor)?),
            },
            "UnaryOp" => ExprKind::UnaryOp {
                op: self.simple_field(o, "op", ctor, "unaryop", UNARY_OPS)?,
                operand: Box::new(self.expr_field(o, "operand", ctor)?),
            },
            "Lambda" => ExprKind::Lambda {
                args: Box::new(self.arguments_field(o, ctor)?),
                body: Box::new(self.expr_field(o, "body", ctor)?),
            },
            "IfExp" => ExprKind::IfExp {
                test: Box::new(self.expr_field(o, "test", ctor)?),
                body: Box::new(self.expr_field(o, "body", ctor)?),
                orelse: Box::new(self.expr_field(o, "orelse", ctor)?),
            },
            "Dict" => ExprKind::Dict {
                keys: self.list(o, "keys", ctor, |r, k| {
                    if k.is_none() {
                        Ok(None)
                    } else {
                        Ok(Some(r.expr(k)?))
                    }
                })?,
                values: self.exprs(o, "values", ctor)?,
            },
            "Set" => ExprKind::Set {
                elts: self.exprs(o, "elts", ctor)?,
            },
            "ListComp" => ExprKind::ListComp {
                elt: Box::new(self.expr_field(o, "elt", ctor)?),
                generators: self.comprehensions(o, ctor)?,
            },
            "SetComp" => ExprKind::SetComp {
                elt: Box::new(self.expr_field(o, "elt", ctor)?),
                generators: self.comprehensions(o, ctor)?,
            },
            "DictComp" => ExprKind::DictComp {
                key: Box::new(self.expr_field(o, "key", ctor)?),
                value: Box::new(self.expr_field(o, "value", ctor)?),
                generators: self.comprehensions(o, ctor)?,
            },
            "GeneratorExp" => ExprKind::GeneratorExp {
                elt: Box::new(self.expr_field(o, "elt", ctor)?),
                generators: self.comprehensions(o, ctor)?,
            },
            "Await" => ExprKind::Await {
                value: Box::new(self.expr_field(o, "value", ctor)?),
            },
            "Yield" => ExprKind::Yield {
                value: self.opt_expr(o, "value")?,
            },
            "YieldFrom" => ExprKind::YieldFrom {
                value: Box::new(self.expr_field(o, "value", ctor)?),
            },
            "Compare" => ExprKind::Compare {
                left: Box::new(self.expr_field(o, "left", ctor)?),
                ops: self.list(o, "ops", ctor, |r, op| r.simple(op, "cmpop", CMP_OPS))?,
                comparators: self.exprs(o, "comparators", ctor)?,
            },
            "Call" => ExprKind::Call {
                func: Box::new(self.expr_field(o, "func", ctor)?),
                args: self.exprs(o, "args", ctor)?,
                keywords: self.keywords(o, ctor)?,
            },
            "FormattedValue" => ExprKind::FormattedValue {
                value: Box::new(self.expr_field(o, "value", ctor)?),
                conversion: self.int(o, "conversion", ctor)? as i32,
                format_spec: self.opt_expr(o, "format_spec")?,
            },
            "JoinedStr" => ExprKind::JoinedStr {
                values: self.exprs(o, "values", ctor)?,
            },
            "Constant" => {
                let v = self.required(o, "value", ctor)?;
                ExprKind::Constant {
                    value: self.constant(&v)?,
                    kind: self.opt_string(o, "kind")?,
                }
            }
            "Attribute" => ExprKind::Attribute {
                value: Box::new(self.expr_field(o, "value", ctor)?),
                attr: self.identifier(o, "attr", ctor)?,
                ctx: self.ctx(o, ctor)?,
            },
            "Subscript" => ExprKind::Subscript {
                value: Box::new(self.expr_field(o, "value", ctor)?),
                slice: Box::new(self.expr_field(o, "slice", ctor)?),
                ctx: self.ctx(o, ctor)?,
            },
            "Starred" => ExprKind::Starred {
                value: Box::new(self.expr_field(o, "value", ctor)?),
                ctx: self.ctx(o, ctor)?,
            },
            "Name" => ExprKind::Name {
                id: self.identifier(o, "id", ctor)?,
                ctx: self.ctx(o, ctor)?,
            },
            "List" => ExprKind::List {
                elts: self.exprs(o, "elts", ctor)?,
                ctx: self.ctx(o, ctor)?,
            },
            "Tuple" => ExprKind::Tuple {
                elts: self.exprs(o, "elts", ctor)?,
                ctx: self.ctx(o, ctor)?,
            },
            _ => ExprKind::Slice {
                lower: self.opt_expr(o, "lower")?,
                upper: self.opt_expr(o, "upper")?,
                step: self.opt_expr(o, "step")?,
            },
        };
        self.depth -= 1;
        Ok(Expr { kind, loc })
    }

    // ---- patterns -----------------------------------------------------------

    fn patterns(&mut self, o: &Value, name: &str, owner: &str) -> PyResult<Vec<Pattern>> {
        self.list(o, name, owner, |r, p| r.pattern(p))
    }

    fn pattern(&mut self, obj: &Value) -> PyResult<Pattern> {
        self.enter()?;
        let loc = self.loc(obj, "pattern")?;
        let Some(ctor) = self.ctor_of(obj, "pattern")? else {
            return Err(self.expected("pattern", obj));
        };
        let o = obj;
        let kind = match ctor {
            "MatchValue" => PatternKind::MatchValue {
                value: Box::new(self.expr_field(o, "value", ctor)?),
            },
            "MatchSingleton" => {
                let v = self.required(o, "value", ctor)?;
                PatternKind::MatchSingleton {
                    value: self.constant(&v)?,
                }
            }
            "MatchSequence" => PatternKind::MatchSequence {
                patterns: self.patterns(o, "patterns", ctor)?,
            },
            "MatchMapping" => PatternKind::MatchMapping {
                keys: self.exprs(o, "keys", ctor)?,
                patterns: self.patterns(o, "patterns", ctor)?,
                rest: self.opt_identifier(o, "rest")?,
            },
            "MatchClass" => PatternKind::MatchClass {
                cls: Box::new(self.expr_field(o, "cls", ctor)?),
                patterns: self.patterns(o, "patterns", ctor)?,
                kwd_attrs: self.list(o, "kwd_attrs", ctor, |r, n| r.identifier_value(n))?,
                kwd_patterns: self.patterns(o, "kwd_patterns", ctor)?,
            },
            "MatchStar" => PatternKind::MatchStar {
                name: self.opt_identifier(o, "name")?,
            },
            "MatchAs" => PatternKind::MatchAs {
                pattern: match self.optional(o, "pattern")? {
                    Some(p) => Some(Box::new(self.pattern(&p)?)),
                    None => None,
                },
                name: self.opt_identifier(o, "name")?,
            },
            _ => PatternKind::MatchOr {
                patterns: self.patterns(o, "patterns", ctor)?,
            },
        };
        self.depth -= 1;
        Ok(Pattern { kind, loc })
    }
}
