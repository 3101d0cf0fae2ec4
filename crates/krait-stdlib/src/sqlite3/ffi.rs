//! The boundary with the SQLite C library: a connection, its prepared
//! statements, blobs and backups as owned Rust values, and the C callbacks
//! through which SQLite calls back into Python. Every `unsafe` block of the
//! module lives here; the rest of `_sqlite3` is safe code over these types.
//!
//! Callbacks run inside a SQLite call that Krait made (`step`, `prepare`),
//! and need the interpreter that made it: [`with_vm`] lends it to them for
//! the duration of that call.

use super::values::{Failure, SqlValue};
use krait_vm::api::{Value, Vm};
use libsqlite3_sys as sys;
use std::cell::{Cell, RefCell};
use std::ffi::{c_char, c_int, c_void, CStr, CString};
use std::ptr;

// The generated bindings leave out `sqlite3_close_v2`, which the bundled
// library has: closing a connection while statements are alive must wait
// for them rather than fail.
unsafe extern "C" {
    fn sqlite3_close_v2(db: *mut sys::sqlite3) -> c_int;
}

thread_local! {
    /// The interpreter lent to callbacks while a SQLite call runs.
    static ACTIVE_VM: Cell<*mut Vm> = const { Cell::new(ptr::null_mut()) };
}

/// Runs `f`, a SQLite call that may call back into Python, with `vm`
/// lent to those callbacks.
fn with_vm<R>(vm: &mut Vm, f: impl FnOnce() -> R) -> R {
    let previous = ACTIVE_VM.with(|a| a.replace(vm as *mut Vm));
    let r = f();
    ACTIVE_VM.with(|a| a.set(previous));
    r
}

/// The interpreter lent by [`with_vm`], for a callback's use.
fn callback_vm<R>(f: impl FnOnce(&mut Vm) -> R) -> Option<R> {
    let vm = ACTIVE_VM.with(|a| a.get());
    if vm.is_null() {
        return None;
    }
    // SAFETY: the pointer was made from the `&mut Vm` that `with_vm`
    // holds for the whole SQLite call in progress; that borrow is not used
    // by anyone else while the call runs, and the callback runs on this
    // thread inside it.
    Some(f(unsafe { &mut *vm }))
}

fn cstring(s: &str) -> Result<CString, String> {
    CString::new(s).map_err(|_| "embedded null character".to_string())
}

/// The owned string SQLite returned, or None for a null pointer.
///
/// # Safety
/// `p` is null or a NUL-terminated string.
unsafe fn owned_text(p: *const c_char) -> Option<String> {
    if p.is_null() {
        None
    } else {
        // SAFETY: promised by the caller.
        Some(String::from_utf8_lossy(unsafe { CStr::from_ptr(p) }.to_bytes()).into_owned())
    }
}

/// SQLite's English text for a result code.
pub fn errstr(code: i32) -> String {
    // SAFETY: sqlite3_errstr returns a static string for any code.
    unsafe { owned_text(sys::sqlite3_errstr(code)) }.unwrap_or_default()
}

pub fn library_version() -> String {
    // SAFETY: sqlite3_libversion returns a static string.
    unsafe { owned_text(sys::sqlite3_libversion()) }.unwrap_or_default()
}

/// Turns SQLite's process-wide shared-cache mode on or off; false when
/// SQLite refuses.
pub fn enable_shared_cache(on: bool) -> bool {
    // SAFETY: a plain call with no pointers.
    unsafe { sys::sqlite3_enable_shared_cache(on as c_int) == sys::SQLITE_OK }
}

/// Whether `sql` ends a complete statement (`sqlite3_complete`).
pub fn complete(sql: &str) -> bool {
    match CString::new(sql) {
        // SAFETY: `s` is a NUL-terminated string that outlives the call.
        Ok(s) => unsafe { sys::sqlite3_complete(s.as_ptr()) != 0 },
        Err(_) => false,
    }
}

/// The Python callables a connection has handed to SQLite as hooks; kept
/// here so that they live as long as SQLite may call them.
#[derive(Default)]
struct Hooks {
    authorizer: Option<Box<Value>>,
    progress: Option<Box<Value>>,
    trace: Option<Box<Value>>,
}

/// A hook's callable, boxed so that its address stays put while SQLite
/// holds it, and that address as SQLite's user data (null for no hook).
fn hook_data(callable: Option<Value>) -> (Option<Box<Value>>, *mut c_void) {
    let boxed = callable.map(Box::new);
    let data = boxed
        .as_ref()
        .map_or(ptr::null_mut(), |b| &**b as *const Value as *mut c_void);
    (boxed, data)
}

/// An open database connection.
pub struct Database {
    db: Cell<*mut sys::sqlite3>,
    hooks: RefCell<Hooks>,
}

/// A failed SQLite call: its result code and the connection's message.
#[derive(Debug)]
pub struct SqlError {
    pub code: i32,
    pub message: String,
}

impl Database {
    /// Opens `path` with `sqlite3_open_v2`'s flags; `timeout_ms` is the
    /// busy timeout.
    pub fn open(
        path: &[u8],
        flags: i32,
        timeout_ms: i32,
        vfs: Option<&str>,
    ) -> Result<Database, SqlError> {
        let path = CString::new(path).map_err(|_| SqlError {
            code: sys::SQLITE_MISUSE,
            message: "embedded null character in path".into(),
        })?;
        let vfs = vfs.map(cstring).transpose().map_err(|message| SqlError {
            code: sys::SQLITE_MISUSE,
            message,
        })?;
        let mut db = ptr::null_mut();
        // SAFETY: `path` and `vfs` are NUL-terminated and outlive the call;
        // `db` receives the handle.
        let rc = unsafe {
            sys::sqlite3_open_v2(
                path.as_ptr(),
                &mut db,
                flags,
                vfs.as_ref().map_or(ptr::null(), |v| v.as_ptr()),
            )
        };
        let database = Database {
            db: Cell::new(db),
            hooks: RefCell::default(),
        };
        if rc != sys::SQLITE_OK {
            let message = if db.is_null() {
                errstr(rc)
            } else {
                database.error().1
            };
            return Err(SqlError { code: rc, message });
        }
        // SAFETY: `db` is the open handle.
        unsafe {
            sys::sqlite3_extended_result_codes(db, 1);
            sys::sqlite3_busy_timeout(db, timeout_ms);
        }
        Ok(database)
    }

    fn handle(&self) -> *mut sys::sqlite3 {
        self.db.get()
    }

    pub fn is_open(&self) -> bool {
        !self.handle().is_null()
    }

    /// The connection's last (extended) error code and message.
    pub fn error(&self) -> (i32, String) {
        let db = self.handle();
        if db.is_null() {
            return (sys::SQLITE_MISUSE, errstr(sys::SQLITE_MISUSE));
        }
        // SAFETY: `db` is open; errmsg's text is copied before any other call.
        unsafe {
            (
                sys::sqlite3_extended_errcode(db),
                owned_text(sys::sqlite3_errmsg(db)).unwrap_or_default(),
            )
        }
    }

    fn fail(&self, code: i32) -> SqlError {
        let (ext, message) = self.error();
        SqlError {
            code: if ext & 0xff == code & 0xff { ext } else { code },
            message,
        }
    }

    /// Closes the connection; statements still alive keep SQLite's side
    /// of it until they are finalised (`sqlite3_close_v2`).
    pub fn close(&self) -> Result<(), SqlError> {
        let db = self.db.replace(ptr::null_mut());
        if db.is_null() {
            return Ok(());
        }
        // SAFETY: `db` was open and is no longer reachable through `self`;
        // the hooks are unregistered before their boxes are dropped.
        let rc = unsafe {
            sys::sqlite3_set_authorizer(db, None, ptr::null_mut());
            sys::sqlite3_progress_handler(db, 0, None, ptr::null_mut());
            sys::sqlite3_trace_v2(db, 0, None, ptr::null_mut());
            sqlite3_close_v2(db)
        };
        *self.hooks.borrow_mut() = Hooks::default();
        if rc == sys::SQLITE_OK {
            Ok(())
        } else {
            Err(SqlError {
                code: rc,
                message: errstr(rc),
            })
        }
    }

    /// Compiles the first statement of `sql`: the statement (None when
    /// `sql` holds only whitespace and comments) and the text after it.
    pub fn prepare(&self, vm: &mut Vm, sql: &str) -> Result<(Option<Statement>, String), SqlError> {
        let db = self.handle();
        let len = c_int::try_from(sql.len() + 1).map_err(|_| SqlError {
            code: sys::SQLITE_TOOBIG,
            message: "query string is too large".into(),
        })?;
        let source = CString::new(sql).map_err(|_| SqlError {
            code: sys::SQLITE_MISUSE,
            message: "the query contains a null character".into(),
        })?;
        let mut stmt = ptr::null_mut();
        let mut tail: *const c_char = ptr::null();
        // SAFETY: `db` is open, `source` is NUL-terminated with `len` bytes
        // counting the NUL and outlives the call; `tail` points into it.
        let rc = with_vm(vm, || unsafe {
            sys::sqlite3_prepare_v2(db, source.as_ptr(), len, &mut stmt, &mut tail)
        });
        if rc != sys::SQLITE_OK {
            return Err(self.fail(rc));
        }
        let rest = if tail.is_null() {
            String::new()
        } else {
            // SAFETY: `tail` points inside `source`, at or before its NUL.
            let offset = unsafe { tail.offset_from(source.as_ptr()) } as usize;
            sql.get(offset..).unwrap_or_default().to_string()
        };
        let stmt = (!stmt.is_null()).then(|| Statement {
            stmt: Cell::new(stmt),
            leased: Cell::new(false),
        });
        Ok((stmt, rest))
    }

    pub fn changes(&self) -> i64 {
        // SAFETY: the handle is open (the caller checks) or null, which
        // sqlite3_changes64 is never given.
        self.with_db(0, |db| unsafe { sys::sqlite3_changes64(db) })
    }

    pub fn total_changes(&self) -> i64 {
        // SAFETY: `db` is open.
        self.with_db(0, |db| unsafe { sys::sqlite3_total_changes64(db) })
    }

    pub fn last_insert_rowid(&self) -> i64 {
        // SAFETY: `db` is open.
        self.with_db(0, |db| unsafe { sys::sqlite3_last_insert_rowid(db) })
    }

    pub fn autocommit(&self) -> bool {
        // SAFETY: `db` is open.
        self.with_db(1, |db| unsafe { sys::sqlite3_get_autocommit(db) }) != 0
    }

    pub fn interrupt(&self) {
        // SAFETY: `db` is open.
        self.with_db((), |db| unsafe { sys::sqlite3_interrupt(db) })
    }

    /// `sqlite3_limit`: the old value of limit `id`, setting `value` if
    /// it is not negative.
    pub fn limit(&self, id: i32, value: i32) -> i32 {
        // SAFETY: `db` is open.
        self.with_db(-1, |db| unsafe { sys::sqlite3_limit(db, id, value) })
    }

    fn with_db<R>(&self, closed: R, f: impl FnOnce(*mut sys::sqlite3) -> R) -> R {
        let db = self.handle();
        if db.is_null() {
            closed
        } else {
            f(db)
        }
    }

    /// Registers a scalar SQL function calling `callable`, or with None
    /// removes the function.
    pub fn create_function(
        &self,
        name: &str,
        nargs: i32,
        flags: i32,
        callable: Option<Value>,
    ) -> Result<(), SqlError> {
        let name = self.name(name)?;
        let Some(callable) = callable else {
            // SAFETY: `db` is open and `name` NUL-terminated; no callbacks.
            let rc = unsafe {
                sys::sqlite3_create_function_v2(
                    self.handle(),
                    name.as_ptr(),
                    nargs,
                    sys::SQLITE_UTF8 | flags,
                    ptr::null_mut(),
                    None,
                    None,
                    None,
                    None,
                )
            };
            return self.check(rc);
        };
        let data = Box::into_raw(Box::new(callable)) as *mut c_void;
        // SAFETY: `db` is open; `data` is a leaked Box<Value> that SQLite
        // hands back to `call_function` and frees through `drop_value`.
        let rc = unsafe {
            sys::sqlite3_create_function_v2(
                self.handle(),
                name.as_ptr(),
                nargs,
                sys::SQLITE_UTF8 | flags,
                data,
                Some(call_function),
                None,
                None,
                Some(drop_value),
            )
        };
        self.check(rc)
    }

    /// Registers an aggregate (or, with `window`, an aggregate window)
    /// SQL function over an [`Aggregate`]'s Python callables.
    pub fn create_aggregate(
        &self,
        name: &str,
        nargs: i32,
        flags: i32,
        aggregate: Aggregate,
        window: bool,
    ) -> Result<(), SqlError> {
        let data = Box::into_raw(Box::new(aggregate)) as *mut c_void;
        let name = self.name(name)?;
        // SAFETY: `db` is open; `data` is a leaked Box<Aggregate> freed by
        // `drop_aggregate`; the callbacks read it back as that type.
        let rc = unsafe {
            if window {
                sys::sqlite3_create_window_function(
                    self.handle(),
                    name.as_ptr(),
                    nargs,
                    sys::SQLITE_UTF8 | flags,
                    data,
                    Some(aggregate_step),
                    Some(aggregate_final),
                    Some(aggregate_value),
                    Some(aggregate_inverse),
                    Some(drop_aggregate),
                )
            } else {
                sys::sqlite3_create_function_v2(
                    self.handle(),
                    name.as_ptr(),
                    nargs,
                    sys::SQLITE_UTF8 | flags,
                    data,
                    None,
                    Some(aggregate_step),
                    Some(aggregate_final),
                    Some(drop_aggregate),
                )
            }
        };
        self.check(rc)
    }

    /// Registers (or with None removes) a collation calling `callable`
    /// with the two strings.
    pub fn create_collation(&self, name: &str, callable: Option<Value>) -> Result<(), SqlError> {
        let name = self.name(name)?;
        // SAFETY: `db` is open; the data is a leaked Box<Value> freed by
        // `drop_value`, read back as that type by `compare`.
        let rc = unsafe {
            match callable {
                Some(c) => sys::sqlite3_create_collation_v2(
                    self.handle(),
                    name.as_ptr(),
                    sys::SQLITE_UTF8,
                    Box::into_raw(Box::new(c)) as *mut c_void,
                    Some(compare),
                    Some(drop_value),
                ),
                None => sys::sqlite3_create_collation_v2(
                    self.handle(),
                    name.as_ptr(),
                    sys::SQLITE_UTF8,
                    ptr::null_mut(),
                    None,
                    None,
                ),
            }
        };
        self.check(rc)
    }

    pub fn set_authorizer(&self, callable: Option<Value>) -> Result<(), SqlError> {
        let mut hooks = self.hooks.borrow_mut();
        let (boxed, data) = hook_data(callable);
        // SAFETY: `db` is open; `data` points at a Value owned by `hooks`
        // until the hook is replaced or the connection closed.
        let rc = unsafe {
            sys::sqlite3_set_authorizer(self.handle(), boxed.as_ref().map(|_| authorize as _), data)
        };
        hooks.authorizer = boxed;
        self.check(rc)
    }

    pub fn set_progress_handler(&self, callable: Option<Value>, every: i32) {
        let mut hooks = self.hooks.borrow_mut();
        let (boxed, data) = hook_data(callable);
        // SAFETY: as for the authorizer.
        unsafe {
            sys::sqlite3_progress_handler(
                self.handle(),
                every,
                boxed.as_ref().map(|_| progress as _),
                data,
            )
        };
        hooks.progress = boxed;
    }

    pub fn set_trace(&self, callable: Option<Value>) -> Result<(), SqlError> {
        let mut hooks = self.hooks.borrow_mut();
        let (boxed, data) = hook_data(callable);
        let mask = if boxed.is_some() {
            sys::SQLITE_TRACE_STMT
        } else {
            0
        };
        // SAFETY: as for the authorizer.
        let rc = unsafe {
            sys::sqlite3_trace_v2(
                self.handle(),
                mask,
                boxed.as_ref().map(|_| trace as _),
                data,
            )
        };
        hooks.trace = boxed;
        self.check(rc)
    }

    /// `sqlite3_serialize`: the bytes of database `schema`, or None.
    pub fn serialize(&self, schema: &str) -> Result<Option<Vec<u8>>, SqlError> {
        let schema = self.name(schema)?;
        let mut size: sys::sqlite3_int64 = 0;
        // SAFETY: `db` is open, `schema` NUL-terminated; the returned
        // buffer is ours to free with sqlite3_free after copying.
        unsafe {
            let data = sys::sqlite3_serialize(self.handle(), schema.as_ptr(), &mut size, 0);
            if data.is_null() {
                return Ok(None);
            }
            let bytes = std::slice::from_raw_parts(data, size as usize).to_vec();
            sys::sqlite3_free(data as *mut c_void);
            Ok(Some(bytes))
        }
    }

    /// `sqlite3_deserialize`: replaces database `schema` with `data`.
    pub fn deserialize(&self, schema: &str, data: &[u8]) -> Result<(), SqlError> {
        let schema = self.name(schema)?;
        let size = data.len() as sys::sqlite3_int64;
        // SAFETY: the buffer comes from sqlite3_malloc64 and is handed to
        // SQLite with FREEONCLOSE, so SQLite owns and frees it.
        let rc = unsafe {
            let buffer = sys::sqlite3_malloc64(data.len().max(1) as u64) as *mut u8;
            if buffer.is_null() {
                return Err(SqlError {
                    code: sys::SQLITE_NOMEM,
                    message: errstr(sys::SQLITE_NOMEM),
                });
            }
            ptr::copy_nonoverlapping(data.as_ptr(), buffer, data.len());
            sys::sqlite3_deserialize(
                self.handle(),
                schema.as_ptr(),
                buffer,
                size,
                size,
                sys::SQLITE_DESERIALIZE_FREEONCLOSE | sys::SQLITE_DESERIALIZE_RESIZEABLE,
            )
        };
        self.check(rc)
    }

    /// Opens a blob for incremental I/O.
    pub fn open_blob(
        &self,
        schema: &str,
        table: &str,
        column: &str,
        row: i64,
        writable: bool,
    ) -> Result<Blob, SqlError> {
        let (schema, table, column) = (self.name(schema)?, self.name(table)?, self.name(column)?);
        let mut blob = ptr::null_mut();
        // SAFETY: `db` is open and the names NUL-terminated.
        let rc = unsafe {
            sys::sqlite3_blob_open(
                self.handle(),
                schema.as_ptr(),
                table.as_ptr(),
                column.as_ptr(),
                row,
                writable as c_int,
                &mut blob,
            )
        };
        if rc != sys::SQLITE_OK {
            return Err(self.fail(rc));
        }
        Ok(Blob {
            blob: Cell::new(blob),
        })
    }

    /// Starts copying `source_schema` of `source` into `schema` of this
    /// connection.
    pub fn backup_from(
        &self,
        schema: &str,
        source: &Database,
        source_schema: &str,
    ) -> Result<Backup, SqlError> {
        let (schema, source_schema) = (self.name(schema)?, self.name(source_schema)?);
        // SAFETY: both connections are open and the names NUL-terminated.
        let backup = unsafe {
            sys::sqlite3_backup_init(
                self.handle(),
                schema.as_ptr(),
                source.handle(),
                source_schema.as_ptr(),
            )
        };
        if backup.is_null() {
            let (code, message) = self.error();
            return Err(SqlError { code, message });
        }
        Ok(Backup {
            backup: Cell::new(backup),
        })
    }

    fn name(&self, s: &str) -> Result<CString, SqlError> {
        cstring(s).map_err(|message| SqlError {
            code: sys::SQLITE_MISUSE,
            message,
        })
    }

    fn check(&self, rc: i32) -> Result<(), SqlError> {
        if rc == sys::SQLITE_OK {
            Ok(())
        } else {
            Err(self.fail(rc))
        }
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        let _ = self.close();
    }
}

/// A compiled statement.
pub struct Statement {
    stmt: Cell<*mut sys::sqlite3_stmt>,
    /// Whether a cursor holds the statement (see `Lease` in mod.rs).
    pub leased: Cell<bool>,
}

impl Statement {
    fn handle(&self) -> *mut sys::sqlite3_stmt {
        self.stmt.get()
    }

    fn error(&self) -> SqlError {
        // SAFETY: the statement is live, so its connection is (possibly as
        // a zombie kept for it by sqlite3_close_v2).
        unsafe {
            let db = sys::sqlite3_db_handle(self.handle());
            SqlError {
                code: sys::sqlite3_extended_errcode(db),
                message: owned_text(sys::sqlite3_errmsg(db)).unwrap_or_default(),
            }
        }
    }

    /// Runs the statement to its next row: true for a row, false when done.
    pub fn step(&self, vm: &mut Vm) -> Result<bool, SqlError> {
        let stmt = self.handle();
        if stmt.is_null() {
            return Err(SqlError {
                code: sys::SQLITE_MISUSE,
                message: "statement is finalised".into(),
            });
        }
        // SAFETY: `stmt` is live.
        let rc = with_vm(vm, || unsafe { sys::sqlite3_step(stmt) });
        match rc {
            sys::SQLITE_ROW => Ok(true),
            sys::SQLITE_DONE => Ok(false),
            _ => Err(self.error()),
        }
    }

    pub fn reset(&self) {
        // SAFETY: `stmt` is live.
        self.with(|s| unsafe { sys::sqlite3_reset(s) });
    }

    pub fn clear_bindings(&self) {
        // SAFETY: `stmt` is live.
        self.with(|s| unsafe { sys::sqlite3_clear_bindings(s) });
    }

    pub fn finalize(&self) {
        let stmt = self.stmt.replace(ptr::null_mut());
        if !stmt.is_null() {
            // SAFETY: `stmt` was live and is no longer reachable.
            unsafe { sys::sqlite3_finalize(stmt) };
        }
    }

    fn with<R: Default>(&self, f: impl FnOnce(*mut sys::sqlite3_stmt) -> R) -> R {
        let stmt = self.handle();
        if stmt.is_null() {
            R::default()
        } else {
            f(stmt)
        }
    }

    pub fn readonly(&self) -> bool {
        // SAFETY: `stmt` is live.
        self.with(|s| unsafe { sys::sqlite3_stmt_readonly(s) } != 0)
    }

    pub fn parameter_count(&self) -> i32 {
        // SAFETY: `stmt` is live.
        self.with(|s| unsafe { sys::sqlite3_bind_parameter_count(s) })
    }

    /// The name of parameter `i` (from 1) with its prefix (`:name`).
    pub fn parameter_name(&self, i: i32) -> Option<String> {
        // SAFETY: `stmt` is live; the name is copied at once.
        self.with(|s| unsafe { owned_text(sys::sqlite3_bind_parameter_name(s, i)) })
    }

    /// Binds parameter `i` (from 1).
    pub fn bind(&self, i: i32, value: &SqlValue) -> Result<(), SqlError> {
        let stmt = self.handle();
        if stmt.is_null() {
            return Ok(());
        }
        // SAFETY: `stmt` is live; text and blobs are copied by SQLite
        // (SQLITE_TRANSIENT) before the call returns.
        let rc = unsafe {
            match value {
                SqlValue::Null => sys::sqlite3_bind_null(stmt, i),
                SqlValue::Integer(n) => sys::sqlite3_bind_int64(stmt, i, *n),
                SqlValue::Real(x) => sys::sqlite3_bind_double(stmt, i, *x),
                SqlValue::Text(t) => sys::sqlite3_bind_text64(
                    stmt,
                    i,
                    t.as_ptr() as *const c_char,
                    t.len() as u64,
                    sys::SQLITE_TRANSIENT(),
                    sys::SQLITE_UTF8 as u8,
                ),
                SqlValue::Blob(b) => sys::sqlite3_bind_blob64(
                    stmt,
                    i,
                    b.as_ptr() as *const c_void,
                    b.len() as u64,
                    sys::SQLITE_TRANSIENT(),
                ),
            }
        };
        if rc == sys::SQLITE_OK {
            Ok(())
        } else {
            Err(self.error())
        }
    }

    pub fn column_count(&self) -> i32 {
        // SAFETY: `stmt` is live.
        self.with(|s| unsafe { sys::sqlite3_column_count(s) })
    }

    pub fn column_name(&self, i: i32) -> Option<String> {
        // SAFETY: `stmt` is live; the name is copied at once.
        self.with(|s| unsafe { owned_text(sys::sqlite3_column_name(s, i)) })
    }

    pub fn column_decltype(&self, i: i32) -> Option<String> {
        // SAFETY: `stmt` is live; the type is copied at once.
        self.with(|s| unsafe { owned_text(sys::sqlite3_column_decltype(s, i)) })
    }

    /// Column `i` of the current row.
    pub fn column(&self, i: i32) -> SqlValue {
        let stmt = self.handle();
        if stmt.is_null() {
            return SqlValue::Null;
        }
        // SAFETY: `stmt` is live and on a row; the text or blob pointer is
        // read with its length before any other call on the statement.
        unsafe {
            match sys::sqlite3_column_type(stmt, i) {
                sys::SQLITE_INTEGER => SqlValue::Integer(sys::sqlite3_column_int64(stmt, i)),
                sys::SQLITE_FLOAT => SqlValue::Real(sys::sqlite3_column_double(stmt, i)),
                sys::SQLITE_TEXT => {
                    let p = sys::sqlite3_column_text(stmt, i);
                    let n = sys::sqlite3_column_bytes(stmt, i) as usize;
                    SqlValue::Text(bytes(p, n))
                }
                sys::SQLITE_BLOB => {
                    let p = sys::sqlite3_column_blob(stmt, i);
                    let n = sys::sqlite3_column_bytes(stmt, i) as usize;
                    SqlValue::Blob(bytes(p as *const u8, n))
                }
                _ => SqlValue::Null,
            }
        }
    }

    /// Column `i` of the current row as bytes (what a converter is given),
    /// or None for NULL and, as in CPython, for an empty value.
    pub fn column_bytes(&self, i: i32) -> Option<Vec<u8>> {
        let stmt = self.handle();
        if stmt.is_null() {
            return None;
        }
        // SAFETY: as for `column`.
        unsafe {
            let p = sys::sqlite3_column_blob(stmt, i);
            if p.is_null() {
                return None;
            }
            let n = sys::sqlite3_column_bytes(stmt, i) as usize;
            Some(bytes(p as *const u8, n))
        }
    }
}

impl Drop for Statement {
    fn drop(&mut self) {
        self.finalize();
    }
}

/// # Safety
/// `p` is null or points at `n` readable bytes.
unsafe fn bytes(p: *const u8, n: usize) -> Vec<u8> {
    if p.is_null() || n == 0 {
        Vec::new()
    } else {
        // SAFETY: promised by the caller.
        unsafe { std::slice::from_raw_parts(p, n) }.to_vec()
    }
}

/// An open blob handle (`sqlite3_blob`).
pub struct Blob {
    blob: Cell<*mut sys::sqlite3_blob>,
}

impl Blob {
    pub fn is_open(&self) -> bool {
        !self.blob.get().is_null()
    }

    pub fn len(&self) -> i64 {
        let b = self.blob.get();
        if b.is_null() {
            0
        } else {
            // SAFETY: `b` is open.
            unsafe { sys::sqlite3_blob_bytes(b) as i64 }
        }
    }

    pub fn read(&self, offset: i64, n: usize) -> Result<Vec<u8>, i32> {
        let mut buffer = vec![0u8; n];
        // SAFETY: `b` is open and `buffer` has room for `n` bytes.
        let rc = unsafe {
            sys::sqlite3_blob_read(
                self.blob.get(),
                buffer.as_mut_ptr() as *mut c_void,
                n as c_int,
                offset as c_int,
            )
        };
        if rc == sys::SQLITE_OK {
            Ok(buffer)
        } else {
            Err(rc)
        }
    }

    pub fn write(&self, offset: i64, data: &[u8]) -> Result<(), i32> {
        // SAFETY: `b` is open and `data` holds `data.len()` bytes.
        let rc = unsafe {
            sys::sqlite3_blob_write(
                self.blob.get(),
                data.as_ptr() as *const c_void,
                data.len() as c_int,
                offset as c_int,
            )
        };
        if rc == sys::SQLITE_OK {
            Ok(())
        } else {
            Err(rc)
        }
    }

    pub fn close(&self) {
        let b = self.blob.replace(ptr::null_mut());
        if !b.is_null() {
            // SAFETY: `b` was open and is no longer reachable.
            unsafe { sys::sqlite3_blob_close(b) };
        }
    }
}

impl Drop for Blob {
    fn drop(&mut self) {
        self.close();
    }
}

/// A backup in progress (`sqlite3_backup`).
pub struct Backup {
    backup: Cell<*mut sys::sqlite3_backup>,
}

impl Backup {
    /// Copies up to `pages` pages (all when negative): the result code
    /// (OK, DONE, BUSY, LOCKED or an error), pages remaining, page count.
    pub fn step(&self, pages: i32) -> (i32, i32, i32) {
        let b = self.backup.get();
        if b.is_null() {
            return (sys::SQLITE_MISUSE, 0, 0);
        }
        // SAFETY: `b` is live.
        unsafe {
            let rc = sys::sqlite3_backup_step(b, pages);
            (
                rc,
                sys::sqlite3_backup_remaining(b),
                sys::sqlite3_backup_pagecount(b),
            )
        }
    }

    pub fn finish(&self) -> i32 {
        let b = self.backup.replace(ptr::null_mut());
        if b.is_null() {
            return sys::SQLITE_OK;
        }
        // SAFETY: `b` was live and is no longer reachable.
        unsafe { sys::sqlite3_backup_finish(b) }
    }
}

impl Drop for Backup {
    fn drop(&mut self) {
        self.finish();
    }
}

/// The Python side of an aggregate: each callable returns
/// `(error message or None, value)`; see `_sqlite3.py`.
pub struct Aggregate {
    pub start: Value,
    pub step: Value,
    pub finish: Value,
    pub value: Value,
    pub inverse: Value,
}

/// # Safety
/// `argv` holds `argc` live values.
unsafe fn arguments(argc: c_int, argv: *mut *mut sys::sqlite3_value) -> Vec<SqlValue> {
    (0..argc.max(0) as usize)
        .map(|i| {
            // SAFETY: promised by the caller.
            let v = unsafe { *argv.add(i) };
            // SAFETY: `v` is a live protected value.
            unsafe {
                match sys::sqlite3_value_type(v) {
                    sys::SQLITE_INTEGER => SqlValue::Integer(sys::sqlite3_value_int64(v)),
                    sys::SQLITE_FLOAT => SqlValue::Real(sys::sqlite3_value_double(v)),
                    sys::SQLITE_TEXT => {
                        let p = sys::sqlite3_value_text(v);
                        SqlValue::Text(bytes(p, sys::sqlite3_value_bytes(v) as usize))
                    }
                    sys::SQLITE_BLOB => {
                        let p = sys::sqlite3_value_blob(v);
                        SqlValue::Blob(bytes(p as *const u8, sys::sqlite3_value_bytes(v) as usize))
                    }
                    _ => SqlValue::Null,
                }
            }
        })
        .collect()
}

/// Sets a function's result from a callback's `(error, value)` answer.
///
/// # Safety
/// `ctx` is the live context of the function being evaluated.
unsafe fn set_result(ctx: *mut sys::sqlite3_context, answer: Result<SqlValue, Failure>) {
    // SAFETY: promised by the caller; text and blobs are copied by SQLite.
    unsafe {
        match answer {
            Ok(SqlValue::Null) => sys::sqlite3_result_null(ctx),
            Ok(SqlValue::Integer(n)) => sys::sqlite3_result_int64(ctx, n),
            Ok(SqlValue::Real(x)) => sys::sqlite3_result_double(ctx, x),
            Ok(SqlValue::Text(t)) => sys::sqlite3_result_text64(
                ctx,
                t.as_ptr() as *const c_char,
                t.len() as u64,
                sys::SQLITE_TRANSIENT(),
                sys::SQLITE_UTF8 as u8,
            ),
            Ok(SqlValue::Blob(b)) => sys::sqlite3_result_blob64(
                ctx,
                b.as_ptr() as *const c_void,
                b.len() as u64,
                sys::SQLITE_TRANSIENT(),
            ),
            Err(Failure::TooBig) => sys::sqlite3_result_error_toobig(ctx),
            Err(Failure::NoMemory) => sys::sqlite3_result_error_nomem(ctx),
            Err(Failure::Message(message)) => sys::sqlite3_result_error(
                ctx,
                message.as_ptr() as *const c_char,
                message.len() as c_int,
            ),
        }
    }
}

/// A callback SQLite made outside a call of Krait's (none should happen).
fn no_interpreter<T>() -> Result<T, Failure> {
    Err(Failure::Message(
        "no interpreter to run the callback".into(),
    ))
}

unsafe extern "C" fn call_function(
    ctx: *mut sys::sqlite3_context,
    argc: c_int,
    argv: *mut *mut sys::sqlite3_value,
) {
    // SAFETY: SQLite passes the live context, its user data (the Box<Value>
    // registered by `create_function`) and `argc` arguments.
    unsafe {
        let callable = &*(sys::sqlite3_user_data(ctx) as *const Value);
        let args = arguments(argc, argv);
        let answer = callback_vm(|vm| super::values::call_callback(vm, callable, args))
            .unwrap_or_else(no_interpreter);
        set_result(ctx, answer);
    }
}

/// The per-group state of an aggregate, kept in SQLite's aggregate
/// context: the Python object `start` made, once made.
type GroupState = Option<Value>;

/// # Safety
/// `ctx` is the live context of an aggregate registered with an
/// [`Aggregate`] as user data.
unsafe fn group<'a>(
    ctx: *mut sys::sqlite3_context,
    create: bool,
) -> (&'a Aggregate, Option<&'a mut GroupState>) {
    // SAFETY: promised by the caller. The aggregate context is zeroed
    // memory of pointer size owned by SQLite; it holds null or a leaked
    // Box<GroupState> freed by `aggregate_final`.
    unsafe {
        let aggregate = &*(sys::sqlite3_user_data(ctx) as *const Aggregate);
        let size = if create {
            std::mem::size_of::<*mut GroupState>() as c_int
        } else {
            0
        };
        let slot = sys::sqlite3_aggregate_context(ctx, size) as *mut *mut GroupState;
        if slot.is_null() {
            return (aggregate, None);
        }
        if (*slot).is_null() {
            if !create {
                return (aggregate, None);
            }
            *slot = Box::into_raw(Box::new(None));
        }
        (aggregate, Some(&mut **slot))
    }
}

/// One row for an aggregate: `step` (or, for a window leaving a row,
/// `inverse`) with the group's state.
///
/// # Safety
/// As for [`group`]; `argv` holds `argc` live values.
unsafe fn feed_group(
    ctx: *mut sys::sqlite3_context,
    argc: c_int,
    argv: *mut *mut sys::sqlite3_value,
    method: fn(&Aggregate) -> &Value,
) {
    // SAFETY: promised by the caller.
    unsafe {
        let (aggregate, Some(state)) = group(ctx, true) else {
            sys::sqlite3_result_error_nomem(ctx);
            return;
        };
        let args = arguments(argc, argv);
        let answer = callback_vm(|vm| {
            super::values::aggregate_step(vm, &aggregate.start, method(aggregate), state, args)
        })
        .unwrap_or_else(no_interpreter);
        if let Err(failure) = answer {
            set_result(ctx, Err(failure));
        }
    }
}

unsafe extern "C" fn aggregate_step(
    ctx: *mut sys::sqlite3_context,
    argc: c_int,
    argv: *mut *mut sys::sqlite3_value,
) {
    // SAFETY: SQLite passes the live context of the aggregate and `argc`
    // arguments.
    unsafe { feed_group(ctx, argc, argv, |a| &a.step) }
}

unsafe extern "C" fn aggregate_inverse(
    ctx: *mut sys::sqlite3_context,
    argc: c_int,
    argv: *mut *mut sys::sqlite3_value,
) {
    // SAFETY: as for `aggregate_step`.
    unsafe { feed_group(ctx, argc, argv, |a| &a.inverse) }
}

unsafe extern "C" fn aggregate_value(ctx: *mut sys::sqlite3_context) {
    // SAFETY: SQLite passes the live context of the aggregate.
    unsafe {
        let (aggregate, state) = group(ctx, false);
        let state = state.and_then(|s| s.clone());
        let answer = callback_vm(|vm| super::values::aggregate_result(vm, &aggregate.value, state))
            .unwrap_or_else(no_interpreter);
        set_result(ctx, answer);
    }
}

unsafe extern "C" fn aggregate_final(ctx: *mut sys::sqlite3_context) {
    // SAFETY: SQLite passes the live context of the aggregate; the group
    // state box is taken out of the context and freed here, its last use.
    unsafe {
        let aggregate = &*(sys::sqlite3_user_data(ctx) as *const Aggregate);
        let slot = sys::sqlite3_aggregate_context(ctx, 0) as *mut *mut GroupState;
        let state = if slot.is_null() || (*slot).is_null() {
            None
        } else {
            let b = Box::from_raw(*slot);
            *slot = ptr::null_mut();
            *b
        };
        let answer =
            callback_vm(|vm| super::values::aggregate_result(vm, &aggregate.finish, state))
                .unwrap_or_else(no_interpreter);
        set_result(ctx, answer);
    }
}

unsafe extern "C" fn drop_aggregate(data: *mut c_void) {
    // SAFETY: `data` is the Box<Aggregate> leaked by `create_aggregate`,
    // freed once by SQLite.
    drop(unsafe { Box::from_raw(data as *mut Aggregate) });
}

unsafe extern "C" fn drop_value(data: *mut c_void) {
    // SAFETY: `data` is a Box<Value> leaked at registration, freed once.
    drop(unsafe { Box::from_raw(data as *mut Value) });
}

unsafe extern "C" fn compare(
    data: *mut c_void,
    alen: c_int,
    a: *const c_void,
    blen: c_int,
    b: *const c_void,
) -> c_int {
    // SAFETY: `data` is the registered Box<Value>; `a` and `b` point at
    // `alen` and `blen` bytes of UTF-8 text.
    unsafe {
        let callable = &*(data as *const Value);
        let a = bytes(a as *const u8, alen.max(0) as usize);
        let b = bytes(b as *const u8, blen.max(0) as usize);
        callback_vm(|vm| super::values::collate(vm, callable, a, b)).unwrap_or(0)
    }
}

unsafe extern "C" fn authorize(
    data: *mut c_void,
    action: c_int,
    a: *const c_char,
    b: *const c_char,
    c: *const c_char,
    d: *const c_char,
) -> c_int {
    // SAFETY: `data` is the Value owned by the connection's hooks; the
    // strings are null or NUL-terminated for the call.
    unsafe {
        let callable = &*(data as *const Value);
        let names = [owned_text(a), owned_text(b), owned_text(c), owned_text(d)];
        callback_vm(|vm| super::values::authorize(vm, callable, action, names))
            .unwrap_or(sys::SQLITE_DENY)
    }
}

unsafe extern "C" fn progress(data: *mut c_void) -> c_int {
    // SAFETY: `data` is the Value owned by the connection's hooks.
    unsafe {
        let callable = &*(data as *const Value);
        callback_vm(|vm| super::values::progress(vm, callable)).unwrap_or(1)
    }
}

unsafe extern "C" fn trace(
    kind: u32,
    data: *mut c_void,
    stmt: *mut c_void,
    sql: *mut c_void,
) -> c_int {
    if kind != sys::SQLITE_TRACE_STMT {
        return 0;
    }
    // SAFETY: `data` is the Value owned by the connection's hooks; for a
    // STMT event `stmt` is the statement and `sql` its unexpanded text;
    // the expanded text is ours to free.
    unsafe {
        let callable = &*(data as *const Value);
        let raw = owned_text(sql as *const c_char).unwrap_or_default();
        let expanded = sys::sqlite3_expanded_sql(stmt as *mut sys::sqlite3_stmt);
        let text = owned_text(expanded);
        sys::sqlite3_free(expanded as *mut c_void);
        let failed = text.is_none();
        let text = text.unwrap_or(raw);
        callback_vm(|vm| super::values::trace(vm, callable, text, failed));
    }
    0
}
