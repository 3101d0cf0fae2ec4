//! The `sys` module, and the standard streams as Python objects.

use crate::api::{add_functions, FunctionDef};
use crate::bootstrap::set_attr_str;
use crate::modules::streams::{stream_of, Stream};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    let sys = vm.sys.clone();
    crate::modules::streams::register(vm, &sys);
    let modules = Value::Obj(vm.modules.clone());
    set_attr_str(vm, &sys, "modules", modules);
    let argv: Vec<Value> = vm.argv.clone().iter().map(|a| vm.new_str(a)).collect();
    let argv = vm.new_list(argv);
    set_attr_str(vm, &sys, "argv", argv);
    let path: Vec<Value> = vm.path.clone().iter().map(|p| vm.new_str(p)).collect();
    let path = vm.new_list(path);
    set_attr_str(vm, &sys, "path", path);
    // The shape CPython's is in, "version (build) [compiler]", which
    // `platform` parses (wsgiref, asyncio's tests and pip ask it).
    let v = vm.new_str("3.11.7 (krait 0.1.0) [Rust]");
    set_attr_str(vm, &sys, "version", v);
    let vi = vec![
        Value::Int(3),
        Value::Int(11),
        Value::Int(7),
        vm.new_str("final"),
        Value::Int(0),
    ];
    let vi = struct_seq(vm, "sys.version_info", VERSION_INFO_FIELDS, vi);
    set_attr_str(vm, &sys, "version_info", vi);
    let fi = vec![
        Value::Float(f64::MAX),
        Value::Int(f64::MAX_EXP as i64),
        Value::Int(f64::MAX_10_EXP as i64),
        Value::Float(f64::MIN_POSITIVE),
        Value::Int(f64::MIN_EXP as i64),
        Value::Int(f64::MIN_10_EXP as i64),
        Value::Int(f64::DIGITS as i64),
        Value::Int(f64::MANTISSA_DIGITS as i64),
        Value::Float(f64::EPSILON),
        Value::Int(f64::RADIX as i64),
        Value::Int(1),
    ];
    let fi = struct_seq(vm, "sys.float_info", FLOAT_INFO_FIELDS, fi);
    set_attr_str(vm, &sys, "float_info", fi);
    // CPython's digits are 30 bits.
    let ii = vec![
        Value::Int(30),
        Value::Int(4),
        Value::Int(krait_syntax::literals::DEFAULT_MAX_STR_DIGITS as i64),
        Value::Int(krait_syntax::literals::MIN_MAX_STR_DIGITS as i64),
    ];
    let ii = struct_seq(vm, "sys.int_info", INT_INFO_FIELDS, ii);
    set_attr_str(vm, &sys, "int_info", ii);
    set_attr_str(vm, &sys, "hexversion", Value::Int(0x030B07F0));
    let lib = vm.new_str("lib");
    set_attr_str(vm, &sys, "platlibdir", lib);
    set_attr_str(vm, &sys, "maxsize", Value::Int(i64::MAX));
    set_attr_str(vm, &sys, "maxunicode", Value::Int(0x10FFFF));
    let bo = vm.new_str(if cfg!(target_endian = "little") {
        "little"
    } else {
        "big"
    });
    set_attr_str(vm, &sys, "byteorder", bo);
    let pl = vm.new_str(std::env::consts::OS);
    set_attr_str(vm, &sys, "platform", pl);
    let exe = std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let exe = vm.new_string(exe);
    set_attr_str(vm, &sys, "executable", exe);
    let version = vec![
        Value::Int(0),
        Value::Int(1),
        Value::Int(0),
        vm.new_str("alpha"),
        Value::Int(0),
    ];
    let version = struct_seq(vm, "sys.version_info", VERSION_INFO_FIELDS, version);
    let attrs = vec![
        ("name", vm.new_str("krait")),
        ("cache_tag", vm.new_str("krait-311")),
        ("version", version),
        ("hexversion", Value::Int(0x000100A0)),
        ("_multiarch", vm.new_str("x86_64-linux-gnu")),
    ];
    let imp = vm.new_namespace(attrs);
    set_attr_str(vm, &sys, "implementation", imp);
    set_builtin_module_names(vm);
    add_functions(vm, &sys, "sys", FUNCTIONS);
    add_runtime_attributes(vm, &sys);
    crate::modules::set_module_identity(vm, &sys, "sys");
    let name = vm.new_str("sys");
    let _ = crate::objects::dict::set(vm, &vm.modules.clone(), name, Value::Obj(sys));
    let name = vm.new_str("builtins");
    let b = Value::Obj(vm.builtins.clone());
    let _ = crate::objects::dict::set(vm, &vm.modules.clone(), name, b);
}

/// Called where CPython would call a tool's hook: Krait has no tracing
/// or profiling yet, so the hook is kept for `gettrace`/`getprofile` and
/// not called.
fn keep_hook(vm: &mut Vm, name: &'static str, hook: Value) -> PyResult {
    vm.tool_hooks.insert(name, hook);
    Ok(Value::None)
}

fn hook(vm: &Vm, name: &str) -> Value {
    vm.tool_hooks.get(name).cloned().unwrap_or(Value::None)
}

const FUNCTIONS: &[FunctionDef] = &[
    FunctionDef::new("displayhook", |vm, a| {
        vm.display_hook(a.pos[0].clone())?;
        Ok(Value::None)
    }).one(),
    FunctionDef::new("excepthook", |vm, a| {
        let Some(e) = a.pos[1].as_obj().cloned() else {
            let r = vm.repr_string(&a.pos[1])?;
            let msg = format!("TypeError: print_exception(): Exception expected for value, {} found\n", r);
            vm.stderr.write(msg.as_bytes());
            return Ok(Value::None);
        };
        let text = vm.format_exception(&e);
        vm.stdout.flush();
        vm.write_to_sys_stderr(&text);
        Ok(Value::None)
    }).args(3, 3),
    FunctionDef::new("unraisablehook", |vm, a| {
        let get = |vm: &mut Vm, name: &str| vm.getattr_str(&a.pos[0], name);
        let obj = get(vm, "object")?;
        let exc = get(vm, "exc_value")?;
        let msg = get(vm, "err_msg")?;
        let mut text = match crate::api::str_value(&msg) {
            Some(m) if !msg.is_none() => m,
            _ => "Exception ignored in".into(),
        };
        if !obj.is_none() {
            text.push_str(&format!(": {}", vm.repr_string(&obj)?));
        }
        text.push('\n');
        // CPython's default hook prints no chained exceptions.
        if let Some(e) = exc.as_obj().cloned() {
            text.push_str(&vm.format_exception_alone(&e));
        }
        vm.stdout.flush();
        vm.stderr.write(text.as_bytes());
        Ok(Value::None)
    }).one(),
    FunctionDef::new("breakpointhook", |vm, _| {
        Err(vm.runtime_error("breakpoint() needs pdb, which Krait does not run yet"))
    }),
    FunctionDef::new("getdefaultencoding", |vm, _| Ok(vm.new_str("utf-8"))).no_args(),
    FunctionDef::new("getfilesystemencoding", |vm, _| Ok(vm.new_str("utf-8"))).no_args(),
    FunctionDef::new("getfilesystemencodeerrors", |vm, _| Ok(vm.new_str("surrogateescape"))).no_args(),
    FunctionDef::new("getrefcount", |_, a| {
        Ok(Value::Int(match &a.pos[0] {
            Value::Obj(o) => std::rc::Rc::strong_count(&o.0) as i64,
            _ => 1 << 30,
        }))
    }).one(),
    FunctionDef::new("getswitchinterval", |_, _| {
        Ok(Value::Float(crate::threads::ticker::switch_interval()))
    }).no_args(),
    FunctionDef::new("setswitchinterval", |vm, a| {
        match crate::api::float_value(&a.pos[0]).or_else(|| crate::api::small_int(&a.pos[0]).map(|i| i as f64)) {
            Some(f) if f > 0.0 => {
                crate::threads::ticker::set_switch_interval(f);
                Ok(Value::None)
            }
            Some(_) => Err(vm.value_error("switch interval must be strictly positive")),
            None => Err(vm.type_error("must be real number")),
        }
    }).one(),
    FunctionDef::new("settrace", |vm, a| keep_hook(vm, "trace", a.pos[0].clone())).one(),
    FunctionDef::new("gettrace", |vm, _| Ok(hook(vm, "trace"))).no_args(),
    FunctionDef::new("setprofile", |vm, a| keep_hook(vm, "profile", a.pos[0].clone())).one(),
    FunctionDef::new("getprofile", |vm, _| Ok(hook(vm, "profile"))).no_args(),
    FunctionDef::new("_getframe", |vm, a| {
        let depth = match a.pos.first() {
            Some(v) => crate::api::small_int(v).ok_or_else(|| vm.type_error("an integer is required"))?,
            None => 0,
        };
        let f = vm.frame_object(depth.max(0) as usize)?;
        if f.is_none() {
            return Err(vm.value_error("call stack is not deep enough"));
        }
        Ok(f)
    }).args(0, 1),
    FunctionDef::new("audit", |vm, a| {
        if a.pos.is_empty() {
            return Err(vm.type_error("audit() missing 1 required positional argument: 'event'"));
        }
        Ok(Value::None)
    }),
    FunctionDef::new("addaudithook", |_, _| Ok(Value::None)).one(),
    FunctionDef::new("is_finalizing", |_, _| Ok(Value::Bool(false))).no_args(),
    FunctionDef::new("call_tracing", |vm, a| {
        let args = crate::api::tuple_items(&a.pos[1]).ok_or_else(|| vm.type_error("call_tracing(): argument 2 must be tuple"))?;
        vm.call(&a.pos[0], args)
    }).args(2, 2),
    FunctionDef::new("get_asyncgen_hooks", |vm, _| {
        let first = hook(vm, "firstiter");
        let fin = hook(vm, "finalizer");
        Ok(vm.new_tuple(vec![first, fin]))
    }).no_args(),
    FunctionDef::new("set_asyncgen_hooks", |vm, a| {
        for (name, key) in [("firstiter", "firstiter"), ("finalizer", "finalizer")] {
            if let Some(v) = a.kwarg(name).cloned() {
                keep_hook(vm, key, v)?;
            }
        }
        for (i, key) in ["firstiter", "finalizer"].iter().enumerate() {
            if let Some(v) = a.pos.get(i).cloned() {
                keep_hook(vm, key, v)?;
            }
        }
        Ok(Value::None)
    }),
    FunctionDef::new("get_coroutine_origin_tracking_depth", |vm, _| {
        Ok(Value::Int(vm.coroutine_origin_depth as i64))
    })
    .no_args(),
    FunctionDef::new("set_coroutine_origin_tracking_depth", |vm, a| {
        let depth = vm.ssize_arg(&a.pos[0])?;
        if depth < 0 {
            return Err(vm.value_error("depth must be >= 0"));
        }
        vm.coroutine_origin_depth = depth as usize;
        Ok(Value::None)
    })
    .named(&["depth"], 0, 1, 1),
    FunctionDef::new("getallocatedblocks", |_, _| Ok(Value::Int(0))).no_args(),
    FunctionDef::new("getdlopenflags", |_, _| Ok(Value::Int(2))).no_args(),
    FunctionDef::new("setdlopenflags", |_, _| Ok(Value::None)).one(),
    FunctionDef::new("_clear_type_cache", |_, _| Ok(Value::None)).no_args(),
    FunctionDef::new("_current_frames", |vm, _| {
        let d = vm.new_dict();
        let f = vm.frame_object(0)?;
        let id = Value::Int(0);
        vm.setitem(&d, id, f)?;
        Ok(d)
    }).no_args(),
    FunctionDef::new("_current_exceptions", |vm, _| Ok(vm.new_dict())).no_args(),
    FunctionDef::new("set_int_max_str_digits", |vm, a| {
        use krait_syntax::literals::{set_int_max_str_digits, MIN_MAX_STR_DIGITS};
        let n = vm.ssize_arg(&a.pos[0])?;
        match usize::try_from(n) {
            Ok(n) if n == 0 || n >= MIN_MAX_STR_DIGITS => {
                set_int_max_str_digits(n);
                Ok(Value::None)
            }
            _ => Err(vm.value_error(format!(
                "maxdigits must be 0 or larger than {MIN_MAX_STR_DIGITS}"
            ))),
        }
    }).named(&["maxdigits"], 0, 1, 1),
    FunctionDef::new("exit", |vm, a| {
        let args = a.pos.to_vec();
        let cls = Value::Obj(vm.exc.system_exit.clone());
        let e = vm.call(&cls, args)?;
        Err(e.as_obj().unwrap().clone())
    }).args(0, 1),
    FunctionDef::new("getrecursionlimit", |vm, _| {
        Ok(Value::Int(vm.recursion_limit as i64))
    }).no_args(),
    FunctionDef::new("setrecursionlimit", |vm, a| {
        let Some(n) = vm.index_i64(&a.pos[0])? else {
            return Err(vm.type_error("an integer is required"));
        };
        if n < 1 {
            return Err(vm.value_error("recursion limit must be greater or equal than 1"));
        }
        if (n as usize) <= vm.depth {
            return Err(vm.new_exception_msg(
                &vm.exc.recursion_error.clone(),
                &format!(
                    "cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low",
                    vm.depth
                ),
            ));
        }
        vm.recursion_limit = n as usize;
        Ok(Value::None)
    }).one(),
    FunctionDef::new("intern", |vm, a| {
        let Some(s) = crate::objects::str::value_pystr(&a.pos[0]) else {
            return Err(vm.type_error(format!(
                "intern() argument must be str, not {}",
                vm.arg_type_name(&a.pos[0])
            )));
        };
        if !vm.class_of(&a.pos[0]).is(&vm.types.str_) {
            return Err(vm.type_error(format!("can't intern {}", vm.type_name(&a.pos[0]))));
        }
        match s.as_str().map(str::to_owned) {
            Some(text) => Ok(Value::Obj(vm.intern(&text))),
            // The interned table holds text; a str with lone surrogates
            // stands for itself.
            None => Ok(a.pos[0].clone()),
        }
    }).one(),
    FunctionDef::new("exc_info", |vm, _| {
        let e = vm.current_exception();
        if e.is_none() {
            return Ok(vm.new_tuple(vec![Value::None, Value::None, Value::None]));
        }
        let t = Value::Obj(vm.class_of(&e).clone());
        let tb = vm.traceback_value(&e);
        Ok(vm.new_tuple(vec![t, e, tb]))
    }).no_args(),
    FunctionDef::new("exception", |vm, _| Ok(vm.current_exception())).no_args(),
    FunctionDef::new("getsizeof", |_, _| {
        Ok(Value::Int(
            std::mem::size_of::<crate::object::Object>() as i64 + 16,
        ))
    }).named(&["object", "default"], 0, 2, 1),
    FunctionDef::new("get_int_max_str_digits", |_, _| {
        Ok(Value::Int(krait_syntax::literals::int_max_str_digits() as i64))
    }).no_args(),
];

impl Vm {
    /// `sys.stdout` (looked up each time: programs may replace it).
    pub fn sys_attr(&mut self, name: &str) -> Value {
        let d = self.sys.object().dict().unwrap().clone();
        crate::objects::dict::get_str(&d, name).unwrap_or(Value::None)
    }

    /// Writes text to `sys.stderr`, whatever the program made it (nothing
    /// when it is None, as CPython loses it).
    pub fn write_to_sys_stderr(&mut self, text: &str) {
        let err = self.sys_attr("stderr");
        if err.is_none() {
            return;
        }
        if self.write_to(&err, text).is_err() {
            self.stderr.write(text.as_bytes());
        }
        if stream_of(&err).is_none() {
            let _ = self.call_method(&err, "flush", vec![]);
        }
    }

    /// Writes text to a file object (`None` for `sys.stdout`).
    pub fn write_to(&mut self, file: &Value, text: &str) -> PyResult<()> {
        let file = if file.is_none() {
            self.sys_attr("stdout")
        } else {
            file.clone()
        };
        match stream_of(&file) {
            Some(Stream::Stderr) => {
                self.stderr.write(text.as_bytes());
                Ok(())
            }
            Some(_) => {
                self.stdout.write(text.as_bytes());
                Ok(())
            }
            None => {
                if file.is_none() {
                    return Ok(());
                }
                let t = self.new_str(text);
                self.call_method(&file, "write", vec![t])?;
                Ok(())
            }
        }
    }

    pub fn flush_file(&mut self, file: &Value) -> PyResult<()> {
        let file = if file.is_none() {
            self.sys_attr("stdout")
        } else {
            file.clone()
        };
        match stream_of(&file) {
            Some(Stream::Stderr) => self.stderr.flush(),
            Some(_) => self.stdout.flush(),
            None => {
                self.call_method(&file, "flush", vec![])?;
            }
        }
        Ok(())
    }
}

const VERSION_INFO_FIELDS: &[&str] = &["major", "minor", "micro", "releaselevel", "serial"];
const FLOAT_INFO_FIELDS: &[&str] = &[
    "max",
    "max_exp",
    "max_10_exp",
    "min",
    "min_exp",
    "min_10_exp",
    "dig",
    "mant_dig",
    "epsilon",
    "radix",
    "rounds",
];
const INT_INFO_FIELDS: &[&str] = &[
    "bits_per_digit",
    "sizeof_digit",
    "default_max_str_digits",
    "str_digits_check_threshold",
];

/// `sys.builtin_module_names`: `builtins`, `sys` and the registered
/// native modules, sorted as CPython lists them.
pub(crate) fn set_builtin_module_names(vm: &mut Vm) {
    let mut names: Vec<&str> = vec!["builtins", "sys"];
    names.extend(vm.native_modules.iter().map(|d| d.name));
    names.sort_unstable();
    names.dedup();
    let items = names.iter().map(|n| vm.new_str(n)).collect();
    let t = vm.new_tuple(items);
    let sys = vm.sys.clone();
    set_attr_str(vm, &sys, "builtin_module_names", t);
}

/// A struct sequence instance of a type made for it (`sys.flags` and the
/// like are each their type's only instance).
fn struct_seq(
    vm: &mut Vm,
    name: &'static str,
    fields: &'static [&'static str],
    items: Vec<Value>,
) -> Value {
    let def = crate::objects::structseq::StructSeqDef {
        name,
        module: "sys",
        doc: None,
        fields,
        visible: fields.len(),
    };
    let cls = vm.new_struct_seq_type(&def);
    // Only `sys` makes these.
    crate::api::add_methods(
        vm,
        &cls,
        &[FunctionDef::new("__new__", |vm, a| {
            let name = vm.type_name(&a.pos[0]);
            let name = match a.pos[0].as_obj() {
                Some(c) if c.type_data().is_some() => c.type_name(),
                _ => name,
            };
            Err(vm.type_error(format!("cannot create '{name}' instances")))
        })],
    );
    vm.new_struct_seq(&cls, items)
}

const FLAGS_FIELDS: &[&str] = &[
    "debug",
    "inspect",
    "interactive",
    "optimize",
    "dont_write_bytecode",
    "no_user_site",
    "no_site",
    "ignore_environment",
    "verbose",
    "bytes_warning",
    "quiet",
    "hash_randomization",
    "isolated",
    "dev_mode",
    "utf8_mode",
    "warn_default_encoding",
    "safe_path",
    "int_max_str_digits",
];

const HASH_INFO_FIELDS: &[&str] = &[
    "width",
    "modulus",
    "inf",
    "nan",
    "imag",
    "algorithm",
    "hash_bits",
    "seed_bits",
    "cutoff",
];

const THREAD_INFO_FIELDS: &[&str] = &["name", "lock", "version"];

/// `sys.flags`, as `config` says.
pub(crate) fn set_flags(vm: &mut Vm, config: &crate::Config) {
    let int = |b: bool| Value::Int(i64::from(b));
    let flags = vec![
        int(config.debug),
        int(config.inspect),
        int(config.interactive),
        Value::Int(i64::from(config.optimize)),
        int(config.dont_write_bytecode),
        int(config.no_user_site),
        int(config.no_site),
        int(config.ignore_environment),
        Value::Int(i64::from(config.verbose)),
        Value::Int(i64::from(config.bytes_warning)),
        int(config.quiet),
        Value::Int(1),
        int(config.isolated),
        Value::Bool(config.dev_mode),
        int(config.utf8_mode),
        Value::Int(0),
        Value::Bool(config.safe_path),
        // -1: no -X int_max_str_digits and no PYTHONINTMAXSTRDIGITS given.
        config
            .int_max_str_digits
            .map_or(Value::Int(-1), |n| Value::Int(n as i64)),
    ];
    let flags = struct_seq(vm, "sys.flags", FLAGS_FIELDS, flags);
    let sys = vm.sys.clone();
    set_attr_str(vm, &sys, "flags", flags);
}

/// The attributes of `sys` about the running interpreter: flags, hashing,
/// encodings, hooks and the import machinery's lists.
fn add_runtime_attributes(vm: &mut Vm, sys: &Obj) {
    let config = crate::Config {
        dont_write_bytecode: std::env::var_os("PYTHONDONTWRITEBYTECODE")
            .is_some_and(|v| !v.is_empty()),
        ..Default::default()
    };
    set_flags(vm, &config);
    let hash_info = vec![
        Value::Int(64),
        Value::Int((1i64 << 61) - 1),
        Value::Int(314159),
        Value::Int(0),
        Value::Int(1000003),
        vm.new_str("siphash13"),
        Value::Int(64),
        Value::Int(128),
        Value::Int(0),
    ];
    let hash_info = struct_seq(vm, "sys.hash_info", HASH_INFO_FIELDS, hash_info);
    set_attr_str(vm, sys, "hash_info", hash_info);
    let thread_info = vec![vm.new_str("pthread"), vm.new_str("mutex+cond"), Value::None];
    let thread_info = struct_seq(vm, "sys.thread_info", THREAD_INFO_FIELDS, thread_info);
    set_attr_str(vm, sys, "thread_info", thread_info);
    let text = |vm: &mut Vm, s: &str| vm.new_str(s);
    let pairs: Vec<(&str, Value)> = vec![
        ("float_repr_style", text(vm, "short")),
        ("abiflags", text(vm, "")),
        ("api_version", Value::Int(1013)),
        (
            "copyright",
            text(
                vm,
                "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.",
            ),
        ),
        (
            "dont_write_bytecode",
            Value::Bool(std::env::var_os("PYTHONDONTWRITEBYTECODE").is_some_and(|v| !v.is_empty())),
        ),
        ("pycache_prefix", Value::None),
        ("_git", Value::None),
        ("_framework", text(vm, "")),
    ];
    for (name, v) in pairs {
        set_attr_str(vm, sys, name, v);
    }
    let git = vec![text(vm, "krait"), text(vm, ""), text(vm, "")];
    let git = vm.new_tuple(git);
    set_attr_str(vm, sys, "_git", git);
    let meta_path = vm.install_standard_finders();
    set_attr_str(vm, sys, "meta_path", meta_path);
    for name in ["warnoptions", "path_hooks"] {
        let l = vm.new_list(Vec::new());
        set_attr_str(vm, sys, name, l);
    }
    for name in ["_xoptions", "path_importer_cache"] {
        let d = vm.new_dict();
        set_attr_str(vm, sys, name, d);
    }
    let argv = vm.argv.clone();
    let mut orig = vec![vm.new_str("krait")];
    orig.extend(argv.iter().map(|a| vm.new_str(a)));
    let orig = vm.new_list(orig);
    set_attr_str(vm, sys, "orig_argv", orig);
    let exe = vm.sys_attr("executable");
    set_attr_str(vm, sys, "_base_executable", exe);
    // The hooks, also kept under their dunder names for restoring.
    for (name, dunder) in [
        ("displayhook", "__displayhook__"),
        ("excepthook", "__excepthook__"),
        ("unraisablehook", "__unraisablehook__"),
        ("breakpointhook", "__breakpointhook__"),
    ] {
        let f = vm.sys_attr(name);
        set_attr_str(vm, sys, dunder, f);
    }
}

/// Attributes of `sys` made when first read, because making them costs
/// start-up time (`stdlib_module_names` lists the library's directories).
pub(crate) fn lazy_attribute(vm: &mut Vm, name: &Obj) -> Option<PyResult> {
    if crate::objects::str::text(name) != "stdlib_module_names" {
        return None;
    }
    let mut names = vm.stdlib.module_names();
    names.extend(vm.native_modules.iter().map(|d| d.name.to_string()));
    names.extend(["sys".to_string(), "builtins".to_string()]);
    let items = names.iter().map(|n| vm.new_str(n)).collect();
    Some(
        crate::objects::set::new_frozenset_from(vm, items).inspect(|set| {
            let sys = vm.sys.clone();
            set_attr_str(vm, &sys, "stdlib_module_names", set.clone());
        }),
    )
}

const UNRAISABLE_FIELDS: &[&str] = &[
    "exc_type",
    "exc_value",
    "exc_traceback",
    "err_msg",
    "object",
];

/// The type of `sys.unraisablehook`'s argument (not a `sys` attribute in
/// 3.11), made on first use.
fn unraisable_args_type(vm: &mut Vm) -> Obj {
    if let Some(cls) = vm.native_classes.get(&("sys", "UnraisableHookArgs")) {
        return cls.clone();
    }
    let def = crate::objects::structseq::StructSeqDef {
        name: "UnraisableHookArgs",
        module: "sys",
        doc: Some("UnraisableHookArgs\n\nType used to pass arguments to sys.unraisablehook."),
        fields: UNRAISABLE_FIELDS,
        visible: UNRAISABLE_FIELDS.len(),
    };
    let cls = vm.new_struct_seq_type(&def);
    vm.native_classes
        .insert(("sys", "UnraisableHookArgs"), cls.clone());
    cls
}

impl Vm {
    /// Reports an exception that cannot be raised (in a finaliser, a
    /// callback, a thread's function) through `sys.unraisablehook`, as
    /// CPython does: `err_msg` (None: "Exception ignored in") and `obj`
    /// say where it happened. A failing or missing hook falls back to the
    /// default report.
    pub fn write_unraisable(&mut self, e: &Obj, err_msg: Option<&str>, obj: Value) {
        let cls = unraisable_args_type(self);
        let tb = self
            .getattr_str(&Value::Obj(e.clone()), "__traceback__")
            .unwrap_or(Value::None);
        let msg = err_msg.map_or(Value::None, |m| self.new_str(m));
        let items = vec![
            Value::Obj(e.class().clone()),
            Value::Obj(e.clone()),
            tb,
            msg,
            obj,
        ];
        let args = self.new_struct_seq(&cls, items);
        let hook = self.sys_attr("unraisablehook");
        if !hook.is_none() && self.call(&hook, vec![args.clone()]).is_ok() {
            return;
        }
        let default = self.sys_attr("__unraisablehook__");
        let _ = self.call(&default, vec![args]);
    }
}
