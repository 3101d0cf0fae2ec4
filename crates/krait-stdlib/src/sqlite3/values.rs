//! Values crossing between Python and SQLite, and the calls through which
//! SQLite's callbacks reach the Python callables `_sqlite3.py` registered.
//! What a Python exception in a callback means for SQLite is decided by
//! those callables; each answers `(status, value)` (see [`Answer`]).

use krait_vm::api::{self, PyResult, Value, Vm};

/// A value as SQLite stores it; text is UTF-8 bytes as SQLite gave them.
#[derive(Debug, Clone, PartialEq)]
pub enum SqlValue {
    Null,
    Integer(i64),
    Real(f64),
    Text(Vec<u8>),
    Blob(Vec<u8>),
}

/// How a callback's Python side answered: `(0, value)` is a result,
/// `(1, message)` an error with that message, `(2, _)` a result too big
/// for SQLite, `(3, _)` out of memory.
const OK: i64 = 0;
const ERROR: i64 = 1;
const TOO_BIG: i64 = 2;
const NO_MEMORY: i64 = 3;

/// Why a callback gave SQLite no result.
#[derive(Debug)]
pub enum Failure {
    Message(String),
    TooBig,
    NoMemory,
}

fn unexpected() -> Failure {
    Failure::Message("user-defined function raised exception".into())
}

/// Reads a `(status, value)` answer: the value, or the failure it reports.
fn status(items: &[Value]) -> Result<Value, Failure> {
    let [status, value] = items else {
        return Err(unexpected());
    };
    match api::small_int(status) {
        Some(OK) => Ok(value.clone()),
        Some(ERROR) => Err(api::str_value(value).map_or_else(unexpected, Failure::Message)),
        Some(TOO_BIG) => Err(Failure::TooBig),
        Some(NO_MEMORY) => Err(Failure::NoMemory),
        _ => Err(unexpected()),
    }
}

/// Converts a Python value to a SQLite one: None for a type SQLite does not
/// store (the caller reports it). A Python int outside 64 bits raises
/// OverflowError.
pub fn from_python(vm: &mut Vm, v: &Value) -> PyResult<Option<SqlValue>> {
    if v.is_none() {
        return Ok(Some(SqlValue::Null));
    }
    if let Some(n) = api::big_int(v) {
        return match i64::try_from(&n) {
            Ok(n) => Ok(Some(SqlValue::Integer(n))),
            Err(_) => Err(vm.overflow_error("Python int too large to convert to SQLite INTEGER")),
        };
    }
    if let Some(x) = api::float_value(v) {
        return Ok(Some(SqlValue::Real(x)));
    }
    if let Some(s) = api::value_pystr(v) {
        if let Some(text) = s.as_str() {
            return Ok(Some(SqlValue::Text(text.as_bytes().to_vec())));
        }
        // Lone surrogates: encoding raises UTF-8's error, as CPython does.
        let encoded = vm.call_method(v, "encode", vec![])?;
        return Ok(Some(SqlValue::Text(vm.bytes_like(&encoded)?)));
    }
    Ok(vm.bytes_like(v).ok().map(SqlValue::Blob))
}

/// Converts a SQLite value to Python; text that is not UTF-8 raises
/// UnicodeDecodeError.
pub fn to_python(vm: &mut Vm, v: SqlValue) -> PyResult {
    Ok(match v {
        SqlValue::Null => Value::None,
        SqlValue::Integer(n) => Value::Int(n),
        SqlValue::Real(x) => vm.new_float(x),
        SqlValue::Text(t) => match String::from_utf8(t) {
            Ok(s) => vm.new_string(s),
            Err(e) => {
                let raw = vm.new_bytes(e.into_bytes());
                vm.call_method(&raw, "decode", vec![])?
            }
        },
        SqlValue::Blob(b) => vm.new_bytes(b),
    })
}

fn python_args(vm: &mut Vm, args: Vec<SqlValue>) -> PyResult<Vec<Value>> {
    args.into_iter().map(|a| to_python(vm, a)).collect()
}

/// Reads a callback's `(status, value)` answer as a SQLite result.
fn answer(vm: &mut Vm, r: PyResult) -> Result<SqlValue, Failure> {
    let value = answer_value(r)?;
    match from_python(vm, &value) {
        Ok(Some(v)) => Ok(v),
        _ => Err(unexpected()),
    }
}

/// A scalar function's call.
pub fn call_callback(
    vm: &mut Vm,
    callable: &Value,
    args: Vec<SqlValue>,
) -> Result<SqlValue, Failure> {
    let r = python_args(vm, args).and_then(|args| vm.call(callable, args));
    answer(vm, r)
}

/// One row given to an aggregate: the group's state is made by `start`
/// on the first row, then `step(state, *args)`.
pub fn aggregate_step(
    vm: &mut Vm,
    start: &Value,
    step: &Value,
    state: &mut Option<Value>,
    args: Vec<SqlValue>,
) -> Result<(), Failure> {
    if state.is_none() {
        let r = vm.call(start, vec![]);
        let made = answer_value(r)?;
        *state = Some(made);
    }
    let Some(s) = state.clone() else {
        return Ok(());
    };
    let r = python_args(vm, args).and_then(|mut args| {
        args.insert(0, s);
        vm.call(step, args)
    });
    answer(vm, r).map(drop)
}

/// Like [`answer`] but keeps a successful value as the Python object.
fn answer_value(r: PyResult) -> Result<Value, Failure> {
    let items = r
        .ok()
        .and_then(|v| api::tuple_items(&v))
        .ok_or_else(unexpected)?;
    status(&items)
}

/// An aggregate's result (`finish(state)`, or for a window `value(state)`);
/// `state` is None when no row came.
pub fn aggregate_result(vm: &mut Vm, f: &Value, state: Option<Value>) -> Result<SqlValue, Failure> {
    let r = vm.call(f, vec![state.unwrap_or(Value::None)]);
    answer(vm, r)
}

/// A collation's comparison: negative, zero or positive.
pub fn collate(vm: &mut Vm, callable: &Value, a: Vec<u8>, b: Vec<u8>) -> i32 {
    let a = vm.new_string(String::from_utf8_lossy(&a).into_owned());
    let b = vm.new_string(String::from_utf8_lossy(&b).into_owned());
    match vm
        .call(callable, vec![a, b])
        .ok()
        .as_ref()
        .and_then(api::small_int)
    {
        Some(n) => n.signum() as i32,
        None => 0,
    }
}

/// The authorizer's verdict on an action.
pub fn authorize(vm: &mut Vm, callable: &Value, action: i32, names: [Option<String>; 4]) -> i32 {
    let mut args = vec![Value::Int(action as i64)];
    for n in names {
        args.push(match n {
            Some(s) => vm.new_string(s),
            None => Value::None,
        });
    }
    match vm
        .call(callable, args)
        .ok()
        .as_ref()
        .and_then(api::small_int)
    {
        Some(n) => n as i32,
        None => libsqlite3_sys::SQLITE_DENY,
    }
}

/// The progress handler: non-zero interrupts the statement.
pub fn progress(vm: &mut Vm, callable: &Value) -> i32 {
    match vm
        .call(callable, vec![])
        .ok()
        .as_ref()
        .and_then(api::small_int)
    {
        Some(n) => (n != 0) as i32,
        None => 1,
    }
}

/// The trace callback, given each statement's text as it runs (and
/// whether expanding its parameters into the text failed).
pub fn trace(vm: &mut Vm, callable: &Value, sql: String, expansion_failed: bool) {
    let sql = vm.new_string(sql);
    let _ = vm.call(callable, vec![sql, Value::from(expansion_failed)]);
}
