//! `re.Match`: where a pattern matched, and its groups.

use super::pattern::{pattern_of, sre_class};
use super::subject::{Found, Subject};
use krait_vm::api::{
    native_data, small_int, tuple_items, value_pystr, Args, FunctionDef as F, GetSetDef,
    NativeType, Obj, PyResult, Slots, TypeDef, Value, Vm,
};

pub struct Match {
    pattern: Obj,
    string: Value,
    pos: usize,
    endpos: usize,
    found: Found,
}

/// A match of `pattern` in `string` (searched from `pos` to `endpos`).
pub fn new_match(
    vm: &mut Vm,
    pattern: &Obj,
    string: &Value,
    pos: usize,
    endpos: usize,
    found: Found,
) -> PyResult {
    let cls = sre_class(vm, "Match")?;
    Ok(vm.new_native(
        &cls,
        Match {
            pattern: pattern.clone(),
            string: string.clone(),
            pos,
            endpos,
            found,
        },
    ))
}

fn match_of(o: &Obj) -> &Match {
    native_data::<Match>(o).expect("Match methods are on matches")
}

fn this(a: &Args) -> Obj {
    a.pos[0].as_obj().cloned().expect("a method's receiver")
}

impl Match {
    /// The group number `key` names: an int, or a group's name.
    fn group_index(&self, vm: &mut Vm, key: &Value) -> PyResult<usize> {
        let groups = pattern_of(&self.pattern).groups;
        let n = if value_pystr(key).is_some() || krait_vm::api::bytes_data(key).is_some() {
            let index = pattern_of(&self.pattern).groupindex.clone();
            match vm.getitem(&index, key) {
                Ok(v) => small_int(&v),
                Err(_) => None,
            }
        } else if small_int(key).is_some() || vm.special_method(key, "__index__").is_some() {
            let i = vm.index_arg(key)?;
            i64::try_from(&i).ok()
        } else {
            None
        };
        match n {
            Some(i) if i >= 0 && i as usize <= groups => Ok(i as usize),
            _ => Err(vm.index_error("no such group")),
        }
    }

    /// Group `g`'s text, or `default` if it did not take part.
    fn group(&self, vm: &Vm, g: usize, default: &Value) -> PyResult {
        match self.found.spans[g] {
            Some((a, b)) => {
                let s = Subject::new(vm, &self.string, pattern_of(&self.pattern).is_bytes)?;
                Ok(s.slice(vm, a, b))
            }
            None => Ok(default.clone()),
        }
    }

    /// Group `g`'s span, `(-1, -1)` if it did not take part.
    fn span(&self, g: usize) -> (i64, i64) {
        self.found.spans[g].map_or((-1, -1), |(a, b)| (a as i64, b as i64))
    }

    fn group_arg(&self, vm: &mut Vm, a: &Args) -> PyResult<usize> {
        match a.pos.get(1) {
            Some(k) => self.group_index(vm, k),
            None => Ok(0),
        }
    }
}

fn group(vm: &mut Vm, a: Args) -> PyResult {
    let o = this(&a);
    let m = match_of(&o);
    match a.pos.len() {
        1 => m.group(vm, 0, &Value::None),
        2 => {
            let g = m.group_index(vm, &a.pos[1])?;
            m.group(vm, g, &Value::None)
        }
        _ => {
            let mut items = Vec::with_capacity(a.pos.len() - 1);
            for k in &a.pos[1..] {
                let g = m.group_index(vm, k)?;
                items.push(m.group(vm, g, &Value::None)?);
            }
            Ok(vm.new_tuple(items))
        }
    }
}

/// `default=None`, by position or keyword.
fn default_arg(a: &Args) -> Value {
    a.pos
        .get(1)
        .cloned()
        .or_else(|| a.kwarg("default").cloned())
        .unwrap_or(Value::None)
}

fn groups(vm: &mut Vm, a: Args) -> PyResult {
    let o = this(&a);
    let m = match_of(&o);
    let default = default_arg(&a);
    let n = pattern_of(&m.pattern).groups;
    let mut items = Vec::with_capacity(n);
    for g in 1..=n {
        items.push(m.group(vm, g, &default)?);
    }
    Ok(vm.new_tuple(items))
}

fn groupdict(vm: &mut Vm, a: Args) -> PyResult {
    let o = this(&a);
    let m = match_of(&o);
    let default = default_arg(&a);
    let index = pattern_of(&m.pattern).groupindex.clone();
    let d = vm.new_dict();
    let keys = vm.call_method(&index, "keys", vec![])?;
    let it = vm.iter(&keys)?;
    while let Some(name) = vm.next(&it)? {
        let g = m.group_index(vm, &name)?;
        let v = m.group(vm, g, &default)?;
        vm.setitem(&d, name, v)?;
    }
    Ok(d)
}

fn expand(vm: &mut Vm, a: Args) -> PyResult {
    let o = this(&a);
    let pattern = Value::Obj(match_of(&o).pattern.clone());
    let re = vm.import("re")?;
    let f = vm.getattr_str(&re, "_expand")?;
    vm.call(&f, vec![pattern, a.pos[0].clone(), a.pos[1].clone()])
}

struct MatchTypeRepr;

impl MatchTypeRepr {
    fn repr(vm: &mut Vm, o: &Obj) -> PyResult {
        let m = match_of(o);
        let (a, b) = m.span(0);
        let text = m.group(vm, 0, &Value::None)?;
        let r = vm.repr_string(&text)?;
        let r = match r.char_indices().nth(50) {
            Some((i, _)) => &r[..i],
            None => &r,
        };
        Ok(vm.new_string(format!("<re.Match object; span=({a}, {b}), match={r}>")))
    }
}

pub struct MatchType;

impl NativeType for MatchType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(MatchTypeRepr::repr),
        getitem: Some(|vm, o, key| {
            let m = match_of(o);
            let g = m.group_index(vm, key)?;
            m.group(vm, g, &Value::None)
        }),
        ..Slots::NONE
    };
}

fn span_method(vm: &mut Vm, a: Args, which: u8) -> PyResult {
    let o = this(&a);
    let m = match_of(&o);
    let g = m.group_arg(vm, &a)?;
    let (s, e) = m.span(g);
    Ok(match which {
        0 => Value::Int(s),
        1 => Value::Int(e),
        _ => vm.new_tuple(vec![Value::Int(s), Value::Int(e)]),
    })
}

pub const MATCH_TYPE: TypeDef = TypeDef {
    name: "Match",
    module: "re",
    doc: Some("The result of re.match() and re.search().\nMatch objects always have a boolean value of True."),
    methods: &[
        F::method("group", group),
        F::method("groups", groups),
        F::method("groupdict", groupdict),
        F::method("start", |vm, a| span_method(vm, a, 0)).args(0, 1),
        F::method("end", |vm, a| span_method(vm, a, 1)).args(0, 1),
        F::method("span", |vm, a| span_method(vm, a, 2)).args(0, 1),
        F::method("expand", expand).one(),
        F::method("__copy__", |_, a| Ok(a.pos[0].clone())).no_args(),
        F::method("__deepcopy__", |_, a| Ok(a.pos[0].clone())).one(),
        krait_vm::api::GENERIC_CLASS_GETITEM,
    ],
};

fn match_value(v: &Value) -> &Match {
    match_of(v.as_obj().expect("matches are objects"))
}

pub const MATCH_ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::member("string", |_, m| Ok(match_value(m).string.clone())),
    GetSetDef::member("re", |_, m| Ok(Value::Obj(match_value(m).pattern.clone()))),
    GetSetDef::member("pos", |_, m| Ok(Value::Int(match_value(m).pos as i64))),
    GetSetDef::member("endpos", |_, m| {
        Ok(Value::Int(match_value(m).endpos as i64))
    }),
    GetSetDef::new("lastindex", |_, m| {
        let i = match_value(m).found.lastindex;
        Ok(if i >= 0 {
            Value::Int(i as i64)
        } else {
            Value::None
        })
    }),
    GetSetDef::new("lastgroup", |vm, m| {
        let m = match_value(m);
        let i = m.found.lastindex;
        if i < 0 {
            return Ok(Value::None);
        }
        let names = tuple_items(&pattern_of(&m.pattern).indexgroup).unwrap_or_default();
        let _ = vm;
        Ok(names.get(i as usize).cloned().unwrap_or(Value::None))
    }),
    GetSetDef::new("regs", |vm, m| {
        let m = match_value(m);
        let n = m.found.spans.len();
        let spans = (0..n)
            .map(|g| {
                let (a, b) = m.span(g);
                vm.new_tuple(vec![Value::Int(a), Value::Int(b)])
            })
            .collect();
        Ok(vm.new_tuple(spans))
    }),
];
