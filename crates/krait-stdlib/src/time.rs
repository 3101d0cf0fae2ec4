//! `time`: clocks, sleeping, and conversions between seconds since the
//! epoch and broken-down time, through the C library as CPython does
//! (`localtime_r`, `mktime`, `strftime`), so time zones and formats agree.

use krait_vm::api::{
    add_attr, float_value, small_int, str_value, tuple_items, Args, FunctionDef as F, ModuleDef,
    Obj, PyResult, StructSeqDef, Value, Vm,
};

pub const MODULE: ModuleDef = ModuleDef {
    name: "time",
    doc: Some("This module provides various functions to manipulate time values."),
    functions: FUNCTIONS,
    init: Some(init),
};

const STRUCT_TIME: StructSeqDef = StructSeqDef {
    name: "time.struct_time",
    module: "time",
    doc: Some("The time value as returned by gmtime(), localtime(), and strptime(), and\n accepted by asctime(), mktime() and strftime().  May be considered as a\n sequence of 9 integers."),
    fields: &[
        "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday",
        "tm_isdst", "tm_zone", "tm_gmtoff",
    ],
    visible: 9,
};

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    let st = vm.new_struct_seq_type(&STRUCT_TIME);
    add_attr(vm, m, "struct_time", Value::Obj(st));
    for (name, id) in [
        ("CLOCK_REALTIME", libc::CLOCK_REALTIME),
        ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC),
        ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW),
        ("CLOCK_PROCESS_CPUTIME_ID", libc::CLOCK_PROCESS_CPUTIME_ID),
        ("CLOCK_THREAD_CPUTIME_ID", libc::CLOCK_THREAD_CPUTIME_ID),
        ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME),
        ("CLOCK_TAI", libc::CLOCK_TAI),
    ] {
        add_attr(vm, m, name, Value::Int(id as i64));
    }
    set_timezone(vm, m);
    Ok(())
}

/// `timezone`, `altzone`, `daylight` and `tzname`, from the local time in
/// January and July of this year, as CPython works them out.
fn set_timezone(vm: &mut Vm, m: &Obj) {
    // SAFETY: tzset only reads the TZ environment variable.
    unsafe { tzset() };
    let now = now_seconds() as libc::time_t;
    let year = local(now).map_or(1970, |t| t.tm_year + 1900);
    let jan = seconds_of(year, 1, 1);
    let jul = seconds_of(year, 7, 1);
    let (Some(j), Some(u)) = (local(jan), local(jul)) else {
        return;
    };
    let (jan_off, jul_off) = (-j.tm_gmtoff, -u.tm_gmtoff);
    let (jan_name, jul_name) = (zone_name(&j), zone_name(&u));
    // The standard zone is the one further west (larger offset).
    let (std_off, dst_off, std_name, dst_name) = if jan_off < jul_off {
        (jul_off, jan_off, jul_name, jan_name)
    } else {
        (jan_off, jul_off, jan_name, jul_name)
    };
    add_attr(vm, m, "timezone", Value::Int(std_off));
    add_attr(vm, m, "altzone", Value::Int(dst_off));
    add_attr(vm, m, "daylight", Value::Int((jan_off != jul_off) as i64));
    let names = vec![vm.new_string(std_name), vm.new_string(dst_name)];
    let names = vm.new_tuple(names);
    add_attr(vm, m, "tzname", names);
}

unsafe extern "C" {
    /// POSIX's `tzset`, which the libc crate does not declare.
    fn tzset();
}

/// Seconds since the epoch of midnight UTC on `year-month-day`.
fn seconds_of(year: i32, month: u32, day: u32) -> libc::time_t {
    let y = year as i64 - (month <= 2) as i64;
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    ((era * 146097 + doe - 719468) * 86400) as libc::time_t
}

pub(crate) fn zone_name(t: &libc::tm) -> String {
    if t.tm_zone.is_null() {
        return String::new();
    }
    // SAFETY: tm_zone, when set by localtime_r, points to a NUL-terminated
    // zone abbreviation owned by the C library.
    unsafe { std::ffi::CStr::from_ptr(t.tm_zone) }
        .to_string_lossy()
        .into_owned()
}

fn empty_tm() -> libc::tm {
    // SAFETY: tm is a plain C struct for which all-zero bytes (with a null
    // zone pointer) are a valid value.
    unsafe { std::mem::zeroed() }
}

pub(crate) fn local(t: libc::time_t) -> Option<libc::tm> {
    let mut out = empty_tm();
    // SAFETY: both pointers are valid for the call; localtime_r writes only
    // to `out`.
    let r = unsafe { libc::localtime_r(&t, &mut out) };
    (!r.is_null()).then_some(out)
}

pub(crate) fn utc(t: libc::time_t) -> Option<libc::tm> {
    let mut out = empty_tm();
    // SAFETY: as in `local`.
    let r = unsafe { libc::gmtime_r(&t, &mut out) };
    (!r.is_null()).then_some(out)
}

pub(crate) fn clock(id: libc::clockid_t) -> (i64, i64) {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec for clock_gettime to fill.
    unsafe { libc::clock_gettime(id, &mut ts) };
    (ts.tv_sec, ts.tv_nsec)
}

fn now_seconds() -> f64 {
    let (s, ns) = clock(libc::CLOCK_REALTIME);
    s as f64 + ns as f64 * 1e-9
}

fn seconds(id: libc::clockid_t) -> Value {
    let (s, ns) = clock(id);
    Value::Float(s as f64 + ns as f64 * 1e-9)
}

fn nanoseconds(vm: &Vm, id: libc::clockid_t) -> Value {
    let (s, ns) = clock(id);
    match (s as i128 * 1_000_000_000 + ns as i128).try_into() {
        Ok(n) => Value::Int(n),
        Err(_) => vm.new_int(krait_vm::api::BigInt::from(s) * 1_000_000_000 + ns),
    }
}

/// A number of seconds argument (`None` for now, where allowed).
fn seconds_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<libc::time_t> {
    let Some(v) = v.filter(|v| !v.is_none()) else {
        return Ok(now_seconds().floor() as libc::time_t);
    };
    if let Some(i) = small_int(v) {
        return Ok(i as libc::time_t);
    }
    match float_value(v) {
        Some(f) if f.is_nan() => Err(vm.value_error("Invalid value NaN (not a number)")),
        Some(f) if f.abs() > 1e18 => {
            Err(vm.overflow_error("timestamp out of range for platform time_t"))
        }
        Some(f) => Ok(f.floor() as libc::time_t),
        None => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}

fn struct_time(vm: &mut Vm, t: &libc::tm) -> PyResult {
    let cls = vm.native_class("time", "struct_time")?;
    let zone = zone_name(t);
    let values = vec![
        Value::Int(t.tm_year as i64 + 1900),
        Value::Int(t.tm_mon as i64 + 1),
        Value::Int(t.tm_mday as i64),
        Value::Int(t.tm_hour as i64),
        Value::Int(t.tm_min as i64),
        Value::Int(t.tm_sec as i64),
        Value::Int((t.tm_wday as i64 + 6) % 7),
        Value::Int(t.tm_yday as i64 + 1),
        Value::Int(t.tm_isdst as i64),
        vm.new_string(zone),
        Value::Int(t.tm_gmtoff),
    ];
    Ok(vm.new_struct_seq(&cls, values))
}

/// A `struct_time` or 9-tuple as a C `tm`, checked as CPython checks it.
fn tm_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<libc::tm> {
    let items = match tuple_items(v) {
        Some(items) => items,
        None => return Err(vm.type_error("Tuple or struct_time argument required")),
    };
    if items.len() != 9 {
        return Err(vm.type_error(format!("{what}(): illegal time tuple argument")));
    }
    let mut n = [0i64; 9];
    for (i, item) in items.iter().enumerate() {
        n[i] = match small_int(item) {
            Some(x) => x,
            None => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(item)
                )))
            }
        };
    }
    let mut t = empty_tm();
    t.tm_year = (n[0] - 1900) as i32;
    t.tm_mon = (n[1] - 1) as i32;
    t.tm_mday = n[2] as i32;
    t.tm_hour = n[3] as i32;
    t.tm_min = n[4] as i32;
    t.tm_sec = n[5] as i32;
    t.tm_wday = ((n[6] + 1) % 7) as i32;
    t.tm_yday = (n[7] - 1) as i32;
    t.tm_isdst = n[8] as i32;
    // The zone and offset a struct_time carries past its 9 items.
    if let Some(o) = v.as_obj() {
        if let Ok(off) = vm.getattr_str(v, "tm_gmtoff") {
            if let Some(off) = small_int(&off) {
                t.tm_gmtoff = off as libc::c_long;
            }
        }
        let _ = o;
    }
    Ok(t)
}

/// Brings a `tm` read from Python into the ranges `strftime` and
/// `asctime` accept, with CPython's messages.
fn check_tm(vm: &Vm, t: &mut libc::tm) -> PyResult<()> {
    if t.tm_mon == -1 {
        t.tm_mon = 0;
    } else if !(0..=11).contains(&t.tm_mon) {
        return Err(vm.value_error("month out of range"));
    }
    if t.tm_mday == 0 {
        t.tm_mday = 1;
    } else if !(0..=31).contains(&t.tm_mday) {
        return Err(vm.value_error("day of month out of range"));
    }
    if !(0..=23).contains(&t.tm_hour) {
        return Err(vm.value_error("hour out of range"));
    }
    if !(0..=59).contains(&t.tm_min) {
        return Err(vm.value_error("minute out of range"));
    }
    if !(0..=61).contains(&t.tm_sec) {
        return Err(vm.value_error("seconds out of range"));
    }
    if t.tm_wday < 0 {
        return Err(vm.value_error("day of week out of range"));
    }
    if t.tm_yday == -1 {
        t.tm_yday = 0;
    } else if !(0..=365).contains(&t.tm_yday) {
        return Err(vm.value_error("day of year out of range"));
    }
    Ok(())
}

fn strftime(vm: &mut Vm, a: Args) -> PyResult {
    let Some(format) = krait_vm::api::value_pystr(&a.pos[0]) else {
        return Err(vm.type_error(format!(
            "strftime() argument 1 must be str, not {}",
            vm.type_name(&a.pos[0])
        )));
    };
    let format = format.to_string_lossy().into_owned();
    let mut t = match a.pos.get(1) {
        Some(v) => tm_arg(vm, v, "strftime")?,
        None => local(now_seconds().floor() as libc::time_t).unwrap_or_else(empty_tm),
    };
    check_tm(vm, &mut t)?;
    if format.contains('\0') {
        return Err(vm.value_error("embedded null character"));
    }
    let cfmt = std::ffi::CString::new(format.clone()).expect("checked for NUL");
    let mut size = 1024.max(format.len() * 4);
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: `buf` has `size` writable bytes; `cfmt` and `t` are valid.
        let n = unsafe {
            libc::strftime(
                buf.as_mut_ptr() as *mut libc::c_char,
                size,
                cfmt.as_ptr(),
                &t,
            )
        };
        if n > 0 || format.is_empty() || size > 256 * format.len() + 4096 {
            buf.truncate(n);
            return Ok(vm.new_string(String::from_utf8_lossy(&buf).into_owned()));
        }
        size *= 2;
    }
}

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn asctime_of(t: &libc::tm) -> String {
    format!(
        "{} {} {:2} {:02}:{:02}:{:02} {}",
        DAYS[t.tm_wday.rem_euclid(7) as usize],
        MONTHS[t.tm_mon.rem_euclid(12) as usize],
        t.tm_mday,
        t.tm_hour,
        t.tm_min,
        t.tm_sec,
        t.tm_year as i64 + 1900
    )
}

fn sleep(vm: &mut Vm, a: Args) -> PyResult {
    let secs = match small_int(&a.pos[0]) {
        Some(i) => i as f64,
        None => match float_value(&a.pos[0]) {
            Some(f) => f,
            None => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(&a.pos[0])
                )))
            }
        },
    };
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if vm.threads().others_alive() {
        // The other threads run meanwhile (a zero sleep lets them have a
        // turn, as CPython's releases the GIL).
        if secs == 0.0 {
            vm.yield_thread()?;
        } else {
            vm.sleep_thread(secs)?;
        }
        return Ok(Value::None);
    }
    // Sleeps until the deadline; a signal that interrupts the sleep gets
    // its Python handler run (which may raise) before sleeping on.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs_f64(secs);
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if left.is_zero() {
            return Ok(Value::None);
        }
        let request = libc::timespec {
            tv_sec: left.as_secs() as libc::time_t,
            tv_nsec: left.subsec_nanos() as libc::c_long,
        };
        // SAFETY: nanosleep reads `request`; the remainder is not wanted.
        let r = unsafe { libc::nanosleep(&request, std::ptr::null_mut()) };
        if r != 0 {
            vm.check_signals()?;
        }
    }
}

fn clock_id(vm: &Vm, v: &Value) -> PyResult<libc::clockid_t> {
    small_int(v)
        .map(|i| i as libc::clockid_t)
        .ok_or_else(|| vm.type_error("an integer is required"))
}

const FUNCTIONS: &[F] = &[
    F::new("time", |_, _| Ok(seconds(libc::CLOCK_REALTIME))).no_args(),
    F::new("time_ns", |vm, _| Ok(nanoseconds(vm, libc::CLOCK_REALTIME))).no_args(),
    F::new("perf_counter", |_, _| Ok(seconds(libc::CLOCK_MONOTONIC))).no_args(),
    F::new("perf_counter_ns", |vm, _| {
        Ok(nanoseconds(vm, libc::CLOCK_MONOTONIC))
    })
    .no_args(),
    F::new("monotonic", |_, _| Ok(seconds(libc::CLOCK_MONOTONIC))).no_args(),
    F::new("monotonic_ns", |vm, _| {
        Ok(nanoseconds(vm, libc::CLOCK_MONOTONIC))
    })
    .no_args(),
    F::new("process_time", |_, _| {
        Ok(seconds(libc::CLOCK_PROCESS_CPUTIME_ID))
    })
    .no_args(),
    F::new("process_time_ns", |vm, _| {
        Ok(nanoseconds(vm, libc::CLOCK_PROCESS_CPUTIME_ID))
    })
    .no_args(),
    F::new("thread_time", |_, _| {
        Ok(seconds(libc::CLOCK_THREAD_CPUTIME_ID))
    })
    .no_args(),
    F::new("thread_time_ns", |vm, _| {
        Ok(nanoseconds(vm, libc::CLOCK_THREAD_CPUTIME_ID))
    })
    .no_args(),
    F::new("clock_gettime", |vm, a| {
        let id = clock_id(vm, &a.pos[0])?;
        Ok(seconds(id))
    })
    .one(),
    F::new("clock_gettime_ns", |vm, a| {
        let id = clock_id(vm, &a.pos[0])?;
        Ok(nanoseconds(vm, id))
    })
    .one(),
    F::new("clock_getres", |vm, a| {
        let id = clock_id(vm, &a.pos[0])?;
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `ts` is a valid timespec to fill.
        unsafe { libc::clock_getres(id, &mut ts) };
        Ok(Value::Float(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9))
    })
    .one(),
    F::new("sleep", sleep).one(),
    F::new("gmtime", |vm, a| {
        let t = seconds_arg(vm, a.pos.first())?;
        let tm = utc(t)
            .ok_or_else(|| vm.overflow_error("timestamp out of range for platform time_t"))?;
        struct_time(vm, &tm)
    })
    .args(0, 1),
    F::new("localtime", |vm, a| {
        let t = seconds_arg(vm, a.pos.first())?;
        let tm = local(t)
            .ok_or_else(|| vm.overflow_error("timestamp out of range for platform time_t"))?;
        struct_time(vm, &tm)
    })
    .args(0, 1),
    F::new("mktime", |vm, a| {
        let mut t = tm_arg(vm, &a.pos[0], "mktime")?;
        t.tm_wday = -1;
        // SAFETY: `t` is a valid tm; mktime normalises it in place.
        let r = unsafe { libc::mktime(&mut t) };
        if r == -1 && t.tm_wday == -1 {
            return Err(vm.overflow_error("mktime argument out of range"));
        }
        Ok(Value::Float(r as f64))
    })
    .one(),
    F::new("asctime", |vm, a| {
        let mut t = match a.pos.first() {
            Some(v) => tm_arg(vm, v, "asctime")?,
            None => local(now_seconds().floor() as libc::time_t).unwrap_or_else(empty_tm),
        };
        check_tm(vm, &mut t)?;
        Ok(vm.new_string(asctime_of(&t)))
    })
    .args(0, 1),
    F::new("ctime", |vm, a| {
        let t = seconds_arg(vm, a.pos.first())?;
        let tm = local(t)
            .ok_or_else(|| vm.overflow_error("timestamp out of range for platform time_t"))?;
        Ok(vm.new_string(asctime_of(&tm)))
    })
    .args(0, 1),
    F::new("strftime", strftime).args(1, 2),
    F::new("strptime", |vm, a| {
        let m = vm.import("_strptime")?;
        let f = vm.getattr_str(&m, "_strptime_time")?;
        vm.call(&f, a.pos.to_vec())
    })
    .args(1, 2),
    F::new("tzset", |vm, _| {
        let m = vm.import("time")?;
        let m = m.as_obj().cloned().expect("a module");
        set_timezone(vm, &m);
        Ok(Value::None)
    })
    .no_args(),
    F::new("get_clock_info", |vm, a| {
        let name = str_value(&a.pos[0]).unwrap_or_default();
        let (implementation, monotonic, adjustable, resolution) = match name.as_str() {
            "time" => ("clock_gettime(CLOCK_REALTIME)", false, true, 1e-9),
            "monotonic" | "perf_counter" => ("clock_gettime(CLOCK_MONOTONIC)", true, false, 1e-9),
            "process_time" => ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false, 1e-9),
            "thread_time" => ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false, 1e-9),
            _ => return Err(vm.value_error("unknown clock")),
        };
        let types = vm.import("types")?;
        let ns = vm.getattr_str(&types, "SimpleNamespace")?;
        let kw = vec![
            ("implementation", vm.new_str(implementation)),
            ("monotonic", Value::Bool(monotonic)),
            ("adjustable", Value::Bool(adjustable)),
            ("resolution", Value::Float(resolution)),
        ];
        let kw = kw.into_iter().map(|(k, v)| (vm.intern(k), v)).collect();
        vm.call_args(
            &ns,
            Args {
                pos: Default::default(),
                kw,
            },
        )
    })
    .one(),
];
