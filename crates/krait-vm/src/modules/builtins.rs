//! The `builtins` module: its functions, types and constants.

use crate::api::{add_functions, FunctionDef};
use crate::bootstrap::set_attr_str;
use crate::object::ObjKind;
use crate::objects::function::Args;
use crate::objects::str::{lossy_text, value_pystr};
use crate::runner::Mode;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_compiler::code::{BinOp, CompareOp};

pub fn register(vm: &mut Vm) {
    let b = vm.builtins.clone();
    let t = &vm.types;
    let types: Vec<(&str, Obj)> = vec![
        ("object", t.object.clone()),
        ("type", t.type_.clone()),
        ("int", t.int.clone()),
        ("bool", t.bool_.clone()),
        ("float", t.float.clone()),
        ("complex", t.complex.clone()),
        ("str", t.str_.clone()),
        ("bytes", t.bytes.clone()),
        ("bytearray", t.bytearray.clone()),
        ("tuple", t.tuple.clone()),
        ("list", t.list.clone()),
        ("dict", t.dict.clone()),
        ("set", t.set.clone()),
        ("frozenset", t.frozenset.clone()),
        ("range", t.range.clone()),
        ("memoryview", t.memoryview.clone()),
        ("slice", t.slice.clone()),
        ("property", t.property.clone()),
        ("classmethod", t.classmethod.clone()),
        ("staticmethod", t.staticmethod.clone()),
        ("super", t.super_.clone()),
        ("enumerate", t.enumerate.clone()),
        ("zip", t.zip.clone()),
        ("map", t.map.clone()),
        ("filter", t.filter.clone()),
        ("reversed", t.reversed.clone()),
    ];
    for (name, ty) in types {
        set_attr_str(vm, &b, name, Value::Obj(ty));
    }
    for (name, class) in vm.exc.all.clone() {
        set_attr_str(vm, &b, &name, Value::Obj(class));
    }
    let e = Value::Obj(vm.exc.os_error.clone());
    set_attr_str(vm, &b, "EnvironmentError", e.clone());
    set_attr_str(vm, &b, "IOError", e);
    set_attr_str(vm, &b, "None", Value::None);
    set_attr_str(vm, &b, "True", Value::Bool(true));
    set_attr_str(vm, &b, "False", Value::Bool(false));
    let ell = Value::Obj(vm.ellipsis.clone());
    set_attr_str(vm, &b, "Ellipsis", ell);
    let ni = vm.not_implemented();
    set_attr_str(vm, &b, "NotImplemented", ni);
    set_attr_str(vm, &b, "__debug__", Value::Bool(true));
    crate::modules::set_module_identity(vm, &b, "builtins");

    add_functions(vm, &b, "builtins", FUNCTIONS);
}

const FUNCTIONS: &[FunctionDef] = &[
    FunctionDef::new(
        "__build_class__",
        crate::objects::typeobject::class::build_class,
    ),
    FunctionDef::new("print", builtin_print),
    FunctionDef::new("len", builtin_len).one(),
    FunctionDef::new("repr", |vm, a| vm.repr(&a.pos[0])).one(),
    FunctionDef::new("ascii", |vm, a| vm.ascii(&a.pos[0])).one(),
    FunctionDef::new("format", |vm, a| vm.format(&a.pos[0], a.pos.get(1))).args(1, 2),
    FunctionDef::new("isinstance", builtin_isinstance).args(2, 2),
    FunctionDef::new("issubclass", |vm, a| {
        Ok(Value::Bool(vm.issubclass(&a.pos[0], &a.pos[1])?))
    })
    .args(2, 2),
    FunctionDef::new("abs", |vm, a| vm.abs(&a.pos[0])).one(),
    FunctionDef::new("min", |vm, a| min_max(vm, a, "min", CompareOp::Lt)),
    FunctionDef::new("max", |vm, a| min_max(vm, a, "max", CompareOp::Gt)),
    FunctionDef::new("sum", builtin_sum).named(&["iterable", "start"], 1, 2, 1),
    FunctionDef::new("sorted", |vm, a| {
        if a.pos.len() != 1 {
            return Err(vm.type_error(format!("sorted expected 1 argument, got {}", a.pos.len())));
        }
        let items = vm.iterate(&a.pos[0])?;
        let list = vm.new_list(items);
        let sort = vm.intern("sort");
        let m = vm.getattr(&list, &sort)?;
        vm.call_args(
            &m,
            Args {
                pos: Default::default(),
                kw: a.kw,
            },
        )?;
        Ok(list)
    }),
    FunctionDef::new("iter", |vm, a| {
        if a.pos.len() == 2 {
            if !vm.is_callable(&a.pos[0]) {
                return Err(vm.type_error("iter(v, w): v must be callable"));
            }
            return Ok(Value::Obj(Obj::new(
                vm.types.callable_iterator.clone(),
                ObjKind::Iter(std::cell::RefCell::new(
                    crate::object::IterState::Callable {
                        func: a.pos[0].clone(),
                        sentinel: a.pos[1].clone(),
                    },
                )),
            )));
        }
        vm.iter(&a.pos[0])
    })
    .args(1, 2),
    FunctionDef::new("next", |vm, a| {
        if !vm.is_iterator(&a.pos[0]) {
            return Err(vm.type_error(format!(
                "'{}' object is not an iterator",
                vm.type_name(&a.pos[0])
            )));
        }
        match vm.next_raising(&a.pos[0]) {
            Ok(v) => Ok(v),
            Err(e) if e.class().is_subtype(&vm.exc.stop_iteration) && a.pos.len() == 2 => {
                Ok(a.pos[1].clone())
            }
            Err(e) => Err(e),
        }
    })
    .args(1, 2),
    FunctionDef::new("hash", |vm, a| Ok(Value::Int(vm.hash(&a.pos[0])?))).one(),
    FunctionDef::new("id", |vm, a| Ok(Value::Int(vm.id_of(&a.pos[0])))).one(),
    FunctionDef::new("getattr", |vm, a| {
        let name = attr_name(vm, &a.pos[1], "getattr")?;
        match vm.getattr(&a.pos[0], &name) {
            Ok(v) => Ok(v),
            Err(e) if a.pos.len() == 3 && e.class().is_subtype(&vm.exc.attribute_error) => {
                Ok(a.pos[2].clone())
            }
            Err(e) => Err(e),
        }
    })
    .args(2, 3),
    FunctionDef::new("setattr", |vm, a| {
        let name = attr_name(vm, &a.pos[1], "setattr")?;
        vm.setattr(&a.pos[0], &name, a.pos[2].clone())?;
        Ok(Value::None)
    })
    .args(3, 3),
    FunctionDef::new("delattr", |vm, a| {
        let name = attr_name(vm, &a.pos[1], "delattr")?;
        vm.delattr(&a.pos[0], &name)?;
        Ok(Value::None)
    })
    .args(2, 2),
    FunctionDef::new("hasattr", |vm, a| {
        let name = attr_name(vm, &a.pos[1], "hasattr")?;
        match vm.getattr(&a.pos[0], &name) {
            Ok(_) => Ok(Value::Bool(true)),
            Err(e) if e.class().is_subtype(&vm.exc.attribute_error) => Ok(Value::Bool(false)),
            Err(e) => Err(e),
        }
    })
    .args(2, 2),
    FunctionDef::new("callable", |vm, a| {
        Ok(Value::Bool(vm.is_callable(&a.pos[0])))
    })
    .one(),
    FunctionDef::new("chr", |vm, a| {
        let Some(i) = vm
            .index_i64(&a.pos[0])
            .or_else(|_| Ok::<_, Obj>(Some(i64::MAX)))?
        else {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(&a.pos[0])
            )));
        };
        if !(0..0x110000).contains(&i) {
            return Err(vm.value_error("chr() arg not in range(0x110000)"));
        }
        Ok(vm.char_str(i as u32))
    })
    .one(),
    FunctionDef::new("ord", |vm, a| {
        let v = &a.pos[0];
        if let Some(s) = value_pystr(v) {
            if s.len() != 1 {
                return Err(vm.type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.len()
                )));
            }
            return Ok(Value::Int(s.code_point_at(0) as i64));
        }
        match v.kind() {
            Some(ObjKind::Bytes(b)) if b.len() == 1 => Ok(Value::Int(b[0] as i64)),
            Some(ObjKind::Bytes(b)) => Err(vm.type_error(format!(
                "ord() expected a character, but string of length {} found",
                b.len()
            ))),
            _ => Err(vm.type_error(format!(
                "ord() expected string of length 1, but {} found",
                vm.type_name(v)
            ))),
        }
    })
    .one(),
    FunctionDef::new("hex", |vm, a| radix(vm, a, "#x")).one(),
    FunctionDef::new("oct", |vm, a| radix(vm, a, "#o")).one(),
    FunctionDef::new("bin", |vm, a| radix(vm, a, "#b")).one(),
    FunctionDef::new("divmod", |vm, a| vm.divmod(&a.pos[0], &a.pos[1])).args(2, 2),
    FunctionDef::new("pow", |vm, a| {
        let (x, y) = (&a.pos[0], &a.pos[1]);
        match a.given(2).filter(|m| !m.is_none()) {
            None => vm.binary_op(BinOp::Power, x, y),
            Some(m) => vm.pow_mod(x, y, m),
        }
    })
    .named(&["base", "exp", "mod"], 0, 3, 2),
    FunctionDef::new("round", |vm, a| vm.round(&a.pos[0], a.given(1))).named(
        &["number", "ndigits"],
        0,
        2,
        1,
    ),
    FunctionDef::new("any", |vm, a| {
        let it = vm.iter(&a.pos[0])?;
        while let Some(v) = vm.next(&it)? {
            if vm.truthy(&v)? {
                return Ok(Value::Bool(true));
            }
        }
        Ok(Value::Bool(false))
    })
    .one(),
    FunctionDef::new("all", |vm, a| {
        let it = vm.iter(&a.pos[0])?;
        while let Some(v) = vm.next(&it)? {
            if !vm.truthy(&v)? {
                return Ok(Value::Bool(false));
            }
        }
        Ok(Value::Bool(true))
    })
    .one(),
    FunctionDef::new("globals", |vm, _| {
        Ok(vm
            .frames
            .last()
            .map(|f| Value::Obj(f.globals.clone()))
            .unwrap_or(Value::None))
    })
    .no_args(),
    FunctionDef::new("locals", |vm, _| vm.current_locals()).no_args(),
    FunctionDef::new("vars", |vm, a| match a.pos.first() {
        None => vm.current_locals(),
        Some(v) => {
            let key = vm.names.dict.clone();
            vm.getattr(v, &key).map_err(|e| {
                if e.class().is_subtype(&vm.exc.attribute_error) {
                    vm.type_error("vars() argument must have __dict__ attribute")
                } else {
                    e
                }
            })
        }
    })
    .args(0, 1),
    // `exit()` and `quit()`, which CPython's `site` adds for scripts too.
    FunctionDef::new("exit", exit).tuple_args(0, 1),
    FunctionDef::new("quit", exit).tuple_args(0, 1),
    FunctionDef::new("dir", |vm, a| {
        let names = match a.pos.first() {
            None => {
                let l = vm.current_locals()?;
                vm.iterate(&l)?
            }
            Some(v) => {
                let key = vm.names.dir.clone();
                let cls = vm.class_of(v).clone();
                let m = vm.lookup_type_obj(&cls, &key);
                match m {
                    Some(m) => {
                        let r = vm.call_method_value(&m, v.clone(), vec![])?;
                        vm.iterate(&r)?
                    }
                    None => Vec::new(),
                }
            }
        };
        let mut l = names;
        crate::objects::list::sort_values(vm, &mut l, None, false)?;
        Ok(vm.new_list(l))
    })
    .args(0, 1),
    FunctionDef::new("input", |vm, a| {
        if let Some(p) = a.pos.first() {
            let s = vm.str_string(p)?;
            vm.stdout.write(s.as_bytes());
        }
        vm.stdout.flush();
        let mut line = String::new();
        let n = std::io::stdin().read_line(&mut line).unwrap_or(0);
        if n == 0 {
            return Err(vm.new_exception_msg(&vm.exc.eof_error.clone(), "EOF when reading a line"));
        }
        if line.ends_with('\n') {
            line.pop();
            if line.ends_with('\r') {
                line.pop();
            }
        }
        Ok(vm.new_string(line))
    })
    .args(0, 1),
    FunctionDef::new("exec", |vm, a| run_source(vm, a, "exec")).named(
        &["source", "globals", "locals", "closure"],
        3,
        3,
        1,
    ),
    FunctionDef::new("eval", |vm, a| run_source(vm, a, "eval")).args(1, 3),
    FunctionDef::new("compile", builtin_compile).named(COMPILE_PARAMS, 0, 6, 3),
    FunctionDef::new("__import__", |vm, a| {
        let Some(n) = a.pos[0]
            .as_obj()
            .filter(|o| crate::objects::str::as_pystr(o).is_some())
            .cloned()
        else {
            return Err(vm.type_error("__import__() argument 1 must be str"));
        };
        let globals = a.given(1).cloned().unwrap_or(Value::None);
        let fromlist = a.given(3).cloned().unwrap_or(Value::None);
        let level = a.given(4).cloned().unwrap_or(Value::Int(0));
        vm.import_module(&n, &fromlist, &level, &globals)
    })
    .named(IMPORT_PARAMS, 0, 5, 1),
    // `io.open`, from `_io` (a native module the embedder may leave out).
    FunctionDef::new("open", |vm, a| {
        let io = vm.import("_io")?;
        let open = vm.getattr_str(&io, "open")?;
        vm.call_args(&open, a)
    }),
    FunctionDef::new("breakpoint", |_, _| Ok(Value::None)),
];

const COMPILE_PARAMS: &[&str] = &[
    "source",
    "filename",
    "mode",
    "flags",
    "dont_inherit",
    "optimize",
    "_feature_version",
];

const IMPORT_PARAMS: &[&str] = &["name", "globals", "locals", "fromlist", "level"];

fn exit(vm: &mut Vm, a: Args) -> PyResult {
    let cls = Value::Obj(vm.exc.system_exit.clone());
    let e = vm.call(&cls, a.pos.to_vec())?;
    Err(e
        .as_obj()
        .cloned()
        .unwrap_or_else(|| vm.runtime_error("exit")))
}

/// `len(x)` (the loop calls it without building arguments).
pub(crate) fn builtin_len(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(vm.len(&a.pos[0])? as i64))
}

/// `isinstance(x, t)` (the loop calls it without building arguments).
pub(crate) fn builtin_isinstance(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Bool(vm.isinstance(&a.pos[0], &a.pos[1])?))
}

fn attr_name(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Obj> {
    match v.as_obj().and_then(crate::objects::str::as_pystr) {
        Some(s) => Ok(match s.as_str() {
            Some(t) => vm.intern(t),
            None => v.as_obj().unwrap().clone(),
        }),
        None => {
            let _ = what;
            Err(vm.type_error(format!(
                "attribute name must be string, not '{}'",
                vm.type_name(v)
            )))
        }
    }
}

fn builtin_print(vm: &mut Vm, a: Args) -> PyResult {
    let mut sep = None;
    let mut end = None;
    let mut file = Value::None;
    let mut flush = false;
    for (k, v) in &a.kw {
        match crate::objects::str::text(k).as_ref() {
            "sep" => sep = Some(v.clone()),
            "end" => end = Some(v.clone()),
            "file" => file = v.clone(),
            "flush" => flush = vm.truthy(v)?,
            other => {
                return Err(vm.type_error(format!(
                    "'{other}' is an invalid keyword argument for print()"
                )))
            }
        }
    }
    let text_of = |vm: &mut Vm, v: Option<Value>, default: &str, what: &str| -> PyResult<String> {
        match v {
            None | Some(Value::None) => Ok(default.to_string()),
            Some(v) => match value_pystr(&v) {
                Some(s) => Ok(s.to_string_lossy().into_owned()),
                None => Err(vm.type_error(format!(
                    "{what} must be None or a string, not {}",
                    vm.type_name(&v)
                ))),
            },
        }
    };
    let sep = text_of(vm, sep, " ", "sep")?;
    let end = text_of(vm, end, "\n", "end")?;
    let mut out = String::new();
    for (i, v) in a.pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match value_pystr(v) {
            Some(s) if vm.class_of(v).is(&vm.types.str_) => out.push_str(&s.to_string_lossy()),
            _ => out.push_str(&vm.str_string(v)?),
        }
    }
    out.push_str(&end);
    vm.write_to(&file, &out)?;
    if flush {
        vm.flush_file(&file)?;
    }
    Ok(Value::None)
}

fn min_max(vm: &mut Vm, a: Args, name: &str, op: CompareOp) -> PyResult {
    if a.pos.is_empty() {
        return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    let mut key = None;
    let mut default = None;
    for (k, v) in &a.kw {
        match crate::objects::str::text(k).as_ref() {
            "key" => key = Some(v.clone()).filter(|k| !k.is_none()),
            "default" => default = Some(v.clone()),
            other => {
                return Err(vm.type_error(format!(
                    "'{other}' is an invalid keyword argument for {name}()"
                )))
            }
        }
    }
    let items = match a.pos.len() {
        1 => vm.iterate(&a.pos[0])?,
        _ => {
            if default.is_some() {
                return Err(vm.type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            a.pos.to_vec()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match &key {
            Some(f) => vm.call(f, vec![item.clone()])?,
            None => item.clone(),
        };
        match &best {
            None => best = Some((k, item)),
            Some((bk, _)) => {
                let r = vm.compare(op, &k, bk)?;
                if vm.truthy(&r)? {
                    best = Some((k, item));
                }
            }
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
        },
    }
}

fn builtin_sum(vm: &mut Vm, a: Args) -> PyResult {
    let start = a.given(1).cloned().unwrap_or(Value::Int(0));
    let it = vm.iter(&a.pos[0])?;
    if value_pystr(&start).is_some() {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    match start.kind() {
        Some(ObjKind::Bytes(_)) => {
            return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]"))
        }
        Some(ObjKind::ByteArray(_)) => {
            return Err(vm.type_error("sum() can't sum bytearray [use b''.join(seq) instead]"))
        }
        _ => {}
    }
    let mut acc = start;
    while let Some(v) = vm.next(&it)? {
        acc = match (&acc, &v) {
            (Value::Int(x), Value::Int(y)) => match x.checked_add(*y) {
                Some(r) => Value::Int(r),
                None => vm.binary_op(BinOp::Add, &acc, &v)?,
            },
            (Value::FloatBits(x), Value::FloatBits(y)) => {
                Value::Float(f64::from_bits(*x) + f64::from_bits(*y))
            }
            _ => vm.binary_op(BinOp::Add, &acc, &v)?,
        };
    }
    Ok(acc)
}

fn radix(vm: &mut Vm, a: Args, spec: &str) -> PyResult {
    let v = match vm.index_int(&a.pos[0])? {
        Some(v) => v,
        None => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(&a.pos[0])
            )))
        }
    };
    let s = vm.new_str(spec);
    vm.format(&v, Some(&s))
}

fn run_source(vm: &mut Vm, a: Args, what: &str) -> PyResult {
    let source = a.pos[0].clone();
    let (globals, locals) = match (a.given(1).cloned(), a.given(2).cloned()) {
        (Some(g), l) if !g.is_none() => {
            let Some(gd) = g
                .as_obj()
                .filter(|o| matches!(o.kind(), ObjKind::Dict(_)))
                .cloned()
            else {
                return Err(vm.type_error(format!(
                    "{what}() globals must be a dict, not {}",
                    vm.type_name(&g)
                )));
            };
            let l = l.filter(|l| !l.is_none()).unwrap_or(Value::Obj(gd.clone()));
            (gd, l)
        }
        (_, l) => {
            let f = vm.frames.last();
            let g = match f {
                Some(f) => f.globals.clone(),
                None => return Err(vm.runtime_error("no current frame")),
            };
            let l = match l.filter(|l| !l.is_none()) {
                Some(l) => l,
                None => vm.current_locals()?,
            };
            (g, l)
        }
    };
    let code = match source.kind() {
        Some(ObjKind::Code(c)) => c.code.clone(),
        _ if lossy_text(&source).is_some() => {
            let text = lossy_text(&source).unwrap_or_default();
            let mode = if what == "eval" {
                Mode::Eval
            } else {
                Mode::Exec
            };
            vm.compile_source(&text, "<string>", mode)?
        }
        _ => {
            return Err(vm.type_error(format!(
                "{what}() arg 1 must be a string, bytes or code object"
            )))
        }
    };
    let r = vm.run_code(&code, &globals, locals)?;
    Ok(if what == "exec" { Value::None } else { r })
}

/// `compile()`: at the interpreter's optimization level (`-O`) unless
/// `optimize` names one.
fn builtin_compile(vm: &mut Vm, a: Args) -> PyResult {
    let level = match a.given(5) {
        Some(v) => vm.ssize_arg(v)?,
        None => -1,
    };
    if !(-1..=2).contains(&level) {
        return Err(vm.value_error("compile(): invalid optimize value"));
    }
    let saved = vm.optimize;
    if level >= 0 {
        vm.optimize = level as u8;
    }
    let r = compile_at_level(vm, a);
    vm.optimize = saved;
    r
}

fn compile_at_level(vm: &mut Vm, a: Args) -> PyResult {
    use crate::modules::ast::PYCF_ONLY_AST;
    let source = a.pos[0].clone();
    let filename = crate::objects::float::methods::text_arg(&a.pos[1]).unwrap_or_default();
    let mode_name = crate::objects::float::methods::text_arg(&a.pos[2]);
    let flags = a.given(3).and_then(crate::objects::int::small).unwrap_or(0);
    let only_ast = flags & PYCF_ONLY_AST != 0;
    let (mode, root) = match mode_name.as_deref() {
        Some("exec") => (Mode::Exec, "Module"),
        Some("eval") => (Mode::Eval, "Expression"),
        Some("single") => (Mode::Single, "Interactive"),
        Some("func_type") if only_ast => {
            return Err(vm.not_implemented_error(
                "compile() in 'func_type' mode (function type comments) is not supported",
            ))
        }
        Some("func_type") => {
            return Err(vm.value_error("compile() mode 'func_type' requires flag PyCF_ONLY_AST"))
        }
        _ => {
            let msg = if only_ast {
                "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"
            } else {
                "compile() mode must be 'exec', 'eval' or 'single'"
            };
            return Err(vm.value_error(msg));
        }
    };
    if vm.is_ast_node(&source) {
        if only_ast {
            return Ok(source);
        }
        let tree = vm.ast_from_python(&source, root)?;
        let code = vm.compile_tree(tree, &filename, "")?;
        return Ok(vm.new_code_object(&code));
    }
    let text = match source.kind() {
        Some(ObjKind::ByteArray(_)) | None => None,
        _ => lossy_text(&source),
    };
    let Some(text) = text else {
        return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object"));
    };
    if only_ast {
        let tree = vm.parse_source(&text, &filename, mode)?;
        return vm.ast_to_python(&tree);
    }
    let incomplete_allowed = flags & PYCF_ALLOW_INCOMPLETE_INPUT != 0;
    let code = match vm.compile_source(&text, &filename, mode) {
        Ok(code) => code,
        Err(e) if incomplete_allowed && ends_too_soon(vm, &e, &text, mode) => {
            return Err(incomplete_input(vm, &filename));
        }
        Err(e) if mode == Mode::Single => {
            interactive_error_position(vm, &e, &text);
            return Err(e);
        }
        Err(e) => return Err(e),
    };
    if incomplete_allowed
        && flags & PYCF_DONT_IMPLY_DEDENT != 0
        && mode == Mode::Single
        && block_left_open(&text)
    {
        return Err(incomplete_input(vm, &filename));
    }
    Ok(vm.new_code_object(&code))
}

/// `compile()`'s flags for interactive input (`codeop`, the REPL): input
/// that more lines could complete is a SyntaxError saying "incomplete
/// input", and the end of input closes no indented block.
const PYCF_DONT_IMPLY_DEDENT: i64 = 0x200;
const PYCF_ALLOW_INCOMPLETE_INPUT: i64 = 0x4000;

fn incomplete_input(vm: &mut Vm, filename: &str) -> Obj {
    let cls = Value::Obj(vm.exc.syntax_error.clone());
    let msg = vm.new_str("incomplete input");
    let e = match vm.call(&cls, vec![msg]) {
        Ok(Value::Obj(e)) => e,
        Ok(_) => return vm.runtime_error("SyntaxError made no exception"),
        Err(e) => return e,
    };
    let name = vm.new_str(filename);
    let _ = vm.setattr_str(&Value::Obj(e.clone()), "filename", name);
    e
}

/// Whether a syntax error only says the input stopped early: a bracket or
/// a triple-quoted string left open, a block header with no block yet, a
/// line continuation at the very end.
fn ends_too_soon(vm: &mut Vm, e: &Obj, text: &str, mode: Mode) -> bool {
    if !e.class().is_subtype(&vm.exc.syntax_error) {
        return false;
    }
    let msg = vm
        .getattr_str(&Value::Obj(e.clone()), "msg")
        .ok()
        .and_then(|m| crate::api::str_value(&m))
        .unwrap_or_default();
    let offset = vm
        .getattr_str(&Value::Obj(e.clone()), "offset")
        .unwrap_or(Value::None);
    msg.ends_with("was never closed")
        || msg.starts_with("unterminated triple-quoted string literal")
        || (msg.starts_with("expected an indented block") && offset.is_none())
        || (mode != Mode::Single && text.trim_end_matches('\n').ends_with('\\'))
}

/// Where CPython's interactive tokenizer places a syntax error in the
/// last line of input that has no newline: the line's text without one,
/// and an error at its end either at column 0 ("invalid syntax") or at the
/// line's end with no end column.
fn interactive_error_position(vm: &mut Vm, e: &Obj, text: &str) {
    if text.ends_with('\n') || !e.class().is_subtype(&vm.exc.syntax_error) {
        return;
    }
    let exc = Value::Obj(e.clone());
    let get = |vm: &mut Vm, name: &str| vm.getattr_str(&exc, name).unwrap_or(Value::None);
    let last_line = text.split('\n').count() as i64;
    let lineno = crate::api::small_int(&get(vm, "lineno"));
    if lineno != Some(last_line) {
        return;
    }
    let line = text.rsplit('\n').next().unwrap_or("");
    let shown = vm.new_str(line);
    let _ = vm.setattr_str(&exc, "text", shown);
    let width = line.chars().count() as i64;
    if crate::api::small_int(&get(vm, "offset")) != Some(width + 1) {
        return;
    }
    let msg = crate::api::str_value(&get(vm, "msg")).unwrap_or_default();
    let (offset, end) = if msg == "invalid syntax" {
        (0, 0)
    } else {
        (width, -1)
    };
    let _ = vm.setattr_str(&exc, "offset", Value::Int(offset));
    let _ = vm.setattr_str(&exc, "end_offset", Value::Int(end));
}

/// Interactive input whose last line is still inside an indented block
/// (the block ends only with an empty line).
fn block_left_open(text: &str) -> bool {
    let last = text.rsplit('\n').next().unwrap_or("");
    let first_indented = text.starts_with([' ', '\t']);
    !last.is_empty() && last.starts_with([' ', '\t']) && !first_indented
}

impl Vm {
    pub fn is_callable(&mut self, v: &Value) -> bool {
        match v.kind() {
            Some(
                ObjKind::Function(_)
                | ObjKind::Builtin(_)
                | ObjKind::BoundMethod { .. }
                | ObjKind::Type(_),
            ) => true,
            _ => self.class_of(v).tdata().slots.get().call.is_some(),
        }
    }

    /// `id(v)`: the address for heap objects; a stable stand-in for
    /// inline values.
    pub fn id_of(&self, v: &Value) -> i64 {
        match v {
            Value::Obj(o) => o.addr() as i64,
            Value::None => 0x1000,
            Value::Truth(b) => 0x1010 + *b as i64 * 16,
            Value::Int(i) => 0x10_0000_0000 + (*i as i128 * 32).rem_euclid(1 << 40) as i64,
            Value::FloatBits(f) => 0x20_0000_0000 + (f % (1 << 36)) as i64,
            Value::Null => 0,
        }
    }

    /// `next(it)` raising StopIteration at the end (with its value).
    pub fn next_raising(&mut self, it: &Value) -> PyResult {
        if let Some(ObjKind::Generator(_)) = it.kind() {
            return match self.send_into(it, Value::None)? {
                crate::objects::generator::Sent::Yielded(v) => Ok(v),
                crate::objects::generator::Sent::Returned(r) => Err(self.stop_iteration(r)),
            };
        }
        match self.next(it)? {
            Some(v) => Ok(v),
            None => Err(self.stop_iteration(Value::None)),
        }
    }

    /// The current frame's locals as a mapping (a snapshot in functions).
    pub fn current_locals(&mut self) -> PyResult {
        if self.frames.is_empty() {
            return Ok(self.new_dict());
        }
        self.frame_locals(self.frames.len() - 1)
    }

    /// The locals of the running frame at `index` as a dict: its namespace
    /// in module and class bodies, a new dict of its variables in
    /// functions.
    pub fn frame_locals(&mut self, index: usize) -> PyResult {
        let f = &self.frames[index];
        if !f.locals.is_null() {
            return Ok(f.locals.clone());
        }
        let code = f.code.clone();
        let values: Vec<Value> = self.stack[f.base..f.base + code.nlocalsplus]
            .iter()
            .enumerate()
            .map(|(i, v)| match v.kind() {
                Some(ObjKind::Cell(c)) if i >= code.nlocals => c.borrow().clone(),
                _ => v.clone(),
            })
            .collect();
        Ok(self.locals_dict(&code, &values))
    }

    /// A dict of a function's variables from their values in slot order
    /// (cells already read); unbound ones are left out.
    pub(crate) fn locals_dict(
        &mut self,
        code: &crate::objects::code::CodeObject,
        values: &[Value],
    ) -> Value {
        let d = self.new_dict_obj(crate::objects::dict::table::Dict::new());
        for (i, v) in values.iter().enumerate() {
            if !v.is_null() {
                let name = self.intern(code.code.slot_name(i));
                crate::objects::dict::set_str(self, &d, name, v.clone());
            }
        }
        Value::Obj(d)
    }

    /// `divmod(a, b)`.
    pub fn divmod(&mut self, a: &Value, b: &Value) -> PyResult {
        let is_num = |v: &Value| {
            matches!(v, Value::Int(_) | Value::Truth(_) | Value::FloatBits(_))
                || matches!(v.kind(), Some(ObjKind::Int(_)))
        };
        if is_num(a)
            && is_num(b)
            && !self.class_of(a).tdata().heap
            && !self.class_of(b).tdata().heap
        {
            let q = self.binary_op(BinOp::FloorDivide, a, b)?;
            let r = self.binary_op(BinOp::Remainder, a, b)?;
            return Ok(self.new_tuple(vec![q, r]));
        }
        let ta = self.class_of(a).clone();
        if let Some(m) = self.lookup_type(&ta, "__divmod__") {
            let r = self.call_method_value(&m, a.clone(), vec![b.clone()])?;
            if !self.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        let tb = self.class_of(b).clone();
        if let Some(m) = self.lookup_type(&tb, "__rdivmod__") {
            let r = self.call_method_value(&m, b.clone(), vec![a.clone()])?;
            if !self.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        Err(self.type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            ta.type_name(),
            tb.type_name()
        )))
    }

    /// `pow(x, y, m)`.
    pub fn pow_mod(&mut self, x: &Value, y: &Value, m: &Value) -> PyResult {
        let all_ints = [x, y, m]
            .iter()
            .all(|v| crate::objects::int::to_big(v).is_some());
        if !all_ints || self.class_of(x).tdata().heap {
            let tx = self.class_of(x).clone();
            // (Built-in `__pow__`s take no modulus but int's, handled below.)
            let f = if tx.tdata().heap {
                self.lookup_type(&tx, "__pow__")
            } else {
                None
            };
            if let Some(f) = f {
                let r = self.call_method_value(&f, x.clone(), vec![y.clone(), m.clone()])?;
                if !self.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
            if [x, y, m]
                .iter()
                .all(|v| crate::objects::float::methods::as_complex(self, v).is_some())
            {
                let is_complex = |v: &Value| matches!(v.kind(), Some(ObjKind::Complex(..)));
                if is_complex(x) || is_complex(y) {
                    return Err(self.value_error("complex modulo"));
                }
                return Err(self.type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            }
            return Err(self.type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                self.type_name(x),
                self.type_name(y),
                self.type_name(m)
            )));
        }
        let (bx, by, bm) = (
            crate::objects::int::to_big(x).unwrap_or_default(),
            crate::objects::int::to_big(y).unwrap_or_default(),
            crate::objects::int::to_big(m).unwrap_or_default(),
        );
        if bm == dashu_int::IBig::ZERO {
            return Err(self.value_error("pow() 3rd argument cannot be 0"));
        }
        let modulus = dashu_int::UBig::try_from(if bm < dashu_int::IBig::ZERO {
            -bm.clone()
        } else {
            bm.clone()
        })
        .unwrap_or_default();
        if modulus == dashu_int::UBig::ONE {
            return Ok(Value::Int(0));
        }
        let ring = dashu_int::fast_div::ConstDivisor::new(modulus.clone());
        let base = ring.reduce(bx);
        let r = if by < dashu_int::IBig::ZERO {
            let inv = base.inv();
            match inv {
                Some(i) => i.pow(&dashu_int::UBig::try_from(-by).unwrap_or_default()),
                None => {
                    return Err(self.value_error("base is not invertible for the given modulus"))
                }
            }
        } else {
            base.pow(&dashu_int::UBig::try_from(by).unwrap_or_default())
        };
        let mut r = dashu_int::IBig::from(r.residue());
        if bm < dashu_int::IBig::ZERO && r != dashu_int::IBig::ZERO {
            r += bm;
        }
        Ok(self.new_int(r))
    }

    /// `round(x[, ndigits])`.
    pub fn round(&mut self, x: &Value, ndigits: Option<&Value>) -> PyResult {
        match x {
            Value::FloatBits(f) => {
                crate::objects::float::methods::round_float(self, f64::from_bits(*f), ndigits)
            }
            Value::Int(_) | Value::Truth(_) if ndigits.is_none_or(|n| n.is_none()) => {
                Ok(crate::objects::int::methods::unwrap_number(self, x))
            }
            _ => {
                let cls = self.class_of(x).clone();
                match self.lookup_type(&cls, "__round__") {
                    Some(m) => {
                        let args = ndigits
                            .filter(|n| !n.is_none())
                            .cloned()
                            .into_iter()
                            .collect();
                        self.call_method_value(&m, x.clone(), args)
                    }
                    None => {
                        if let Some(b) = crate::objects::int::to_big(x) {
                            return self.round_int(b, ndigits);
                        }
                        Err(self.type_error(format!(
                            "type {} doesn't define __round__ method",
                            cls.type_name()
                        )))
                    }
                }
            }
        }
    }

    pub(crate) fn round_int(&mut self, b: dashu_int::IBig, ndigits: Option<&Value>) -> PyResult {
        let n = match ndigits.filter(|n| !n.is_none()) {
            Some(n) => match self.index_i64(n)? {
                Some(k) => k,
                None => {
                    return Err(self.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        self.type_name(n)
                    )))
                }
            },
            None => 0,
        };
        if n >= 0 {
            return Ok(self.new_int(b));
        }
        let p = dashu_int::IBig::from(10).pow((-n) as usize);
        let q = &b / &p;
        let r = &b - &q * &p;
        // Floor division, then round half to even.
        let (mut q, mut r) = (q, r);
        if r < dashu_int::IBig::ZERO {
            q -= 1;
            r += &p;
        }
        let twice = &r * 2;
        if twice > p || (twice == p && (&q % dashu_int::IBig::from(2)) != dashu_int::IBig::ZERO) {
            q += 1;
        }
        Ok(self.new_int(q * p))
    }
}
