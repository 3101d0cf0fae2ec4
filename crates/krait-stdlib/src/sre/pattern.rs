//! `re.Pattern`: compiled SRE code and the methods that run it, and the
//! scanner behind `finditer`.

use super::matchobj::{new_match, MATCH_TYPE};
use super::subject::{Found, Mode, Subject};
use krait_vm::api::{
    add_attr, add_getsets, list_items, native_data, small_int, value_pystr, Args, CompareOp,
    FunctionDef as F, GetSetDef, NativeType, Obj, Params, PyResult, Slots, TypeDef, Value, Vm,
};
use std::cell::Cell;

pub struct Pattern {
    /// The source pattern (a str or bytes), or None.
    pub source: Value,
    pub flags: i64,
    pub code: Vec<u32>,
    pub groups: usize,
    /// Group name to number (a dict).
    pub groupindex: Value,
    /// Group number to name (a tuple, None where unnamed).
    pub indexgroup: Value,
    pub is_bytes: bool,
}

pub fn add_types(vm: &mut Vm, m: &Obj) {
    let p = vm.new_native_type::<PatternType>(&PATTERN_TYPE);
    add_getsets(vm, &p, PATTERN_ATTRIBUTES);
    add_attr(vm, m, "Pattern", Value::Obj(p));
    let mt = vm.new_native_type::<super::matchobj::MatchType>(&MATCH_TYPE);
    add_getsets(vm, &mt, super::matchobj::MATCH_ATTRIBUTES);
    add_attr(vm, m, "Match", Value::Obj(mt));
    let s = vm.new_native_type::<ScannerType>(&SCANNER_TYPE);
    add_getsets(vm, &s, SCANNER_ATTRIBUTES);
    add_attr(vm, m, "SRE_Scanner", Value::Obj(s));
}

/// A class of `_sre` by name.
pub fn sre_class(vm: &mut Vm, name: &'static str) -> PyResult<Obj> {
    vm.native_class("_sre", name)
}

pub fn pattern_of(o: &Obj) -> &Pattern {
    native_data::<Pattern>(o).expect("Pattern methods are on patterns")
}

fn receiver(a: &Args) -> Obj {
    a.pos[0].as_obj().cloned().expect("a method's receiver")
}

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
pub fn compile(vm: &mut Vm, a: Args) -> PyResult {
    let source = a.pos[0].clone();
    let flags = small_int(&a.pos[1]).ok_or_else(|| vm.type_error("flags must be an int"))?;
    let items = list_items(&a.pos[2]).ok_or_else(|| vm.type_error("code must be a list"))?;
    let mut code = Vec::with_capacity(items.len());
    for v in &items {
        match small_int(v).and_then(|n| u32::try_from(n).ok()) {
            Some(c) => code.push(c),
            None => return Err(vm.overflow_error("regular expression code size limit exceeded")),
        }
    }
    let groups = small_int(&a.pos[3]).unwrap_or(0).max(0) as usize;
    let is_bytes = !source.is_none() && value_pystr(&source).is_none();
    let cls = sre_class(vm, "Pattern")?;
    Ok(vm.new_native(
        &cls,
        Pattern {
            source,
            flags,
            code,
            groups,
            groupindex: a.pos[4].clone(),
            indexgroup: a.pos[5].clone(),
            is_bytes,
        },
    ))
}

/// `(string, pos=0, endpos=sys.maxsize)`.
const STRING_PARAMS: Params = Params::Named {
    names: &["string", "pos", "endpos"],
    posonly: 0,
    positional: 3,
    required: 1,
};

/// The subject and bounds of a `match`/`search`/`findall`... call.
fn bound_args(vm: &mut Vm, a: Args, name: &str) -> PyResult<(Obj, Value, i64, i64)> {
    let p = receiver(&a);
    let b = STRING_PARAMS.bind(vm, name, a, 1)?;
    let string = b.given(1).cloned().expect("required");
    let pos = match b.given(2) {
        Some(v) => index(vm, v)?,
        None => 0,
    };
    let endpos = match b.given(3) {
        Some(v) => index(vm, v)?,
        None => i64::MAX,
    };
    Ok((p, string, pos, endpos))
}

/// An index argument, saturated to 64 bits as CPython's `Py_ssize_t`.
fn index(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let n = vm.index_arg(v)?;
    Ok(
        i64::try_from(&n).unwrap_or(if n < krait_vm::api::BigInt::ZERO {
            i64::MIN
        } else {
            i64::MAX
        }),
    )
}

fn run(vm: &mut Vm, a: Args, name: &str, mode: Mode) -> PyResult {
    let (p, string, pos, endpos) = bound_args(vm, a, name)?;
    let pat = pattern_of(&p);
    let subject = Subject::new(vm, &string, pat.is_bytes)?;
    let (pos, endpos) = subject.bounds(pos, endpos);
    match subject.find(&pat.code, pat.groups, pos, endpos, mode) {
        Some(found) => new_match(vm, &p, &string, pos, endpos, found),
        None => Ok(Value::None),
    }
}

/// The value a group contributes to `findall` and `split`: its text, or
/// `unmatched` when it did not take part.
fn group_text(vm: &Vm, s: &Subject<'_>, found: &Found, g: usize, unmatched: &Value) -> Value {
    match found.spans[g] {
        Some((a, b)) => s.slice(vm, a, b),
        None => unmatched.clone(),
    }
}

fn findall(vm: &mut Vm, a: Args) -> PyResult {
    let (p, string, pos, endpos) = bound_args(vm, a, "findall")?;
    let pat = pattern_of(&p);
    let s = Subject::new(vm, &string, pat.is_bytes)?;
    let (pos, endpos) = s.bounds(pos, endpos);
    let empty = s.empty(vm);
    let mut out = Vec::new();
    for f in s.find_all(&pat.code, pat.groups, pos, endpos, 0) {
        let item = match pat.groups {
            0 => group_text(vm, &s, &f, 0, &empty),
            1 => group_text(vm, &s, &f, 1, &empty),
            n => {
                let items = (1..=n).map(|g| group_text(vm, &s, &f, g, &empty)).collect();
                vm.new_tuple(items)
            }
        };
        out.push(item);
    }
    Ok(vm.new_list(out))
}

fn new_scanner(vm: &mut Vm, a: Args, name: &str) -> PyResult {
    let (p, string, pos, endpos) = bound_args(vm, a, name)?;
    let pat = pattern_of(&p);
    let (pos, endpos) = Subject::new(vm, &string, pat.is_bytes)?.bounds(pos, endpos);
    let cls = sre_class(vm, "SRE_Scanner")?;
    Ok(vm.new_native(
        &cls,
        Scanner {
            pattern: p,
            string,
            pos: Cell::new(pos),
            endpos,
            must_advance: Cell::new(false),
            done: Cell::new(false),
        },
    ))
}

fn finditer(vm: &mut Vm, a: Args) -> PyResult {
    let scanner = new_scanner(vm, a, "finditer")?;
    let search = vm.getattr_str(&scanner, "search")?;
    let builtins = vm.import("builtins")?;
    let iter = vm.getattr_str(&builtins, "iter")?;
    vm.call(&iter, vec![search, Value::None])
}

const SUB_PARAMS: Params = Params::Named {
    names: &["repl", "string", "count"],
    posonly: 0,
    positional: 3,
    required: 2,
};

/// What replaces each match in `sub`.
enum Replacement {
    Literal(Value),
    Call(Value),
}

fn replacement(vm: &mut Vm, p: &Obj, repl: &Value) -> PyResult<Replacement> {
    if vm.is_callable(repl) {
        return Ok(Replacement::Call(repl.clone()));
    }
    let plain = match value_pystr(repl) {
        Some(s) => !s.as_bytes().contains(&b'\\'),
        None => krait_vm::api::bytes_data(repl).is_some_and(|b| !b.contains(&b'\\')),
    };
    if plain {
        return Ok(Replacement::Literal(repl.clone()));
    }
    let re = vm.import("re")?;
    let subx = vm.getattr_str(&re, "_subx")?;
    let filter = vm.call(&subx, vec![Value::Obj(p.clone()), repl.clone()])?;
    if vm.is_callable(&filter) {
        Ok(Replacement::Call(filter))
    } else {
        Ok(Replacement::Literal(filter))
    }
}

fn subx(vm: &mut Vm, a: Args, name: &str, with_count: bool) -> PyResult {
    let p = receiver(&a);
    let b = SUB_PARAMS.bind(vm, name, a, 1)?;
    let repl = b.given(1).cloned().expect("required");
    let string = b.given(2).cloned().expect("required");
    let count = match b.given(3) {
        Some(v) => index(vm, v)?.max(0) as usize,
        None => 0,
    };
    let pat = pattern_of(&p);
    let s = Subject::new(vm, &string, pat.is_bytes)?;
    let filter = replacement(vm, &p, &repl)?;
    let found = s.find_all(&pat.code, pat.groups, 0, s.len, count);
    let n = found.len();
    let mut pieces = Vec::with_capacity(2 * n + 1);
    let mut last = 0;
    for f in found {
        let (start, end) = (f.start(), f.end());
        if last < start {
            pieces.push(s.slice(vm, last, start));
        }
        match &filter {
            Replacement::Literal(v) => pieces.push(v.clone()),
            Replacement::Call(func) => {
                let m = new_match(vm, &p, &string, 0, s.len, f)?;
                let r = vm.call(func, vec![m])?;
                if !r.is_none() {
                    pieces.push(r);
                }
            }
        }
        last = end;
    }
    if last < s.len {
        pieces.push(s.slice(vm, last, s.len));
    }
    let empty = s.empty(vm);
    let list = vm.new_list(pieces);
    let joined = vm.call_method(&empty, "join", vec![list])?;
    if with_count {
        Ok(vm.new_tuple(vec![joined, Value::Int(n as i64)]))
    } else {
        Ok(joined)
    }
}

fn split(vm: &mut Vm, a: Args) -> PyResult {
    let p = receiver(&a);
    let params = Params::Named {
        names: &["string", "maxsplit"],
        posonly: 0,
        positional: 2,
        required: 1,
    };
    let b = params.bind(vm, "split", a, 1)?;
    let string = b.given(1).cloned().expect("required");
    let maxsplit = match b.given(2) {
        Some(v) => index(vm, v)?,
        None => 0,
    };
    let pat = pattern_of(&p);
    let s = Subject::new(vm, &string, pat.is_bytes)?;
    let limit = if maxsplit < 0 {
        return Ok(vm.new_list(vec![string.clone()]));
    } else {
        maxsplit as usize
    };
    let mut out = Vec::new();
    let mut last = 0;
    for f in s.find_all(&pat.code, pat.groups, 0, s.len, limit) {
        out.push(s.slice(vm, last, f.start()));
        for g in 1..=pat.groups {
            out.push(group_text(vm, &s, &f, g, &Value::None));
        }
        last = f.end();
    }
    out.push(s.slice(vm, last, s.len));
    Ok(vm.new_list(out))
}

fn pattern_value(v: &Value) -> &Pattern {
    pattern_of(v.as_obj().expect("patterns are objects"))
}

const PATTERN_ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::member("pattern", |_, p| Ok(pattern_value(p).source.clone())),
    GetSetDef::member("flags", |_, p| Ok(Value::Int(pattern_value(p).flags))),
    GetSetDef::member("groups", |_, p| {
        Ok(Value::Int(pattern_value(p).groups as i64))
    }),
    GetSetDef::new("groupindex", |vm, p| {
        let d = pattern_value(p).groupindex.clone();
        match d.as_obj() {
            Some(d) => Ok(vm.new_mappingproxy(d)),
            None => Ok(vm.new_dict()),
        }
    }),
];

struct PatternType;

impl NativeType for PatternType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(pattern_repr),
        hash: Some(|vm, o| {
            let p = pattern_of(o);
            let h = vm.hash(&p.source)?;
            let code_hash = p
                .code
                .iter()
                .fold(0i64, |acc, &c| acc.wrapping_mul(1_000_003) ^ c as i64);
            let h = h ^ code_hash ^ p.flags ^ p.is_bytes as i64;
            Ok(if h == -1 { -2 } else { h })
        }),
        richcompare: Some(|vm, op, o, other| {
            if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
                return Ok(None);
            }
            let Some(q) = other.as_obj().and_then(native_data::<Pattern>) else {
                return Ok(None);
            };
            let p = pattern_of(o);
            let same = other.as_obj().is_some_and(|x| x.is(o))
                || (p.flags == q.flags
                    && p.is_bytes == q.is_bytes
                    && p.code == q.code
                    && vm.eq(&p.source, &q.source)?);
            Ok(Some(Value::Bool(same == (op == CompareOp::Eq))))
        }),
        ..Slots::NONE
    };
}

/// The names `re.compile(...)`'s repr gives the flags.
const FLAG_NAMES: &[(&str, i64)] = &[
    ("re.TEMPLATE", 1),
    ("re.IGNORECASE", 2),
    ("re.LOCALE", 4),
    ("re.MULTILINE", 8),
    ("re.DOTALL", 16),
    ("re.UNICODE", 32),
    ("re.VERBOSE", 64),
    ("re.DEBUG", 128),
    ("re.ASCII", 256),
];

/// The first `n` characters of `text`.
fn truncate(text: String, n: usize) -> String {
    match text.char_indices().nth(n) {
        Some((i, _)) => text[..i].to_string(),
        None => text,
    }
}

fn pattern_repr(vm: &mut Vm, o: &Obj) -> PyResult {
    let p = pattern_of(o);
    let source = truncate(vm.repr_string(&p.source)?, 200);
    let mut flags = p.flags;
    // re.UNICODE is the default for str patterns: not shown.
    if !p.is_bytes && flags & (4 | 32 | 256) == 32 {
        flags &= !32;
    }
    if flags == 0 {
        return Ok(vm.new_string(format!("re.compile({source})")));
    }
    let mut names = Vec::new();
    for (name, bit) in FLAG_NAMES {
        if flags & bit != 0 {
            names.push(name.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        names.push(format!("{flags:#x}"));
    }
    Ok(vm.new_string(format!("re.compile({source}, {})", names.join("|"))))
}

const PATTERN_TYPE: TypeDef = TypeDef {
    name: "Pattern",
    module: "re",
    doc: Some("Compiled regular expression object."),
    methods: &[
        F::method("match", |vm, a| run(vm, a, "match", Mode::Match)),
        F::method("fullmatch", |vm, a| run(vm, a, "fullmatch", Mode::Full)),
        F::method("search", |vm, a| run(vm, a, "search", Mode::Search)),
        F::method("findall", findall),
        F::method("finditer", finditer),
        F::method("scanner", |vm, a| new_scanner(vm, a, "scanner")),
        F::method("sub", |vm, a| subx(vm, a, "sub", false)),
        F::method("subn", |vm, a| subx(vm, a, "subn", true)),
        F::method("split", split),
        F::method("__copy__", |_, a| Ok(a.pos[0].clone())).no_args(),
        F::method("__deepcopy__", |_, a| Ok(a.pos[0].clone())).one(),
        krait_vm::api::GENERIC_CLASS_GETITEM,
    ],
};

// ---- the scanner --------------------------------------------------------

pub struct Scanner {
    pattern: Obj,
    string: Value,
    pos: Cell<usize>,
    endpos: usize,
    must_advance: Cell<bool>,
    done: Cell<bool>,
}

fn scan(vm: &mut Vm, a: Args, mode: Mode) -> PyResult {
    let o = receiver(&a);
    let sc = native_data::<Scanner>(&o).expect("scanner methods are on scanners");
    if sc.done.get() {
        return Ok(Value::None);
    }
    let pat = pattern_of(&sc.pattern);
    let s = Subject::new(vm, &sc.string, pat.is_bytes)?;
    let found = s.scan_next(
        &pat.code,
        pat.groups,
        sc.pos.get(),
        sc.endpos,
        mode,
        sc.must_advance.get(),
    );
    let Some(f) = found else {
        sc.done.set(true);
        return Ok(Value::None);
    };
    sc.must_advance.set(f.end() == f.start());
    sc.pos.set(f.end());
    let (p, string) = (sc.pattern.clone(), sc.string.clone());
    new_match(vm, &p, &string, 0, sc.endpos, f)
}

const SCANNER_ATTRIBUTES: &[GetSetDef] = &[GetSetDef::member("pattern", |_, s| {
    let o = s.as_obj().expect("scanners are objects");
    let sc = native_data::<Scanner>(o).expect("a scanner");
    Ok(Value::Obj(sc.pattern.clone()))
})];

struct ScannerType;

impl NativeType for ScannerType {
    const SLOTS: &'static Slots = &Slots::NONE;
}

const SCANNER_TYPE: TypeDef = TypeDef {
    name: "SRE_Scanner",
    module: "_sre",
    doc: None,
    methods: &[
        F::method("match", |vm, a| scan(vm, a, Mode::Match)).no_args(),
        F::method("search", |vm, a| scan(vm, a, Mode::Search)).no_args(),
    ],
};
