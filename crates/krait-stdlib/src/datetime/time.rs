//! `time`: a time of day, perhaps with a `tzinfo`.

use super::date::{pickled_state, wrap_strftime};
use super::delta::{self, Delta};
use super::zone::{self, check_tzinfo, format_offset, offset_of};
use super::{c_int, call_class, class, given_fields, iso, ordering_holds, str_arg, type_repr_name};
use krait_vm::api::{
    native_data, str_value, Args, CompareOp, FunctionDef as F, GetSetDef, NativeType, Obj, Params,
    PyResult, Slots, TypeDef, Value, Vm,
};
use std::cmp::Ordering;

#[derive(Clone)]
pub struct Time {
    pub hour: i64,
    pub minute: i64,
    pub second: i64,
    pub us: i64,
    pub fold: i64,
    pub tz: Value,
}

impl Time {
    pub fn seconds(&self) -> i64 {
        self.hour * 3600 + self.minute * 60 + self.second
    }

    /// The fields `repr` and comparisons of naive values look at.
    pub fn key(&self) -> (i64, i64, i64, i64) {
        (self.hour, self.minute, self.second, self.us)
    }

    pub fn midnight() -> Time {
        Time {
            hour: 0,
            minute: 0,
            second: 0,
            us: 0,
            fold: 0,
            tz: Value::None,
        }
    }
}

pub fn time_of(v: &Value) -> Option<&Time> {
    v.as_obj().and_then(native_data::<Time>)
}

fn this(v: &Value) -> &Time {
    time_of(v).expect("time methods are on times")
}

/// CPython's checks of a time's fields, with its messages.
pub fn check_time(vm: &Vm, f: [i64; 4], fold: i64) -> PyResult<()> {
    let [h, m, s, us] = f;
    if !(0..=23).contains(&h) {
        return Err(vm.value_error("hour must be in 0..23"));
    }
    if !(0..=59).contains(&m) {
        return Err(vm.value_error("minute must be in 0..59"));
    }
    if !(0..=59).contains(&s) {
        return Err(vm.value_error("second must be in 0..59"));
    }
    if !(0..=999_999).contains(&us) {
        return Err(vm.value_error("microsecond must be in 0..999999"));
    }
    if fold != 0 && fold != 1 {
        return Err(vm.value_error("fold must be either 0 or 1"));
    }
    Ok(())
}

/// The tzinfo a pickled state came with, or CPython's TypeError.
pub fn state_tzinfo(vm: &Vm, a: &Args, at: usize) -> PyResult<Value> {
    let tz = a.pos.get(at).cloned().unwrap_or(Value::None);
    if !tz.is_none() && !zone::is_tzinfo(&tz) {
        return Err(vm.type_error("bad tzinfo state arg"));
    }
    Ok(tz)
}

const PARAMS: Params = Params::Named {
    names: &["hour", "minute", "second", "microsecond", "tzinfo", "fold"],
    posonly: 0,
    positional: 5,
    required: 0,
};

fn construct(vm: &mut Vm, a: Args) -> PyResult {
    let cls = a.pos[0].as_obj().cloned().expect("a class");
    if (2..=3).contains(&a.pos.len()) && a.kw.is_empty() {
        if let Some(s) = pickled_state(vm, &a, 6, 0, |h| (h & 0x7f) < 24, "time")? {
            let tz = state_tzinfo(vm, &a, 2)?;
            let t = from_state(&s, s[0] > 127, tz);
            return Ok(vm.new_native(&cls, t));
        }
    }
    let b = PARAMS.bind(vm, "function", a, 1)?;
    let f = given_fields(vm, &b, 1, [0; 4])?;
    let tz = b.given(5).cloned().unwrap_or(Value::None);
    let fold = match b.given(6) {
        Some(v) => c_int(vm, v)?,
        None => 0,
    };
    check_time(vm, f, fold)?;
    check_tzinfo(vm, &tz)?;
    Ok(vm.new_native(&cls, from_fields(f, fold, tz)))
}

/// A time from the six bytes CPython pickles one as (the hour's top bit,
/// the fold, already read into `fold`).
pub fn from_state(s: &[u8], fold: bool, tz: Value) -> Time {
    Time {
        hour: (s[0] & 0x7f) as i64,
        minute: s[1] as i64,
        second: s[2] as i64,
        us: (s[3] as i64) << 16 | (s[4] as i64) << 8 | s[5] as i64,
        fold: fold as i64,
        tz,
    }
}

pub fn from_fields(f: [i64; 4], fold: i64, tz: Value) -> Time {
    Time {
        hour: f[0],
        minute: f[1],
        second: f[2],
        us: f[3],
        fold,
        tz,
    }
}

/// A time of class `cls`, made as CPython makes one.
fn new_of_class(vm: &mut Vm, cls: &Obj, t: Time) -> PyResult {
    if cls.is(&class(vm, "time")?) {
        return Ok(vm.new_native(cls, t));
    }
    let args = vec![
        Value::Int(t.hour),
        Value::Int(t.minute),
        Value::Int(t.second),
        Value::Int(t.us),
        t.tz.clone(),
    ];
    call_class(vm, cls, args, false)
}

/// The tzinfo `fromisoformat` makes for a parsed offset.
pub fn tzinfo_of_offset(vm: &mut Vm, offset: Option<(i64, i64)>) -> PyResult {
    let Some((seconds, us)) = offset else {
        return Ok(Value::None);
    };
    let total = seconds as i128 * 1_000_000 + us as i128;
    let d = delta::checked(vm, total)?;
    zone::new_timezone(vm, d, None)
}

fn fromisoformat(vm: &mut Vm, a: Args) -> PyResult {
    let cls = a.pos[0].as_obj().cloned().expect("a class");
    let Some(text) = str_value(&a.pos[1]) else {
        return Err(vm.type_error("fromisoformat: argument must be str"));
    };
    let body = text.strip_prefix('T').unwrap_or(&text);
    let Ok(parts) = iso::parse_time(body.as_bytes()) else {
        let shown = vm.repr_string(&a.pos[1])?;
        return Err(vm.value_error(format!("Invalid isoformat string: {shown}")));
    };
    let tz = tzinfo_of_offset(vm, parts.offset)?;
    check_time(vm, parts.fields, 0)?;
    new_of_class(vm, &cls, from_fields(parts.fields, 0, tz))
}

// ---- text -----------------------------------------------------------------

fn repr(vm: &mut Vm, o: &Obj) -> PyResult {
    let t = this(&Value::Obj(o.clone())).clone();
    let name = type_repr_name(vm, o);
    let mut s = if t.us != 0 {
        format!("{name}({}, {}, {}, {}", t.hour, t.minute, t.second, t.us)
    } else if t.second != 0 {
        format!("{name}({}, {}, {}", t.hour, t.minute, t.second)
    } else {
        format!("{name}({}, {}", t.hour, t.minute)
    };
    if !t.tz.is_none() {
        let tz = vm.repr_string(&t.tz)?;
        s.push_str(&format!(", tzinfo={tz}"));
    }
    if t.fold != 0 {
        s.push_str(", fold=1");
    }
    s.push(')');
    Ok(vm.new_string(s))
}

const ISOFORMAT_PARAMS: Params = Params::Named {
    names: &["timespec"],
    posonly: 0,
    positional: 1,
    required: 0,
};

fn isoformat(vm: &mut Vm, a: Args) -> PyResult {
    let t = this(&a.pos[0]).clone();
    let b = ISOFORMAT_PARAMS.bind(vm, "isoformat", a, 1)?;
    let spec = match b.given(1) {
        Some(v) => str_arg(vm, v, "isoformat", 1)?,
        None => "auto".into(),
    };
    let Some(mut s) = iso::format_time(t.hour, t.minute, t.second, t.us, &spec) else {
        return Err(vm.value_error("Unknown timespec value"));
    };
    if let Some(off) = offset_of(vm, &t.tz, "utcoffset", &Value::None)? {
        s.push_str(&format_offset(off, ":"));
    }
    Ok(vm.new_string(s))
}

fn strftime(vm: &mut Vm, a: Args) -> PyResult {
    let format = str_arg(vm, &a.pos[1], "strftime", 1)?;
    let t = this(&a.pos[0]).clone();
    let fields = [1900, 1, 1, t.hour, t.minute, t.second, 0, 1, -1];
    let tuple = vm.new_tuple(fields.iter().map(|&i| Value::Int(i)).collect());
    wrap_strftime(vm, &format, tuple, &t.tz, &Value::None, t.us)
}

// ---- comparison and hashing -------------------------------------------------

fn compare(vm: &mut Vm, op: CompareOp, o: &Obj, other: &Value) -> PyResult<Option<Value>> {
    let Some(y) = time_of(other).cloned() else {
        return Ok(None);
    };
    let x = this(&Value::Obj(o.clone())).clone();
    let holds = |ord: Ordering| Ok(Some(Value::Bool(ordering_holds(op, ord))));
    if x.tz.is(&y.tz) {
        return holds(x.key().cmp(&y.key()));
    }
    let ox = offset_of(vm, &x.tz, "utcoffset", &Value::None)?;
    let oy = offset_of(vm, &y.tz, "utcoffset", &Value::None)?;
    match (ox, oy) {
        (a, b) if a == b => holds(x.key().cmp(&y.key())),
        (Some(a), Some(b)) => {
            let sx = x.seconds() - a.seconds_total();
            let sy = y.seconds() - b.seconds_total();
            holds((sx, x.us).cmp(&(sy, y.us)))
        }
        _ => match op {
            CompareOp::Eq => Ok(Some(Value::Bool(false))),
            CompareOp::Ne => Ok(Some(Value::Bool(true))),
            _ => Err(vm.type_error("can't compare offset-naive and offset-aware times")),
        },
    }
}

fn hash(vm: &mut Vm, o: &Obj) -> PyResult<i64> {
    let t = this(&Value::Obj(o.clone())).clone();
    let us = t.seconds() as i128 * 1_000_000 + t.us as i128;
    // A time's tzinfo is asked with no datetime, so the fold cannot
    // change the offset.
    let offset = offset_of(vm, &t.tz, "utcoffset", &Value::None)?;
    let shift = offset.map_or(0, Delta::total_us);
    let d = Delta::from_us(us - shift).unwrap_or(Delta::ZERO);
    delta::hash_delta(vm, d)
}

// ---- the type ---------------------------------------------------------------

pub struct TimeType;

impl NativeType for TimeType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(repr),
        hash: Some(hash),
        richcompare: Some(compare),
        ..Slots::NONE
    };
}

const REPLACE_PARAMS: Params = Params::Named {
    names: &["hour", "minute", "second", "microsecond", "tzinfo", "fold"],
    posonly: 0,
    positional: 5,
    required: 0,
};

fn replace(vm: &mut Vm, a: Args) -> PyResult {
    let t = this(&a.pos[0]).clone();
    let cls = vm.class_of(&a.pos[0]).clone();
    let b = REPLACE_PARAMS.bind(vm, "replace", a, 1)?;
    let f = given_fields(vm, &b, 1, [t.hour, t.minute, t.second, t.us])?;
    let tz = b.given(5).cloned().unwrap_or(t.tz.clone());
    let fold = match b.given(6) {
        Some(v) => c_int(vm, v)?,
        None => t.fold,
    };
    check_time(vm, f, fold)?;
    check_tzinfo(vm, &tz)?;
    Ok(vm.new_native(&cls, from_fields(f, fold, tz)))
}

/// The six bytes CPython pickles a time as; the fold in the hour's top
/// bit from protocol 4 on.
fn state(t: &Time, protocol: i64) -> Vec<u8> {
    let mut hour = t.hour as u8;
    if t.fold != 0 && protocol > 3 {
        hour |= 0x80;
    }
    vec![
        hour,
        t.minute as u8,
        t.second as u8,
        (t.us >> 16) as u8,
        (t.us >> 8) as u8,
        t.us as u8,
    ]
}

pub fn reduce_with(vm: &mut Vm, this_value: &Value, state: Vec<u8>, tz: &Value) -> PyResult {
    let cls = Value::Obj(vm.class_of(this_value).clone());
    let state = vm.new_bytes(state);
    let args = if tz.is_none() {
        vm.new_tuple(vec![state])
    } else {
        vm.new_tuple(vec![state, tz.clone()])
    };
    Ok(vm.new_tuple(vec![cls, args]))
}

fn tz_method(vm: &mut Vm, a: &Args, which: &str) -> PyResult {
    let tz = this(&a.pos[0]).tz.clone();
    if which == "tzname" {
        return zone::name_of(vm, &tz, &Value::None);
    }
    match offset_of(vm, &tz, which, &Value::None)? {
        Some(d) => delta::new(vm, d),
        None => Ok(Value::None),
    }
}

pub const TYPE: TypeDef = TypeDef {
    name: "time",
    module: "datetime",
    doc: Some("time([hour[, minute[, second[, microsecond[, tzinfo]]]]]) --> a time object\n\nAll arguments are optional. tzinfo may be None, or an instance of\na tzinfo subclass. The remaining arguments may be ints.\n"),
    methods: &[
        F::new("__new__", construct),
        F::classmethod("fromisoformat", fromisoformat).one(),
        F::method("isoformat", isoformat),
        F::method("__str__", |vm, a| vm.call_method(&a.pos[0], "isoformat", vec![])).no_args(),
        F::method("strftime", strftime).named(&["format"], 0, 1, 1),
        F::method("__format__", super::date::format).one(),
        F::method("utcoffset", |vm, a| tz_method(vm, &a, "utcoffset")).no_args(),
        F::method("dst", |vm, a| tz_method(vm, &a, "dst")).no_args(),
        F::method("tzname", |vm, a| tz_method(vm, &a, "tzname")).no_args(),
        F::method("replace", replace),
        F::method("__reduce_ex__", |vm, a| {
            let protocol = c_int(vm, &a.pos[1])?;
            let t = this(&a.pos[0]).clone();
            reduce_with(vm, &a.pos[0], state(&t, protocol), &t.tz)
        })
        .one(),
        F::method("__reduce__", |vm, a| {
            let t = this(&a.pos[0]).clone();
            reduce_with(vm, &a.pos[0], state(&t, 2), &t.tz)
        })
        .no_args(),
    ],
};

pub const ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::new("hour", |_, v| Ok(Value::Int(this(v).hour))),
    GetSetDef::new("minute", |_, v| Ok(Value::Int(this(v).minute))),
    GetSetDef::new("second", |_, v| Ok(Value::Int(this(v).second))),
    GetSetDef::new("microsecond", |_, v| Ok(Value::Int(this(v).us))),
    GetSetDef::new("tzinfo", |_, v| Ok(this(v).tz.clone())),
    GetSetDef::new("fold", |_, v| Ok(Value::Int(this(v).fold))),
];

pub fn add_class_attributes(vm: &mut Vm, cls: &Obj) -> PyResult<()> {
    let min = vm.new_native(cls, Time::midnight());
    krait_vm::api::add_attr(vm, cls, "min", min);
    let max = vm.new_native(cls, from_fields([23, 59, 59, 999_999], 0, Value::None));
    krait_vm::api::add_attr(vm, cls, "max", max);
    let resolution = delta::new(
        vm,
        Delta {
            days: 0,
            seconds: 0,
            us: 1,
        },
    )?;
    krait_vm::api::add_attr(vm, cls, "resolution", resolution);
    Ok(())
}
