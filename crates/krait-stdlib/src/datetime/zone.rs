//! `tzinfo`, the abstract base of time zones, and `timezone`, a fixed
//! offset from UTC; and calling a tzinfo's methods with CPython's checks
//! on what they return.

use super::date_time::{self, datetime_of};
use super::delta::{self, delta_of, Delta, US_PER_DAY};
use super::{class, str_arg, type_repr_name};
use krait_vm::api::{
    native_data, str_value, CompareOp, FunctionDef as F, NativeType, Obj, Params, PyResult, Slots,
    TypeDef, Value, Vm,
};

/// What a `tzinfo` instance (or one of a class derived in Python) holds.
pub struct TzBase;

/// A `timezone`: a fixed offset and perhaps a name.
pub struct TimeZone {
    pub offset: Delta,
    pub name: Option<Value>,
}

pub fn is_tzinfo(v: &Value) -> bool {
    v.as_obj()
        .is_some_and(|o| native_data::<TzBase>(o).is_some() || native_data::<TimeZone>(o).is_some())
}

/// `None` or a tzinfo, or CPython's TypeError.
pub fn check_tzinfo(vm: &Vm, v: &Value) -> PyResult<()> {
    if v.is_none() || is_tzinfo(v) {
        return Ok(());
    }
    Err(vm.type_error(format!(
        "tzinfo argument must be None or of a tzinfo subclass, not type '{}'",
        vm.type_name(v)
    )))
}

/// `timezone.utc`.
pub fn utc(vm: &mut Vm) -> PyResult {
    let cls = class(vm, "timezone")?;
    vm.getattr_str(&Value::Obj(cls), "utc")
}

/// The timezone of `offset` (UTC itself when the offset is zero and no
/// name is given), or CPython's ValueError for an offset of a day or more.
pub fn new_timezone(vm: &mut Vm, offset: Delta, name: Option<Value>) -> PyResult {
    if name.is_none() && offset.is_zero() {
        return utc(vm);
    }
    check_offset_range(vm, offset, true)?;
    let cls = class(vm, "timezone")?;
    Ok(vm.new_native(&cls, TimeZone { offset, name }))
}

fn check_offset_range(vm: &mut Vm, offset: Delta, show: bool) -> PyResult<()> {
    if offset.total_us().abs() < US_PER_DAY {
        return Ok(());
    }
    let msg =
        "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24)";
    if show {
        let shown = delta::new(vm, offset)?;
        let shown = vm.repr_string(&shown)?;
        Err(vm.value_error(format!("{msg}, not {shown}.")))
    } else {
        Err(vm.value_error(format!("{msg}.")))
    }
}

/// `tz.utcoffset(arg)` or `tz.dst(arg)` (`which`), checked: `None`, or a
/// duration of less than a day.
pub fn offset_of(vm: &mut Vm, tz: &Value, which: &str, arg: &Value) -> PyResult<Option<Delta>> {
    if tz.is_none() {
        return Ok(None);
    }
    if let Some(z) = tz.as_obj().and_then(native_data::<TimeZone>) {
        let timezone = class(vm, "timezone")?;
        if vm.class_of(tz).is(&timezone) {
            return Ok(match which {
                "dst" => None,
                _ => Some(z.offset),
            });
        }
    }
    let r = vm.call_method(tz, which, vec![arg.clone()])?;
    if r.is_none() {
        return Ok(None);
    }
    let Some(d) = delta_of(&r) else {
        return Err(vm.type_error(format!(
            "tzinfo.{which}() must return None or timedelta, not '{}'",
            vm.type_name(&r)
        )));
    };
    check_offset_range(vm, d, false)?;
    Ok(Some(d))
}

/// `tz.tzname(arg)`, checked: `None` or a str.
pub fn name_of(vm: &mut Vm, tz: &Value, arg: &Value) -> PyResult {
    if tz.is_none() {
        return Ok(Value::None);
    }
    let r = vm.call_method(tz, "tzname", vec![arg.clone()])?;
    if r.is_none() || str_value(&r).is_some() {
        return Ok(r);
    }
    Err(vm.type_error(format!(
        "tzinfo.tzname() must return None or a string, not '{}'",
        vm.type_name(&r)
    )))
}

/// An offset as `isoformat` writes it: `+HH:MM`, with seconds and
/// microseconds only when there are some; `sep` between the parts.
pub fn format_offset(d: Delta, sep: &str) -> String {
    let mut us = d.total_us();
    let sign = if us < 0 { '-' } else { '+' };
    us = us.abs();
    let (secs, micro) = (us / 1_000_000, us % 1_000_000);
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if micro != 0 {
        format!("{sign}{h:02}{sep}{m:02}{sep}{s:02}.{micro:06}")
    } else if s != 0 {
        format!("{sign}{h:02}{sep}{m:02}{sep}{s:02}")
    } else {
        format!("{sign}{h:02}{sep}{m:02}")
    }
}

// ---- tzinfo -------------------------------------------------------------

pub struct TzInfoType;

impl NativeType for TzInfoType {
    const SLOTS: &'static Slots = &Slots::NONE;
}

fn must_implement(vm: &mut Vm, what: &str) -> PyResult {
    Err(vm.not_implemented_error(format!("a tzinfo subclass must implement {what}()")))
}

/// `tzinfo.fromutc`: the standard conversion, for zones whose `dst()`
/// tells standard time from daylight time.
fn generic_fromutc(vm: &mut Vm, tz: &Value, dt: &Value) -> PyResult {
    if datetime_of(dt).is_none() {
        return Err(vm.type_error("fromutc: argument must be a datetime"));
    }
    let own = datetime_of(dt).expect("checked").time.tz.clone();
    if !own.is(tz) {
        return Err(vm.value_error("fromutc: dt.tzinfo is not self"));
    }
    let Some(off) = offset_of(vm, tz, "utcoffset", dt)? else {
        return Err(vm.value_error("fromutc: non-None utcoffset() result required"));
    };
    let Some(dst) = offset_of(vm, tz, "dst", dt)? else {
        return Err(vm.value_error("fromutc: non-None dst() result required"));
    };
    let shift = off.total_us() - dst.total_us();
    let moved = date_time::add_us(vm, dt, shift)?;
    let Some(dst) = offset_of(vm, tz, "dst", &moved)? else {
        return Err(vm.value_error("fromutc: tz.dst() gave inconsistent results; cannot convert"));
    };
    if dst.is_zero() {
        return Ok(moved);
    }
    date_time::add_us(vm, &moved, dst.total_us())
}

/// `tzinfo.__reduce__`: the class, `__getinitargs__()` if it has one,
/// and the instance's state.
fn reduce(vm: &mut Vm, a: krait_vm::api::Args) -> PyResult {
    let this = &a.pos[0];
    let cls = Value::Obj(vm.class_of(this).clone());
    let args = match vm.getattr_str(this, "__getinitargs__") {
        Ok(f) => vm.call(&f, vec![])?,
        Err(_) => vm.new_tuple(vec![]),
    };
    let state = vm.call_method(this, "__getstate__", vec![])?;
    Ok(vm.new_tuple(vec![cls, args, state]))
}

pub const TZINFO_TYPE: TypeDef = TypeDef {
    name: "tzinfo",
    module: "datetime",
    doc: Some("Abstract base class for time zone info objects."),
    methods: &[
        F::new("__new__", |vm, a| {
            let cls = a.pos[0].as_obj().cloned().expect("a class");
            Ok(vm.new_native(&cls, TzBase))
        }),
        F::method("tzname", |vm, _| must_implement(vm, "tzname")).one(),
        F::method("utcoffset", |vm, _| must_implement(vm, "utcoffset")).one(),
        F::method("dst", |vm, _| must_implement(vm, "dst")).one(),
        F::method("fromutc", |vm, a| generic_fromutc(vm, &a.pos[0], &a.pos[1])).one(),
        F::method("__reduce__", reduce).no_args(),
    ],
};

// ---- timezone -------------------------------------------------------------

pub struct TimeZoneType;

impl NativeType for TimeZoneType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(timezone_repr),
        hash: Some(|vm, o| delta::hash_delta(vm, zone(o).offset)),
        richcompare: Some(timezone_compare),
        ..Slots::NONE
    };
}

fn zone(o: &Obj) -> &TimeZone {
    native_data::<TimeZone>(o).expect("a timezone")
}

fn zone_value(v: &Value) -> &TimeZone {
    zone(v.as_obj().expect("a timezone"))
}

const TIMEZONE_PARAMS: Params = Params::Named {
    names: &["offset", "name"],
    posonly: 0,
    positional: 2,
    required: 1,
};

fn timezone_new(vm: &mut Vm, a: krait_vm::api::Args) -> PyResult {
    let b = TIMEZONE_PARAMS.bind(vm, "timezone", a, 1)?;
    let offset = b.given(1).cloned().unwrap_or(Value::None);
    let Some(offset) = delta_of(&offset) else {
        return Err(vm.type_error(format!(
            "timezone() argument 1 must be datetime.timedelta, not {}",
            vm.arg_type_name(&offset)
        )));
    };
    let name = match b.given(2) {
        None => None,
        Some(n) => {
            str_arg(vm, n, "timezone", 2)?;
            Some(n.clone())
        }
    };
    new_timezone(vm, offset, name)
}

fn timezone_repr(vm: &mut Vm, o: &Obj) -> PyResult {
    let type_name = type_repr_name(vm, o);
    let this = Value::Obj(o.clone());
    if utc(vm)?.is(&this) {
        return Ok(vm.new_string(format!("{type_name}.utc")));
    }
    let z = zone(o);
    let offset = delta::new(vm, z.offset)?;
    let offset = vm.repr_string(&offset)?;
    let text = match &z.name {
        None => format!("{type_name}({offset})"),
        Some(name) => {
            let name = vm.repr_string(name)?;
            format!("{type_name}({offset}, {name})")
        }
    };
    Ok(vm.new_string(text))
}

fn timezone_compare(
    _vm: &mut Vm,
    op: CompareOp,
    o: &Obj,
    other: &Value,
) -> PyResult<Option<Value>> {
    let Some(b) = other.as_obj().and_then(native_data::<TimeZone>) else {
        return Ok(None);
    };
    let same = zone(o).offset == b.offset;
    Ok(match op {
        CompareOp::Eq => Some(Value::Bool(same)),
        CompareOp::Ne => Some(Value::Bool(!same)),
        _ => None,
    })
}

/// The text `str()` and `tzname()` give: the name, or `UTC±HH:MM`.
fn timezone_name(vm: &mut Vm, v: &Value) -> PyResult {
    let z = zone_value(v);
    if let Some(name) = &z.name {
        return Ok(name.clone());
    }
    if utc(vm)?.is(v) || z.offset.is_zero() {
        return Ok(vm.new_str("UTC"));
    }
    Ok(vm.new_string(format!("UTC{}", format_offset(z.offset, ":"))))
}

/// The argument check of `timezone`'s methods: a datetime or `None`.
fn check_dt_arg(vm: &Vm, dt: &Value, method: &str) -> PyResult<()> {
    if dt.is_none() || datetime_of(dt).is_some() {
        return Ok(());
    }
    Err(vm.type_error(format!(
        "{method}(dt) argument must be a datetime instance or None, not {}",
        vm.type_name(dt)
    )))
}

pub const TIMEZONE_TYPE: TypeDef = TypeDef {
    name: "timezone",
    module: "datetime",
    doc: Some("Fixed offset from UTC implementation of tzinfo."),
    methods: &[
        F::new("__new__", timezone_new),
        F::method("utcoffset", |vm, a| {
            check_dt_arg(vm, &a.pos[1], "utcoffset")?;
            delta::new(vm, zone_value(&a.pos[0]).offset)
        })
        .one(),
        F::method("dst", |vm, a| {
            check_dt_arg(vm, &a.pos[1], "dst")?;
            Ok(Value::None)
        })
        .one(),
        F::method("tzname", |vm, a| {
            check_dt_arg(vm, &a.pos[1], "tzname")?;
            timezone_name(vm, &a.pos[0])
        })
        .one(),
        F::method("fromutc", |vm, a| {
            let (this, dt) = (&a.pos[0], &a.pos[1]);
            let Some(d) = datetime_of(dt) else {
                return Err(vm.type_error("fromutc: argument must be a datetime"));
            };
            if !d.time.tz.is(this) {
                return Err(vm.value_error("fromutc: dt.tzinfo is not self"));
            }
            let us = zone_value(this).offset.total_us();
            date_time::add_us(vm, dt, us)
        })
        .one(),
        F::method("__getinitargs__", |vm, a| {
            let z = zone_value(&a.pos[0]);
            let offset = delta::new(vm, z.offset)?;
            Ok(match &z.name {
                None => vm.new_tuple(vec![offset]),
                Some(n) => vm.new_tuple(vec![offset, n.clone()]),
            })
        })
        .no_args(),
        F::method("__str__", |vm, a| timezone_name(vm, &a.pos[0])).no_args(),
    ],
};

pub fn add_class_attributes(vm: &mut Vm, cls: &Obj) -> PyResult<()> {
    let make = |vm: &mut Vm, us: i128| {
        let offset = Delta::from_us(us).expect("in range");
        vm.new_native(cls, TimeZone { offset, name: None })
    };
    let utc = make(vm, 0);
    krait_vm::api::add_attr(vm, cls, "utc", utc);
    let minute = 60 * 1_000_000;
    let min = make(vm, -(US_PER_DAY - minute));
    krait_vm::api::add_attr(vm, cls, "min", min);
    let max = make(vm, US_PER_DAY - minute);
    krait_vm::api::add_attr(vm, cls, "max", max);
    Ok(())
}
