//! `_datetime`: `date`, `time`, `datetime`, `timedelta`, `tzinfo` and
//! `timezone` natively, as CPython's C module has them (`datetime.py`
//! imports them over its pure-Python classes).
//!
//! Instances hold their fields as Rust values: `Delta` (`delta.rs`),
//! `Date` (`date.rs`), `Time` (`time.rs`), `DateTime` (`date_time.rs`),
//! `TimeZone` (`zone.rs`). The types are made once per interpreter and
//! reused when the module is imported afresh, as CPython's static types
//! are. Results of arithmetic on a subclass instance are made by calling
//! the subclass, as CPython does.

mod calendar;
mod date;
mod date_time;
mod delta;
mod iso;
mod local;
mod time;
mod zone;

use krait_vm::api::{
    add_attr, add_getsets, add_methods, CompareOp, ModuleDef, Obj, PyResult, StructSeqDef, Value,
    Vm,
};
use std::cmp::Ordering;

pub const MODULE: ModuleDef = ModuleDef {
    name: "_datetime",
    doc: Some("Fast implementation of the datetime type."),
    functions: &[],
    init: Some(init),
};

const MODULE_NAME: &str = "_datetime";
const PUBLIC: [&str; 6] = [
    "date",
    "datetime",
    "time",
    "timedelta",
    "timezone",
    "tzinfo",
];

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    if vm.remembered_native_class(MODULE_NAME, "date").is_none() {
        make_types(vm)?;
    }
    for name in PUBLIC {
        let cls = class(vm, name)?;
        add_attr(vm, m, name, Value::Obj(cls));
    }
    add_attr(vm, m, "MINYEAR", Value::Int(calendar::MIN_YEAR));
    add_attr(vm, m, "MAXYEAR", Value::Int(calendar::MAX_YEAR));
    let utc = zone::utc(vm)?;
    add_attr(vm, m, "UTC", utc);
    Ok(())
}

const ISO_CALENDAR_DATE: StructSeqDef = StructSeqDef {
    name: "datetime.IsoCalendarDate",
    module: "datetime",
    doc: None,
    fields: &["year", "week", "weekday"],
    visible: 3,
};

fn make_types(vm: &mut Vm) -> PyResult<()> {
    let timedelta = vm.new_native_base_type::<delta::DeltaType>(&delta::TYPE);
    add_getsets(vm, &timedelta, delta::ATTRIBUTES);
    vm.remember_native_class(MODULE_NAME, "timedelta", &timedelta);

    let date = vm.new_native_base_type::<date::DateType>(&date::TYPE);
    add_getsets(vm, &date, date::ATTRIBUTES);
    vm.remember_native_class(MODULE_NAME, "date", &date);

    let tzinfo = vm.new_native_base_type::<zone::TzInfoType>(&zone::TZINFO_TYPE);
    vm.remember_native_class(MODULE_NAME, "tzinfo", &tzinfo);

    let time = vm.new_native_base_type::<time::TimeType>(&time::TYPE);
    add_getsets(vm, &time, time::ATTRIBUTES);
    vm.remember_native_class(MODULE_NAME, "time", &time);

    let datetime = vm.new_native_subtype::<date_time::DateTimeType>(&date_time::TYPE, &date);
    add_getsets(vm, &datetime, date_time::ATTRIBUTES);
    vm.remember_native_class(MODULE_NAME, "datetime", &datetime);

    let timezone = vm.new_native_subtype::<zone::TimeZoneType>(&zone::TIMEZONE_TYPE, &tzinfo);
    vm.remember_native_class(MODULE_NAME, "timezone", &timezone);

    let iso = vm.new_struct_seq_type(&ISO_CALENDAR_DATE);
    add_methods(vm, &iso, date::ISO_CALENDAR_METHODS);
    vm.remember_native_class(MODULE_NAME, "IsoCalendarDate", &iso);

    delta::add_class_attributes(vm, &timedelta)?;
    date::add_class_attributes(vm, &date)?;
    time::add_class_attributes(vm, &time)?;
    date_time::add_class_attributes(vm, &datetime)?;
    zone::add_class_attributes(vm, &timezone)?;
    Ok(())
}

/// The module's class `name`.
fn class(vm: &mut Vm, name: &'static str) -> PyResult<Obj> {
    match vm.remembered_native_class(MODULE_NAME, name) {
        Some(cls) => Ok(cls),
        None => vm.native_class(MODULE_NAME, name),
    }
}

/// How CPython names an instance's type in reprs: `datetime.date` for
/// the module's own types, the bare name for classes derived in Python.
fn type_repr_name(vm: &Vm, o: &Obj) -> String {
    vm.type_name(&Value::Obj(o.clone()))
}

/// Whether an ordering satisfies a comparison operator.
fn ordering_holds(op: CompareOp, ord: Ordering) -> bool {
    match op {
        CompareOp::Lt => ord == Ordering::Less,
        CompareOp::Le => ord != Ordering::Greater,
        CompareOp::Eq => ord == Ordering::Equal,
        CompareOp::Ne => ord != Ordering::Equal,
        CompareOp::Gt => ord == Ordering::Greater,
        CompareOp::Ge => ord != Ordering::Less,
    }
}

/// An integer field as CPython's `"i"` argument format reads it: through
/// `__index__`, and no wider than a C int.
fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Value::Int(i) = v {
        if i32::try_from(*i).is_ok() {
            return Ok(*i);
        }
    }
    let big = vm.index_arg(v)?;
    match i64::try_from(&big) {
        Err(_) => Err(vm.overflow_error("Python int too large to convert to C long")),
        Ok(i) if i > i32::MAX as i64 => {
            Err(vm.overflow_error("signed integer is greater than maximum"))
        }
        Ok(i) if i < i32::MIN as i64 => {
            Err(vm.overflow_error("signed integer is less than minimum"))
        }
        Ok(i) => Ok(i),
    }
}

/// The integer fields bound at `first..` of `b` (as `c_int` reads them),
/// each keeping its value in `fields` where not given.
fn given_fields<const N: usize>(
    vm: &mut Vm,
    b: &krait_vm::api::Args,
    first: usize,
    mut fields: [i64; N],
) -> PyResult<[i64; N]> {
    for (i, slot) in fields.iter_mut().enumerate() {
        if let Some(v) = b.given(first + i) {
            *slot = c_int(vm, v)?;
        }
    }
    Ok(fields)
}

/// A `str` argument of a method: "strftime() argument 1 must be str, not
/// int" otherwise.
fn str_arg(vm: &Vm, v: &Value, func: &str, position: usize) -> PyResult<String> {
    krait_vm::api::str_value(v).ok_or_else(|| {
        vm.type_error(format!(
            "{func}() argument {position} must be str, not {}",
            vm.arg_type_name(v)
        ))
    })
}

/// Calls the class `cls` with `args` (and `fold=1` when asked), as
/// CPython makes results for classes derived in Python.
fn call_class(vm: &mut Vm, cls: &Obj, args: Vec<Value>, fold: bool) -> PyResult {
    let mut a = krait_vm::api::Args::new(args);
    if fold {
        let name = vm.intern("fold");
        a.kw.push((name, Value::Int(1)));
    }
    vm.call_args(&Value::Obj(cls.clone()), a)
}
