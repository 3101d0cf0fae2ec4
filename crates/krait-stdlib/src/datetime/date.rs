//! `date`: a day of the proleptic Gregorian calendar.

use super::calendar::{self, MAX_YEAR, MIN_YEAR};
use super::date_time::datetime_of;
use super::delta::{self, delta_of, Delta};
use super::{c_int, call_class, class, iso, local, ordering_holds, str_arg, type_repr_name};
use krait_vm::api::{
    bytes_data, native_data, str_value, Args, BinOp, CompareOp, FunctionDef as F, GetSetDef,
    NativeType, Obj, Params, PyResult, Slots, TypeDef, Value, Vm,
};

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub struct Date {
    pub year: i64,
    pub month: i64,
    pub day: i64,
}

impl Date {
    pub fn ordinal(self) -> i64 {
        calendar::ymd_to_ord(self.year, self.month, self.day)
    }

    pub fn from_ordinal(ordinal: i64) -> Date {
        let (year, month, day) = calendar::ord_to_ymd(ordinal);
        Date { year, month, day }
    }

    pub fn weekday(self) -> i64 {
        calendar::weekday(self.year, self.month, self.day)
    }

    pub fn isoformat(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The four bytes CPython pickles a date as.
    pub fn state(self) -> [u8; 4] {
        [
            (self.year >> 8) as u8,
            self.year as u8,
            self.month as u8,
            self.day as u8,
        ]
    }
}

/// The date part of a `date` or `datetime` (or subclass instance).
pub fn date_of(v: &Value) -> Option<Date> {
    let o = v.as_obj()?;
    if let Some(d) = native_data::<Date>(o) {
        return Some(*d);
    }
    datetime_of(v).map(|dt| dt.date)
}

fn this(v: &Value) -> Date {
    date_of(v).expect("date methods are on dates")
}

/// CPython's checks of a date's fields, with its messages.
pub fn check_date(vm: &Vm, year: i64, month: i64, day: i64) -> PyResult<Date> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(vm.value_error(format!("year {year} is out of range")));
    }
    if !(1..=12).contains(&month) {
        return Err(vm.value_error("month must be in 1..12"));
    }
    if day < 1 || day > calendar::days_in_month(year, month) {
        return Err(vm.value_error("day is out of range for month"));
    }
    Ok(Date { year, month, day })
}

/// A date of class `cls`: made directly for `date` itself, by calling a
/// class derived in Python.
pub fn new_of_class(vm: &mut Vm, cls: &Obj, d: Date) -> PyResult {
    if cls.is(&class(vm, "date")?) {
        return Ok(vm.new_native(cls, d));
    }
    let args = vec![Value::Int(d.year), Value::Int(d.month), Value::Int(d.day)];
    call_class(vm, cls, args, false)
}

// ---- construction ---------------------------------------------------------

const PARAMS: Params = Params::Named {
    names: &["year", "month", "day"],
    posonly: 0,
    positional: 3,
    required: 3,
};

/// The pickled state a constructor may be given instead of fields: bytes
/// (or a latin-1 str, from Python 2 pickles) of `len` bytes whose byte
/// `month_at` holds a plausible month.
pub fn pickled_state(
    vm: &mut Vm,
    a: &Args,
    len: usize,
    month_at: usize,
    sane: fn(u8) -> bool,
    what: &str,
) -> PyResult<Option<Vec<u8>>> {
    let Some(first) = a.pos.get(1) else {
        return Ok(None);
    };
    if let Some(b) = bytes_data(first) {
        if b.len() == len && sane(b[month_at]) {
            return Ok(Some(b.into_owned()));
        }
        return Ok(None);
    }
    if let Some(s) = str_value(first) {
        let chars: Vec<char> = s.chars().collect();
        if chars.len() == len && (chars[month_at] as u32) < 256 && sane(chars[month_at] as u8) {
            if chars.iter().any(|&c| c as u32 > 255) {
                return Err(vm.value_error(format!(
                    "Failed to encode latin1 string when unpickling a {what} object. pickle.load(data, encoding='latin1') is assumed."
                )));
            }
            return Ok(Some(chars.iter().map(|&c| c as u8).collect()));
        }
    }
    Ok(None)
}

fn construct(vm: &mut Vm, a: Args) -> PyResult {
    let cls = a.pos[0].as_obj().cloned().expect("a class");
    if a.pos.len() == 2 && a.kw.is_empty() {
        if let Some(s) = pickled_state(vm, &a, 4, 2, |m| (1..=12).contains(&m), "date")? {
            let d = Date {
                year: (s[0] as i64) << 8 | s[1] as i64,
                month: s[2] as i64,
                day: s[3] as i64,
            };
            return Ok(vm.new_native(&cls, d));
        }
    }
    let b = PARAMS.bind(vm, "function", a, 1)?;
    let year = c_int(vm, &b.pos[1])?;
    let month = c_int(vm, &b.pos[2])?;
    let day = c_int(vm, &b.pos[3])?;
    let d = check_date(vm, year, month, day)?;
    Ok(vm.new_native(&cls, d))
}

fn class_arg(a: &Args) -> Obj {
    a.pos[0].as_obj().cloned().expect("a class")
}

fn today(vm: &mut Vm, a: Args) -> PyResult {
    let cls = Value::Obj(class_arg(&a));
    let time = vm.import("time")?;
    let now = vm.call_method(&time, "time", vec![])?;
    vm.call_method(&cls, "fromtimestamp", vec![now])
}

fn fromtimestamp(vm: &mut Vm, a: Args) -> PyResult {
    let cls = class_arg(&a);
    let t = local::time_t_of(vm, &a.pos[1])?;
    let tm = local::local_tm(vm, t)?;
    let d = check_date(vm, tm.year, tm.month, tm.day)?;
    new_of_class(vm, &cls, d)
}

fn fromordinal(vm: &mut Vm, a: Args) -> PyResult {
    let cls = Value::Obj(class_arg(&a));
    let n = c_int(vm, &a.pos[1])?;
    if n < 1 {
        return Err(vm.value_error("ordinal must be >= 1"));
    }
    if n > calendar::MAX_ORDINAL {
        let (y, ..) = calendar::ord_to_ymd(n);
        return Err(vm.value_error(format!("year {y} is out of range")));
    }
    let d = Date::from_ordinal(n);
    vm.call(
        &cls,
        vec![Value::Int(d.year), Value::Int(d.month), Value::Int(d.day)],
    )
}

fn fromisoformat(vm: &mut Vm, a: Args) -> PyResult {
    let cls = class_arg(&a);
    let Some(text) = str_value(&a.pos[1]) else {
        return Err(vm.type_error("fromisoformat: argument must be str"));
    };
    let parsed = match text.len() {
        7 | 8 | 10 => iso::parse_date(text.as_bytes(), text.len()),
        _ => Err(()),
    };
    let Ok((y, m, d)) = parsed else {
        let shown = vm.repr_string(&a.pos[1])?;
        return Err(vm.value_error(format!("Invalid isoformat string: {shown}")));
    };
    let d = check_date(vm, y, m, d)?;
    new_of_class(vm, &cls, d)
}

/// The date of ISO `year`, `week`, `day`, with CPython's errors.
pub fn from_iso_calendar(vm: &Vm, year: i64, week: i64, day: i64) -> PyResult<(i64, i64, i64)> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(vm.value_error(format!("Year is out of range: {year}")));
    }
    match iso::iso_to_ymd(year, week, day) {
        Ok(ymd) => Ok(ymd),
        Err(iso::IsoError::Week) => Err(vm.value_error(format!("Invalid week: {week}"))),
        Err(iso::IsoError::Day) => {
            Err(vm.value_error(format!("Invalid day: {day} (range is [1, 7])")))
        }
    }
}

const ISO_PARAMS: Params = Params::Named {
    names: &["year", "week", "day"],
    posonly: 0,
    positional: 3,
    required: 3,
};

fn fromisocalendar(vm: &mut Vm, a: Args) -> PyResult {
    let cls = class_arg(&a);
    let b = ISO_PARAMS.bind(vm, "fromisocalendar", a, 1)?;
    let mut f = [0i64; 3];
    for (i, slot) in f.iter_mut().enumerate() {
        let n = vm.index_arg(&b.pos[i + 1])?;
        *slot = i32::try_from(&n)
            .map_err(|_| vm.value_error("ISO calendar component out of range"))?
            .into();
    }
    let [year, week, day] = f;
    let (y, m, d) = from_iso_calendar(vm, year, week, day)?;
    let d = check_date(vm, y, m, d)?;
    new_of_class(vm, &cls, d)
}

// ---- text ---------------------------------------------------------------

const DAY_NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `ctime()`'s text: `Wed Jan  1 00:00:00 2020`.
pub fn ctime(d: Date, h: i64, m: i64, s: i64) -> String {
    format!(
        "{} {} {:2} {:02}:{:02}:{:02} {:04}",
        DAY_NAMES[d.weekday() as usize],
        MONTH_NAMES[d.month as usize - 1],
        d.day,
        h,
        m,
        s,
        d.year
    )
}

fn repr(vm: &mut Vm, o: &Obj) -> PyResult {
    let d = this(&Value::Obj(o.clone()));
    let name = type_repr_name(vm, o);
    Ok(vm.new_string(format!("{name}({}, {}, {})", d.year, d.month, d.day)))
}

/// `time.struct_time` of the fields, as `timetuple()` gives them.
#[allow(clippy::too_many_arguments)]
pub fn struct_time(vm: &mut Vm, d: Date, h: i64, m: i64, s: i64, dst: i64) -> PyResult {
    let cls = vm.native_class("time", "struct_time")?;
    let yday = calendar::day_of_year(d.year, d.month, d.day);
    let fields = vec![
        Value::Int(d.year),
        Value::Int(d.month),
        Value::Int(d.day),
        Value::Int(h),
        Value::Int(m),
        Value::Int(s),
        Value::Int(d.weekday()),
        Value::Int(yday),
        Value::Int(dst),
    ];
    let t = vm.new_tuple(fields);
    vm.call(&Value::Obj(cls), vec![t])
}

/// `strftime` of `date`, `time` and `datetime`: `%z`, `%Z` and `%f`
/// replaced from the object, then `time.strftime` with its time tuple.
pub fn wrap_strftime(
    vm: &mut Vm,
    format: &str,
    timetuple: Value,
    tz: &Value,
    tz_arg: &Value,
    us: i64,
) -> PyResult {
    let mut out = String::with_capacity(format.len());
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            None => out.push('%'),
            Some('z') => {
                if let Some(off) = super::zone::offset_of(vm, tz, "utcoffset", tz_arg)? {
                    out.push_str(&super::zone::format_offset(off, ""));
                }
            }
            Some('Z') => {
                let name = super::zone::name_of(vm, tz, tz_arg)?;
                if !name.is_none() {
                    // The name's own `replace` doubles its percent signs,
                    // as CPython calls it.
                    let (pct, twice) = (vm.new_str("%"), vm.new_str("%%"));
                    let doubled = vm.call_method(&name, "replace", vec![pct, twice])?;
                    if str_value(&doubled).is_none() {
                        return Err(vm.type_error("tzname.replace() did not return a string"));
                    }
                    // A lone surrogate cannot go into the format.
                    let utf8 = vm.new_str("utf-8");
                    vm.call_method(&doubled, "encode", vec![utf8])?;
                    out.push_str(&str_value(&doubled).expect("checked"));
                }
            }
            Some('f') => out.push_str(&format!("{us:06}")),
            Some(other) => {
                out.push('%');
                out.push(other);
            }
        }
    }
    let time = vm.import("time")?;
    let format = vm.new_string(out);
    vm.call_method(&time, "strftime", vec![format, timetuple])
}

fn strftime(vm: &mut Vm, a: Args) -> PyResult {
    let format = str_arg(vm, &a.pos[1], "strftime", 1)?;
    let this = &a.pos[0];
    let tuple = vm.call_method(this, "timetuple", vec![])?;
    let (tz, us) = match datetime_of(this) {
        Some(dt) => (dt.time.tz.clone(), dt.time.us),
        None => (Value::None, 0),
    };
    wrap_strftime(vm, &format, tuple, &tz, this, us)
}

/// `__format__`: `str(self)` for an empty spec, else `self.strftime(spec)`.
pub fn format(vm: &mut Vm, a: Args) -> PyResult {
    let spec = str_arg(vm, &a.pos[1], "format", 2)?;
    if spec.is_empty() {
        let s = vm.str_string(&a.pos[0])?;
        return Ok(vm.new_string(s));
    }
    vm.call_method(&a.pos[0], "strftime", vec![a.pos[1].clone()])
}

// ---- arithmetic and comparison ---------------------------------------------

fn binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if datetime_of(a).is_some() || datetime_of(b).is_some() {
        return Ok(None);
    }
    let (x, y) = (date_of(a), date_of(b));
    match op {
        BinOp::Add | BinOp::InplaceAdd => match (x, delta_of(b), delta_of(a), y) {
            (Some(d), Some(t), ..) => add_days(vm, a, d, t.days).map(Some),
            (_, _, Some(t), Some(d)) => add_days(vm, b, d, t.days).map(Some),
            _ => Ok(None),
        },
        BinOp::Subtract | BinOp::InplaceSubtract => match (x, y, delta_of(b)) {
            (Some(p), Some(q), _) => {
                let days = p.ordinal() - q.ordinal();
                delta::new(
                    vm,
                    Delta {
                        days,
                        seconds: 0,
                        us: 0,
                    },
                )
                .map(Some)
            }
            (Some(d), None, Some(t)) => add_days(vm, a, d, -t.days).map(Some),
            _ => Ok(None),
        },
        _ => Ok(None),
    }
}

fn add_days(vm: &mut Vm, this: &Value, d: Date, days: i64) -> PyResult {
    let ordinal = d.ordinal() + days;
    if !(1..=calendar::MAX_ORDINAL).contains(&ordinal) {
        return Err(vm.overflow_error("date value out of range"));
    }
    let cls = vm.class_of(this).clone();
    new_of_class(vm, &cls, Date::from_ordinal(ordinal))
}

fn compare(_vm: &mut Vm, op: CompareOp, o: &Obj, other: &Value) -> PyResult<Option<Value>> {
    // A datetime on the other side answers first (its class derives from
    // date), so this sees one only when called as `date.__eq__(dt)`.
    let Some(y) = date_of(other) else {
        return Ok(None);
    };
    let x = this(&Value::Obj(o.clone()));
    Ok(Some(Value::Bool(ordering_holds(op, x.cmp(&y)))))
}

fn hash(vm: &mut Vm, o: &Obj) -> PyResult<i64> {
    let d = this(&Value::Obj(o.clone()));
    delta::hash_delta(
        vm,
        Delta {
            days: d.ordinal(),
            seconds: 0,
            us: 0,
        },
    )
}

// ---- the type -------------------------------------------------------------

pub struct DateType;

impl NativeType for DateType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(repr),
        hash: Some(hash),
        richcompare: Some(compare),
        binop: Some(binop),
        ..Slots::NONE
    };
    const BINARY_OPERATORS: &'static [BinOp] = &[BinOp::Add, BinOp::Subtract];
}

const REPLACE_PARAMS: Params = Params::Named {
    names: &["year", "month", "day"],
    posonly: 0,
    positional: 3,
    required: 0,
};

fn replace(vm: &mut Vm, a: Args) -> PyResult {
    let d = this(&a.pos[0]);
    let cls = vm.class_of(&a.pos[0]).clone();
    let b = REPLACE_PARAMS.bind(vm, "replace", a, 1)?;
    let field = |vm: &mut Vm, i: usize, old: i64| match b.given(i) {
        Some(v) => c_int(vm, v),
        None => Ok(old),
    };
    let year = field(vm, 1, d.year)?;
    let month = field(vm, 2, d.month)?;
    let day = field(vm, 3, d.day)?;
    let d = check_date(vm, year, month, day)?;
    Ok(vm.new_native(&cls, d))
}

fn isocalendar(vm: &mut Vm, a: Args) -> PyResult {
    let d = this(&a.pos[0]);
    let (y, w, wd) = calendar::iso_calendar(d.year, d.month, d.day);
    let cls = class(vm, "IsoCalendarDate")?;
    Ok(vm.new_struct_seq(&cls, vec![Value::Int(y), Value::Int(w), Value::Int(wd)]))
}

pub const TYPE: TypeDef = TypeDef {
    name: "date",
    module: "datetime",
    doc: Some("date(year, month, day) --> date object"),
    methods: &[
        F::new("__new__", construct),
        F::classmethod("today", today).no_args(),
        F::classmethod("fromtimestamp", fromtimestamp).one(),
        F::classmethod("fromordinal", fromordinal).one(),
        F::classmethod("fromisoformat", fromisoformat).one(),
        F::classmethod("fromisocalendar", fromisocalendar),
        F::method("ctime", |vm, a| {
            Ok(vm.new_string(ctime(this(&a.pos[0]), 0, 0, 0)))
        })
        .no_args(),
        F::method("strftime", strftime).named(&["format"], 0, 1, 1),
        F::method("__format__", format).one(),
        F::method("timetuple", |vm, a| {
            struct_time(vm, this(&a.pos[0]), 0, 0, 0, -1)
        })
        .no_args(),
        F::method("isocalendar", isocalendar).no_args(),
        F::method("isoformat", |vm, a| {
            Ok(vm.new_string(this(&a.pos[0]).isoformat()))
        })
        .no_args(),
        F::method("isoweekday", |_, a| {
            Ok(Value::Int(this(&a.pos[0]).weekday() + 1))
        })
        .no_args(),
        F::method("toordinal", |_, a| {
            Ok(Value::Int(this(&a.pos[0]).ordinal()))
        })
        .no_args(),
        F::method("weekday", |_, a| Ok(Value::Int(this(&a.pos[0]).weekday()))).no_args(),
        F::method("replace", replace),
        F::method("__str__", |vm, a| {
            vm.call_method(&a.pos[0], "isoformat", vec![])
        })
        .no_args(),
        F::method("__reduce__", |vm, a| {
            let cls = Value::Obj(vm.class_of(&a.pos[0]).clone());
            let state = vm.new_bytes(this(&a.pos[0]).state().to_vec());
            let args = vm.new_tuple(vec![state]);
            Ok(vm.new_tuple(vec![cls, args]))
        })
        .no_args(),
    ],
};

pub const ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::new("year", |_, v| Ok(Value::Int(this(v).year))),
    GetSetDef::new("month", |_, v| Ok(Value::Int(this(v).month))),
    GetSetDef::new("day", |_, v| Ok(Value::Int(this(v).day))),
];

/// `IsoCalendarDate`'s own methods: made from three fields, pickled as a
/// plain tuple.
pub const ISO_CALENDAR_METHODS: &[F] = &[
    F::new("__new__", |vm, a| {
        let cls = class_arg(&a);
        let b = Params::Named {
            names: &["year", "week", "weekday"],
            posonly: 3,
            positional: 3,
            required: 3,
        }
        .bind(vm, "IsoCalendarDate", a, 1)?;
        let fields = b.pos[1..].to_vec();
        Ok(vm.new_struct_seq(&cls, fields))
    }),
    F::method("__reduce__", |vm, a| {
        let items = krait_vm::api::tuple_items(&a.pos[0]).unwrap_or_default();
        let plain = vm.new_tuple(items);
        let tuple = Value::Obj(vm.types.tuple.clone());
        let args = vm.new_tuple(vec![plain]);
        Ok(vm.new_tuple(vec![tuple, args]))
    })
    .no_args(),
];

pub fn add_class_attributes(vm: &mut Vm, cls: &Obj) -> PyResult<()> {
    let min = vm.new_native(
        cls,
        Date {
            year: 1,
            month: 1,
            day: 1,
        },
    );
    krait_vm::api::add_attr(vm, cls, "min", min);
    let max = vm.new_native(
        cls,
        Date {
            year: 9999,
            month: 12,
            day: 31,
        },
    );
    krait_vm::api::add_attr(vm, cls, "max", max);
    let resolution = delta::new(
        vm,
        Delta {
            days: 1,
            seconds: 0,
            us: 0,
        },
    )?;
    krait_vm::api::add_attr(vm, cls, "resolution", resolution);
    Ok(())
}
