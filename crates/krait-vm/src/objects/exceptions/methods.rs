//! Exception objects: their methods and attributes, raising and matching,
//! and tracebacks as CPython prints them.

use crate::api::{add_getsets, add_methods, FunctionDef, GetSetDef};
use crate::object::{ExcData, ObjKind};
use crate::objects::function::Args;
use crate::objects::str::value_pystr;
use crate::objects::typeobject::slots::{install, NativeType, Slots};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

/// `BaseException` and the built-in exception classes, which inherit its
/// slots.
pub struct ExceptionType;

impl NativeType for ExceptionType {
    const SLOTS: &'static Slots = &Slots::repr(exception_repr);
}

pub fn register(vm: &mut Vm) {
    let be = vm.exc.base_exception.clone();
    add_methods(vm, &be, BASE_CONSTRUCTION);
    install::<ExceptionType>(vm, &be);
    add_methods(vm, &be, BASE_METHODS);
    add_getsets(vm, &be, crate::objects::typeobject::object::INSTANCE_DICT);
    for (_, class) in vm.exc.all.clone() {
        class.tdata().instance_dict.set(true);
    }
    // The classes whose instances have attributes of their own.
    let own: [(&str, &[FunctionDef]); 10] = [
        ("KeyError", &[FunctionDef::unary("__str__", key_error_str)]),
        (
            "StopIteration",
            &[FunctionDef::method("__init__", value_init)],
        ),
        (
            "StopAsyncIteration",
            &[FunctionDef::method("__init__", value_init)],
        ),
        ("SystemExit", &[FunctionDef::method("__init__", code_init)]),
        ("NameError", &[FunctionDef::method("__init__", name_init)]),
        (
            "AttributeError",
            &[FunctionDef::method("__init__", attribute_init)],
        ),
        ("ImportError", IMPORT_ERROR),
        ("OSError", OS_ERROR),
        ("SyntaxError", SYNTAX_ERROR),
        ("UnicodeDecodeError", UNICODE_ERROR),
    ];
    for (name, defs) in own.into_iter().chain([
        ("UnicodeEncodeError", UNICODE_ERROR),
        ("UnicodeTranslateError", UNICODE_ERROR),
    ]) {
        if let Some(cls) = vm
            .exc
            .all
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, c)| c.clone())
        {
            add_methods(vm, &cls, defs);
        }
    }
    add_getsets(vm, &be, BASE_ATTRIBUTES);
    for (name, defs) in [
        ("NameError", NAME_ATTRIBUTES),
        ("AttributeError", ATTRIBUTE_ERROR_ATTRIBUTES),
        ("StopIteration", VALUE_ATTRIBUTES),
    ] {
        let cls = vm
            .exc
            .all
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, c)| c.clone());
        if let Some(cls) = cls {
            add_getsets(vm, &cls, defs);
        }
    }
}

fn data(v: &Value) -> &RefCell<ExcData> {
    v.as_obj()
        .and_then(exc_data)
        .expect("exception attributes are read on exceptions")
}

/// `__cause__` or `__context__` set to `value`: an exception or None.
fn set_chained(vm: &mut Vm, e: &Value, value: Option<Value>, cause: bool) -> PyResult<()> {
    let what = if cause { "cause" } else { "context" };
    let Some(value) = value else {
        return Err(vm.type_error(format!("__{what}__ may not be deleted")));
    };
    let ok = value.is_none() || value.as_obj().is_some_and(|e| exc_data(e).is_some());
    if !ok {
        return Err(vm.type_error(format!(
            "exception {what} must be None or derive from BaseException"
        )));
    }
    let mut d = data(e).borrow_mut();
    if cause {
        d.cause = value;
        d.suppress_context = true;
    } else {
        d.context = value;
    }
    Ok(())
}

const BASE_ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::new("args", |_, e| Ok(data(e).borrow().args.clone())).settable(|vm, e, v| {
        let Some(v) = v else {
            return Err(vm.type_error("args may not be deleted"));
        };
        let items = vm.iterate(&v)?;
        data(e).borrow_mut().args = vm.new_tuple(items);
        Ok(())
    }),
    GetSetDef::new("__cause__", |_, e| Ok(data(e).borrow().cause.clone()))
        .settable(|vm, e, v| set_chained(vm, e, v, true)),
    GetSetDef::new("__context__", |_, e| Ok(data(e).borrow().context.clone()))
        .settable(|vm, e, v| set_chained(vm, e, v, false)),
    GetSetDef::member("__suppress_context__", |_, e| {
        Ok(Value::Bool(data(e).borrow().suppress_context))
    })
    .settable(|vm, e, v| {
        let b = match v {
            Some(v) => vm.truthy(&v)?,
            None => false,
        };
        data(e).borrow_mut().suppress_context = b;
        Ok(())
    }),
    GetSetDef::new("__traceback__", |vm, e| Ok(vm.traceback_value(e))).settable(|vm, e, v| {
        let Some(v) = v else {
            return Err(vm.type_error("__traceback__ may not be deleted"));
        };
        vm.set_traceback_attr(e, v)
    }),
];

/// An attribute kept in the instance dict, with what the VM recorded
/// when it raised the exception itself (without `__init__`) as default.
fn dict_or(vm: &mut Vm, e: &Value, name: &str, default: fn(&ExcData) -> Value) -> PyResult {
    let own = e.as_obj().and_then(|o| o.object().dict().cloned());
    if let Some(v) = own.and_then(|d| crate::objects::dict::get_str(&d, name)) {
        return Ok(v);
    }
    let _ = vm;
    Ok(default(&data(e).borrow()))
}

fn set_in_dict(vm: &mut Vm, e: &Value, name: &str, value: Option<Value>) -> PyResult<()> {
    let o = e.as_obj().expect("exceptions are objects");
    let d = vm.instance_dict(o).clone();
    let key = vm.intern(name);
    match value {
        Some(v) => crate::objects::dict::set_str(vm, &d, key, v),
        None => {
            crate::objects::dict::remove_str(&d, &key);
        }
    }
    Ok(())
}

const NAME_ATTRIBUTES: &[GetSetDef] = &[GetSetDef::member("name", |vm, e| {
    dict_or(vm, e, "name", |d| d.attr_name.clone())
})
.settable(|vm, e, v| set_in_dict(vm, e, "name", v))];

const ATTRIBUTE_ERROR_ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::member("name", |vm, e| {
        dict_or(vm, e, "name", |d| d.attr_name.clone())
    })
    .settable(|vm, e, v| set_in_dict(vm, e, "name", v)),
    GetSetDef::member("obj", |vm, e| dict_or(vm, e, "obj", |d| d.attr_obj.clone()))
        .settable(|vm, e, v| set_in_dict(vm, e, "obj", v)),
];

/// A generator's return value, made natively without `__init__`, is its
/// first argument.
const VALUE_ATTRIBUTES: &[GetSetDef] = &[GetSetDef::member("value", |vm, e| {
    dict_or(vm, e, "value", |d| {
        crate::eval::tuple_items(&d.args)
            .into_iter()
            .next()
            .unwrap_or(Value::None)
    })
})
.settable(|vm, e, v| set_in_dict(vm, e, "value", v))];

const BASE_CONSTRUCTION: &[FunctionDef] = &[
    FunctionDef::new("__new__", exc_new),
    FunctionDef::method("__init__", exc_init),
    FunctionDef::unary("__str__", exc_str_method),
    FunctionDef::unary("__repr__", exc_repr_method),
];

const BASE_METHODS: &[FunctionDef] = &[
    FunctionDef::method("with_traceback", exc_with_traceback).one(),
    FunctionDef::method("add_note", exc_add_note).one(),
];

const IMPORT_ERROR: &[FunctionDef] = &[
    FunctionDef::method("__init__", import_init),
    FunctionDef::unary("__str__", import_str),
];

const OS_ERROR: &[FunctionDef] = &[
    FunctionDef::method("__init__", os_init),
    FunctionDef::unary("__str__", os_str),
];

const SYNTAX_ERROR: &[FunctionDef] = &[
    FunctionDef::method("__init__", syntax_init),
    FunctionDef::unary("__str__", syntax_str),
];

const UNICODE_ERROR: &[FunctionDef] = &[
    FunctionDef::method("__init__", unicode_init),
    FunctionDef::unary("__str__", unicode_str),
];

pub fn exc_data(o: &Obj) -> Option<&RefCell<ExcData>> {
    match o.kind() {
        ObjKind::Exception(d) => Some(d),
        _ => None,
    }
}

/// `exc` raised from `cause` by the interpreter itself (as `raise exc
/// from cause` inside a handler of `cause`).
pub fn set_cause(exc: &Obj, cause: Obj) {
    if let Some(d) = exc_data(exc) {
        let mut d = d.borrow_mut();
        d.cause = Value::Obj(cause.clone());
        d.context = Value::Obj(cause);
        d.suppress_context = true;
    }
}

fn exc_args(o: &Obj) -> Vec<Value> {
    exc_data(o)
        .map(|d| crate::eval::tuple_items(&d.borrow().args))
        .unwrap_or_default()
}

pub(crate) fn exc_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = match args.pos.first() {
        Some(Value::Obj(c)) if c.type_data().is_some() => c.clone(),
        _ => return Err(vm.type_error("BaseException.__new__(X): X is not a type object")),
    };
    if !cls.is_subtype(&vm.exc.base_exception) {
        return Err(vm.type_error(format!(
            "BaseException.__new__({}) is not a subtype of BaseException",
            cls.tdata().name.borrow()
        )));
    }
    // `OSError(errno, ...)` makes the subclass for that errno.
    let cls = if cls.is(&vm.exc.os_error) && args.pos.len() >= 3 {
        match crate::objects::int::small(&args.pos[1]).and_then(os_error_subclass) {
            Some(name) => vm
                .exc
                .all
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, c)| c.clone())
                .unwrap_or(cls),
            None => cls,
        }
    } else {
        cls
    };
    let obj = crate::objects::typeobject::object::alloc_instance(vm, &cls);
    if let Some(d) = obj.as_obj().and_then(exc_data) {
        d.borrow_mut().args = vm.new_tuple(args.pos[1..].to_vec());
    }
    Ok(obj)
}

/// The OSError subclass CPython picks for an errno (Linux numbering).
fn os_error_subclass(errno: i64) -> Option<&'static str> {
    Some(match errno {
        11 | 114 | 115 => "BlockingIOError",
        10 => "ChildProcessError",
        32 | 108 => "BrokenPipeError",
        103 => "ConnectionAbortedError",
        111 => "ConnectionRefusedError",
        104 => "ConnectionResetError",
        17 => "FileExistsError",
        2 => "FileNotFoundError",
        4 => "InterruptedError",
        21 => "IsADirectoryError",
        20 => "NotADirectoryError",
        1 | 13 => "PermissionError",
        3 => "ProcessLookupError",
        110 => "TimeoutError",
        _ => return None,
    })
}

fn exc_init(vm: &mut Vm, args: Args) -> PyResult {
    let this = args.pos[0].clone();
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!(
            "{}() takes no keyword arguments",
            vm.type_name(&this)
        )));
    }
    if let Some(d) = this.as_obj().and_then(exc_data) {
        d.borrow_mut().args = vm.new_tuple(args.pos[1..].to_vec());
    }
    Ok(Value::None)
}

/// `str()` of an exception of a built-in class.
pub fn exception_str(vm: &mut Vm, o: &Obj) -> PyResult {
    let cls = o.class().clone();
    let m = vm.lookup_type(&cls, "__str__");
    match m {
        Some(m) => vm.call_method_value(&m, Value::Obj(o.clone()), vec![]),
        None => exc_args_str(vm, o),
    }
}

fn exc_args_str(vm: &mut Vm, o: &Obj) -> PyResult {
    let args = exc_args(o);
    match args.len() {
        0 => Ok(Value::Obj(vm.empty_str.clone())),
        1 => vm.str(&args[0]),
        _ => {
            let t = vm.new_tuple(args);
            vm.str(&t)
        }
    }
}

fn exc_str_method(vm: &mut Vm, args: Args) -> PyResult {
    match args.pos[0].as_obj() {
        Some(o) if exc_data(o).is_some() => exc_args_str(vm, o),
        _ => Err(vm.type_error("descriptor '__str__' requires a 'BaseException' object")),
    }
}

pub fn exception_repr(vm: &mut Vm, o: &Obj) -> PyResult {
    let name = o.class().tdata().name.borrow().clone();
    let args = exc_args(o);
    let s = if args.len() == 1 {
        format!("{}({})", name, vm.repr_string(&args[0])?)
    } else {
        let t = vm.new_tuple(args);
        let r = vm.repr_string(&t)?;
        format!("{name}{r}")
    };
    Ok(vm.new_string(s))
}

fn exc_repr_method(vm: &mut Vm, args: Args) -> PyResult {
    match args.pos[0].as_obj() {
        Some(o) if exc_data(o).is_some() => exception_repr(vm, &o.clone()),
        _ => Err(vm.type_error("descriptor '__repr__' requires a 'BaseException' object")),
    }
}

fn exc_with_traceback(vm: &mut Vm, args: Args) -> PyResult {
    let this = args.pos[0].clone();
    vm.set_traceback_attr(&this, args.pos[1].clone())?;
    Ok(this)
}

fn exc_add_note(vm: &mut Vm, args: Args) -> PyResult {
    let note = args.pos[1].clone();
    if value_pystr(&note).is_none() {
        return Err(vm.type_error(format!("note must be a str, not '{}'", vm.type_name(&note))));
    }
    let this = args.pos[0].clone();
    let key = vm.intern("__notes__");
    let notes = match vm.getattr(&this, &key) {
        Ok(n) => n,
        Err(e) if e.class().is_subtype(&vm.exc.attribute_error) => {
            let l = vm.new_list(vec![]);
            vm.setattr(&this, &key, l.clone())?;
            l
        }
        Err(e) => return Err(e),
    };
    match notes.kind() {
        Some(ObjKind::List(l)) => l.borrow_mut().push(note),
        _ => return Err(vm.type_error("Cannot add note: __notes__ is not a list")),
    }
    Ok(Value::None)
}

fn key_error_str(vm: &mut Vm, args: Args) -> PyResult {
    let o = args.pos[0]
        .as_obj()
        .cloned()
        .ok_or_else(|| vm.type_error("expected KeyError"))?;
    let a = exc_args(&o);
    if a.len() == 1 {
        return vm.repr(&a[0]);
    }
    exc_args_str(vm, &o)
}

/// Sets instance attributes from keyword arguments the class accepts.
fn init_with(
    vm: &mut Vm,
    args: Args,
    allowed: &[&str],
    defaults: &[(&str, Value)],
) -> PyResult<Vec<Value>> {
    let this = args.pos[0].clone();
    if let Some(d) = this.as_obj().and_then(exc_data) {
        d.borrow_mut().args = vm.new_tuple(args.pos[1..].to_vec());
    }
    for (k, v) in defaults {
        let key = vm.intern(k);
        vm.setattr(&this, &key, v.clone())?;
    }
    for (k, v) in &args.kw {
        let name = crate::objects::str::text(k).into_owned();
        if !allowed.contains(&name.as_str()) {
            return Err(vm.type_error(format!(
                "{}() got an unexpected keyword argument '{}'",
                vm.type_name(&this),
                name
            )));
        }
        vm.setattr(&this, k, v.clone())?;
    }
    Ok(args.pos[1..].to_vec())
}

fn value_init(vm: &mut Vm, args: Args) -> PyResult {
    let this = args.pos[0].clone();
    let rest = init_with(vm, args, &[], &[])?;
    let v = rest.first().cloned().unwrap_or(Value::None);
    let key = vm.intern("value");
    vm.setattr(&this, &key, v)?;
    Ok(Value::None)
}

fn code_init(vm: &mut Vm, args: Args) -> PyResult {
    let this = args.pos[0].clone();
    let rest = init_with(vm, args, &[], &[])?;
    let code = match rest.len() {
        0 => Value::None,
        1 => rest[0].clone(),
        _ => vm.new_tuple(rest),
    };
    let key = vm.intern("code");
    vm.setattr(&this, &key, code)?;
    Ok(Value::None)
}

fn name_init(vm: &mut Vm, args: Args) -> PyResult {
    init_with(vm, args, &["name"], &[("name", Value::None)])?;
    Ok(Value::None)
}

fn attribute_init(vm: &mut Vm, args: Args) -> PyResult {
    init_with(
        vm,
        args,
        &["name", "obj"],
        &[("name", Value::None), ("obj", Value::None)],
    )?;
    Ok(Value::None)
}

fn import_init(vm: &mut Vm, args: Args) -> PyResult {
    let this = args.pos[0].clone();
    let rest = init_with(
        vm,
        args,
        &["name", "path"],
        &[("name", Value::None), ("path", Value::None)],
    )?;
    let msg = if rest.len() == 1 {
        rest[0].clone()
    } else {
        Value::None
    };
    let key = vm.intern("msg");
    vm.setattr(&this, &key, msg)?;
    Ok(Value::None)
}

fn import_str(vm: &mut Vm, args: Args) -> PyResult {
    let this = args.pos[0].clone();
    let key = vm.intern("msg");
    if let Ok(m) = vm.getattr(&this, &key) {
        if !m.is_none() {
            return vm.str(&m);
        }
    }
    exc_args_str(vm, this.as_obj().unwrap())
}

fn os_init(vm: &mut Vm, args: Args) -> PyResult {
    let this = args.pos[0].clone();
    let rest = init_with(vm, args, &[], &[])?;
    let (errno, strerror, filename) = if (2..=5).contains(&rest.len()) {
        (
            rest[0].clone(),
            rest[1].clone(),
            rest.get(2).cloned().unwrap_or(Value::None),
        )
    } else {
        (Value::None, Value::None, Value::None)
    };
    for (k, v) in [
        ("errno", errno),
        ("strerror", strerror),
        ("filename", filename),
    ] {
        let key = vm.intern(k);
        vm.setattr(&this, &key, v)?;
    }
    if (3..=5).contains(&rest.len()) {
        // `args` keeps only errno and strerror when a filename is given.
        if let Some(d) = this.as_obj().and_then(exc_data) {
            d.borrow_mut().args = vm.new_tuple(rest[..2].to_vec());
        }
    }
    Ok(Value::None)
}

fn os_str(vm: &mut Vm, args: Args) -> PyResult {
    let this = args.pos[0].clone();
    let get = |vm: &mut Vm, k: &str| -> Value {
        let key = vm.intern(k);
        vm.getattr(&this, &key).unwrap_or(Value::None)
    };
    let errno = get(vm, "errno");
    let strerror = get(vm, "strerror");
    let filename = get(vm, "filename");
    if !errno.is_none() && !strerror.is_none() {
        let s = if filename.is_none() {
            format!(
                "[Errno {}] {}",
                vm.str_string(&errno)?,
                vm.str_string(&strerror)?
            )
        } else {
            format!(
                "[Errno {}] {}: {}",
                vm.str_string(&errno)?,
                vm.str_string(&strerror)?,
                vm.repr_string(&filename)?
            )
        };
        return Ok(vm.new_string(s));
    }
    exc_args_str(vm, this.as_obj().unwrap())
}

fn syntax_init(vm: &mut Vm, args: Args) -> PyResult {
    let this = args.pos[0].clone();
    let rest = init_with(vm, args, &[], &[])?;
    let msg = rest.first().cloned().unwrap_or(Value::None);
    let mut fields = vec![Value::None; 6];
    if let Some(details) = rest.get(1) {
        let items = vm.iterate(details)?;
        if items.len() < 4 || items.len() > 6 {
            return Err(vm.index_error("tuple index out of range"));
        }
        for (i, v) in items.into_iter().enumerate() {
            fields[i] = v;
        }
    }
    let key = vm.intern("msg");
    vm.setattr(&this, &key, msg)?;
    for (k, v) in [
        "filename",
        "lineno",
        "offset",
        "text",
        "end_lineno",
        "end_offset",
    ]
    .iter()
    .zip(fields)
    {
        let key = vm.intern(k);
        vm.setattr(&this, &key, v)?;
    }
    let key = vm.intern("print_file_and_line");
    vm.setattr(&this, &key, Value::None)?;
    Ok(Value::None)
}

fn syntax_str(vm: &mut Vm, args: Args) -> PyResult {
    let this = args.pos[0].clone();
    let get = |vm: &mut Vm, k: &str| -> Value {
        let key = vm.intern(k);
        vm.getattr(&this, &key).unwrap_or(Value::None)
    };
    let msg = get(vm, "msg");
    let filename = get(vm, "filename");
    let lineno = get(vm, "lineno");
    let msg_s = vm.str_string(&msg)?;
    let file = value_pystr(&filename).map(|s| {
        let f = s.to_string_lossy().into_owned();
        f.rsplit('/').next().unwrap_or(&f).to_string()
    });
    let line = crate::objects::int::small(&lineno);
    let s = match (file, line) {
        (Some(f), Some(l)) => format!("{msg_s} ({f}, line {l})"),
        (Some(f), None) => format!("{msg_s} ({f})"),
        (None, Some(l)) => format!("{msg_s} (line {l})"),
        (None, None) => msg_s,
    };
    Ok(vm.new_string(s))
}

fn unicode_init(vm: &mut Vm, args: Args) -> PyResult {
    let this = args.pos[0].clone();
    let rest = init_with(vm, args, &[], &[])?;
    // UnicodeTranslateError(object, start, end, reason) has no encoding.
    let fields: &[&str] = match rest.len() {
        5 => &["encoding", "object", "start", "end", "reason"],
        4 if is_translate_error(vm, &this) => {
            let key = vm.intern("encoding");
            vm.setattr(&this, &key, Value::None)?;
            &["object", "start", "end", "reason"]
        }
        _ => &[],
    };
    for (k, v) in fields.iter().zip(rest) {
        let key = vm.intern(k);
        vm.setattr(&this, &key, v)?;
    }
    Ok(Value::None)
}

fn is_translate_error(vm: &Vm, this: &Value) -> bool {
    let translate = vm.exception_class("UnicodeTranslateError");
    vm.class_of(this).is_subtype(&translate)
}

fn unicode_str(vm: &mut Vm, args: Args) -> PyResult {
    let this = args.pos[0].clone();
    let get = |vm: &mut Vm, k: &str| -> Option<Value> {
        let key = vm.intern(k);
        vm.getattr(&this, &key).ok()
    };
    let (Some(enc), Some(obj), Some(start), Some(end), Some(reason)) = (
        get(vm, "encoding"),
        get(vm, "object"),
        get(vm, "start"),
        get(vm, "end"),
        get(vm, "reason"),
    ) else {
        return exc_args_str(vm, this.as_obj().unwrap());
    };
    let translate = is_translate_error(vm, &this);
    let enc = vm.str_string(&enc)?;
    let reason = vm.str_string(&reason)?;
    let (s, e) = (
        crate::objects::int::small(&start).unwrap_or(0),
        crate::objects::int::small(&end).unwrap_or(0),
    );
    let decode = vm.class_of(&this).tdata().name.borrow().contains("Decode");
    // One item is named only when it lies inside the object, as CPython
    // checks (the positions are attributes a program may set to anything).
    let text = if decode {
        let byte = match obj.kind() {
            Some(ObjKind::Bytes(b)) if s >= 0 => b.get(s as usize).copied(),
            _ => None,
        };
        if let (Some(b), true) = (byte, e == s + 1) {
            format!("'{enc}' codec can't decode byte {b:#04x} in position {s}: {reason}")
        } else {
            format!(
                "'{enc}' codec can't decode bytes in position {}-{}: {reason}",
                s,
                e - 1
            )
        }
    } else {
        let cp = value_pystr(&obj)
            .filter(|p| s >= 0 && (s as usize) < p.len())
            .map(|p| p.code_point_at(s as usize));
        if let (Some(cp), true) = (cp, e == s + 1) {
            let ch = if cp < 0x100 {
                format!("\\x{cp:02x}")
            } else if cp < 0x10000 {
                format!("\\u{cp:04x}")
            } else {
                format!("\\U{cp:08x}")
            };
            if translate {
                format!("can't translate character '{ch}' in position {s}: {reason}")
            } else {
                format!("'{enc}' codec can't encode character '{ch}' in position {s}: {reason}")
            }
        } else if translate {
            format!(
                "can't translate characters in position {s}-{}: {reason}",
                e - 1
            )
        } else {
            format!(
                "'{enc}' codec can't encode characters in position {}-{}: {reason}",
                s,
                e - 1
            )
        }
    };
    Ok(vm.new_string(text))
}

// ---- raising and catching -------------------------------------------------------

impl Vm {
    /// The exception object for `raise v [from cause]`.
    pub fn make_raisable(&mut self, v: Value, cause: Option<Value>) -> PyResult<Obj> {
        let exc = self.instantiate_exception(v, "exceptions must derive from BaseException")?;
        if let Some(c) = cause {
            let cause =
                if c.is_none() {
                    Value::None
                } else {
                    Value::Obj(self.instantiate_exception(
                        c,
                        "exception causes must derive from BaseException",
                    )?)
                };
            if let Some(d) = exc_data(&exc) {
                let mut d = d.borrow_mut();
                d.cause = cause;
                d.suppress_context = true;
            }
        }
        Ok(exc)
    }

    fn instantiate_exception(&mut self, v: Value, msg: &str) -> PyResult<Obj> {
        match &v {
            Value::Obj(o) if o.type_data().is_some() && o.is_subtype(&self.exc.base_exception) => {
                let e = self.call(&v, vec![])?;
                match e {
                    Value::Obj(eo) if exc_data(&eo).is_some() => Ok(eo),
                    other => {
                        let cls = crate::objects::typeobject::class::type_repr_string(self, o);
                        Err(self.type_error(format!(
                            "calling {} should have returned an instance of BaseException, not {}",
                            cls,
                            self.type_name(&other)
                        )))
                    }
                }
            }
            Value::Obj(o) if exc_data(o).is_some() => Ok(o.clone()),
            _ => Err(self.type_error(msg)),
        }
    }

    /// Links a newly raised exception to the one being handled.
    pub fn set_context(&mut self, exc: &Obj) {
        let Value::Obj(cur) = self.current_exception() else {
            return;
        };
        if cur.is(exc) {
            return;
        }
        // Avoid cycles: cut the chain where it would reach `exc`.
        let mut o = cur.clone();
        let mut steps = 0;
        while let Some(d) = exc_data(&o) {
            let next = d.borrow().context.clone();
            match next {
                Value::Obj(n) => {
                    if n.is(exc) {
                        if let Some(d) = exc_data(&o) {
                            d.borrow_mut().context = Value::None;
                        }
                        break;
                    }
                    o = n;
                }
                _ => break,
            }
            steps += 1;
            if steps > 10000 {
                break;
            }
        }
        if let Some(d) = exc_data(exc) {
            d.borrow_mut().context = Value::Obj(cur);
        }
    }

    /// `except T:` matching.
    pub fn exception_matches(&mut self, exc: &Value, ty: &Value) -> PyResult<bool> {
        let check = |vm: &Vm, t: &Value| -> PyResult<Option<Obj>> {
            match t {
                Value::Obj(o)
                    if o.type_data().is_some() && o.is_subtype(&vm.exc.base_exception) =>
                {
                    Ok(Some(o.clone()))
                }
                _ => Err(vm.type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                )),
            }
        };
        let ecls = self.class_of(exc).clone();
        if let Some(ObjKind::Tuple(items)) = ty.kind() {
            let items = items.to_vec();
            for t in &items {
                check(self, t)?;
            }
            return Ok(items.iter().any(|t| ecls.is_subtype(t.as_obj().unwrap())));
        }
        let t = check(self, ty)?.unwrap();
        Ok(ecls.is_subtype(&t))
    }

    /// The exception's `__traceback__` as a traceback object (or None).
    pub fn traceback_value(&mut self, exc: &Value) -> Value {
        let Some(o) = exc.as_obj() else {
            return Value::None;
        };
        let Some(d) = exc_data(o) else {
            return Value::None;
        };
        let (n, cached) = {
            let d = d.borrow();
            (d.traceback.len(), d.tb_object.clone())
        };
        if n == 0 {
            return Value::None;
        }
        if let Some((len, v)) = cached {
            if len == n {
                return v;
            }
        }
        let entries = d.borrow().traceback.clone();
        let mut next = Value::None;
        for e in entries.iter().filter(|e| !e.is_native()) {
            let code = Value::Obj(Obj::new(
                self.types.code.clone(),
                ObjKind::Code(e.code.clone()),
            ));
            let lineno = e
                .code
                .code
                .positions
                .get(e.pc as usize)
                .map(|p| p.lineno)
                .unwrap_or(0);
            let frame = Value::Obj(Obj::new(
                self.types.frame.clone(),
                ObjKind::Frame(Box::new(crate::objects::traceback::FrameSnapshot {
                    code,
                    lineno,
                    lasti: e.code.lasti(e.pc),
                    globals: e.globals.clone(),
                    locals: std::cell::RefCell::new(Value::None),
                    fast: Vec::new(),
                    back: Value::None,
                })),
            ));
            next = Value::Obj(Obj::new(
                self.types.traceback.clone(),
                ObjKind::Traceback {
                    frame_code: frame,
                    lineno,
                    lasti: e.code.lasti(e.pc),
                    next: std::cell::RefCell::new(next),
                },
            ));
        }
        d.borrow_mut().tb_object = Some((n, next.clone()));
        next
    }

    /// `exc.__traceback__ = tb`.
    pub fn set_traceback_attr(&mut self, exc: &Value, tb: Value) -> PyResult<()> {
        let Some(d) = exc.as_obj().and_then(exc_data) else {
            return Ok(());
        };
        if tb.is_none() {
            let mut d = d.borrow_mut();
            d.traceback.clear();
            d.tb_object = None;
            return Ok(());
        }
        // Rebuild the entries from the traceback object chain.
        let mut entries = Vec::new();
        let mut cur = tb.clone();
        while let Some(ObjKind::Traceback {
            frame_code,
            lasti,
            next,
            ..
        }) = cur.kind()
        {
            let (code, globals) = match frame_code.kind() {
                Some(ObjKind::Frame(f)) => (f.code.clone(), f.globals.clone()),
                _ => (frame_code.clone(), Value::None),
            };
            if let Some(ObjKind::Code(c)) = code.kind() {
                entries.push(crate::eval::frame::TracebackEntry {
                    code: c.clone(),
                    pc: c.view().instruction_at(*lasti) as u32,
                    globals,
                });
            }
            let n = next.borrow().clone();
            cur = n;
        }
        if !tb.is_none() && !matches!(tb.kind(), Some(ObjKind::Traceback { .. })) {
            return Err(self.type_error("__traceback__ must be a traceback or None"));
        }
        entries.reverse();
        let mut d = d.borrow_mut();
        let n = entries.len();
        d.traceback = entries;
        d.tb_object = Some((n, tb));
        Ok(())
    }

    /// Rewrites the TypeError of iterating a `*arg` in a display.
    pub fn star_arg_error(&mut self, e: Obj, iterable: &Value) -> Obj {
        if e.class().is(&self.exc.type_error) && !self.has_iter(iterable) {
            return self.type_error(format!(
                "Value after * must be an iterable, not {}",
                self.type_name(iterable)
            ));
        }
        e
    }

    /// Rewrites the TypeError of iterating the `*args` of a call.
    pub fn star_call_error(&mut self, e: Obj, callable: &Value, args: &Value) -> Obj {
        if e.class().is(&self.exc.type_error) && !self.has_iter(args) {
            let name = self.callable_name(callable);
            return self.type_error(format!(
                "{} argument after * must be an iterable, not {}",
                name,
                self.type_name(args)
            ));
        }
        e
    }

    /// How CPython names a callable in call errors: `f()`, `A.m()`.
    pub fn callable_name(&mut self, callable: &Value) -> String {
        match callable.kind() {
            Some(ObjKind::Function(f)) => {
                let module = f.module.borrow().clone();
                match crate::objects::str::value_pystr(&module)
                    .map(|s| s.to_string_lossy().into_owned())
                {
                    Some(m) if m != "builtins" => {
                        format!("{m}.{}()", crate::eval::call::qualname(f))
                    }
                    _ => format!("{}()", crate::eval::call::qualname(f)),
                }
            }
            Some(ObjKind::BoundMethod { func, .. }) => {
                let f = func.clone();
                self.callable_name(&f)
            }
            Some(ObjKind::Builtin(b)) => format!("{}()", b.name),
            Some(ObjKind::Type(t)) => format!("{}()", t.name.borrow()),
            _ => format!("{} object", self.type_name(callable)),
        }
    }

    /// The `**kwargs` of a call as (name, value) pairs.
    pub fn kwargs_pairs(
        &mut self,
        callable: &Value,
        mapping: &Value,
    ) -> PyResult<Vec<(Obj, Value)>> {
        let items: Vec<(Value, Value)> = match mapping.kind() {
            Some(ObjKind::Dict(d)) => d
                .borrow()
                .iter()
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect(),
            _ => {
                let keys_name = self.names.keys.clone();
                let keys = match self.getattr(mapping, &keys_name) {
                    Ok(k) => k,
                    Err(_) => {
                        let name = self.callable_name(callable);
                        return Err(self.type_error(format!(
                            "{} argument after ** must be a mapping, not {}",
                            name,
                            self.type_name(mapping)
                        )));
                    }
                };
                let ks = self.call(&keys, vec![])?;
                let ks = self.iterate(&ks)?;
                let mut out = Vec::new();
                for k in ks {
                    let v = self.getitem(mapping, &k)?;
                    out.push((k, v));
                }
                out
            }
        };
        let mut out: Vec<(Obj, Value)> = Vec::with_capacity(items.len());
        for (k, v) in items {
            match &k {
                Value::Obj(o) if crate::objects::str::as_pystr(o).is_some() => {
                    if out.iter().any(|(x, _)| {
                        crate::objects::str::as_pystr(x) == crate::objects::str::as_pystr(o)
                    }) {
                        let name = self.callable_name(callable);
                        return Err(self.type_error(format!(
                            "{} got multiple values for keyword argument '{}'",
                            name,
                            crate::objects::str::text(o)
                        )));
                    }
                    let key = match crate::objects::str::as_pystr(o).and_then(|s| s.as_str()) {
                        Some(s) => self.intern(s),
                        None => o.clone(),
                    };
                    out.push((key, v));
                }
                _ => return Err(self.type_error("keywords must be strings")),
            }
        }
        Ok(out)
    }

    /// `{**a}` (update) and `f(**a, **b)` (merge: duplicates are errors,
    /// reported against the function being called).
    pub fn dict_update_from(&mut self, d: &Obj, other: &Value, merge: bool) -> PyResult<()> {
        self.dict_merge_for(d, other, merge, None)
    }

    pub fn dict_merge_for(
        &mut self,
        d: &Obj,
        other: &Value,
        merge: bool,
        func: Option<&Value>,
    ) -> PyResult<()> {
        let func_name = |vm: &mut Vm| match func {
            Some(f) => format!("{} ", vm.callable_name(f)),
            None => String::new(),
        };
        let items: Vec<(Value, Value)> = match other.kind() {
            Some(ObjKind::Dict(od)) => od
                .borrow()
                .iter()
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect(),
            _ => {
                let keys_name = self.names.keys.clone();
                let keys = match self.getattr(other, &keys_name) {
                    Ok(k) => k,
                    Err(_) => {
                        if func.is_some() {
                            let name = func_name(self);
                            return Err(self.type_error(format!(
                                "{}argument after ** must be a mapping, not {}",
                                name,
                                self.type_name(other)
                            )));
                        }
                        return Err(self.type_error(format!(
                            "'{}' object is not a mapping",
                            self.type_name(other)
                        )));
                    }
                };
                let ks = self.call(&keys, vec![])?;
                let ks = self.iterate(&ks)?;
                let mut out = Vec::new();
                for k in ks {
                    let v = self.getitem(other, &k)?;
                    out.push((k, v));
                }
                out
            }
        };
        for (k, v) in items {
            if merge && crate::objects::dict::get(self, d, &k)?.is_some() {
                let ks = self.str_string(&k)?;
                let name = func_name(self);
                return Err(self.type_error(format!(
                    "{name}got multiple values for keyword argument '{ks}'"
                )));
            }
            crate::objects::dict::set(self, d, k, v)?;
        }
        Ok(())
    }
}
