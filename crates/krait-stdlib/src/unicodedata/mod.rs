//! `unicodedata`: the Unicode Character Database as Python 3.11 answers
//! it, from Unicode 14.0.0, and `ucd_3_2_0`, the 3.2.0 view that IDNA's
//! nameprep (`encodings.idna`, `stringprep`) is specified against.
//!
//! The enumerated properties, numeric values and decompositions are tables
//! generated from CPython 3.11's own answers (`tools/gen_unicodedata.py`),
//! so they are those of 14.0.0 rather than of whatever version a crate
//! ships. Names come from the `unicode_names2` crate, which knows a later
//! version: its answers are filtered by the 14.0.0 (or 3.2.0) table of
//! assigned code points.

mod normalize;
mod tables;

use krait_vm::api::{
    add_getsets, native_data, value_pystr, Args, FunctionDef as F, GetSetDef, ModuleDef,
    NativeType, PyResult, PyStr, Slots, TypeDef, Value, Vm,
};
use normalize::Form;

const DOC: &str = "This module provides access to the Unicode Character Database which\ndefines character properties for all Unicode characters. The data in\nthis database is based on the UnicodeData.txt file version\n14.0.0 which is publicly available from ftp://ftp.unicode.org/.\n\nThe module uses the same names and symbols as defined by the\nUnicodeData File Format 14.0.0.";

/// Which version of the database a function answers from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Version {
    /// Unicode 14.0.0, the module's own functions.
    Current,
    /// Unicode 3.2.0, `ucd_3_2_0`'s methods.
    V3_2,
}

impl Version {
    fn number(self) -> &'static str {
        match self {
            Version::Current => "14.0.0",
            Version::V3_2 => "3.2.0",
        }
    }
}

/// The enumerated properties of one code point.
struct Record {
    category: u8,
    bidirectional: u8,
    combining: u8,
    east_asian_width: u8,
    mirrored: bool,
}

fn record(version: Version, cp: u32) -> Record {
    let index: &[u16] = match version {
        Version::Current => &tables::INDEX_14,
        Version::V3_2 => &tables::INDEX_3_2,
    };
    let block = index[(cp >> tables::SHIFT) as usize] as usize;
    let low = (cp & ((1 << tables::SHIFT) - 1)) as usize;
    let (category, bidirectional, combining, east_asian_width, mirrored) =
        tables::RECORDS[tables::BLOCKS[(block << tables::SHIFT) | low] as usize];
    Record {
        category,
        bidirectional,
        combining,
        east_asian_width,
        mirrored,
    }
}

/// Whether `cp` is assigned in `version` (its category is not `Cn`).
fn assigned(version: Version, cp: u32) -> bool {
    record(version, cp).category != 0
}

pub(crate) fn combining(version: Version, cp: u32) -> u8 {
    record(version, cp).combining
}

/// `(decimal, digit, numeric)`, each `None` where the code point has none.
fn numeric_values(version: Version, cp: u32) -> (Option<i64>, Option<i64>, Option<f64>) {
    let row = match version {
        Version::V3_2 if !assigned(version, cp) => None,
        Version::V3_2 => find_numeric(&tables::NUMERIC_3_2_CHANGES, cp)
            .or_else(|| find_numeric(&tables::NUMERIC_14, cp)),
        Version::Current => find_numeric(&tables::NUMERIC_14, cp),
    };
    match row {
        Some(&(_, decimal, digit, numeric)) => (
            (decimal >= 0).then_some(decimal as i64),
            (digit >= 0).then_some(digit as i64),
            (numeric != -1.0).then_some(numeric),
        ),
        None => (None, None, None),
    }
}

fn find<T>(table: &'static [(u32, T)], cp: u32) -> Option<&'static (u32, T)> {
    table
        .binary_search_by_key(&cp, |row| row.0)
        .ok()
        .map(|i| &table[i])
}

fn find_numeric(
    table: &'static [(u32, i8, i8, f64)],
    cp: u32,
) -> Option<&'static (u32, i8, i8, f64)> {
    table
        .binary_search_by_key(&cp, |row| row.0)
        .ok()
        .map(|i| &table[i])
}

/// The decomposition mapping as `decomposition()` shows it ("" for none).
pub(crate) fn decomposition(version: Version, cp: u32) -> &'static str {
    if version == Version::V3_2 {
        if !assigned(version, cp) {
            return "";
        }
        if let Some((_, text)) = find(&tables::DECOMPOSITIONS_3_2_CHANGES, cp) {
            return text;
        }
    }
    find(&tables::DECOMPOSITIONS_14, cp).map_or("", |(_, text)| text)
}

fn name(version: Version, cp: u32) -> Option<String> {
    if !assigned(version, cp) {
        return None;
    }
    char::from_u32(cp)
        .and_then(unicode_names2::name)
        .map(|n| n.to_string())
}

/// The longest name `lookup` looks up, as CPython's limit.
const NAME_MAX: usize = 256;

/// The character (or, in 14.0.0, named sequence) called `name`, or the
/// message of the KeyError.
fn lookup(version: Version, name: &str) -> Result<String, String> {
    if name.len() > NAME_MAX {
        return Err("name too long".into());
    }
    let undefined = || format!("undefined character name '{name}'");
    let upper = name.to_ascii_uppercase();
    if version == Version::Current {
        if let Ok(i) = tables::NAMED_SEQUENCES.binary_search_by_key(&upper.as_str(), |r| r.0) {
            return Ok(tables::NAMED_SEQUENCES[i].1.to_string());
        }
    }
    let c = unicode_names2::character(&upper).ok_or_else(undefined)?;
    let cp = c as u32;
    let real_name = unicode_names2::name(c).map(|n| n.to_string());
    let is_name = real_name.as_deref() == Some(upper.as_str());
    // The names made of a prefix and a number are matched exactly, in
    // capitals, as CPython matches them.
    let arithmetic = ["HANGUL SYLLABLE ", "CJK UNIFIED IDEOGRAPH-"];
    if is_name && arithmetic.iter().any(|p| upper.starts_with(p)) && name != upper {
        return Err(undefined());
    }
    if !is_name {
        // An alias: 3.2.0 has none, and some came after 14.0.0.
        if version == Version::V3_2 || tables::LATER_ALIASES.contains(&upper.as_str()) {
            return Err(undefined());
        }
    }
    // A unified ideograph's name is looked up arithmetically, against
    // 14.0.0's ranges whichever the version, as CPython does.
    let in_version = if upper.starts_with("CJK UNIFIED IDEOGRAPH-") {
        assigned(Version::Current, cp)
    } else {
        assigned(version, cp)
    };
    if !in_version {
        return Err(undefined());
    }
    Ok(c.to_string())
}

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
    match numeric_values(version, cp).0 {
        Some(d) => Ok(Value::Int(d)),
        None => or_default(vm, args, "not a decimal"),
    }
}

/// `digit` answers from the current database in every version, as
/// CPython's does (3.2.0's digit values are not consulted).
fn digit(vm: &mut Vm, args: &[Value]) -> PyResult {
    let cp = char_arg(vm, &args[0], "digit", true)?;
    match numeric_values(Version::Current, cp).1 {
        Some(d) => Ok(Value::Int(d)),
        None => or_default(vm, args, "not a digit"),
    }
}

fn numeric(vm: &mut Vm, version: Version, args: &[Value]) -> PyResult {
    let cp = char_arg(vm, &args[0], "numeric", true)?;
    match numeric_values(version, cp).2 {
        Some(n) => Ok(vm.new_float(n)),
        None => or_default(vm, args, "not a numeric character"),
    }
}

fn category(vm: &mut Vm, version: Version, args: &[Value]) -> PyResult {
    let cp = char_arg(vm, &args[0], "category", false)?;
    Ok(vm.new_str(tables::CATEGORIES[record(version, cp).category as usize]))
}

fn bidirectional(vm: &mut Vm, version: Version, args: &[Value]) -> PyResult {
    let cp = char_arg(vm, &args[0], "bidirectional", false)?;
    Ok(vm.new_str(tables::BIDI_CLASSES[record(version, cp).bidirectional as usize]))
}

fn combining_fn(vm: &mut Vm, version: Version, args: &[Value]) -> PyResult {
    let cp = char_arg(vm, &args[0], "combining", false)?;
    Ok(Value::Int(combining(version, cp) as i64))
}

fn mirrored(vm: &mut Vm, version: Version, args: &[Value]) -> PyResult {
    let cp = char_arg(vm, &args[0], "mirrored", false)?;
    Ok(Value::Int(record(version, cp).mirrored as i64))
}

fn east_asian_width(vm: &mut Vm, version: Version, args: &[Value]) -> PyResult {
    let cp = char_arg(vm, &args[0], "east_asian_width", false)?;
    Ok(vm.new_str(tables::WIDTHS[record(version, cp).east_asian_width as usize]))
}

fn decomposition_fn(vm: &mut Vm, version: Version, args: &[Value]) -> PyResult {
    let cp = char_arg(vm, &args[0], "decomposition", false)?;
    Ok(vm.new_str(decomposition(version, cp)))
}

fn name_fn(vm: &mut Vm, version: Version, args: &[Value]) -> PyResult {
    let cp = char_arg(vm, &args[0], "name", true)?;
    match name(version, cp) {
        Some(n) => Ok(vm.new_string(n)),
        None => or_default(vm, args, "no such name"),
    }
}

fn lookup_fn(vm: &mut Vm, version: Version, args: &[Value]) -> PyResult {
    let name = match value_pystr(&args[0]) {
        Some(s) => s.to_string_lossy().into_owned(),
        None => String::from_utf8_lossy(&vm.bytes_like(&args[0])?).into_owned(),
    };
    match lookup(version, &name) {
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
    let out = normalize::normalize(version, form, &cps);
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
    Ok(Value::Bool(
        normalize::normalize(version, form, &cps) == cps,
    ))
}
