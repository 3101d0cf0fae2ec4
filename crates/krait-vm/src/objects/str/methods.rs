//! `str`: the constructor and methods.

use crate::api::{add_methods, FunctionDef, Params};
use crate::object::ObjKind;
use crate::objects::function::Args;
use crate::objects::str::unicode::{self, CaseMap};
use crate::objects::str::value_pystr;
use crate::objects::str::wtf8;
use crate::objects::str::PyStr;
use crate::protocol::sequence::SliceIndices;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_unicode as ucd;

pub fn register(vm: &mut Vm) {
    let s = vm.types.str_.clone();
    add_methods(vm, &s, &[FunctionDef::new("__new__", str_new)]);
    crate::objects::typeobject::slots::install::<super::slots::StrType>(vm, &s);
    add_methods(vm, &s, DUNDERS);
    add_methods(vm, &s, METHODS);
}

/// A comparison dunder: `NotImplemented` for an operand that is not a str.
macro_rules! compare {
    ($name:literal, $holds:path) => {
        FunctionDef::binary($name, |vm, a| {
            let x = this(vm, &a)?;
            match value_pystr(&a.pos[1]) {
                Some(y) => Ok(Value::Bool($holds((*x).cmp(y)))),
                None => Ok(vm.not_implemented()),
            }
        })
    };
}

const DUNDERS: &[FunctionDef] = &[
    FunctionDef::unary("__str__", |vm, a| {
        let s = this(vm, &a)?;
        Ok(vm.new_pystr(PyStr::from_wtf8(s.as_bytes().to_vec())))
    }),
    FunctionDef::unary("__hash__", |vm, a| {
        Ok(Value::Int(crate::objects::str::str_hash(&*this(vm, &a)?)))
    }),
    FunctionDef::binary("__add__", |vm, a| {
        let x = this(vm, &a)?;
        match value_pystr(&a.pos[1]) {
            Some(y) => {
                let mut b = x.as_bytes().to_vec();
                b.extend_from_slice(y.as_bytes());
                Ok(vm.new_pystr(PyStr::from_wtf8(b)))
            }
            // Declining lets the operator protocol try the right operand's
            // __radd__ (CPython's wrapper raises when called directly).
            None => Ok(vm.not_implemented()),
        }
    }),
    FunctionDef::method("__mul__", str_repeat).wrapper(1, true),
    FunctionDef::method("__rmul__", str_repeat).wrapper(1, true),
    FunctionDef::binary("__mod__", |vm, a| {
        let plain = vm.new_pystr(PyStr::from_wtf8(this(vm, &a)?.as_bytes().to_vec()));
        crate::objects::str::percent::str_percent(vm, &plain, &a.pos[1])
    }),
    FunctionDef::binary("__rmod__", |vm, a| {
        this(vm, &a)?;
        if value_pystr(&a.pos[1]).is_none() {
            return Ok(vm.not_implemented());
        }
        crate::objects::str::percent::str_percent(vm, &a.pos[1], &a.pos[0])
    }),
    compare!("__eq__", std::cmp::Ordering::is_eq),
    compare!("__ne__", std::cmp::Ordering::is_ne),
    compare!("__lt__", std::cmp::Ordering::is_lt),
    compare!("__le__", std::cmp::Ordering::is_le),
    compare!("__gt__", std::cmp::Ordering::is_gt),
    compare!("__ge__", std::cmp::Ordering::is_ge),
    FunctionDef::method("__format__", |vm, a| {
        this(vm, &a)?;
        let spec = arg_str(vm, &a.pos[1], "__format__() argument")?.to_string_lossy();
        // An empty spec is `str(self)`, which a subclass may override.
        if spec.is_empty() {
            return vm.str(&a.pos[0]);
        }
        // Formatted by payload, so a subclass is named in errors.
        match vm.native_format(&a.pos[0], &spec) {
            Some(r) => r,
            None => Err(vm.type_error("str.__format__ needs a str")),
        }
    })
    .one(),
];

/// A predicate true of a non-empty str whose every character passes.
macro_rules! every_char {
    ($name:literal, $f:expr) => {
        FunctionDef::method($name, |vm, a| {
            let t = this(vm, &a)?;
            Ok(Value::Bool(!t.is_empty() && t.code_points().all($f)))
        })
        .no_args()
    };
}

/// A predicate of the whole text.
macro_rules! text_test {
    ($name:literal, $f:expr) => {
        FunctionDef::method($name, |vm, a| {
            let t = this(vm, &a)?;
            Ok(Value::Bool($f(&t)))
        })
        .no_args()
    };
}

/// A case mapping of the text.
macro_rules! case_map {
    ($name:literal, $map:expr) => {
        FunctionDef::method($name, |vm, a| {
            let t = this(vm, &a)?;
            Ok(vm.new_pystr($map.apply(&t)))
        })
        .no_args()
    };
}

const METHODS: &[FunctionDef] = &[
    FunctionDef::method("__getnewargs__", |vm, a| {
        let copy = vm.new_pystr(PyStr::from_wtf8_slice(this(vm, &a)?.as_bytes()));
        Ok(vm.new_tuple(vec![copy]))
    })
    .no_args(),
    FunctionDef::method("join", str_join).one(),
    FunctionDef::method("split", |vm, a| split_impl(vm, a, false)).named(SPLIT, 0, 2, 0),
    FunctionDef::method("rsplit", |vm, a| split_impl(vm, a, true)).named(SPLIT, 0, 2, 0),
    FunctionDef::method("strip", |vm, a| strip_impl(vm, a, true, true, "strip")).args(0, 1),
    FunctionDef::method("lstrip", |vm, a| strip_impl(vm, a, true, false, "lstrip")).args(0, 1),
    FunctionDef::method("rstrip", |vm, a| strip_impl(vm, a, false, true, "rstrip")).args(0, 1),
    FunctionDef::method("replace", str_replace).args(2, 3),
    FunctionDef::method("startswith", |vm, a| affix(vm, a, true)).tuple_args(1, 3),
    FunctionDef::method("endswith", |vm, a| affix(vm, a, false)).tuple_args(1, 3),
    case_map!("upper", CaseMap::Upper),
    case_map!("lower", CaseMap::Lower),
    case_map!("casefold", CaseMap::Casefold),
    case_map!("swapcase", CaseMap::Swapcase),
    case_map!("capitalize", CaseMap::Capitalize),
    case_map!("title", CaseMap::Title),
    text_test!("istitle", unicode::is_title),
    FunctionDef::method("translate", str_translate).one(),
    FunctionDef::new("maketrans", str_maketrans).args(1, 3),
    FunctionDef::method("find", |vm, a| find_impl(vm, a, false, false)).tuple_args(1, 3),
    FunctionDef::method("rfind", |vm, a| find_impl(vm, a, true, false)).tuple_args(1, 3),
    FunctionDef::method("index", |vm, a| find_impl(vm, a, false, true)).tuple_args(1, 3),
    FunctionDef::method("rindex", |vm, a| find_impl(vm, a, true, true)).tuple_args(1, 3),
    FunctionDef::method("count", str_count).tuple_args(1, 3),
    every_char!("isdigit", ucd::is_digit),
    every_char!("isdecimal", ucd::is_decimal),
    every_char!("isnumeric", ucd::is_numeric),
    every_char!("isalpha", ucd::is_alpha),
    every_char!("isalnum", ucd::is_alnum),
    every_char!("isspace", ucd::is_space),
    FunctionDef::method("isascii", |vm, a| Ok(Value::Bool(this(vm, &a)?.is_ascii()))).no_args(),
    FunctionDef::method("isprintable", |vm, a| {
        let t = this(vm, &a)?;
        // Printable as repr() decides it (an empty str is printable).
        let ok = t.code_points().all(krait_values::text::is_printable);
        Ok(Value::Bool(ok))
    })
    .no_args(),
    text_test!("isupper", unicode::is_upper),
    text_test!("islower", unicode::is_lower),
    text_test!("isidentifier", unicode::is_identifier),
    FunctionDef::method("center", |vm, a| justify(vm, a, "center")).args(1, 2),
    FunctionDef::method("ljust", |vm, a| justify(vm, a, "ljust")).args(1, 2),
    FunctionDef::method("rjust", |vm, a| justify(vm, a, "rjust")).args(1, 2),
    FunctionDef::method("zfill", str_zfill).one(),
    FunctionDef::method("splitlines", str_splitlines).named(&["keepends"], 0, 1, 0),
    FunctionDef::method("partition", |vm, a| partition(vm, a, false)).one(),
    FunctionDef::method("rpartition", |vm, a| partition(vm, a, true)).one(),
    FunctionDef::method("encode", str_encode).named(&["encoding", "errors"], 0, 2, 0),
    FunctionDef::method("format", crate::objects::str::format::str_format_method),
    FunctionDef::method(
        "format_map",
        crate::objects::str::format::str_format_map_method,
    )
    .one(),
    FunctionDef::method("removeprefix", |vm, a| {
        let (x, p) = (
            this(vm, &a)?,
            arg_str(vm, &a.pos[1], "removeprefix() argument")?,
        );
        let b = x
            .as_bytes()
            .strip_prefix(p.as_bytes())
            .unwrap_or(x.as_bytes())
            .to_vec();
        Ok(vm.new_pystr(PyStr::from_wtf8(b)))
    })
    .one(),
    FunctionDef::method("removesuffix", |vm, a| {
        let (x, p) = (
            this(vm, &a)?,
            arg_str(vm, &a.pos[1], "removesuffix() argument")?,
        );
        let b = x
            .as_bytes()
            .strip_suffix(p.as_bytes())
            .unwrap_or(x.as_bytes())
            .to_vec();
        Ok(vm.new_pystr(PyStr::from_wtf8(b)))
    })
    .one(),
    FunctionDef::method("expandtabs", str_expandtabs).named(&["tabsize"], 0, 1, 0),
];

const SPLIT: &[&str] = &["sep", "maxsplit"];

fn str_expandtabs(vm: &mut Vm, a: Args) -> PyResult {
    let x = this(vm, &a)?;
    let size = match a.given(1) {
        Some(v) => vm.int_arg(v)?,
        None => 8,
    };
    let text = x.as_bytes();
    let mut out = Vec::with_capacity(text.len());
    let mut col = 0i64;
    let mut i = 0;
    while i < text.len() {
        let (cp, len) = wtf8::decode_at(text, i);
        match cp {
            0x09 => {
                if size > 0 {
                    let n = size - col % size;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            0x0A | 0x0D => {
                out.push(cp as u8);
                col = 0;
            }
            _ => {
                out.extend_from_slice(&text[i..i + len]);
                col += 1;
            }
        }
        i += len;
    }
    Ok(vm.new_pystr(PyStr::from_wtf8(out)))
}

/// The `str` a method was called on, borrowed from its object.
struct StrArg(Obj);

impl std::ops::Deref for StrArg {
    type Target = PyStr;
    fn deref(&self) -> &PyStr {
        crate::objects::str::as_pystr(&self.0).expect("checked to be a str")
    }
}

fn this(vm: &Vm, a: &Args) -> PyResult<StrArg> {
    match a.pos.first().and_then(|v| v.as_obj()) {
        Some(o) if matches!(o.kind(), ObjKind::Str(_)) => Ok(StrArg(o.clone())),
        _ => Err(vm.type_error("descriptor requires a 'str' object")),
    }
}

/// A str argument; `what` names it in the error ("replace() argument 1
/// must be str, not int"), or is empty ("must be str, not int").
fn arg_str<'a>(vm: &Vm, v: &'a Value, what: &str) -> PyResult<&'a PyStr> {
    value_pystr(v).ok_or_else(|| {
        let space = if what.is_empty() { "" } else { " " };
        vm.type_error(format!(
            "{what}{space}must be str, not {}",
            vm.arg_type_name(v)
        ))
    })
}

/// A slice of a string.
pub fn slice(vm: &mut Vm, s: &PyStr, ix: SliceIndices) -> Value {
    if ix.step == 1 {
        let a = s.byte_offset(ix.start.max(0) as usize);
        let b = s.byte_offset((ix.start.max(0) as usize) + ix.len);
        return vm.new_pystr(PyStr::from_wtf8(s.as_bytes()[a..b].to_vec()));
    }
    let cps: Vec<u32> = s.code_points().collect();
    vm.new_pystr(PyStr::from_code_points(ix.positions().map(|p| cps[p])))
}

/// Index (in code points) of `t` in `s[start..end]`.
pub fn find(s: &PyStr, t: &PyStr, start: usize, end: usize) -> Option<usize> {
    let (hb, nb) = (s.as_bytes(), t.as_bytes());
    let a = s.byte_offset(start.min(s.len()));
    let b = s.byte_offset(end.min(s.len()));
    if a > b {
        return None;
    }
    let hay = &hb[a..b];
    if nb.is_empty() {
        return Some(start.min(s.len()));
    }
    let pos = hay.windows(nb.len()).position(|w| w == nb)?;
    Some(start + count_cps(&hay[..pos]))
}

fn rfind(s: &PyStr, t: &PyStr, start: usize, end: usize) -> Option<usize> {
    let (hb, nb) = (s.as_bytes(), t.as_bytes());
    let a = s.byte_offset(start.min(s.len()));
    let b = s.byte_offset(end.min(s.len()));
    if a > b {
        return None;
    }
    let hay = &hb[a..b];
    if nb.is_empty() {
        return Some(end.min(s.len()));
    }
    let pos = hay.windows(nb.len()).rposition(|w| w == nb)?;
    Some(start + count_cps(&hay[..pos]))
}

fn count_cps(b: &[u8]) -> usize {
    b.iter().filter(|&&x| x & 0xC0 != 0x80).count()
}

/// `str(object='', encoding='utf-8', errors='strict')`.
const NEW_PARAMS: Params = Params::Named {
    names: &["object", "encoding", "errors"],
    posonly: 0,
    positional: 3,
    required: 0,
};

fn str_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].as_obj().cloned().unwrap();
    let a = NEW_PARAMS.bind(vm, "str", args, 1)?;
    let v = match (a.given(1), a.given(2), a.given(3)) {
        (None, None, None) => Value::Obj(vm.empty_str.clone()),
        (Some(x), None, None) => vm.str(x)?,
        (Some(x), enc, errors) => {
            for (what, v) in [("encoding", enc), ("errors", errors)] {
                if let Some(v) = v {
                    if value_pystr(v).is_none() {
                        return Err(vm.type_error(format!(
                            "str() argument '{what}' must be str, not {}",
                            vm.arg_type_name(v)
                        )));
                    }
                }
            }
            let enc = match enc {
                Some(e) => value_pystr(e)
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                None => "utf-8".into(),
            };
            let errors = errors
                .and_then(value_pystr)
                .map(|s| s.to_string_lossy().into_owned());
            let data = crate::objects::bytes::bytes_of(vm, x).map_err(|_| {
                vm.type_error(format!(
                    "decoding to str: need a bytes-like object, {} found",
                    vm.type_name(x)
                ))
            })?;
            crate::objects::bytes::decode(vm, &data, &enc, errors.as_deref())?
        }
        (None, _, _) => Value::Obj(vm.empty_str.clone()),
    };
    if cls.is(&vm.types.str_) {
        return Ok(v);
    }
    let s = value_pystr(&v)
        .map(|p| PyStr::from_wtf8(p.as_bytes().to_vec()))
        .unwrap_or_else(|| PyStr::new(""));
    Ok(Value::Obj(Obj::new(cls, ObjKind::Str(s))))
}

fn str_join(vm: &mut Vm, a: Args) -> PyResult {
    let sep = this(vm, &a)?;
    let items = vm.iterate_or(&a.pos[1], "can only join an iterable")?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(sep.as_bytes());
        }
        match value_pystr(item) {
            Some(s) => out.extend_from_slice(s.as_bytes()),
            None => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(item)
                )))
            }
        }
    }
    Ok(vm.new_pystr(PyStr::from_wtf8(out)))
}

fn split_impl(vm: &mut Vm, a: Args, right: bool) -> PyResult {
    let x = this(vm, &a)?;
    let maxsplit = match a.given(2) {
        Some(v) => vm.int_arg(v)?,
        None => -1,
    };
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let sep_text = match a.given(1).filter(|v| !v.is_none()) {
        None => None,
        Some(sep) => match value_pystr(sep) {
            Some(s) if s.is_empty() => return Err(vm.value_error("empty separator")),
            Some(s) => Some(s),
            None => {
                return Err(vm.type_error(format!("must be str or None, not {}", vm.type_name(sep))))
            }
        },
    };
    let Some(sep) = sep_text else {
        let bytes = x.as_bytes();
        let items = unicode::words(&x, limit, right)
            .into_iter()
            .map(|(start, end)| vm.new_pystr(PyStr::from_wtf8_slice(&bytes[start..end])))
            .collect();
        return Ok(vm.new_list(items));
    };
    let parts = if right {
        wtf8::rsplit(x.as_bytes(), sep.as_bytes(), limit)
    } else {
        wtf8::split(x.as_bytes(), sep.as_bytes(), limit)
    };
    let items = parts
        .into_iter()
        .map(|p| vm.new_pystr(PyStr::from_wtf8_slice(p)))
        .collect();
    Ok(vm.new_list(items))
}

fn strip_impl(vm: &mut Vm, a: Args, left: bool, right: bool, name: &str) -> PyResult {
    let x = this(vm, &a)?;
    let chars: Option<Vec<u32>> = match a.pos.get(1) {
        Some(v) if !v.is_none() => match value_pystr(v) {
            Some(s) => Some(s.code_points().collect()),
            None => return Err(vm.type_error(format!("{name} arg must be None or str"))),
        },
        _ => None,
    };
    let kept = wtf8::trim(x.as_bytes(), left, right, |cp| match &chars {
        Some(cs) => cs.contains(&cp),
        None => unicode::is_space_code_point(cp),
    });
    if kept.len() == x.as_bytes().len() && vm.class_of(&a.pos[0]).is(&vm.types.str_) {
        return Ok(a.pos[0].clone());
    }
    Ok(vm.new_pystr(PyStr::from_wtf8_slice(kept)))
}

fn str_replace(vm: &mut Vm, a: Args) -> PyResult {
    let x = this(vm, &a)?;
    let old = arg_str(vm, &a.pos[1], "replace() argument 1")?;
    let new = arg_str(vm, &a.pos[2], "replace() argument 2")?;
    let count = match a.pos.get(3) {
        Some(v) => vm.int_arg(v)?,
        None => -1,
    };
    let count = usize::try_from(count).unwrap_or(usize::MAX);
    let r = wtf8::replace(x.as_bytes(), old.as_bytes(), new.as_bytes(), count);
    Ok(vm.new_pystr(PyStr::from_wtf8(r)))
}

fn affix(vm: &mut Vm, a: Args, prefix: bool) -> PyResult {
    let name = if prefix { "startswith" } else { "endswith" };
    let x = this(vm, &a)?;
    let n = x.len() as i64;
    let (start, end) = bounds(vm, &a, 2, n)?;
    let cands: Vec<Value> = match a.pos[1].kind() {
        Some(ObjKind::Tuple(t)) => t.to_vec(),
        _ => vec![a.pos[1].clone()],
    };
    for c in cands {
        let Some(p) = value_pystr(&c) else {
            return Err(vm.type_error(format!(
                "{name} first arg must be str or a tuple of str, not {}",
                vm.type_name(&c)
            )));
        };
        if start > n || end < start {
            continue;
        }
        let sa = x.byte_offset(start as usize);
        let sb = x.byte_offset(end as usize);
        let seg = &x.as_bytes()[sa..sb];
        let ok = if prefix {
            seg.starts_with(p.as_bytes())
        } else {
            seg.ends_with(p.as_bytes())
        };
        if ok {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

/// Optional start/end arguments at `first`, clamped like slice bounds.
fn bounds(vm: &mut Vm, a: &Args, first: usize, n: i64) -> PyResult<(i64, i64)> {
    let get = |vm: &mut Vm, i: usize, default: i64| -> PyResult<i64> {
        match a.pos.get(i) {
            Some(v) => Ok(vm.slice_bound(v)?.unwrap_or(default)),
            None => Ok(default),
        }
    };
    let mut s = get(vm, first, 0)?;
    let mut e = get(vm, first + 1, n)?;
    if s < 0 {
        s = (s + n).max(0);
    }
    if e < 0 {
        e = (e + n).max(0);
    }
    Ok((s, e.min(n)))
}

/// `str.maketrans(x[, y[, z]])`.
fn str_maketrans(vm: &mut Vm, a: Args) -> PyResult {
    let args = &a.pos[..];
    let d = vm.new_dict_obj(crate::objects::dict::table::Dict::new());
    match args.len() {
        1 => {
            let Some(ObjKind::Dict(src)) = args[0].kind() else {
                return Err(
                    vm.type_error("if you give only one argument to maketrans it must be a dict")
                );
            };
            let items: Vec<(Value, Value)> = src
                .borrow()
                .iter()
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect();
            for (k, v) in items {
                let key = match value_pystr(&k) {
                    Some(s) if s.len() == 1 => Value::Int(s.code_point_at(0) as i64),
                    Some(_) => {
                        return Err(
                            vm.value_error("string keys in translate table must be of length 1")
                        )
                    }
                    None => k,
                };
                crate::objects::dict::set(vm, &d, key, v)?;
            }
        }
        2 | 3 => {
            // Argument Clinic checks the declared str parameters first.
            let y = arg_str(vm, &args[1], "maketrans() argument 2")?;
            let x = arg_str(vm, &args[0], "maketrans() argument 1")?;
            if x.len() != y.len() {
                return Err(
                    vm.value_error("the first two maketrans arguments must have equal length")
                );
            }
            let pairs: Vec<(u32, u32)> = x.code_points().zip(y.code_points()).collect();
            for (p, q) in pairs {
                crate::objects::dict::set(vm, &d, Value::Int(p as i64), Value::Int(q as i64))?;
            }
            if let Some(z) = args.get(2) {
                let cps: Vec<u32> = arg_str(vm, z, "maketrans() argument 3")?
                    .code_points()
                    .collect();
                for c in cps {
                    crate::objects::dict::set(vm, &d, Value::Int(c as i64), Value::None)?;
                }
            }
        }
        n => return Err(vm.type_error(format!("maketrans expected at most 3 arguments, got {n}"))),
    }
    Ok(Value::Obj(d))
}

/// `str.translate(table)`.
fn str_translate(vm: &mut Vm, a: Args) -> PyResult {
    let x = this(vm, &a)?;
    let table = a.pos[1].clone();
    let mut out = Vec::with_capacity(x.as_bytes().len());
    let cps: Vec<u32> = x.code_points().collect();
    for cp in cps {
        match vm.getitem(&table, &Value::Int(cp as i64)) {
            Ok(Value::None) => {}
            Ok(v) => match &v {
                Value::Int(n) => {
                    if !(0..0x110000).contains(n) {
                        return Err(vm.value_error("character mapping must be in range(0x110000)"));
                    }
                    crate::objects::str::push_code_point(&mut out, *n as u32);
                }
                _ => match value_pystr(&v) {
                    Some(s) => out.extend_from_slice(s.as_bytes()),
                    None => {
                        return Err(
                            vm.type_error("character mapping must return integer, None or str")
                        )
                    }
                },
            },
            Err(e) if e.class().is_subtype(&vm.exc.lookup_error) => {
                crate::objects::str::push_code_point(&mut out, cp)
            }
            Err(e) => return Err(e),
        }
    }
    Ok(vm.new_pystr(PyStr::from_wtf8(out)))
}

fn find_impl(vm: &mut Vm, a: Args, right: bool, raise: bool) -> PyResult {
    let x = this(vm, &a)?;
    let t = arg_str(vm, &a.pos[1], "")?;
    let n = x.len() as i64;
    let (s, e) = bounds(vm, &a, 2, n)?;
    let r = if s > n || (e < s) {
        None
    } else if right {
        rfind(&x, t, s as usize, e as usize)
    } else {
        find(&x, t, s as usize, e as usize)
    };
    match r {
        Some(i) => Ok(Value::Int(i as i64)),
        None if raise => Err(vm.value_error("substring not found")),
        None => Ok(Value::Int(-1)),
    }
}

fn str_count(vm: &mut Vm, a: Args) -> PyResult {
    let x = this(vm, &a)?;
    let t = arg_str(vm, &a.pos[1], "")?;
    let n = x.len() as i64;
    let (s, e) = bounds(vm, &a, 2, n)?;
    if s > n || e < s {
        return Ok(Value::Int(0));
    }
    let sa = x.byte_offset(s as usize);
    let sb = x.byte_offset(e as usize);
    let hay = &x.as_bytes()[sa..sb];
    let nb = t.as_bytes();
    if nb.is_empty() {
        return Ok(Value::Int(count_cps(hay) as i64 + 1));
    }
    let mut count = 0;
    let mut i = 0;
    while i + nb.len() <= hay.len() {
        if &hay[i..i + nb.len()] == nb {
            count += 1;
            i += nb.len();
        } else {
            i += 1;
        }
    }
    Ok(Value::Int(count))
}

fn justify(vm: &mut Vm, a: Args, name: &str) -> PyResult {
    let x = this(vm, &a)?;
    let width = vm.int_arg(&a.pos[1])?;
    let fill = match a.pos.get(2) {
        Some(v) => {
            let f = value_pystr(v).ok_or_else(|| {
                vm.type_error(format!(
                    "The fill character must be a unicode character, not {}",
                    vm.type_name(v)
                ))
            })?;
            if f.len() != 1 {
                return Err(vm.type_error("The fill character must be exactly one character long"));
            }
            f.code_point_at(0)
        }
        None => u32::from(' '),
    };
    let n = x.len() as i64;
    if width <= n {
        return Ok(vm.new_pystr(PyStr::from_wtf8(x.as_bytes().to_vec())));
    }
    let pad = (width - n) as usize;
    let left = match name {
        "ljust" => 0,
        "rjust" => pad,
        _ => pad / 2 + (pad & width as usize & 1),
    };
    let mut fill_bytes = Vec::new();
    krait_values::text::push_code_point(&mut fill_bytes, fill);
    let mut out = Vec::with_capacity(x.as_bytes().len() + pad * fill_bytes.len());
    for _ in 0..left {
        out.extend_from_slice(&fill_bytes);
    }
    out.extend_from_slice(x.as_bytes());
    for _ in left..pad {
        out.extend_from_slice(&fill_bytes);
    }
    Ok(vm.new_pystr(PyStr::from_wtf8(out)))
}

fn str_zfill(vm: &mut Vm, a: Args) -> PyResult {
    let x = this(vm, &a)?;
    let width = vm.int_arg(&a.pos[1])?;
    let n = x.len() as i64;
    if width <= n {
        return Ok(vm.new_pystr(PyStr::from_wtf8_slice(x.as_bytes())));
    }
    let text = x.as_bytes();
    let sign = usize::from(matches!(text.first(), Some(b'+' | b'-')));
    let mut out = Vec::with_capacity(width as usize + text.len());
    out.extend_from_slice(&text[..sign]);
    out.extend(std::iter::repeat_n(b'0', (width - n) as usize));
    out.extend_from_slice(&text[sign..]);
    Ok(vm.new_pystr(PyStr::from_wtf8(out)))
}

fn str_splitlines(vm: &mut Vm, a: Args) -> PyResult {
    let x = this(vm, &a)?;
    // `keepends` is a bool that accepts only ints, as in CPython.
    let keep = match a.given(1) {
        Some(v) => vm.int_arg(v)? != 0,
        None => false,
    };
    let text = x.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < text.len() {
        let (cp, len) = wtf8::decode_at(text, i);
        let is_break = matches!(
            cp,
            0x0A..=0x0D | 0x1C..=0x1E | 0x85 | 0x2028 | 0x2029
        );
        if is_break {
            let mut end = i + len;
            if cp == 0x0D && text.get(end) == Some(&b'\n') {
                end += 1;
            }
            let line = &text[start..if keep { end } else { i }];
            out.push(vm.new_pystr(PyStr::from_wtf8_slice(line)));
            start = end;
            i = end;
        } else {
            i += len;
        }
    }
    if start < text.len() {
        out.push(vm.new_pystr(PyStr::from_wtf8_slice(&text[start..])));
    }
    Ok(vm.new_list(out))
}

fn partition(vm: &mut Vm, a: Args, right: bool) -> PyResult {
    let x = this(vm, &a)?;
    let sep = arg_str(vm, &a.pos[1], "")?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let (text, sep) = (x.as_bytes(), sep.as_bytes());
    let found = if right {
        wtf8::rfind(text, sep)
    } else {
        wtf8::find(text, sep)
    };
    let parts: [&[u8]; 3] = match found {
        Some(i) => [&text[..i], sep, &text[i + sep.len()..]],
        None if right => [b"", b"", text],
        None => [text, b"", b""],
    };
    let items = parts
        .into_iter()
        .map(|p| vm.new_pystr(PyStr::from_wtf8_slice(p)))
        .collect();
    Ok(vm.new_tuple(items))
}

fn str_encode(vm: &mut Vm, a: Args) -> PyResult {
    let x = this(vm, &a)?;
    let enc = vm.str_param(a.given(1), "encode", "encoding")?;
    let enc = enc.unwrap_or_else(|| "utf-8".into());
    let errors = vm.str_param(a.given(2), "encode", "errors")?;
    crate::objects::bytes::encode(vm, &x, &enc, errors.as_deref())
}

/// A repetition count: an index that must fit a size (OverflowError
/// otherwise, as CPython raises for `"ab" * 2**64`).
fn repeat_count(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    vm.index_i64(v).map_err(|e| {
        if e.class().is(&vm.exc.index_error) {
            vm.overflow_error("cannot fit 'int' into an index-sized integer")
        } else {
            e
        }
    })
}

/// `seq * n` and `n * seq` as methods: the repetition, once the arguments
/// are checked.
fn str_repeat(vm: &mut Vm, a: Args) -> PyResult {
    let x = this(vm, &a)?;
    match repeat_count(vm, &a.pos[1])? {
        Some(n) => Ok(vm.new_pystr(PyStr::from_wtf8(x.as_bytes().repeat(n.max(0) as usize)))),
        // The operator protocol calls this for a reflected `x * s`, so it
        // declines where CPython's wrapper would raise.
        None => Ok(vm.not_implemented()),
    }
}
