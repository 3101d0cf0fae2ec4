//! `_sqlite3`, under `sqlite3`: SQLite databases through the DB-API 2.0.
//! The SQLite library itself is compiled in (`libsqlite3-sys`, bundled).
//! Native code here is a thin layer over it (`ffi.rs` holds the C
//! boundary, `values.rs` the conversions): handles for a database, a
//! statement, a blob and a backup. The DB-API objects (`Connection`,
//! `Cursor`, `Row`, `Blob`, the exceptions, adapters and converters) are
//! written in Python over those handles (`_sqlite3.py`).

mod constants;
mod ffi;
mod values;

use ffi::{Backup, Blob, Database, SqlError, Statement};
use krait_vm::api::{
    self, native_data, Args, FunctionDef as F, ModuleDef, NativeType, Obj, PyResult, Slots,
    TypeDef, Value, Vm,
};

pub const MODULE: ModuleDef = ModuleDef {
    name: "_sqlite3",
    doc: None,
    functions: &[
        F::new("_open", open).args(4, 4),
        F::new("_errstr", |vm, a| {
            let code = vm.ssize_arg(&a.pos[0])?;
            Ok(vm.new_string(ffi::errstr(code as i32)))
        })
        .one(),
        F::new("_error_name", |vm, a| {
            let code = vm.ssize_arg(&a.pos[0])?;
            Ok(constants::error_name(code as i32).map_or(Value::None, |n| vm.new_str(n)))
        })
        .one(),
        F::new("complete_statement", |vm, a| {
            let sql = vm.str_param(a.pos.first(), "complete_statement", "statement")?;
            Ok(Value::from(ffi::complete(&sql.unwrap_or_default())))
        })
        .named(&["statement"], 0, 1, 1),
        F::new("_enable_shared_cache", |vm, a| {
            let on = vm.truthy(&a.pos[0])?;
            Ok(Value::from(ffi::enable_shared_cache(on)))
        })
        .one(),
        F::new("_write_unraisable", |vm, a| {
            if let Some(e) = a.pos[0].as_obj() {
                vm.write_unraisable(e, None, a.pos[1].clone());
            }
            Ok(Value::None)
        })
        .args(2, 2),
    ],
    init: Some(init),
};

struct HandleType;

impl NativeType for HandleType {
    const SLOTS: &'static Slots = &Slots::NONE;
}

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    for def in [
        &DATABASE_TYPE,
        &STATEMENT_TYPE,
        &LEASE_TYPE,
        &BLOB_TYPE,
        &BACKUP_TYPE,
    ] {
        let cls = vm.new_native_type::<HandleType>(def);
        api::add_attr(vm, m, def.name, Value::Obj(cls));
    }
    api::add_int_constants(vm, m, constants::MODULE_CONSTANTS);
    let version = vm.new_string(ffi::library_version());
    api::add_attr(vm, m, "sqlite_version", version);
    vm.exec_in(include_str!("_sqlite3.py"), m)
}

/// Raises the DB-API exception SQLite's error calls for: the class by the
/// primary result code, as CPython chooses it, with `sqlite_errorcode` and
/// `sqlite_errorname` set.
fn raise(vm: &mut Vm, e: SqlError) -> krait_vm::api::Obj {
    use libsqlite3_sys as sys;
    let class = match e.code & 0xff {
        sys::SQLITE_NOMEM => return vm.new_exception_msg(&vm.exc.memory_error.clone(), ""),
        sys::SQLITE_INTERNAL | sys::SQLITE_NOTFOUND => "InternalError",
        sys::SQLITE_ERROR
        | sys::SQLITE_PERM
        | sys::SQLITE_ABORT
        | sys::SQLITE_BUSY
        | sys::SQLITE_LOCKED
        | sys::SQLITE_READONLY
        | sys::SQLITE_INTERRUPT
        | sys::SQLITE_IOERR
        | sys::SQLITE_FULL
        | sys::SQLITE_CANTOPEN
        | sys::SQLITE_PROTOCOL
        | sys::SQLITE_EMPTY
        | sys::SQLITE_SCHEMA => "OperationalError",
        sys::SQLITE_TOOBIG => "DataError",
        sys::SQLITE_CONSTRAINT | sys::SQLITE_MISMATCH => "IntegrityError",
        sys::SQLITE_MISUSE | sys::SQLITE_RANGE => "InterfaceError",
        _ => "DatabaseError",
    };
    let class = match vm.native_class("_sqlite3", class) {
        Ok(c) => c,
        Err(e) => return e,
    };
    let exc = vm.new_exception_msg(&class, &e.message);
    let name = constants::error_name(e.code).unwrap_or("unknown");
    let name = vm.new_str(name);
    let exc_value = Value::Obj(exc.clone());
    let set = vm
        .setattr_str(&exc_value, "sqlite_errorcode", Value::Int(e.code as i64))
        .and_then(|()| vm.setattr_str(&exc_value, "sqlite_errorname", name));
    match set {
        Ok(()) => exc,
        Err(e) => e,
    }
}

fn handle<'a, T: 'static>(vm: &Vm, v: &'a Value, what: &str) -> PyResult<&'a T> {
    v.as_obj()
        .and_then(native_data::<T>)
        .ok_or_else(|| vm.type_error(format!("expected a {what} handle")))
}

fn database<'a>(vm: &Vm, a: &'a Args) -> PyResult<&'a Database> {
    handle(vm, &a.pos[0], "database")
}

fn statement<'a>(vm: &Vm, a: &'a Args) -> PyResult<&'a Statement> {
    handle(vm, &a.pos[0], "statement")
}

fn int_arg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<i32> {
    let n = vm.ssize_arg(&a.pos[i])?;
    i32::try_from(n).map_err(|_| vm.overflow_error("Python int too large to convert to C int"))
}

/// A str argument as UTF-8; lone surrogates raise UnicodeEncodeError, as
/// CPython's encoding for SQLite does.
fn str_arg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<String> {
    let v = &a.pos[i];
    let Some(s) = api::value_pystr(v) else {
        return Err(vm.type_error("expected a str"));
    };
    if let Some(text) = s.as_str() {
        return Ok(text.to_string());
    }
    vm.call_method(v, "encode", vec![])?;
    Err(vm.type_error("expected a str"))
}

fn optional(v: &Value) -> Option<Value> {
    (!v.is_none()).then(|| v.clone())
}

fn optional_str(vm: &Vm, s: Option<String>) -> Value {
    s.map_or(Value::None, |s| vm.new_string(s))
}

fn int_result(n: impl Into<i64>) -> PyResult {
    Ok(Value::Int(n.into()))
}

/// `_open(path, flags, timeout_ms, vfs)`.
fn open(vm: &mut Vm, a: Args) -> PyResult {
    let path = vm.bytes_like(&a.pos[0])?;
    let flags = int_arg(vm, &a, 1)?;
    let timeout = int_arg(vm, &a, 2)?;
    let vfs = api::str_value(&a.pos[3]);
    match Database::open(&path, flags, timeout, vfs.as_deref()) {
        Ok(db) => {
            let cls = vm.native_class("_sqlite3", "_Database")?;
            Ok(vm.new_native(&cls, db))
        }
        Err(e) => Err(raise(vm, e)),
    }
}

const DATABASE_TYPE: TypeDef = TypeDef {
    name: "_Database",
    module: "_sqlite3",
    doc: None,
    methods: &[
        F::method("prepare", |vm, a| {
            let sql = str_arg(vm, &a, 1)?;
            let db = database(vm, &a)?;
            match db.prepare(vm, &sql) {
                Ok((stmt, tail)) => {
                    let stmt = match stmt {
                        Some(s) => {
                            let cls = vm.native_class("_sqlite3", "_Statement")?;
                            vm.new_native(&cls, s)
                        }
                        None => Value::None,
                    };
                    let tail = vm.new_string(tail);
                    Ok(vm.new_tuple(vec![stmt, tail]))
                }
                Err(e) => Err(raise(vm, e)),
            }
        })
        .one(),
        F::method("is_open", |vm, a| {
            Ok(Value::from(database(vm, &a)?.is_open()))
        })
        .no_args(),
        F::method("close", |vm, a| {
            let r = database(vm, &a)?.close();
            r.map(|()| Value::None).map_err(|e| raise(vm, e))
        })
        .no_args(),
        F::method("changes", |vm, a| int_result(database(vm, &a)?.changes())).no_args(),
        F::method("total_changes", |vm, a| {
            int_result(database(vm, &a)?.total_changes())
        })
        .no_args(),
        F::method("last_insert_rowid", |vm, a| {
            int_result(database(vm, &a)?.last_insert_rowid())
        })
        .no_args(),
        F::method("autocommit", |vm, a| {
            Ok(Value::from(database(vm, &a)?.autocommit()))
        })
        .no_args(),
        F::method("interrupt", |vm, a| {
            database(vm, &a)?.interrupt();
            Ok(Value::None)
        })
        .no_args(),
        F::method("limit", |vm, a| {
            let (id, value) = (int_arg(vm, &a, 1)?, int_arg(vm, &a, 2)?);
            int_result(database(vm, &a)?.limit(id, value))
        })
        .args(2, 2),
        F::method("create_function", |vm, a| {
            let name = str_arg(vm, &a, 1)?;
            let (nargs, flags) = (int_arg(vm, &a, 2)?, int_arg(vm, &a, 4)?);
            let r = database(vm, &a)?.create_function(&name, nargs, flags, optional(&a.pos[3]));
            r.map(|()| Value::None).map_err(|e| raise(vm, e))
        })
        .args(4, 4),
        F::method("create_aggregate", |vm, a| {
            let name = str_arg(vm, &a, 1)?;
            let (nargs, flags) = (int_arg(vm, &a, 2)?, int_arg(vm, &a, 3)?);
            let window = vm.truthy(&a.pos[4])?;
            let aggregate = ffi::Aggregate {
                start: a.pos[5].clone(),
                step: a.pos[6].clone(),
                finish: a.pos[7].clone(),
                value: a.pos[8].clone(),
                inverse: a.pos[9].clone(),
            };
            let r = database(vm, &a)?.create_aggregate(&name, nargs, flags, aggregate, window);
            r.map(|()| Value::None).map_err(|e| raise(vm, e))
        })
        .args(9, 9),
        F::method("create_collation", |vm, a| {
            let name = str_arg(vm, &a, 1)?;
            let r = database(vm, &a)?.create_collation(&name, optional(&a.pos[2]));
            r.map(|()| Value::None).map_err(|e| raise(vm, e))
        })
        .args(2, 2),
        F::method("set_authorizer", |vm, a| {
            let r = database(vm, &a)?.set_authorizer(optional(&a.pos[1]));
            r.map(|()| Value::None).map_err(|e| raise(vm, e))
        })
        .one(),
        F::method("set_progress_handler", |vm, a| {
            let every = int_arg(vm, &a, 2)?;
            database(vm, &a)?.set_progress_handler(optional(&a.pos[1]), every);
            Ok(Value::None)
        })
        .args(2, 2),
        F::method("set_trace", |vm, a| {
            let r = database(vm, &a)?.set_trace(optional(&a.pos[1]));
            r.map(|()| Value::None).map_err(|e| raise(vm, e))
        })
        .one(),
        F::method("serialize", |vm, a| {
            let schema = str_arg(vm, &a, 1)?;
            match database(vm, &a)?.serialize(&schema) {
                Ok(Some(b)) => Ok(vm.new_bytes(b)),
                Ok(None) => Ok(Value::None),
                Err(e) => Err(raise(vm, e)),
            }
        })
        .one(),
        F::method("deserialize", |vm, a| {
            let schema = str_arg(vm, &a, 1)?;
            let data = vm.bytes_like(&a.pos[2])?;
            let r = database(vm, &a)?.deserialize(&schema, &data);
            r.map(|()| Value::None).map_err(|e| raise(vm, e))
        })
        .args(2, 2),
        F::method("open_blob", |vm, a| {
            let (schema, table, column) = (
                str_arg(vm, &a, 1)?,
                str_arg(vm, &a, 2)?,
                str_arg(vm, &a, 3)?,
            );
            let row = vm.ssize_arg(&a.pos[4])?;
            let writable = vm.truthy(&a.pos[5])?;
            match database(vm, &a)?.open_blob(&schema, &table, &column, row, writable) {
                Ok(b) => {
                    let cls = vm.native_class("_sqlite3", "_Blob")?;
                    Ok(vm.new_native(&cls, b))
                }
                Err(e) => Err(raise(vm, e)),
            }
        })
        .args(5, 5),
        F::method("backup_from", |vm, a| {
            let schema = str_arg(vm, &a, 1)?;
            let source_schema = str_arg(vm, &a, 3)?;
            let source: &Database = handle(vm, &a.pos[2], "database")?;
            match database(vm, &a)?.backup_from(&schema, source, &source_schema) {
                Ok(b) => {
                    let cls = vm.native_class("_sqlite3", "_Backup")?;
                    Ok(vm.new_native(&cls, b))
                }
                Err(e) => Err(raise(vm, e)),
            }
        })
        .args(3, 3),
        F::method("error", |vm, a| {
            let (code, message) = database(vm, &a)?.error();
            let message = vm.new_string(message);
            Ok(vm.new_tuple(vec![Value::Int(code as i64), message]))
        })
        .no_args(),
    ],
};

const STATEMENT_TYPE: TypeDef = TypeDef {
    name: "_Statement",
    module: "_sqlite3",
    doc: None,
    methods: &[
        F::method("step", |vm, a| {
            let stmt = statement(vm, &a)?;
            match stmt.step(vm) {
                Ok(row) => Ok(Value::from(row)),
                Err(e) => Err(raise(vm, e)),
            }
        })
        .no_args(),
        F::method("bind", |vm, a| {
            let i = int_arg(vm, &a, 1)?;
            let Some(value) = values::from_python(vm, &a.pos[2])? else {
                return Ok(Value::from(false));
            };
            let r = statement(vm, &a)?.bind(i, &value);
            r.map(|()| Value::from(true)).map_err(|e| raise(vm, e))
        })
        .args(2, 2),
        F::method("parameter_count", |vm, a| {
            int_result(statement(vm, &a)?.parameter_count())
        })
        .no_args(),
        F::method("parameter_name", |vm, a| {
            let i = int_arg(vm, &a, 1)?;
            let text = statement(vm, &a)?.parameter_name(i);
            Ok(optional_str(vm, text))
        })
        .one(),
        F::method("lease", |vm, a| {
            let stmt = statement(vm, &a)?;
            stmt.reset();
            stmt.leased.set(true);
            let cls = vm.native_class("_sqlite3", "_Lease")?;
            Ok(vm.new_native(&cls, Lease(a.pos[0].clone())))
        })
        .no_args(),
        F::method("in_use", |vm, a| {
            Ok(Value::from(statement(vm, &a)?.leased.get()))
        })
        .no_args(),
        F::method("reset", |vm, a| {
            statement(vm, &a)?.reset();
            Ok(Value::None)
        })
        .no_args(),
        F::method("clear_bindings", |vm, a| {
            statement(vm, &a)?.clear_bindings();
            Ok(Value::None)
        })
        .no_args(),
        F::method("finalize", |vm, a| {
            statement(vm, &a)?.finalize();
            Ok(Value::None)
        })
        .no_args(),
        F::method("readonly", |vm, a| {
            Ok(Value::from(statement(vm, &a)?.readonly()))
        })
        .no_args(),
        F::method("column_count", |vm, a| {
            int_result(statement(vm, &a)?.column_count())
        })
        .no_args(),
        F::method("column_name", |vm, a| {
            let i = int_arg(vm, &a, 1)?;
            let text = statement(vm, &a)?.column_name(i);
            Ok(optional_str(vm, text))
        })
        .one(),
        F::method("column_decltype", |vm, a| {
            let i = int_arg(vm, &a, 1)?;
            let text = statement(vm, &a)?.column_decltype(i);
            Ok(optional_str(vm, text))
        })
        .one(),
        F::method("row", row).one(),
        F::method("column_bytes", |vm, a| {
            let i = int_arg(vm, &a, 1)?;
            Ok(match statement(vm, &a)?.column_bytes(i) {
                Some(b) => vm.new_bytes(b),
                None => Value::None,
            })
        })
        .one(),
    ],
};

/// `row(text_factory)`: the current row as a tuple, TEXT columns made by
/// the connection's text factory (`str` decodes UTF-8 as CPython does,
/// `bytes` keeps them raw, anything else is called with the bytes).
fn row(vm: &mut Vm, a: Args) -> PyResult {
    let factory = a.pos[1].clone();
    let decode = factory.as_obj().is_some_and(|f| f.is(&vm.types.str_));
    let raw = factory.as_obj().is_some_and(|f| f.is(&vm.types.bytes));
    let stmt = statement(vm, &a)?;
    let n = stmt.column_count();
    let mut items = Vec::with_capacity(n.max(0) as usize);
    for i in 0..n {
        let v = match stmt.column(i) {
            values::SqlValue::Text(t) if decode => match String::from_utf8(t) {
                Ok(s) => vm.new_string(s),
                Err(e) => {
                    let name = stmt.column_name(i).unwrap_or_default();
                    let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                    let class = vm.native_class("_sqlite3", "OperationalError")?;
                    return Err(vm.new_exception_msg(
                        &class,
                        &format!("Could not decode to UTF-8 column '{name}' with text '{text}'"),
                    ));
                }
            },
            values::SqlValue::Text(t) if raw => vm.new_bytes(t),
            values::SqlValue::Text(t) => {
                let b = vm.new_bytes(t);
                vm.call(&factory, vec![b])?
            }
            v => values::to_python(vm, v)?,
        };
        items.push(v);
    }
    Ok(vm.new_tuple(items))
}

/// A cursor's hold on a statement: while it lives the statement is in use
/// (another cursor running the same SQL compiles its own); when the cursor
/// lets go of it, or is itself freed, the statement is reset, which
/// releases the table locks a half-read SELECT holds.
struct Lease(Value);

impl Drop for Lease {
    fn drop(&mut self) {
        if let Some(stmt) = self.0.as_obj().and_then(native_data::<Statement>) {
            stmt.reset();
            stmt.leased.set(false);
        }
    }
}

const LEASE_TYPE: TypeDef = TypeDef {
    name: "_Lease",
    module: "_sqlite3",
    doc: None,
    methods: &[],
};

fn blob<'a>(vm: &Vm, a: &'a Args) -> PyResult<&'a Blob> {
    handle(vm, &a.pos[0], "blob")
}

const BLOB_TYPE: TypeDef = TypeDef {
    name: "_Blob",
    module: "_sqlite3",
    doc: None,
    methods: &[
        F::method("len", |vm, a| int_result(blob(vm, &a)?.len())).no_args(),
        F::method("is_open", |vm, a| Ok(Value::from(blob(vm, &a)?.is_open()))).no_args(),
        F::method("read", |vm, a| {
            let offset = vm.ssize_arg(&a.pos[1])?;
            let n = vm.ssize_arg(&a.pos[2])?.max(0) as usize;
            match blob(vm, &a)?.read(offset, n) {
                Ok(b) => Ok(vm.new_bytes(b)),
                Err(code) => Err(blob_error(vm, &a, code)),
            }
        })
        .args(2, 2),
        F::method("write", |vm, a| {
            let offset = vm.ssize_arg(&a.pos[1])?;
            let data = vm.bytes_like(&a.pos[2])?;
            match blob(vm, &a)?.write(offset, &data) {
                Ok(()) => Ok(Value::None),
                Err(code) => Err(blob_error(vm, &a, code)),
            }
        })
        .args(2, 2),
        F::method("close", |vm, a| {
            blob(vm, &a)?.close();
            Ok(Value::None)
        })
        .no_args(),
    ],
};

fn blob_error(vm: &mut Vm, _a: &Args, code: i32) -> Obj {
    raise(
        vm,
        SqlError {
            code,
            message: ffi::errstr(code),
        },
    )
}

fn backup<'a>(vm: &Vm, a: &'a Args) -> PyResult<&'a Backup> {
    handle(vm, &a.pos[0], "backup")
}

const BACKUP_TYPE: TypeDef = TypeDef {
    name: "_Backup",
    module: "_sqlite3",
    doc: None,
    methods: &[
        F::method("step", |vm, a| {
            let pages = int_arg(vm, &a, 1)?;
            let (rc, remaining, count) = backup(vm, &a)?.step(pages);
            Ok(vm.new_tuple(vec![
                Value::Int(rc as i64),
                Value::Int(remaining as i64),
                Value::Int(count as i64),
            ]))
        })
        .one(),
        F::method("finish", |vm, a| int_result(backup(vm, &a)?.finish())).no_args(),
    ],
};
