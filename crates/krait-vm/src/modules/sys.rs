//! The `sys` module, and the standard streams as Python objects.

use crate::api::{add_functions, native_function, FunctionDef};
use crate::bootstrap::set_attr_str;
use crate::modules::streams::{stream_of, Stream};
use crate::object::ObjKind;
use crate::objects::typeobject::slots::{NativeType, Slots};
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
    let v = vm.new_str("3.11.7 (krait 0.1.0)");
    set_attr_str(vm, &sys, "version", v);
    let vi = vec![
        Value::Int(3),
        Value::Int(11),
        Value::Int(7),
        vm.new_str("final"),
        Value::Int(0),
    ];
    let vi = struct_sequence(vm, "sys.version_info", VERSION_INFO_FIELDS, vi);
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
    let fi = struct_sequence(vm, "sys.float_info", FLOAT_INFO_FIELDS, fi);
    set_attr_str(vm, &sys, "float_info", fi);
    // CPython's digits are 30 bits; the str conversion limit is the
    // issue's 4300 digits.
    let ii = vec![
        Value::Int(30),
        Value::Int(4),
        Value::Int(4300),
        Value::Int(640),
    ];
    let ii = struct_sequence(vm, "sys.int_info", INT_INFO_FIELDS, ii);
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
    let imp = vm.new_module("implementation");
    let n = vm.new_str("krait");
    set_attr_str(vm, &imp, "name", n);
    let ct = vm.new_str("krait-311");
    set_attr_str(vm, &imp, "cache_tag", ct);
    let vi = vec![
        Value::Int(0),
        Value::Int(1),
        Value::Int(0),
        vm.new_str("alpha"),
        Value::Int(0),
    ];
    let vi = vm.new_tuple(vi);
    set_attr_str(vm, &imp, "version", vi);
    set_attr_str(vm, &sys, "implementation", Value::Obj(imp));
    set_builtin_module_names(vm);
    add_functions(vm, &sys, "sys", FUNCTIONS);
    let name = vm.new_str("sys");
    let _ = crate::objects::dict::set(vm, &vm.modules.clone(), name, Value::Obj(sys));
    let name = vm.new_str("builtins");
    let b = Value::Obj(vm.builtins.clone());
    let _ = crate::objects::dict::set(vm, &vm.modules.clone(), name, b);
}

const FUNCTIONS: &[FunctionDef] = &[
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
        match crate::objects::str::value_pystr(&a.pos[0])
            .and_then(|s| s.as_str().map(str::to_owned))
        {
            Some(s) if vm.class_of(&a.pos[0]).is(&vm.types.str_) => Ok(Value::Obj(vm.intern(&s))),
            _ => Err(vm.type_error(format!(
                "intern() argument must be str, not {}",
                vm.arg_type_name(&a.pos[0])
            ))),
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
        Ok(Value::Int(
            crate::objects::int::methods::MAX_STR_DIGITS as i64,
        ))
    }).no_args(),
];

impl Vm {
    /// `sys.stdout` (looked up each time: programs may replace it).
    pub fn sys_attr(&mut self, name: &str) -> Value {
        let d = self.sys.object().dict().unwrap().clone();
        crate::objects::dict::get_str(&d, name).unwrap_or(Value::None)
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

/// Item `i` of the tuple receiving a struct-sequence field read.
fn tuple_item(a: &crate::objects::function::Args, i: usize) -> Value {
    match a.pos.first().and_then(Value::kind) {
        Some(ObjKind::Tuple(items)) => items.get(i).cloned().unwrap_or(Value::None),
        _ => Value::None,
    }
}

/// The field names of the struct sequence types, by type name.
fn struct_fields(type_name: &str) -> &'static [&'static str] {
    match type_name {
        "sys.version_info" => VERSION_INFO_FIELDS,
        "sys.float_info" => FLOAT_INFO_FIELDS,
        "sys.int_info" => INT_INFO_FIELDS,
        _ => &[],
    }
}

/// The struct sequences' slots: `tuple`'s, but for the repr.
struct StructSequence;

impl NativeType for StructSequence {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(|vm, o| {
            let cls_name = o.class().type_name();
            let fields = struct_fields(&cls_name);
            let ObjKind::Tuple(items) = o.kind() else {
                unreachable!("struct sequences are tuples")
            };
            let mut parts = Vec::new();
            for (f, v) in fields.iter().zip(items.iter()) {
                parts.push(format!("{f}={}", vm.repr_string(v)?));
            }
            Ok(vm.new_string(format!("{cls_name}({})", parts.join(", "))))
        }),
        ..*<crate::objects::tuple::TupleType as NativeType>::SLOTS
    };
}

/// A tuple whose items are also named attributes (CPython's "struct
/// sequence", like `sys.version_info`), of a new tuple subclass `name`.
fn struct_sequence(vm: &mut Vm, name: &str, fields: &[&str], items: Vec<Value>) -> Value {
    debug_assert_eq!(fields.len(), items.len());
    let cls = Obj::new(
        vm.types.type_.clone(),
        ObjKind::Type(Box::new(crate::objects::typeobject::TypeData::new(
            name,
            crate::objects::typeobject::Layout::Tuple,
            false,
        ))),
    );
    let tuple = vm.types.tuple.clone();
    crate::bootstrap::set_bases(vm, &cls, std::slice::from_ref(&tuple));
    // Each field is a read-only property reading its position.
    const GETTERS: [crate::objects::function::NativeFn; 11] = [
        |_, a| Ok(tuple_item(&a, 0)),
        |_, a| Ok(tuple_item(&a, 1)),
        |_, a| Ok(tuple_item(&a, 2)),
        |_, a| Ok(tuple_item(&a, 3)),
        |_, a| Ok(tuple_item(&a, 4)),
        |_, a| Ok(tuple_item(&a, 5)),
        |_, a| Ok(tuple_item(&a, 6)),
        |_, a| Ok(tuple_item(&a, 7)),
        |_, a| Ok(tuple_item(&a, 8)),
        |_, a| Ok(tuple_item(&a, 9)),
        |_, a| Ok(tuple_item(&a, 10)),
    ];
    for (field, getter) in fields.iter().zip(GETTERS) {
        let fget = native_function(vm, &FunctionDef::method("field", getter), None, Some(&cls));
        let prop = Value::Obj(Obj::new(
            vm.types.property.clone(),
            ObjKind::Property(Box::new(crate::object::Property {
                fget,
                fset: Value::None,
                fdel: Value::None,
                doc: std::cell::RefCell::new(Value::None),
                name: std::cell::RefCell::new(Value::None),
            })),
        ));
        set_attr_str(vm, &cls, field, prop);
    }
    crate::objects::typeobject::slots::install::<StructSequence>(vm, &cls);
    Value::Obj(Obj::new(cls, ObjKind::Tuple(items.into_boxed_slice())))
}

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
