//! The `builtins` module: its functions, types and constants.

use crate::bootstrap::{bind, check_args, function, set_attr_str};
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
    let name = vm.new_str("builtins");
    set_attr_str(vm, &b, "__name__", name);

    function(
        vm,
        &b,
        "__build_class__",
        crate::objects::typeobject::class::build_class,
    );
    function(vm, &b, "print", builtin_print);
    function(vm, &b, "len", builtin_len);
    function(vm, &b, "repr", |vm, a| {
        check_args(vm, &a, "repr", 1, 1)?;
        vm.repr(&a.pos[0])
    });
    function(vm, &b, "ascii", |vm, a| {
        check_args(vm, &a, "ascii", 1, 1)?;
        vm.ascii(&a.pos[0])
    });
    function(vm, &b, "format", |vm, a| {
        crate::bootstrap::check_args_positional(vm, &a, "format", 1, 2)?;
        vm.format(&a.pos[0], a.pos.get(1))
    });
    function(vm, &b, "isinstance", builtin_isinstance);
    function(vm, &b, "issubclass", |vm, a| {
        crate::bootstrap::check_args_positional(vm, &a, "issubclass", 2, 2)?;
        Ok(Value::Bool(vm.issubclass(&a.pos[0], &a.pos[1])?))
    });
    function(vm, &b, "abs", |vm, a| {
        check_args(vm, &a, "abs", 1, 1)?;
        vm.abs(&a.pos[0])
    });
    function(vm, &b, "min", |vm, a| min_max(vm, a, "min", CompareOp::Lt));
    function(vm, &b, "max", |vm, a| min_max(vm, a, "max", CompareOp::Gt));
    function(vm, &b, "sum", builtin_sum);
    function(vm, &b, "sorted", |vm, a| {
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
    });
    function(vm, &b, "iter", |vm, a| {
        crate::bootstrap::check_args_positional(vm, &a, "iter", 1, 2)?;
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
    });
    function(vm, &b, "next", |vm, a| {
        crate::bootstrap::check_args_positional(vm, &a, "next", 1, 2)?;
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
    });
    function(vm, &b, "hash", |vm, a| {
        check_args(vm, &a, "hash", 1, 1)?;
        Ok(Value::Int(vm.hash(&a.pos[0])?))
    });
    function(vm, &b, "id", |vm, a| {
        check_args(vm, &a, "id", 1, 1)?;
        Ok(Value::Int(vm.id_of(&a.pos[0])))
    });
    function(vm, &b, "getattr", |vm, a| {
        crate::bootstrap::check_args_positional(vm, &a, "getattr", 2, 3)?;
        let name = attr_name(vm, &a.pos[1], "getattr")?;
        match vm.getattr(&a.pos[0], &name) {
            Ok(v) => Ok(v),
            Err(e) if a.pos.len() == 3 && e.class().is_subtype(&vm.exc.attribute_error) => {
                Ok(a.pos[2].clone())
            }
            Err(e) => Err(e),
        }
    });
    function(vm, &b, "setattr", |vm, a| {
        crate::bootstrap::check_args_positional(vm, &a, "setattr", 3, 3)?;
        let name = attr_name(vm, &a.pos[1], "setattr")?;
        vm.setattr(&a.pos[0], &name, a.pos[2].clone())?;
        Ok(Value::None)
    });
    function(vm, &b, "delattr", |vm, a| {
        crate::bootstrap::check_args_positional(vm, &a, "delattr", 2, 2)?;
        let name = attr_name(vm, &a.pos[1], "delattr")?;
        vm.delattr(&a.pos[0], &name)?;
        Ok(Value::None)
    });
    function(vm, &b, "hasattr", |vm, a| {
        crate::bootstrap::check_args_positional(vm, &a, "hasattr", 2, 2)?;
        let name = attr_name(vm, &a.pos[1], "hasattr")?;
        match vm.getattr(&a.pos[0], &name) {
            Ok(_) => Ok(Value::Bool(true)),
            Err(e) if e.class().is_subtype(&vm.exc.attribute_error) => Ok(Value::Bool(false)),
            Err(e) => Err(e),
        }
    });
    function(vm, &b, "callable", |vm, a| {
        check_args(vm, &a, "callable", 1, 1)?;
        Ok(Value::Bool(vm.is_callable(&a.pos[0])))
    });
    function(vm, &b, "chr", |vm, a| {
        check_args(vm, &a, "chr", 1, 1)?;
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
    });
    function(vm, &b, "ord", |vm, a| {
        check_args(vm, &a, "ord", 1, 1)?;
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
    });
    function(vm, &b, "hex", |vm, a| radix(vm, a, "hex", "#x"));
    function(vm, &b, "oct", |vm, a| radix(vm, a, "oct", "#o"));
    function(vm, &b, "bin", |vm, a| radix(vm, a, "bin", "#b"));
    function(vm, &b, "divmod", |vm, a| {
        crate::bootstrap::check_args_positional(vm, &a, "divmod", 2, 2)?;
        vm.divmod(&a.pos[0], &a.pos[1])
    });
    function(vm, &b, "pow", |vm, a| {
        let b = bind(vm, a, "pow", &["base", "exp", "mod"], 0, 2)?;
        let (x, y) = (b[0].clone().unwrap(), b[1].clone().unwrap());
        match b[2].clone().filter(|m| !m.is_none()) {
            None => vm.binary_op(BinOp::Power, &x, &y),
            Some(m) => vm.pow_mod(&x, &y, &m),
        }
    });
    function(vm, &b, "round", |vm, a| {
        let b = bind(vm, a, "round", &["number", "ndigits"], 0, 1)?;
        let x = b[0].clone().unwrap();
        vm.round(&x, b[1].as_ref())
    });
    function(vm, &b, "any", |vm, a| {
        check_args(vm, &a, "any", 1, 1)?;
        let it = vm.iter(&a.pos[0])?;
        while let Some(v) = vm.next(&it)? {
            if vm.truthy(&v)? {
                return Ok(Value::Bool(true));
            }
        }
        Ok(Value::Bool(false))
    });
    function(vm, &b, "all", |vm, a| {
        check_args(vm, &a, "all", 1, 1)?;
        let it = vm.iter(&a.pos[0])?;
        while let Some(v) = vm.next(&it)? {
            if !vm.truthy(&v)? {
                return Ok(Value::Bool(false));
            }
        }
        Ok(Value::Bool(true))
    });
    function(vm, &b, "globals", |vm, a| {
        check_args(vm, &a, "globals", 0, 0)?;
        Ok(vm
            .frames
            .last()
            .map(|f| Value::Obj(f.globals.clone()))
            .unwrap_or(Value::None))
    });
    function(vm, &b, "locals", |vm, a| {
        check_args(vm, &a, "locals", 0, 0)?;
        vm.current_locals()
    });
    function(vm, &b, "vars", |vm, a| {
        crate::bootstrap::check_args_positional(vm, &a, "vars", 0, 1)?;
        match a.pos.first() {
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
        }
    });
    // `exit()` and `quit()`, which CPython's `site` adds for scripts too.
    for name in ["exit", "quit"] {
        function(vm, &b, name, |vm, a| {
            check_args(vm, &a, "exit", 0, 1)?;
            let cls = Value::Obj(vm.exc.system_exit.clone());
            let e = vm.call(&cls, a.pos.to_vec())?;
            Err(e
                .as_obj()
                .cloned()
                .unwrap_or_else(|| vm.runtime_error("exit")))
        });
    }
    function(vm, &b, "dir", |vm, a| {
        crate::bootstrap::check_args_positional(vm, &a, "dir", 0, 1)?;
        let names = match a.pos.first() {
            None => {
                let l = vm.current_locals()?;
                vm.iterate(&l)?
            }
            // A module's names are its namespace's keys.
            Some(Value::Obj(m)) if matches!(m.kind(), ObjKind::Module(_)) => {
                match m.object().dict() {
                    Some(d) => {
                        let d = Value::Obj(d.clone());
                        vm.iterate(&d)?
                    }
                    None => Vec::new(),
                }
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
    });
    function(vm, &b, "input", |vm, a| {
        check_args(vm, &a, "input", 0, 1)?;
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
    });
    function(vm, &b, "exec", |vm, a| run_source(vm, a, "exec"));
    function(vm, &b, "eval", |vm, a| run_source(vm, a, "eval"));
    function(vm, &b, "compile", builtin_compile);
    function(vm, &b, "__import__", |vm, a| {
        let b = bind(
            vm,
            a,
            "__import__",
            &["name", "globals", "locals", "fromlist", "level"],
            0,
            1,
        )?;
        let name = b[0].clone().unwrap();
        let Some(n) = name
            .as_obj()
            .filter(|o| crate::objects::str::as_pystr(o).is_some())
            .cloned()
        else {
            return Err(vm.type_error("__import__() argument 1 must be str"));
        };
        let fromlist = b[3].clone().unwrap_or(Value::None);
        let level = b[4].clone().unwrap_or(Value::Int(0));
        let globals = b[1].clone().unwrap_or(Value::None);
        vm.import_module(&n, &fromlist, &level, &globals)
    });
    function(vm, &b, "open", |vm, _| {
        Err(vm.not_implemented_error(
            "open() is not supported yet: file access comes with the standard library",
        ))
    });
    function(vm, &b, "breakpoint", |_, _| Ok(Value::None));
}

/// `len(x)` (the loop calls it without building arguments).
pub(crate) fn builtin_len(vm: &mut Vm, a: Args) -> PyResult {
    check_args(vm, &a, "len", 1, 1)?;
    Ok(Value::Int(vm.len(&a.pos[0])? as i64))
}

/// `isinstance(x, t)` (the loop calls it without building arguments).
pub(crate) fn builtin_isinstance(vm: &mut Vm, a: Args) -> PyResult {
    crate::bootstrap::check_args_positional(vm, &a, "isinstance", 2, 2)?;
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
    let mut key = None;
    let mut default = None;
    for (k, v) in &a.kw {
        match crate::objects::str::text(k).as_ref() {
            "key" => key = Some(v.clone()).filter(|k| !k.is_none()),
            "default" => default = Some(v.clone()),
            other => {
                return Err(vm.type_error(format!(
                    "{name}() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    let items = match a.pos.len() {
        0 => return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0"))),
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
    let b = bind(vm, a, "sum", &["iterable", "start"], 1, 1)?;
    let start = b[1].clone().unwrap_or(Value::Int(0));
    let it = vm.iter(b[0].as_ref().unwrap())?;
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

fn radix(vm: &mut Vm, a: Args, name: &str, spec: &str) -> PyResult {
    check_args(vm, &a, name, 1, 1)?;
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
    if what == "eval" {
        crate::bootstrap::check_args_positional(vm, &a, "eval", 1, 3)?;
    } else if a.pos.len() > 3 {
        return Err(vm.type_error(format!(
            "exec() takes at most 3 positional arguments ({} given)",
            a.pos.len()
        )));
    }
    let b = bind(vm, a, what, &["source", "globals", "locals"], 1, 1)?;
    let source = b[0].clone().unwrap();
    let (globals, locals) = match (&b[1], &b[2]) {
        (Some(g), l) if !g.is_none() => {
            let Some(gd) = g
                .as_obj()
                .filter(|o| matches!(o.kind(), ObjKind::Dict(_)))
                .cloned()
            else {
                return Err(vm.type_error(format!(
                    "{what}() globals must be a dict, not {}",
                    vm.type_name(g)
                )));
            };
            let l = l
                .clone()
                .filter(|l| !l.is_none())
                .unwrap_or(Value::Obj(gd.clone()));
            (gd, l)
        }
        (_, l) => {
            let f = vm.frames.last();
            let g = match f {
                Some(f) => f.globals.clone(),
                None => return Err(vm.runtime_error("no current frame")),
            };
            let l = match l.clone().filter(|l| !l.is_none()) {
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

fn builtin_compile(vm: &mut Vm, a: Args) -> PyResult {
    let b = bind(
        vm,
        a,
        "compile",
        &[
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
        ],
        0,
        3,
    )?;
    let source = b[0].clone().unwrap();
    let filename =
        crate::objects::float::methods::text_arg(b[1].as_ref().unwrap()).unwrap_or_default();
    let mode = match crate::objects::float::methods::text_arg(b[2].as_ref().unwrap()).as_deref() {
        Some("exec") => Mode::Exec,
        Some("eval") => Mode::Eval,
        Some("single") => Mode::Single,
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    if let Some(f) = &b[3] {
        if crate::objects::int::small(f).unwrap_or(0) & 0x400 != 0 {
            return Err(vm.not_implemented_error(
                "compile() to an AST (PyCF_ONLY_AST) is not supported yet",
            ));
        }
    }
    let text = match source.kind() {
        Some(ObjKind::ByteArray(_)) | None => None,
        _ => lossy_text(&source),
    };
    let Some(text) = text else {
        return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object"));
    };
    let code = vm.compile_source(&text, &filename, mode)?;
    let co = vm.load_code(&code);
    Ok(Value::Obj(Obj::new(
        vm.types.code.clone(),
        ObjKind::Code(co),
    )))
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
            _ => {
                let cls = self.class_of(v).clone();
                let name = self.names.call.clone();
                self.lookup_type_obj(&cls, &name).is_some()
            }
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
        let Some(f) = self.frames.last() else {
            return Ok(self.new_dict());
        };
        if !f.locals.is_null() {
            return Ok(f.locals.clone());
        }
        let code = f.code.clone();
        let base = f.base;
        let d = self.new_dict_obj(crate::objects::dict::table::Dict::new());
        for i in 0..code.nlocalsplus {
            let mut v = self.stack[base + i].clone();
            if i >= code.nlocals {
                v = match v.kind() {
                    Some(ObjKind::Cell(c)) => c.borrow().clone(),
                    _ => v,
                };
            }
            if !v.is_null() {
                let name = self.intern(code.code.slot_name(i));
                crate::objects::dict::set_str(self, &d, name, v);
            }
        }
        Ok(Value::Obj(d))
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
