//! `unicodedata`: the Unicode Character Database as Python 3.11 answers
//! it, from Unicode 14.0.0, and `ucd_3_2_0`, the 3.2.0 view that IDNA's
//! nameprep (`encodings.idna`, `stringprep`) is specified against.
//!
//! The database itself is the `krait-unicode` crate, which `str`'s
//! methods share; this module is its Python face.

use krait_unicode::{self as ucd, Form, Version};
use krait_vm::api::{
    add_getsets, native_data, value_pystr, Args, FunctionDef as F, GetSetDef, ModuleDef,
    NativeType, PyResult, PyStr, Slots, TypeDef, Value, Vm,
};

const DOC: &str = "This module provides access to the Unicode Character Database which\ndefines character properties for all Unicode characters. The data in\nthis database is based on the UnicodeData.txt file version\n14.0.0 which is publicly available from ftp://ftp.unicode.org/.\n\nThe module uses the same names and symbols as defined by the\nUnicodeData File Format 14.0.0.";

pub const MODULE: ModuleDef = ModuleDef {
    name: "unicodedata",
    doc: Some(DOC),
    functions: &[
        F::new("decimal", |vm, a| decimal(vm, Version::Current, &a.pos)).args(1, 2),
        F::new("digit", |vm, a| digit(vm, &a.pos)).args(1, 2),
        F::new("numeric", |vm, a| numeric(vm, Version::Current, &a.pos)).args(1, 2),
        F::new("category", |vm, a| category(vm, Version::Current, &a.pos)).one(),
        F::new("bidirectional", |vm, a| {
            bidirectional(vm, Version::Current, &a.pos)
        })
        .one(),
        F::new("combining", |vm, a| {
            combining_fn(vm, Version::Current, &a.pos)
        })
        .one(),
        F::new("mirrored", |vm, a| mirrored(vm, Version::Current, &a.pos)).one(),
        F::new("east_asian_width", |vm, a| {
            east_asian_width(vm, Version::Current, &a.pos)
        })
        .one(),
        F::new("decomposition", |vm, a| {
            decomposition_fn(vm, Version::Current, &a.pos)
        })
        .one(),
        F::new("is_normalized", |vm, a| {
            is_normalized(vm, Version::Current, &a.pos)
        })
        .args(2, 2),
        F::new("normalize", |vm, a| {
            normalize_fn(vm, Version::Current, &a.pos)
        })
        .args(2, 2),
        F::new("name", |vm, a| name_fn(vm, Version::Current, &a.pos)).args(1, 2),
        F::new("lookup", |vm, a| lookup_fn(vm, Version::Current, &a.pos)).one(),
    ],
    init: Some(init),
};

/// `UCD`'s methods: the module's functions, answering from the
/// instance's version.
const UCD_METHODS: &[F] = &[
    F::method("decimal", |vm, a| decimal(vm, version_of(&a), &a.pos[1..])).args(1, 2),
    F::method("digit", |vm, a| digit(vm, &a.pos[1..])).args(1, 2),
    F::method("numeric", |vm, a| numeric(vm, version_of(&a), &a.pos[1..])).args(1, 2),
    F::method("category", |vm, a| {
        category(vm, version_of(&a), &a.pos[1..])
    })
    .one(),
    F::method("bidirectional", |vm, a| {
        bidirectional(vm, version_of(&a), &a.pos[1..])
    })
    .one(),
    F::method("combining", |vm, a| {
        combining_fn(vm, version_of(&a), &a.pos[1..])
    })
    .one(),
    F::method("mirrored", |vm, a| {
        mirrored(vm, version_of(&a), &a.pos[1..])
    })
    .one(),
    F::method("east_asian_width", |vm, a| {
        east_asian_width(vm, version_of(&a), &a.pos[1..])
    })
    .one(),
    F::method("decomposition", |vm, a| {
        decomposition_fn(vm, version_of(&a), &a.pos[1..])
    })
    .one(),
    F::method("is_normalized", |vm, a| {
        is_normalized(vm, version_of(&a), &a.pos[1..])
    })
    .args(2, 2),
    F::method("normalize", |vm, a| {
        normalize_fn(vm, version_of(&a), &a.pos[1..])
    })
    .args(2, 2),
    F::method("name", |vm, a| name_fn(vm, version_of(&a), &a.pos[1..])).args(1, 2),
    F::method("lookup", |vm, a| lookup_fn(vm, version_of(&a), &a.pos[1..])).one(),
];

const UCD_ATTRIBUTES: &[GetSetDef] = &[GetSetDef::member("unidata_version", |vm, o| {
    let version = o.as_obj().and_then(native_data::<Ucd>).map(|u| u.0);
    Ok(vm.new_str(version.unwrap_or(Version::Current).number()))
})];

/// An instance of `UCD`: the database of one version.
struct Ucd(Version);

struct UcdType;

impl NativeType for UcdType {
    const SLOTS: &'static Slots = &Slots::NONE;
}

fn version_of(a: &Args) -> Version {
    a.pos[0]
        .as_obj()
        .and_then(native_data::<Ucd>)
        .map_or(Version::Current, |u| u.0)
}

fn init(vm: &mut Vm, m: &krait_vm::api::Obj) -> PyResult<()> {
    let module = Value::Obj(m.clone());
    let ucd = vm.new_native_type::<UcdType>(&TypeDef {
        name: "UCD",
        module: "unicodedata",
        doc: None,
        methods: UCD_METHODS,
    });
    add_getsets(vm, &ucd, UCD_ATTRIBUTES);
    let old = vm.new_native(&ucd, Ucd(Version::V3_2));
    vm.setattr_str(&module, "UCD", Value::Obj(ucd))?;
    vm.setattr_str(&module, "ucd_3_2_0", old)?;
    let version = vm.new_str(Version::Current.number());
    vm.setattr_str(&module, "unidata_version", version)
}

/// The one character a property function takes: "category() argument
/// must be a unicode character, not str" otherwise (`argument 1` for the
/// functions that take a default too).
fn char_arg(vm: &Vm, v: &Value, func: &str, numbered: bool) -> PyResult<u32> {
    if let Some(s) = value_pystr(v) {
        if s.len() == 1 {
            return Ok(s.code_point_at(0));
        }
    }
    let which = if numbered { "argument 1" } else { "argument" };
    Err(vm.type_error(format!(
        "{func}() {which} must be a unicode character, not {}",
        vm.arg_type_name(v)
    )))
}

/// The default argument if given, else the ValueError `message`.
fn or_default(vm: &Vm, args: &[Value], message: &str) -> PyResult {
    match args.get(1) {
        Some(default) => Ok(default.clone()),
        None => Err(vm.value_error(message)),
    }
}

fn decimal(vm: &mut Vm, version: Version, args: &[Value]) -> PyResult {
    let cp = char_arg(vm, &args[0], "decimal", true)?;
    match ucd::numeric_values(version, cp).0 {
        Some(d) => Ok(Value::Int(d)),
        None => or_default(vm, args, "not a decimal"),
    }
}

/// `digit` answers from the current database in every version, as
/// CPython's does (3.2.0's digit values are not consulted).
fn digit(vm: &mut Vm, args: &[Value]) -> PyResult {
    let cp = char_arg(vm, &args[0], "digit", true)?;
    match ucd::numeric_values(Version::Current, cp).1 {
        Some(d) => Ok(Value::Int(d)),
        None => or_default(vm, args, "not a digit"),
    }
}

fn numeric(vm: &mut Vm, version: Version, args: &[Value]) -> PyResult {
    let cp = char_arg(vm, &args[0], "numeric", true)?;
    match ucd::numeric_values(version, cp).2 {
        Some(n) => Ok(vm.new_float(n)),
        None => or_default(vm, args, "not a numeric character"),
    }
}

fn category(vm: &mut Vm, version: Version, args: &[Value]) -> PyResult {
    let cp = char_arg(vm, &args[0], "category", false)?;
    Ok(vm.new_str(ucd::CATEGORIES[ucd::record(version, cp).category as usize]))
}

fn bidirectional(vm: &mut Vm, version: Version, args: &[Value]) -> PyResult {
    let cp = char_arg(vm, &args[0], "bidirectional", false)?;
    Ok(vm.new_str(ucd::BIDI_CLASSES[ucd::record(version, cp).bidirectional as usize]))
}

fn combining_fn(vm: &mut Vm, version: Version, args: &[Value]) -> PyResult {
    let cp = char_arg(vm, &args[0], "combining", false)?;
    Ok(Value::Int(ucd::combining(version, cp) as i64))
}

fn mirrored(vm: &mut Vm, version: Version, args: &[Value]) -> PyResult {
    let cp = char_arg(vm, &args[0], "mirrored", false)?;
    Ok(Value::Int(ucd::record(version, cp).mirrored as i64))
}

fn east_asian_width(vm: &mut Vm, version: Version, args: &[Value]) -> PyResult {
    let cp = char_arg(vm, &args[0], "east_asian_width", false)?;
    Ok(vm.new_str(ucd::WIDTHS[ucd::record(version, cp).east_asian_width as usize]))
}

fn decomposition_fn(vm: &mut Vm, version: Version, args: &[Value]) -> PyResult {
    let cp = char_arg(vm, &args[0], "decomposition", false)?;
    Ok(vm.new_str(ucd::decomposition(version, cp)))
}

fn name_fn(vm: &mut Vm, version: Version, args: &[Value]) -> PyResult {
    let cp = char_arg(vm, &args[0], "name", true)?;
    match ucd::name(version, cp) {
        Some(n) => Ok(vm.new_string(n)),
        None => or_default(vm, args, "no such name"),
    }
}

fn lookup_fn(vm: &mut Vm, version: Version, args: &[Value]) -> PyResult {
    let name = match value_pystr(&args[0]) {
        Some(s) => s.to_string_lossy().into_owned(),
        None => String::from_utf8_lossy(&vm.bytes_like(&args[0])?).into_owned(),
    };
    match ucd::lookup(version, &name) {
        Ok(text) => Ok(vm.new_string(text)),
        Err(message) => {
            let key = vm.new_string(message);
            Err(vm.key_error(key))
        }
    }
}

/// The form and the string of `normalize(form, unistr)` and
/// `is_normalized(form, unistr)`.
fn form_and_text<'a>(vm: &Vm, func: &str, args: &'a [Value]) -> PyResult<(Form, &'a PyStr)> {
    let strings = [value_pystr(&args[0]), value_pystr(&args[1])];
    for (i, s) in strings.iter().enumerate() {
        if s.is_none() {
            return Err(vm.type_error(format!(
                "{func}() argument {} must be str, not {}",
                i + 1,
                vm.arg_type_name(&args[i])
            )));
        }
    }
    let form = match strings[0].and_then(|s| s.as_str()) {
        Some("NFC") => Form::Nfc,
        Some("NFD") => Form::Nfd,
        Some("NFKC") => Form::Nfkc,
        Some("NFKD") => Form::Nfkd,
        _ => return Err(vm.value_error("invalid normalization form")),
    };
    Ok((form, strings[1].expect("checked above")))
}

fn normalize_fn(vm: &mut Vm, version: Version, args: &[Value]) -> PyResult {
    let (form, text) = form_and_text(vm, "normalize", args)?;
    if text.is_ascii() {
        return Ok(args[1].clone());
    }
    let cps: Vec<u32> = text.code_points().collect();
    let out = ucd::normalize(version, form, &cps);
    if out == cps {
        return Ok(args[1].clone());
    }
    Ok(vm.new_pystr(PyStr::from_code_points(out)))
}

fn is_normalized(vm: &mut Vm, version: Version, args: &[Value]) -> PyResult {
    let (form, text) = form_and_text(vm, "is_normalized", args)?;
    if text.is_ascii() {
        return Ok(Value::Bool(true));
    }
    let cps: Vec<u32> = text.code_points().collect();
    Ok(Value::Bool(ucd::normalize(version, form, &cps) == cps))
}
