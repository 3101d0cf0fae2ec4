//! Timestamps and the local time zone, through the C library, with
//! CPython's rounding and errors.

use super::calendar;
use krait_vm::api::{big_int, float_value, PyResult, Value, Vm};

/// Seconds from 0001-01-01 to the Unix epoch, as `utc_to_seconds` counts.
pub const EPOCH: i64 = 719_163 * 86_400;
/// How far back a fold can reach.
pub const MAX_FOLD_SECONDS: i64 = 24 * 3_600;

/// Broken-down time, as the C library gives it.
pub struct Tm {
    pub year: i64,
    pub month: i64,
    pub day: i64,
    pub hour: i64,
    pub minute: i64,
    pub second: i64,
    pub gmtoff: i64,
    pub zone: String,
}

fn out_of_range(vm: &Vm) -> krait_vm::api::Obj {
    vm.overflow_error("timestamp out of range for platform time_t")
}

fn convert(vm: &Vm, t: i64, utc: bool) -> PyResult<Tm> {
    let t = libc::time_t::try_from(t).map_err(|_| out_of_range(vm))?;
    let tm = if utc {
        crate::time::utc(t)
    } else {
        crate::time::local(t)
    };
    let Some(tm) = tm else {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    };
    Ok(Tm {
        year: tm.tm_year as i64 + 1900,
        month: tm.tm_mon as i64 + 1,
        day: tm.tm_mday as i64,
        hour: tm.tm_hour as i64,
        minute: tm.tm_min as i64,
        second: (tm.tm_sec as i64).min(59),
        gmtoff: tm.tm_gmtoff,
        zone: crate::time::zone_name(&tm),
    })
}

pub fn local_tm(vm: &Vm, t: i64) -> PyResult<Tm> {
    convert(vm, t, false)
}

pub fn utc_tm(vm: &Vm, t: i64) -> PyResult<Tm> {
    convert(vm, t, true)
}

/// Seconds since 0001-01-01 of a wall-clock time.
pub fn utc_to_seconds(y: i64, m: i64, d: i64, hh: i64, mm: i64, ss: i64) -> i64 {
    ((calendar::ymd_to_ord(y, m, d) * 24 + hh) * 60 + mm) * 60 + ss
}

/// The local wall-clock time of `u` (seconds since 0001-01-01, UTC), in
/// the same count.
pub fn local(vm: &Vm, u: i64) -> PyResult<i64> {
    let tm = local_tm(vm, u - EPOCH)?;
    if !(calendar::MIN_YEAR..=calendar::MAX_YEAR).contains(&tm.year) {
        return Err(vm.value_error(format!("year {} is out of range", tm.year)));
    }
    Ok(utc_to_seconds(
        tm.year, tm.month, tm.day, tm.hour, tm.minute, tm.second,
    ))
}

/// The UTC time (seconds since 0001-01-01) whose local time is `t`,
/// choosing by `fold` where a local time happens twice, and the instant
/// after (or before) the gap where it never happens.
pub fn local_to_seconds(vm: &Vm, t: i64, fold: bool) -> PyResult<i64> {
    let lt = local(vm, t)?;
    let a = lt - t;
    let u1 = t - a;
    let t1 = local(vm, u1)?;
    let b;
    if t1 == t {
        let u2 = if fold {
            u1 + MAX_FOLD_SECONDS
        } else {
            u1 - MAX_FOLD_SECONDS
        };
        let lt = local(vm, u2)?;
        b = lt - u2;
        if a == b {
            return Ok(u1);
        }
    } else {
        b = t1 - u1;
    }
    let u2 = t - b;
    let t2 = local(vm, u2)?;
    if t2 == t {
        return Ok(u2);
    }
    if t1 == t {
        return Ok(u1);
    }
    Ok(if fold { u1.min(u2) } else { u1.max(u2) })
}

/// A timestamp's whole seconds, rounded down (`date.fromtimestamp`).
pub fn time_t_of(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(f) = float_value(v) {
        if f.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        let f = f.floor();
        if !(-9.2e18..9.2e18).contains(&f) {
            return Err(out_of_range(vm));
        }
        return Ok(f as i64);
    }
    int_seconds(vm, v)
}

fn int_seconds(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let i = match big_int(v) {
        Some(i) => i,
        None => vm.index_arg(v)?,
    };
    i64::try_from(&i).map_err(|_| out_of_range(vm))
}

/// A timestamp as whole seconds and microseconds, rounded half to even
/// (`datetime.fromtimestamp`).
pub fn timeval_of(vm: &mut Vm, v: &Value) -> PyResult<(i64, i64)> {
    let Some(f) = float_value(v) else {
        return Ok((int_seconds(vm, v)?, 0));
    };
    if f.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    let mut whole = f.trunc();
    let mut frac = round_half_even((f - whole) * 1e6);
    if frac >= 1e6 {
        frac -= 1e6;
        whole += 1.0;
    } else if frac < 0.0 {
        frac += 1e6;
        whole -= 1.0;
    }
    if !(-9.2e18..9.2e18).contains(&whole) {
        return Err(out_of_range(vm));
    }
    Ok((whole as i64, frac as i64))
}

fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}

/// The current time as seconds and microseconds since the epoch.
pub fn now() -> (i64, i64) {
    let (s, ns) = crate::time::clock(libc::CLOCK_REALTIME);
    (s, ns / 1_000)
}
