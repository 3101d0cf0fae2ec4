# The DB-API 2.0 objects of `_sqlite3`, run in the module's namespace over
# its native handles: `_open` makes a `_Database`, whose `prepare` makes
# `_Statement`s; `_Blob` and `_Backup` serve `Connection.blobopen` and
# `Connection.backup`. Transactions, parameters, adapters, converters, row
# and text factories and callback errors are handled here as CPython 3.11's
# `_sqlite` module handles them.

import _thread
import time as _time

# Classes defined below report `sqlite3` as their module, as CPython's do.
__name__ = "sqlite3"

version = "2.6.0"
threadsafety = 3
PARSE_DECLTYPES = 1
PARSE_COLNAMES = 2

adapters = {}
converters = {}

_callback_tracebacks = False

# sqlite3_open_v2's flags, and a function flag.
_OPEN_READWRITE = 0x2
_OPEN_CREATE = 0x4
_OPEN_URI = 0x40
_DETERMINISTIC = 0x800
_base_types_adapted = False


class Warning(Exception):
    pass


class Error(Exception):
    pass


class InterfaceError(Error):
    pass


class DatabaseError(Error):
    pass


class InternalError(DatabaseError):
    pass


class OperationalError(DatabaseError):
    pass


class ProgrammingError(DatabaseError):
    pass


class IntegrityError(DatabaseError):
    pass


class DataError(DatabaseError):
    pass


class NotSupportedError(DatabaseError):
    pass


class PrepareProtocol:
    pass


_missing = object()


def adapt(obj, proto=PrepareProtocol, alt=_missing, /):
    adapter = adapters.get((type(obj), proto))
    if adapter is not None:
        return adapter(obj)
    for adapter, arg in ((getattr(proto, "__adapt__", None), obj),
                         (getattr(obj, "__conform__", None), proto)):
        if adapter is None:
            continue
        try:
            adapted = adapter(arg)
        except TypeError:
            continue
        if adapted is not None:
            return adapted
    if alt is not _missing:
        return alt
    raise ProgrammingError("can't adapt")


def register_adapter(type, adapter, /):
    global _base_types_adapted
    if type in (int, float, str, bytearray):
        _base_types_adapted = True
    adapters[(type, PrepareProtocol)] = adapter


def register_converter(typename, converter, /):
    if not isinstance(typename, str):
        raise TypeError("register_converter() argument 1 must be str, not "
                        + _type_name(typename))
    converters[typename.upper()] = converter


def enable_callback_tracebacks(enable, /):
    global _callback_tracebacks
    _callback_tracebacks = bool(_int_arg(enable))


def enable_shared_cache(enable):
    import warnings
    warnings.warn(
        "enable_shared_cache is deprecated and will be removed in Python "
        "3.12. Shared cache is strongly discouraged by the SQLite 3 "
        "documentation. If shared cache must be used, open the database in "
        "URI mode using the cache=shared query parameter.",
        DeprecationWarning, stacklevel=2)
    if not _enable_shared_cache(bool(_int_arg(enable))):
        raise OperationalError("Changing the shared_cache flag failed")


def connect(*args, **kwargs):
    factory = kwargs.pop("factory", None)
    if factory is None:
        if len(args) > 5:
            factory = args[5]
            args = args[:5] + args[6:]
        else:
            factory = Connection
    return factory(*args, **kwargs)


def _type_name(obj):
    return type(obj).__name__


def _int_arg(v):
    if isinstance(v, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    return v.__index__()


def _report(callable):
    """A callback raised: say so through sys.unraisablehook when callback
    tracebacks are enabled, as CPython does."""
    if _callback_tracebacks:
        import sys
        _write_unraisable(sys.exc_info()[1], callable)


_FUNCTION_ERROR = "user-defined function raised exception"


def _result(value):
    """A Python value as a callback's answer to SQLite (see values.rs)."""
    if value is None or isinstance(value, float):
        return (0, value)
    if isinstance(value, str):
        value.encode()
        return (0, value)
    if isinstance(value, int):
        if not -2**63 <= value < 2**63:
            raise OverflowError("Python int too large to convert to SQLite INTEGER")
        return (0, value)
    try:
        view = memoryview(value)
    except TypeError:
        return (1, _FUNCTION_ERROR)
    if not view.contiguous:
        raise BufferError("underlying buffer is not C-contiguous")
    return (0, value)


def _failure(callable, message):
    import sys
    exc = sys.exc_info()[1]
    _report(callable)
    if isinstance(exc, OverflowError):
        return (2, None)
    if isinstance(exc, MemoryError):
        return (3, None)
    return (1, message)


def _function(func):
    def call(*args):
        try:
            return _result(func(*args))
        except BaseException:
            return _failure(func, _FUNCTION_ERROR)
    return call


def _aggregate_calls(cls, window):
    def method(name):
        def call(instance, *args):
            if instance is None:
                return (0, None)
            try:
                m = getattr(instance, name)
            except AttributeError:
                _report(cls)
                return (1, f"user-defined aggregate's '{name}' method not defined")
            try:
                r = m(*args)
                return _result(r) if name in ("finalize", "value") else (0, None)
            except BaseException:
                return _failure(cls, f"user-defined aggregate's '{name}' method raised error")
        return call

    def start():
        try:
            return (0, cls())
        except BaseException:
            return _failure(cls, "user-defined aggregate's '__init__' method raised error")

    return (start, method("step"), method("finalize"),
            method("value"), method("inverse"))


def _collation(func):
    def compare(a, b):
        try:
            r = func(a, b)
        except BaseException:
            _report(func)
            return 0
        try:
            r = r.__index__()
        except BaseException:
            return 0
        return (r > 0) - (r < 0)
    return compare


def _authorizer(func):
    def authorize(action, arg1, arg2, db, source):
        try:
            r = func(action, arg1, arg2, db, source)
        except BaseException:
            _report(func)
            return SQLITE_DENY
        if not isinstance(r, int) or not -2**31 <= r < 2**31:
            _report(func)
            return SQLITE_DENY
        return r
    return authorize


def _progress(func):
    def progress():
        try:
            return 1 if func() else 0
        except BaseException:
            _report(func)
            return 1
    return progress


def _tracer(func):
    def trace(sql, expansion_failed):
        if expansion_failed:
            try:
                raise DataError("Expanded SQL string exceeds the maximum string length")
            except DataError:
                _report(func)
        try:
            func(sql)
        except BaseException:
            _report(func)
    return trace


def _is_dml(sql):
    s = _skip_comments(sql)[:7].lower()
    return s.startswith(("insert", "update", "delete", "replace"))


def _skip_comments(s):
    """What follows `s`'s leading whitespace and SQL comments."""
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c in " \t\f\n\r":
            i += 1
        elif s.startswith("--", i):
            j = s.find("\n", i)
            i = n if j < 0 else j + 1
        elif s.startswith("/*", i):
            j = s.find("*/", i + 2)
            if j < 0:
                return ""
            i = j + 2
        else:
            break
    return s[i:]


class Statement:
    """A compiled statement, shared through the connection's cache."""

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'sqlite3.Statement' instances")

    @classmethod
    def _make(cls, connection, sql):
        self = object.__new__(cls)
        self._compile(connection, sql)
        return self

    def _compile(self, connection, sql):
        if "\0" in sql:
            raise ProgrammingError("the query contains a null character")
        db = connection._db
        if len(sql.encode("utf-8", "surrogatepass")) > db.limit(SQLITE_LIMIT_SQL_LENGTH, -1):
            raise DataError("query string is too large")
        st, tail = db.prepare(sql)
        if _skip_comments(tail):
            if st is not None:
                st.finalize()
            raise ProgrammingError("You can only execute one statement at a time.")
        self._st = st
        self._is_dml = _is_dml(sql)

    def __repr__(self):
        return f"<sqlite3.Statement object at {id(self):#x}>"


class Connection:
    Warning = Warning
    Error = Error
    InterfaceError = InterfaceError
    DatabaseError = DatabaseError
    DataError = DataError
    OperationalError = OperationalError
    IntegrityError = IntegrityError
    InternalError = InternalError
    ProgrammingError = ProgrammingError
    NotSupportedError = NotSupportedError

    _db = None
    _initialized = False

    def __init__(self, database, timeout=5.0, detect_types=0,
                 isolation_level="", check_same_thread=True, factory=None,
                 cached_statements=128, uri=False):
        import os
        path = os.fsencode(database)
        import sys
        sys.audit("sqlite3.connect", database)
        timeout = float(timeout)
        detect_types = _int_arg(detect_types)
        cached_statements = _int_arg(cached_statements)
        if cached_statements < 0:
            raise ValueError("cached_statements must be >= 0")
        if isolation_level is not None:
            _check_isolation_level(isolation_level)
            isolation_level = str.upper(isolation_level)
        flags = _OPEN_READWRITE | _OPEN_CREATE
        if uri:
            flags |= _OPEN_URI
        if self._db is not None:
            self.close()
        self._initialized = False
        self._db = _open(path, flags, int(timeout * 1000), None)
        self._thread = _thread.get_ident()
        self._check_same_thread = bool(check_same_thread)
        self._detect_types = detect_types
        self._isolation_level = isolation_level
        self._statements = {}
        self._cache_size = cached_statements
        self._blobs = []
        self._functions = {}
        self.row_factory = None
        self.text_factory = str
        self._initialized = True
        sys.audit("sqlite3.connect/handle", self)

    # -- checks ------------------------------------------------------------

    def _check_thread(self):
        if not self._initialized:
            raise ProgrammingError("Base Connection.__init__ not called.")
        if self._check_same_thread and _thread.get_ident() != self._thread:
            raise ProgrammingError(
                "SQLite objects created in a thread can only be used in that "
                f"same thread. The object was created in thread id {self._thread} "
                f"and this is thread id {_thread.get_ident()}.")

    def _check(self):
        if not self._initialized:
            raise ProgrammingError("Base Connection.__init__ not called.")
        if self._db is None or not self._db.is_open():
            raise ProgrammingError("Cannot operate on a closed database.")

    def _checked(self):
        self._check_thread()
        self._check()
        return self._db

    # -- attributes --------------------------------------------------------

    @property
    def isolation_level(self):
        self._checked()
        return self._isolation_level

    @isolation_level.setter
    def isolation_level(self, value):
        self._checked()
        if value is None:
            self.commit()
        else:
            _check_isolation_level(value)
            value = str.upper(value)
        self._isolation_level = value

    @isolation_level.deleter
    def isolation_level(self):
        raise AttributeError("cannot delete attribute")

    @property
    def in_transaction(self):
        return not self._checked().autocommit()

    @property
    def total_changes(self):
        return self._checked().total_changes()

    # -- statements --------------------------------------------------------

    def _statement(self, sql):
        """A compiled statement for `sql`, from the cache when one there is
        not in use."""
        cached = self._statements.pop(sql, None)
        if cached is not None:
            self._statements[sql] = cached
            if cached._st is None or not cached._st.in_use():
                return cached
            return Statement._make(self, sql)
        stmt = Statement._make(self, sql)
        if self._cache_size:
            if len(self._statements) >= self._cache_size:
                del self._statements[next(iter(self._statements))]
            self._statements[sql] = stmt
        return stmt

    def _run(self, sql):
        """Runs one statement of the connection's own (BEGIN, COMMIT)."""
        st, _ = self._db.prepare(sql)
        try:
            while st.step():
                pass
        finally:
            st.finalize()

    def _begin(self):
        self._run("BEGIN " + self._isolation_level)

    def __call__(self, *args, **kwargs):
        self._checked()
        if kwargs:
            raise TypeError("Connection() takes no keyword arguments")
        if len(args) != 1:
            raise TypeError(f"Connection() takes exactly 1 argument ({len(args)} given)")
        sql = args[0]
        if not isinstance(sql, str):
            raise TypeError("Connection() argument 1 must be str, not " + _type_name(sql))
        return Statement._make(self, sql)

    def cursor(self, factory=_missing):
        self._checked()
        cursor = Cursor(self) if factory is _missing else factory(self)
        # By type, as CPython checks: a class claiming to be a Cursor
        # through __class__ is not one.
        if not issubclass(type(cursor), Cursor):
            raise TypeError("factory must return a cursor, not " + _type_name(cursor))
        self._check()
        if self.row_factory is not None:
            cursor.row_factory = self.row_factory
        return cursor

    def execute(self, sql, parameters=(), /):
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql, parameters, /):
        return self.cursor().executemany(sql, parameters)

    def executescript(self, sql_script, /):
        return self.cursor().executescript(sql_script)

    def commit(self):
        db = self._checked()
        if not db.autocommit():
            self._run("COMMIT")

    def rollback(self):
        db = self._checked()
        if not db.autocommit():
            self._run("ROLLBACK")

    def close(self):
        self._check_thread()
        if self._db is None:
            if not self._initialized:
                raise ProgrammingError("Base Connection.__init__ not called.")
            return
        for blob in self._blobs:
            blob._close()
        self._blobs = []
        self._statements = {}
        self._db.close()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback, /):
        if exc_type is None:
            self.commit()
        else:
            self.rollback()
        return False

    def interrupt(self):
        self._check()
        self._db.interrupt()

    def getlimit(self, category, /):
        db = self._checked()
        category = _int_arg(category)
        r = db.limit(_limit_category(category), -1)
        if r < 0:
            raise ProgrammingError("'category' is out of bounds")
        return r

    def setlimit(self, category, limit, /):
        db = self._checked()
        category, limit = _int_arg(category), _int_arg(limit)
        r = db.limit(_limit_category(category), limit)
        if r < 0:
            raise ProgrammingError("'category' is out of bounds")
        return r

    # -- user-defined SQL ----------------------------------------------------

    def create_function(self, name, narg, func, *, deterministic=False):
        db = self._checked()
        if not isinstance(name, str):
            raise TypeError("create_function() argument 'name' must be str, not "
                            + _type_name(name))
        narg = _int_arg(narg)
        flags = _DETERMINISTIC if deterministic else 0
        try:
            db.create_function(name, narg, None if func is None else _function(func), flags)
        except Error:
            raise OperationalError("Error creating function") from None

    def create_aggregate(self, name, n_arg, aggregate_class):
        db = self._checked()
        if not isinstance(name, str):
            raise TypeError("create_aggregate() argument 'name' must be str, not "
                            + _type_name(name))
        n_arg = _int_arg(n_arg)
        try:
            db.create_aggregate(name, n_arg, 0, False, *_aggregate_calls(aggregate_class, False))
        except Error:
            raise OperationalError("Error creating aggregate") from None

    def create_window_function(self, name, num_params, aggregate_class, /):
        db = self._checked()
        if not isinstance(name, str):
            raise TypeError("create_window_function() argument 1 must be str, not "
                            + _type_name(name))
        num_params = _int_arg(num_params)
        if aggregate_class is None:
            try:
                db.create_function(name, num_params, None, _DETERMINISTIC)
            except Error:
                raise ProgrammingError("Error creating window function") from None
            return
        try:
            db.create_aggregate(name, num_params, _DETERMINISTIC, True,
                                *_aggregate_calls(aggregate_class, True))
        except Error:
            raise ProgrammingError("Error creating window function") from None

    def create_collation(self, name, callback, /):
        db = self._checked()
        if not isinstance(name, str):
            raise TypeError("create_collation() argument 1 must be str, not "
                            + _type_name(name))
        if callback is not None and not callable(callback):
            raise TypeError("parameter must be callable")
        db.create_collation(name, None if callback is None else _collation(callback))

    def set_authorizer(self, authorizer_callback):
        db = self._checked()
        db.set_authorizer(None if authorizer_callback is None else _authorizer(authorizer_callback))

    def set_progress_handler(self, progress_handler, n):
        db = self._checked()
        n = _int_arg(n)
        db.set_progress_handler(None if progress_handler is None else _progress(progress_handler), n)

    def set_trace_callback(self, trace_callback):
        db = self._checked()
        db.set_trace(None if trace_callback is None else _tracer(trace_callback))

    def enable_load_extension(self, enable, /):
        self._checked()
        raise NotSupportedError("Krait's sqlite3 does not load SQLite extensions")

    def load_extension(self, name, /):
        self._checked()
        raise NotSupportedError("Krait's sqlite3 does not load SQLite extensions")

    # -- whole databases ---------------------------------------------------

    def iterdump(self):
        self._checked()
        from sqlite3.dump import _iterdump
        return _iterdump(self)

    def backup(self, target, *, pages=-1, progress=None, name="main", sleep=0.250):
        db = self._checked()
        if not issubclass(type(target), Connection):
            raise TypeError("backup() argument 1 must be sqlite3.Connection, not "
                            + _type_name(target))
        if target is self:
            raise ValueError("target cannot be the same connection instance")
        target_db = target._checked()
        pages = _int_arg(pages)
        if pages == 0:
            pages = -1
        if progress is not None and not callable(progress):
            raise TypeError("progress argument must be a callable")
        if not isinstance(name, str):
            raise TypeError("backup() argument 'name' must be str, not " + _type_name(name))
        sleep = float(sleep)
        if sleep < 0:
            raise ValueError("sleep must be greater-than or equal to zero")
        backup = target_db.backup_from("main", db, name)
        try:
            while True:
                rc, remaining, count = backup.step(pages)
                if progress is not None:
                    progress(rc, remaining, count)
                if rc in (SQLITE_BUSY, SQLITE_LOCKED):
                    _time.sleep(sleep)
                if rc not in (SQLITE_OK, SQLITE_BUSY, SQLITE_LOCKED):
                    break
        finally:
            rc = backup.finish()
        if rc != SQLITE_OK:
            code, message = target_db.error()
            _raise(code, message)

    def serialize(self, *, name="main"):
        db = self._checked()
        data = db.serialize(name)
        if data is None:
            raise OperationalError(f"unable to serialize '{name}'")
        return data

    def deserialize(self, data, /, *, name="main"):
        db = self._checked()
        data = memoryview(data).tobytes()
        db.deserialize(name, data)

    def blobopen(self, table, column, row, /, *, readonly=False, name="main"):
        db = self._checked()
        handle = db.open_blob(name, table, column, _int_arg(row), not readonly)
        blob = Blob._make(self, handle)
        self._blobs.append(blob)
        return blob

    def __repr__(self):
        return f"<sqlite3.Connection object at {id(self):#x}>"


def _raise(code, message):
    """Raises the exception a SQLite error code calls for."""
    exc = {
        SQLITE_INTERNAL: InternalError, SQLITE_NOTFOUND: InternalError,
        SQLITE_TOOBIG: DataError, SQLITE_CONSTRAINT: IntegrityError,
        SQLITE_MISMATCH: IntegrityError, SQLITE_MISUSE: InterfaceError,
        SQLITE_RANGE: InterfaceError, SQLITE_CORRUPT: DatabaseError,
    }.get(code & 0xff, OperationalError)(message)
    exc.sqlite_errorcode = code
    exc.sqlite_errorname = _error_name(code) or "unknown"
    raise exc


def _limit_category(category):
    return category if 0 <= category <= SQLITE_LIMIT_WORKER_THREADS else 2**30


def _check_isolation_level(level):
    if not isinstance(level, str):
        raise TypeError("isolation_level must be str or None")
    if str.upper(level) not in ("", "DEFERRED", "IMMEDIATE", "EXCLUSIVE"):
        raise ValueError("isolation_level string must be '', 'DEFERRED', "
                         "'IMMEDIATE', or 'EXCLUSIVE'")


def _column_name(name, detect_types):
    if detect_types & PARSE_COLNAMES:
        i = name.find("[")
        if i >= 0:
            if i > 0 and name[i - 1] == " ":
                i -= 1
            return name[:i]
    return name


def _converter(stmt, i, detect_types):
    if detect_types & PARSE_COLNAMES:
        name = stmt.column_name(i) or ""
        start = name.find("[")
        if start >= 0:
            end = name.find("]", start + 1)
            if end >= 0:
                c = converters.get(name[start + 1:end].upper())
                if c is not None:
                    return c
    if detect_types & PARSE_DECLTYPES:
        decl = stmt.column_decltype(i)
        if decl:
            for j, ch in enumerate(decl):
                if ch in " (":
                    decl = decl[:j]
                    break
            return converters.get(decl.upper())
    return None


class Cursor:
    _initialized = False
    _locked = False

    def __init__(self, connection, /):
        if self._locked:
            raise ProgrammingError("Recursive use of cursors not allowed.")
        if not issubclass(type(connection), Connection):
            raise TypeError("Cursor() argument 1 must be sqlite3.Connection, not "
                            + _type_name(connection))
        self._connection = connection
        self.arraysize = 1
        self.row_factory = None
        self._rowcount = -1
        self._lastrowid = None
        self._description = None
        self._stmt = None
        self._lease = None
        self._has_row = False
        self._casts = None
        self._closed = False
        self._initialized = True

    connection = property(lambda self: self._connection, doc="")
    description = property(lambda self: self._description)
    lastrowid = property(lambda self: self._lastrowid)
    rowcount = property(lambda self: self._rowcount)

    def _check(self):
        if not self._initialized:
            raise ProgrammingError("Base Cursor.__init__ not called.")
        if self._closed:
            raise ProgrammingError("Cannot operate on a closed cursor.")
        if self._locked:
            raise ProgrammingError("Recursive use of cursors not allowed.")
        return self._connection._checked()

    def _release(self):
        # Dropping the lease resets the statement and frees it for others.
        self._lease = None
        self._stmt = None
        self._has_row = False

    def execute(self, sql, parameters=(), /):
        if not isinstance(sql, str):
            raise TypeError("execute() argument 1 must be str, not " + _type_name(sql))
        return self._execute(sql, (parameters,), False)

    def executemany(self, sql, seq_of_parameters, /):
        if not isinstance(sql, str):
            raise TypeError("executemany() argument 1 must be str, not " + _type_name(sql))
        return self._execute(sql, seq_of_parameters, True)

    def _execute(self, sql, parameter_sets, many):
        db = self._check()
        conn = self._connection
        self._locked = True
        try:
            self._description = None
            self._release()
            parameter_sets = iter(parameter_sets)
            stmt = conn._statement(sql)
            st = stmt._st
            self._rowcount = 0 if stmt._is_dml else -1
            if st is None:
                return self
            self._lease = st.lease()
            self._stmt = stmt
            for parameters in parameter_sets:
                _bind(st, parameters)
                if stmt._is_dml and conn._isolation_level is not None and db.autocommit():
                    conn._begin()
                try:
                    row = st.step()
                except Error:
                    st.reset()
                    raise
                if self._description is None:
                    n = st.column_count()
                    if n:
                        detect = conn._detect_types
                        self._casts = [_converter(st, i, detect) for i in range(n)] if detect else None
                        self._description = tuple(
                            (_column_name(st.column_name(i), detect), None, None, None, None, None, None)
                            for i in range(n))
                if row:
                    if many:
                        raise ProgrammingError("executemany() can only execute DML statements.")
                    self._has_row = True
                    break
                if stmt._is_dml:
                    self._rowcount += db.changes()
                st.reset()
            if not many:
                self._lastrowid = db.last_insert_rowid()
            if not self._has_row:
                self._release()
            return self
        except BaseException:
            self._rowcount = -1
            self._release()
            raise
        finally:
            self._locked = False

    def executescript(self, sql_script, /):
        db = self._check()
        if not isinstance(sql_script, str):
            raise TypeError("executescript() argument must be str, not " + _type_name(sql_script))
        if "\0" in sql_script:
            raise ValueError("embedded null character")
        sql_script.encode()
        if len(sql_script.encode("utf-8", "surrogatepass")) > db.limit(SQLITE_LIMIT_SQL_LENGTH, -1):
            raise DataError("query string is too large")
        self._locked = True
        try:
            self._release()
            if not db.autocommit():
                self._connection._run("COMMIT")
            rest = sql_script
            while rest:
                st, rest = db.prepare(rest)
                if st is None:
                    break
                try:
                    while st.step():
                        pass
                finally:
                    st.finalize()
                if not _skip_comments(rest):
                    break
            return self
        finally:
            self._locked = False

    def _row(self):
        st = self._stmt._st
        row = st.row(self._connection.text_factory)
        casts = self._casts
        if casts is None:
            return row
        items = list(row)
        for i, cast in enumerate(casts):
            if cast is not None:
                raw = st.column_bytes(i)
                items[i] = None if raw is None else cast(raw)
        return tuple(items)

    def __iter__(self):
        return self

    def __next__(self):
        db = self._check()
        stmt = self._stmt
        if stmt is None or not self._has_row:
            self._release()
            raise StopIteration
        self._locked = True
        try:
            row = self._row()
            st = stmt._st
            try:
                more = st.step()
            except Error:
                self._release()
                raise
            if not more:
                if stmt._is_dml:
                    self._rowcount = db.changes()
                self._release()
        finally:
            self._locked = False
        if self.row_factory is not None:
            row = self.row_factory(self, row)
        return row

    def fetchone(self):
        return next(self, None)

    def fetchmany(self, size=None):
        if size is None:
            size = self.arraysize
        else:
            size = _int_arg(size)
        rows = []
        for row in self:
            rows.append(row)
            if len(rows) >= size:
                break
        return rows

    def fetchall(self):
        return list(self)

    def close(self):
        if not self._initialized:
            raise ProgrammingError("Base Cursor.__init__ not called.")
        if self._locked:
            raise ProgrammingError("Recursive use of cursors not allowed.")
        self._connection._check_thread()
        self._connection._check()
        self._release()
        self._closed = True

    def setinputsizes(self, sizes, /):
        pass

    def setoutputsize(self, size, column=None, /):
        pass

    def __repr__(self):
        return f"<sqlite3.Cursor object at {id(self):#x}>"


def _need_adapt(obj):
    if _base_types_adapted:
        return True
    return type(obj) not in (int, float, str, bytearray)


def _bind_one(st, i, value, name):
    if _need_adapt(value):
        value = adapt(value, PrepareProtocol, value)
    if not st.bind(i, value):
        raise ProgrammingError(f"Error binding parameter {name}: type "
                               f"'{type(value).__name__}' is not supported")


def _bind(st, parameters):
    needed = st.parameter_count()
    if type(parameters) in (tuple, list) or (
            not isinstance(parameters, dict) and _is_sequence(parameters)):
        supplied = len(parameters)
        if supplied != needed:
            raise ProgrammingError(
                "Incorrect number of bindings supplied. The current statement "
                f"uses {needed}, and there are {supplied} supplied.")
        for i in range(supplied):
            _bind_one(st, i + 1, parameters[i], i + 1)
    elif isinstance(parameters, dict):
        for i in range(1, needed + 1):
            name = st.parameter_name(i)
            if name is None:
                raise ProgrammingError(
                    f"Binding {i} has no name, but you supplied a dictionary "
                    "(which has only names).")
            name = name[1:]
            try:
                value = parameters[name]
            except LookupError:
                raise ProgrammingError(
                    f"You did not supply a value for binding parameter :{name}.") from None
            _bind_one(st, i, value, ":" + name)
    else:
        raise ProgrammingError("parameters are of unsupported type")


def _is_sequence(obj):
    t = type(obj)
    return hasattr(t, "__getitem__") and hasattr(t, "__len__") and not issubclass(t, dict)


class Row:
    def __new__(cls, cursor, data, /):
        if not issubclass(type(cursor), Cursor):
            raise TypeError("Row() argument 1 must be sqlite3.Cursor, not " + _type_name(cursor))
        if not isinstance(data, tuple):
            raise TypeError("Row() argument 2 must be tuple, not " + _type_name(data))
        self = object.__new__(cls)
        self._description = cursor.description
        self._data = data
        return self

    def keys(self):
        d = self._description
        return [] if d is None else [c[0] for c in d]

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __getitem__(self, key):
        if isinstance(key, str):
            folded = key.encode("utf-8", "surrogatepass").lower()
            for i, c in enumerate(self._description or ()):
                if c[0].encode("utf-8", "surrogatepass").lower() == folded:
                    return self._data[i]
            raise IndexError("No item with that key")
        if isinstance(key, slice):
            return self._data[key]
        if not isinstance(key, int):
            raise IndexError("Index must be int or string")
        return self._data[key]

    def __eq__(self, other):
        if not isinstance(other, Row):
            return NotImplemented
        return self._description == other._description and self._data == other._data

    def __ne__(self, other):
        if not isinstance(other, Row):
            return NotImplemented
        return not (self._description == other._description and self._data == other._data)

    def __hash__(self):
        return hash(self._description) ^ hash(self._data)

    def __repr__(self):
        return f"<sqlite3.Row object at {id(self):#x}>"


class Blob:
    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'sqlite3.Blob' instances")

    @classmethod
    def _make(cls, connection, handle):
        self = object.__new__(cls)
        self._connection = connection
        self._handle = handle
        self._offset = 0
        return self

    def _close(self):
        self._handle.close()

    def _checked(self):
        self._connection._checked()
        if not self._handle.is_open():
            raise ProgrammingError("Cannot operate on a closed blob.")
        return self._handle

    def close(self):
        self._connection._checked()
        self._handle.close()

    __iter__ = None

    def __len__(self):
        return self._checked().len()

    def tell(self):
        self._checked()
        return self._offset

    def seek(self, offset, origin=0, /):
        h = self._checked()
        offset, origin = _int_arg(offset), _int_arg(origin)
        if origin == 0:
            base = 0
        elif origin == 1:
            base = self._offset
        elif origin == 2:
            base = h.len()
        else:
            raise ValueError("'origin' should be os.SEEK_SET, os.SEEK_CUR, or os.SEEK_END")
        if offset > 2**31 - 1 - base:
            raise OverflowError("seek offset results in overflow")
        offset += base
        if not 0 <= offset <= h.len():
            raise ValueError("offset out of blob range")
        self._offset = offset

    def read(self, length=-1, /):
        h = self._checked()
        length = _int_arg(length)
        left = h.len() - self._offset
        if length < 0 or length > left:
            length = left
        if length <= 0:
            return b""
        data = h.read(self._offset, length)
        self._offset += length
        return data

    def write(self, data, /):
        h = self._checked()
        data = memoryview(data).tobytes()
        if len(data) > h.len() - self._offset:
            raise ValueError("data longer than blob length")
        h.write(self._offset, data)
        self._offset += len(data)

    def _index(self, h, i):
        i = i.__index__()
        if not -2**63 <= i < 2**63:
            raise IndexError("cannot fit 'int' into an index-sized integer")
        n = h.len()
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("Blob index out of range")
        return i

    def __getitem__(self, key):
        h = self._checked()
        if isinstance(key, slice):
            start, stop, step = key.indices(h.len())
            if step == 1:
                return h.read(start, stop - start) if stop > start else b""
            data = h.read(0, h.len())
            return data[start:stop:step]
        if not hasattr(key, "__index__"):
            raise TypeError("Blob indices must be integers")
        return h.read(self._index(h, key), 1)[0]

    def __setitem__(self, key, value):
        h = self._checked()
        if isinstance(key, slice):
            start, stop, step = key.indices(h.len())
            try:
                data = memoryview(value).tobytes()
            except TypeError:
                raise TypeError(f"a bytes-like object is required, not '{_type_name(value)}'") from None
            count = len(range(start, stop, step))
            if len(data) != count:
                raise IndexError("Blob slice assignment is wrong size")
            if count == 0:
                return
            if step == 1:
                h.write(start, data)
            else:
                whole = bytearray(h.read(0, h.len()))
                whole[start:stop:step] = data
                h.write(0, bytes(whole))
            return
        if not hasattr(key, "__index__"):
            raise TypeError("Blob indices must be integers")
        i = self._index(h, key)
        if not isinstance(value, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % _type_name(value))
        if not 0 <= value <= 255:
            raise ValueError("byte must be in range(0, 256)")
        h.write(i, bytes([value]))

    def __delitem__(self, key):
        self._checked()
        raise TypeError("Blob doesn't support item deletion")

    def __enter__(self):
        self._checked()
        return self

    def __exit__(self, *args):
        self._checked()
        self.close()
        return False


for _c in (Warning, Error, InterfaceError, DatabaseError, InternalError,
           OperationalError, ProgrammingError, IntegrityError, DataError,
           NotSupportedError):
    _c.__module__ = "sqlite3"
del _c

__name__ = "_sqlite3"
