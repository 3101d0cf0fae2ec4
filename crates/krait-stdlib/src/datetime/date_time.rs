//! `datetime`: a `date` and a `time` in one, derived from `date`.

use super::calendar::MAX_ORDINAL;
use super::date::{check_date, ctime, date_of, pickled_state, struct_time, Date};
use super::delta::{self, delta_of, Delta, US_PER_DAY};
use super::local::{self, EPOCH, MAX_FOLD_SECONDS};
use super::time::{self, check_time, from_fields, reduce_with, state_tzinfo, time_of, Time};
use super::zone::{self, check_tzinfo, format_offset, offset_of};
use super::{c_int, call_class, class, given_fields, iso, ordering_holds, str_arg, type_repr_name};
use krait_vm::api::{
    native_data, str_value, Args, BinOp, CompareOp, FunctionDef as F, GetSetDef, NativeType, Obj,
    Params, PyResult, Slots, TypeDef, Value, Vm,
};
use std::cmp::Ordering;

#[derive(Clone)]
pub struct DateTime {
    pub date: Date,
    pub time: Time,
}

impl DateTime {
    /// Microseconds since 0001-01-01 00:00 of the wall-clock fields.
    fn wall_us(&self) -> i128 {
        let seconds = self.date.ordinal() as i128 * 86_400 + self.time.seconds() as i128;
        seconds * 1_000_000 + self.time.us as i128
    }

    fn from_wall_us(us: i128, tz: Value) -> Option<DateTime> {
        let ordinal = us.div_euclid(US_PER_DAY);
        if !(1..=MAX_ORDINAL as i128).contains(&ordinal) {
            return None;
        }
        let rest = us.rem_euclid(US_PER_DAY) as i64;
        let seconds = rest / 1_000_000;
        Some(DateTime {
            date: Date::from_ordinal(ordinal as i64),
            time: from_fields(
                [
                    seconds / 3600,
                    seconds / 60 % 60,
                    seconds % 60,
                    rest % 1_000_000,
                ],
                0,
                tz,
            ),
        })
    }

    fn key(&self) -> (Date, (i64, i64, i64, i64)) {
        (self.date, self.time.key())
    }

    /// The ten bytes CPython pickles a datetime as; the fold in the
    /// month's top bit from protocol 4 on.
    fn state(&self, protocol: i64) -> Vec<u8> {
        let mut s = self.date.state().to_vec();
        if self.time.fold != 0 && protocol > 3 {
            s[2] |= 0x80;
        }
        let t = &self.time;
        s.extend([
            t.hour as u8,
            t.minute as u8,
            t.second as u8,
            (t.us >> 16) as u8,
            (t.us >> 8) as u8,
            t.us as u8,
        ]);
        s
    }
}

pub fn datetime_of(v: &Value) -> Option<&DateTime> {
    v.as_obj().and_then(native_data::<DateTime>)
}

fn this(v: &Value) -> &DateTime {
    datetime_of(v).expect("datetime methods are on datetimes")
}

/// A datetime of class `cls`, made as CPython makes one: directly for
/// `datetime` itself, by calling a class derived in Python.
pub fn new_of_class(vm: &mut Vm, cls: &Obj, dt: DateTime) -> PyResult {
    if cls.is(&class(vm, "datetime")?) {
        return Ok(vm.new_native(cls, dt));
    }
    let (d, t) = (dt.date, &dt.time);
    let args = vec![
        Value::Int(d.year),
        Value::Int(d.month),
        Value::Int(d.day),
        Value::Int(t.hour),
        Value::Int(t.minute),
        Value::Int(t.second),
        Value::Int(t.us),
        t.tz.clone(),
    ];
    call_class(vm, cls, args, t.fold != 0)
}

/// `dt` moved by `us` microseconds, of `dt`'s class, with its tzinfo and
/// no fold: `datetime + timedelta`.
pub fn add_us(vm: &mut Vm, dt: &Value, us: i128) -> PyResult {
    let d = this(dt);
    let Some(moved) = DateTime::from_wall_us(d.wall_us() + us, d.time.tz.clone()) else {
        return Err(vm.overflow_error("date value out of range"));
    };
    let cls = vm.class_of(dt).clone();
    new_of_class(vm, &cls, moved)
}

// ---- construction -------------------------------------------------------------

/// A datetime's fields, as the constructor and `replace` name them.
const FIELDS: &[&str] = &[
    "year",
    "month",
    "day",
    "hour",
    "minute",
    "second",
    "microsecond",
    "tzinfo",
    "fold",
];

const PARAMS: Params = Params::Named {
    names: FIELDS,
    posonly: 0,
    positional: 8,
    required: 3,
};

fn construct(vm: &mut Vm, a: Args) -> PyResult {
    let cls = a.pos[0].as_obj().cloned().expect("a class");
    if (2..=3).contains(&a.pos.len()) && a.kw.is_empty() {
        if let Some(s) = pickled_state(
            vm,
            &a,
            10,
            2,
            |m| (1..=12).contains(&(m & 0x7f)),
            "datetime",
        )? {
            let tz = state_tzinfo(vm, &a, 2)?;
            let dt = DateTime {
                date: Date {
                    year: (s[0] as i64) << 8 | s[1] as i64,
                    month: (s[2] & 0x7f) as i64,
                    day: s[3] as i64,
                },
                time: time::from_state(&s[4..], s[2] > 127, tz),
            };
            return Ok(vm.new_native(&cls, dt));
        }
    }
    let b = PARAMS.bind(vm, "function", a, 1)?;
    let mut ymd = [0i64; 3];
    for (i, slot) in ymd.iter_mut().enumerate() {
        *slot = c_int(vm, &b.pos[i + 1])?;
    }
    let f = given_fields(vm, &b, 4, [0; 4])?;
    let tz = b.given(8).cloned().unwrap_or(Value::None);
    let fold = match b.given(9) {
        Some(v) => c_int(vm, v)?,
        None => 0,
    };
    let date = check_date(vm, ymd[0], ymd[1], ymd[2])?;
    check_time(vm, f, fold)?;
    check_tzinfo(vm, &tz)?;
    let dt = DateTime {
        date,
        time: from_fields(f, fold, tz),
    };
    Ok(vm.new_native(&cls, dt))
}

fn class_arg(a: &Args) -> Obj {
    a.pos[0].as_obj().cloned().expect("a class")
}

/// The datetime of a Unix time: local wall-clock time (with the fold
/// found by probing a day back) or UTC, then `tz.fromutc` when a zone is
/// given.
fn from_unix(vm: &mut Vm, cls: &Obj, seconds: i64, us: i64, utc: bool, tz: &Value) -> PyResult {
    let tm = if utc {
        local::utc_tm(vm, seconds)?
    } else {
        local::local_tm(vm, seconds)?
    };
    let date = check_date(vm, tm.year, tm.month, tm.day)?;
    let mut fold = 0;
    if !utc && tz.is_none() {
        let result =
            local::utc_to_seconds(tm.year, tm.month, tm.day, tm.hour, tm.minute, tm.second);
        let probe = local::local(vm, EPOCH + seconds - MAX_FOLD_SECONDS)?;
        let transition = result - probe - MAX_FOLD_SECONDS;
        if transition < 0 {
            let probe = local::local(vm, EPOCH + seconds + transition)?;
            if probe == result {
                fold = 1;
            }
        }
    }
    let dt = DateTime {
        date,
        time: from_fields([tm.hour, tm.minute, tm.second, us], fold, tz.clone()),
    };
    let made = new_of_class(vm, cls, dt)?;
    if tz.is_none() {
        return Ok(made);
    }
    vm.call_method(tz, "fromutc", vec![made])
}

const TIMESTAMP_PARAMS: Params = Params::Named {
    names: &["timestamp", "tz"],
    posonly: 0,
    positional: 2,
    required: 1,
};

fn fromtimestamp(vm: &mut Vm, a: Args) -> PyResult {
    let cls = class_arg(&a);
    let b = TIMESTAMP_PARAMS.bind(vm, "fromtimestamp", a, 1)?;
    let tz = b.given(2).cloned().unwrap_or(Value::None);
    check_tzinfo(vm, &tz)?;
    let (seconds, us) = local::timeval_of(vm, &b.pos[1])?;
    from_unix(vm, &cls, seconds, us, !tz.is_none(), &tz)
}

fn utcfromtimestamp(vm: &mut Vm, a: Args) -> PyResult {
    let cls = class_arg(&a);
    let (seconds, us) = local::timeval_of(vm, &a.pos[1])?;
    from_unix(vm, &cls, seconds, us, true, &Value::None)
}

const NOW_PARAMS: Params = Params::Named {
    names: &["tz"],
    posonly: 0,
    positional: 1,
    required: 0,
};

fn now(vm: &mut Vm, a: Args) -> PyResult {
    let cls = class_arg(&a);
    let b = NOW_PARAMS.bind(vm, "now", a, 1)?;
    let tz = b.given(1).cloned().unwrap_or(Value::None);
    check_tzinfo(vm, &tz)?;
    let (seconds, us) = local::now();
    from_unix(vm, &cls, seconds, us, !tz.is_none(), &tz)
}

const COMBINE_PARAMS: Params = Params::Named {
    names: &["date", "time", "tzinfo"],
    posonly: 0,
    positional: 3,
    required: 2,
};

fn combine(vm: &mut Vm, a: Args) -> PyResult {
    let cls = class_arg(&a);
    let b = COMBINE_PARAMS.bind(vm, "combine", a, 1)?;
    let Some(d) = date_of(&b.pos[1]) else {
        return Err(vm.type_error(format!(
            "combine() argument 1 must be datetime.date, not {}",
            vm.arg_type_name(&b.pos[1])
        )));
    };
    let Some(t) = time_of(&b.pos[2]).cloned() else {
        return Err(vm.type_error(format!(
            "combine() argument 2 must be datetime.time, not {}",
            vm.arg_type_name(&b.pos[2])
        )));
    };
    let tz = b.given(3).cloned().unwrap_or_else(|| t.tz.clone());
    check_tzinfo(vm, &tz)?;
    let dt = DateTime {
        date: d,
        time: Time { tz, ..t },
    };
    new_of_class(vm, &cls, dt)
}

fn fromisoformat(vm: &mut Vm, a: Args) -> PyResult {
    let cls = class_arg(&a);
    let Some(text) = str_value(&a.pos[1]) else {
        return Err(vm.type_error("fromisoformat: argument must be str"));
    };
    let parsed = parse_iso(&text);
    let Some((ymd, parts)) = parsed else {
        let shown = vm.repr_string(&a.pos[1])?;
        return Err(vm.value_error(format!("Invalid isoformat string: {shown}")));
    };
    let tz = time::tzinfo_of_offset(vm, parts.offset)?;
    let date = check_date(vm, ymd.0, ymd.1, ymd.2)?;
    check_time(vm, parts.fields, 0)?;
    new_of_class(
        vm,
        &cls,
        DateTime {
            date,
            time: from_fields(parts.fields, 0, tz),
        },
    )
}

/// The date and time of a `datetime.fromisoformat` string; a lone
/// surrogate is allowed only as the separator, as CPython allows it.
fn parse_iso(text: &str) -> Option<((i64, i64, i64), iso::TimeParts)> {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() < 7 {
        return None;
    }
    let mut clean = text.to_string();
    for pos in [7, 8, 10] {
        if pos > chars.len() {
            break;
        }
        if chars
            .get(pos)
            .is_some_and(|&c| c == char::REPLACEMENT_CHARACTER)
        {
            let mut c = chars.clone();
            c[pos] = 'T';
            clean = c.into_iter().collect();
            break;
        }
    }
    let s = clean.as_bytes();
    let sep = iso::find_separator(s)?;
    let ymd = iso::parse_date(s, sep).ok()?;
    let parts = if s.len() > sep {
        // The separator may be any character, of any length in UTF-8.
        let width = match s[sep] {
            b if b < 0x80 => 1,
            b if b >= 0xf0 => 4,
            b if b >= 0xe0 => 3,
            _ => 2,
        };
        iso::parse_time(s.get(sep + width..)?).ok()?
    } else {
        iso::TimeParts {
            fields: [0; 4],
            offset: None,
        }
    };
    Some((ymd, parts))
}

fn strptime(vm: &mut Vm, a: Args) -> PyResult {
    let cls = a.pos[0].clone();
    let module = vm.import("_strptime")?;
    vm.call_method(
        &module,
        "_strptime_datetime",
        vec![cls, a.pos[1].clone(), a.pos[2].clone()],
    )
}

// ---- offsets --------------------------------------------------------------

fn utcoffset(vm: &mut Vm, v: &Value) -> PyResult<Option<Delta>> {
    let tz = this(v).time.tz.clone();
    offset_of(vm, &tz, "utcoffset", v)
}

/// The offset the same wall time would have with the other fold.
fn flipped_offset(vm: &mut Vm, v: &Value) -> PyResult<Option<Delta>> {
    let mut d = this(v).clone();
    d.time.fold = 1 - d.time.fold;
    let tz = d.time.tz.clone();
    let cls = vm.class_of(v).clone();
    let flipped = vm.new_native(&cls, d);
    offset_of(vm, &tz, "utcoffset", &flipped)
}

/// PEP 495: an aware datetime in a fold or gap is unequal to any datetime
/// of another zone.
fn pep495_exception(
    vm: &mut Vm,
    a: &Value,
    b: &Value,
    oa: Option<Delta>,
    ob: Option<Delta>,
) -> PyResult<bool> {
    if flipped_offset(vm, a)? != oa {
        return Ok(true);
    }
    Ok(flipped_offset(vm, b)? != ob)
}

fn tz_method(vm: &mut Vm, a: &Args, which: &str) -> PyResult {
    let tz = this(&a.pos[0]).time.tz.clone();
    if which == "tzname" {
        return zone::name_of(vm, &tz, &a.pos[0]);
    }
    match offset_of(vm, &tz, which, &a.pos[0])? {
        Some(d) => delta::new(vm, d),
        None => Ok(Value::None),
    }
}

// ---- arithmetic and comparison ------------------------------------------------

fn binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    match op {
        BinOp::Add | BinOp::InplaceAdd => {
            if let (Some(_), Some(t)) = (datetime_of(a), delta_of(b)) {
                return add_us(vm, a, t.total_us()).map(Some);
            }
            if let (Some(t), Some(_)) = (delta_of(a), datetime_of(b)) {
                return add_us(vm, b, t.total_us()).map(Some);
            }
            Ok(None)
        }
        BinOp::Subtract | BinOp::InplaceSubtract => {
            if datetime_of(a).is_none() {
                return Ok(None);
            }
            if let Some(t) = delta_of(b) {
                return add_us(vm, a, -t.total_us()).map(Some);
            }
            if datetime_of(b).is_none() {
                return Ok(None);
            }
            let (x, y) = (this(a).clone(), this(b).clone());
            let mut shift = 0;
            if !x.time.tz.is(&y.time.tz) {
                let ox = utcoffset(vm, a)?;
                let oy = utcoffset(vm, b)?;
                if ox.is_some() != oy.is_some() {
                    return Err(
                        vm.type_error("can't subtract offset-naive and offset-aware datetimes")
                    );
                }
                shift = ox.map_or(0, Delta::total_us) - oy.map_or(0, Delta::total_us);
            }
            delta::new_us(vm, x.wall_us() - y.wall_us() - shift).map(Some)
        }
        _ => Ok(None),
    }
}

fn compare(vm: &mut Vm, op: CompareOp, o: &Obj, other: &Value) -> PyResult<Option<Value>> {
    let me = Value::Obj(o.clone());
    if datetime_of(other).is_none() {
        if date_of(other).is_some() {
            return match op {
                CompareOp::Eq => Ok(Some(Value::Bool(false))),
                CompareOp::Ne => Ok(Some(Value::Bool(true))),
                _ => Err(vm.type_error(format!(
                    "can't compare {} to {}",
                    vm.type_name(&me),
                    vm.type_name(other)
                ))),
            };
        }
        return Ok(None);
    }
    let (x, y) = (this(&me).clone(), this(other).clone());
    let eq_op = matches!(op, CompareOp::Eq | CompareOp::Ne);
    let holds = |ord: Ordering| Ok(Some(Value::Bool(ordering_holds(op, ord))));
    if x.time.tz.is(&y.time.tz) {
        return holds(x.key().cmp(&y.key()));
    }
    let ox = utcoffset(vm, &me)?;
    let oy = utcoffset(vm, other)?;
    let ord = match (ox, oy) {
        (a, b) if a == b => x.key().cmp(&y.key()),
        (Some(a), Some(b)) => (x.wall_us() - a.total_us()).cmp(&(y.wall_us() - b.total_us())),
        _ => {
            return match op {
                CompareOp::Eq => Ok(Some(Value::Bool(false))),
                CompareOp::Ne => Ok(Some(Value::Bool(true))),
                _ => Err(vm.type_error("can't compare offset-naive and offset-aware datetimes")),
            }
        }
    };
    if eq_op && ord == Ordering::Equal && pep495_exception(vm, &me, other, ox, oy)? {
        return holds(Ordering::Less);
    }
    holds(ord)
}

fn hash(vm: &mut Vm, o: &Obj) -> PyResult<i64> {
    let me = Value::Obj(o.clone());
    let mut d = this(&me).clone();
    let offset = if d.time.fold != 0 {
        d.time.fold = 0;
        let tz = d.time.tz.clone();
        let cls = o.class().clone();
        let plain = vm.new_native(&cls, d.clone());
        offset_of(vm, &tz, "utcoffset", &plain)?
    } else {
        utcoffset(vm, &me)?
    };
    let us = d.wall_us() - offset.map_or(0, Delta::total_us);
    let days = us.div_euclid(US_PER_DAY) as i64;
    let rest = us.rem_euclid(US_PER_DAY) as i64;
    delta::hash_delta(
        vm,
        Delta {
            days,
            seconds: rest / 1_000_000,
            us: rest % 1_000_000,
        },
    )
}

// ---- text -------------------------------------------------------------------

fn repr(vm: &mut Vm, o: &Obj) -> PyResult {
    let d = this(&Value::Obj(o.clone())).clone();
    let name = type_repr_name(vm, o);
    let (dd, t) = (d.date, &d.time);
    let mut s = format!(
        "{name}({}, {}, {}, {}, {}",
        dd.year, dd.month, dd.day, t.hour, t.minute
    );
    if t.us != 0 {
        s.push_str(&format!(", {}, {}", t.second, t.us));
    } else if t.second != 0 {
        s.push_str(&format!(", {}", t.second));
    }
    if t.fold != 0 {
        s.push_str(", fold=1");
    }
    if !t.tz.is_none() {
        let tz = vm.repr_string(&t.tz)?;
        s.push_str(&format!(", tzinfo={tz}"));
    }
    s.push(')');
    Ok(vm.new_string(s))
}

const ISOFORMAT_PARAMS: Params = Params::Named {
    names: &["sep", "timespec"],
    posonly: 0,
    positional: 2,
    required: 0,
};

fn isoformat(vm: &mut Vm, a: Args) -> PyResult {
    let me = a.pos[0].clone();
    let d = this(&me).clone();
    let b = ISOFORMAT_PARAMS.bind(vm, "isoformat", a, 1)?;
    let sep = match b.given(1) {
        Some(v) => {
            let Some(s) = krait_vm::api::value_pystr(v) else {
                return Err(vm.type_error(format!(
                    "isoformat() argument 1 must be a unicode character, not {}",
                    vm.arg_type_name(v)
                )));
            };
            if s.len() != 1 {
                return Err(
                    vm.type_error("isoformat() argument 1 must be a unicode character, not str")
                );
            }
            krait_vm::api::PyStr::from_wtf8_slice(s.as_bytes())
        }
        None => krait_vm::api::PyStr::new("T"),
    };
    let spec = match b.given(2) {
        Some(v) => str_arg(vm, v, "isoformat", 2)?,
        None => "auto".into(),
    };
    let t = &d.time;
    let Some(time_text) = iso::format_time(t.hour, t.minute, t.second, t.us, &spec) else {
        return Err(vm.value_error("Unknown timespec value"));
    };
    let mut rest = time_text;
    if let Some(off) = utcoffset(vm, &me)? {
        rest.push_str(&format_offset(off, ":"));
    }
    // The separator may be a lone surrogate, which only a `PyStr` holds.
    let text = krait_vm::api::PyStr::new(&d.date.isoformat())
        .concat(&sep)
        .concat(&krait_vm::api::PyStr::new(&rest));
    Ok(vm.new_pystr(text))
}

fn timetuple(vm: &mut Vm, a: Args) -> PyResult {
    let me = &a.pos[0];
    let d = this(me).clone();
    let dst = match offset_of(vm, &d.time.tz, "dst", me)? {
        None => -1,
        Some(x) => i64::from(!x.is_zero()),
    };
    let t = &d.time;
    struct_time(vm, d.date, t.hour, t.minute, t.second, dst)
}

fn utctimetuple(vm: &mut Vm, a: Args) -> PyResult {
    let me = &a.pos[0];
    let mut d = this(me).clone();
    if let Some(off) = utcoffset(vm, me)? {
        let Some(moved) = DateTime::from_wall_us(d.wall_us() - off.total_us(), Value::None) else {
            return Err(vm.overflow_error("date value out of range"));
        };
        d = moved;
    }
    let t = &d.time;
    struct_time(vm, d.date, t.hour, t.minute, t.second, 0)
}

fn timestamp(vm: &mut Vm, a: Args) -> PyResult {
    let me = &a.pos[0];
    let d = this(me).clone();
    if d.time.tz.is_none() {
        let t = &d.time;
        let wall = local::utc_to_seconds(
            d.date.year,
            d.date.month,
            d.date.day,
            t.hour,
            t.minute,
            t.second,
        );
        let seconds = local::local_to_seconds(vm, wall, t.fold != 0)? - EPOCH;
        return Ok(Value::Float(seconds as f64 + t.us as f64 / 1e6));
    }
    let epoch = DateTime {
        date: Date {
            year: 1970,
            month: 1,
            day: 1,
        },
        time: Time::midnight(),
    };
    let us = match utcoffset(vm, me)? {
        Some(off) => d.wall_us() - off.total_us() - epoch.wall_us(),
        None => d.wall_us() - epoch.wall_us(),
    };
    let total = vm.new_int(krait_vm::api::BigInt::from(us));
    vm.binary_op(BinOp::TrueDivide, &total, &Value::Int(1_000_000))
}

/// The local time zone at Unix time `t`: a `timezone` of its offset
/// and abbreviation.
fn local_zone(vm: &mut Vm, t: i64) -> PyResult {
    let tm = local::local_tm(vm, t)?;
    let offset = Delta::from_us(tm.gmtoff as i128 * 1_000_000).expect("under a day");
    let name = vm.new_string(tm.zone);
    zone::new_timezone(vm, offset, Some(name))
}

const ASTIMEZONE_PARAMS: Params = Params::Named {
    names: &["tz"],
    posonly: 0,
    positional: 1,
    required: 0,
};

fn astimezone(vm: &mut Vm, a: Args) -> PyResult {
    let me = a.pos[0].clone();
    let b = ASTIMEZONE_PARAMS.bind(vm, "astimezone", a, 1)?;
    let tz = b.given(1).cloned().unwrap_or(Value::None);
    check_tzinfo(vm, &tz)?;
    let d = this(&me).clone();
    let mut offset = None;
    if !d.time.tz.is_none() {
        if d.time.tz.is(&tz) {
            return Ok(me);
        }
        offset = utcoffset(vm, &me)?;
    }
    let offset = match offset {
        Some(o) => o,
        None => {
            // Naive (or a zone without an offset): the local time zone.
            let t = &d.time;
            let wall = local::utc_to_seconds(
                d.date.year,
                d.date.month,
                d.date.day,
                t.hour,
                t.minute,
                t.second,
            );
            let seconds = local::local_to_seconds(vm, wall, t.fold != 0)?;
            let zone = local_zone(vm, seconds - EPOCH)?;
            if zone.is(&tz) {
                return Ok(me);
            }
            let off = offset_of(vm, &zone, "utcoffset", &me)?;
            off.unwrap_or(Delta::ZERO)
        }
    };
    let Some(utc) = DateTime::from_wall_us(d.wall_us() - offset.total_us(), Value::None) else {
        return Err(vm.overflow_error("date value out of range"));
    };
    let tz = if tz.is_none() {
        let epoch_us = 719_163i128 * US_PER_DAY;
        let seconds = (utc.wall_us() - epoch_us).div_euclid(1_000_000) as i64;
        local_zone(vm, seconds)?
    } else {
        tz
    };
    let cls = vm.class_of(&me).clone();
    let mut utc = utc;
    utc.time.tz = tz.clone();
    let made = new_of_class(vm, &cls, utc)?;
    vm.call_method(&tz, "fromutc", vec![made])
}

const REPLACE_PARAMS: Params = Params::Named {
    names: FIELDS,
    posonly: 0,
    positional: 8,
    required: 0,
};

fn replace(vm: &mut Vm, a: Args) -> PyResult {
    let d = this(&a.pos[0]).clone();
    let cls = vm.class_of(&a.pos[0]).clone();
    let b = REPLACE_PARAMS.bind(vm, "replace", a, 1)?;
    let t = &d.time;
    let old = [
        d.date.year,
        d.date.month,
        d.date.day,
        t.hour,
        t.minute,
        t.second,
        t.us,
    ];
    let f = given_fields(vm, &b, 1, old)?;
    let tz = b.given(8).cloned().unwrap_or(t.tz.clone());
    let fold = match b.given(9) {
        Some(v) => c_int(vm, v)?,
        None => t.fold,
    };
    let date = check_date(vm, f[0], f[1], f[2])?;
    let fields = [f[3], f[4], f[5], f[6]];
    check_time(vm, fields, fold)?;
    check_tzinfo(vm, &tz)?;
    Ok(vm.new_native(
        &cls,
        DateTime {
            date,
            time: from_fields(fields, fold, tz),
        },
    ))
}

// ---- the type -----------------------------------------------------------------

pub struct DateTimeType;

impl NativeType for DateTimeType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(repr),
        hash: Some(hash),
        richcompare: Some(compare),
        binop: Some(binop),
        ..Slots::NONE
    };
    const BINARY_OPERATORS: &'static [BinOp] = &[BinOp::Add, BinOp::Subtract];
}

pub const TYPE: TypeDef = TypeDef {
    name: "datetime",
    module: "datetime",
    doc: Some("datetime(year, month, day[, hour[, minute[, second[, microsecond[,tzinfo]]]]])\n\nThe year, month and day arguments are required. tzinfo may be None, or an\ninstance of a tzinfo subclass. The remaining arguments may be ints.\n"),
    methods: &[
        F::new("__new__", construct),
        F::classmethod("now", now),
        F::classmethod("utcnow", |vm, a| {
            let cls = class_arg(&a);
            let (seconds, us) = local::now();
            from_unix(vm, &cls, seconds, us, true, &Value::None)
        })
        .no_args(),
        F::classmethod("fromtimestamp", fromtimestamp),
        F::classmethod("utcfromtimestamp", utcfromtimestamp).one(),
        F::classmethod("combine", combine),
        F::classmethod("fromisoformat", fromisoformat).one(),
        F::classmethod("strptime", strptime).args(2, 2),
        F::method("date", |vm, a| {
            let cls = class(vm, "date")?;
            Ok(vm.new_native(&cls, this(&a.pos[0]).date))
        })
        .no_args(),
        F::method("time", |vm, a| {
            let cls = class(vm, "time")?;
            let t = Time {
                tz: Value::None,
                ..this(&a.pos[0]).time.clone()
            };
            Ok(vm.new_native(&cls, t))
        })
        .no_args(),
        F::method("timetz", |vm, a| {
            let cls = class(vm, "time")?;
            Ok(vm.new_native(&cls, this(&a.pos[0]).time.clone()))
        })
        .no_args(),
        F::method("ctime", |vm, a| {
            let d = this(&a.pos[0]);
            let t = &d.time;
            Ok(vm.new_string(ctime(d.date, t.hour, t.minute, t.second)))
        })
        .no_args(),
        F::method("timetuple", timetuple).no_args(),
        F::method("utctimetuple", utctimetuple).no_args(),
        F::method("timestamp", timestamp).no_args(),
        F::method("isoformat", isoformat),
        F::method("__str__", |vm, a| {
            let sep = vm.new_str(" ");
            vm.call_method(&a.pos[0], "isoformat", vec![sep])
        })
        .no_args(),
        F::method("utcoffset", |vm, a| tz_method(vm, &a, "utcoffset")).no_args(),
        F::method("dst", |vm, a| tz_method(vm, &a, "dst")).no_args(),
        F::method("tzname", |vm, a| tz_method(vm, &a, "tzname")).no_args(),
        F::method("replace", replace),
        F::method("astimezone", astimezone),
        F::method("__reduce_ex__", |vm, a| {
            let protocol = c_int(vm, &a.pos[1])?;
            let d = this(&a.pos[0]).clone();
            reduce_with(vm, &a.pos[0], d.state(protocol), &d.time.tz)
        })
        .one(),
        F::method("__reduce__", |vm, a| {
            let d = this(&a.pos[0]).clone();
            reduce_with(vm, &a.pos[0], d.state(2), &d.time.tz)
        })
        .no_args(),
    ],
};

fn time_part(v: &Value) -> &Time {
    &this(v).time
}

pub const ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::new("hour", |_, v| Ok(Value::Int(time_part(v).hour))),
    GetSetDef::new("minute", |_, v| Ok(Value::Int(time_part(v).minute))),
    GetSetDef::new("second", |_, v| Ok(Value::Int(time_part(v).second))),
    GetSetDef::new("microsecond", |_, v| Ok(Value::Int(time_part(v).us))),
    GetSetDef::new("tzinfo", |_, v| Ok(time_part(v).tz.clone())),
    GetSetDef::new("fold", |_, v| Ok(Value::Int(time_part(v).fold))),
];

pub fn add_class_attributes(vm: &mut Vm, cls: &Obj) -> PyResult<()> {
    let min = DateTime {
        date: Date {
            year: 1,
            month: 1,
            day: 1,
        },
        time: Time::midnight(),
    };
    let min = vm.new_native(cls, min);
    krait_vm::api::add_attr(vm, cls, "min", min);
    let max = DateTime {
        date: Date {
            year: 9999,
            month: 12,
            day: 31,
        },
        time: from_fields([23, 59, 59, 999_999], 0, Value::None),
    };
    let max = vm.new_native(cls, max);
    krait_vm::api::add_attr(vm, cls, "max", max);
    let resolution = delta::new(vm, Delta::RESOLUTION)?;
    krait_vm::api::add_attr(vm, cls, "resolution", resolution);
    Ok(())
}
