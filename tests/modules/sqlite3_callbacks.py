# sqlite3's user-defined SQL (functions, aggregates, window functions,
# collations), hooks (authorizer, progress, trace), blobs, backups,
# serialisation and limits.
import sqlite3
import sys
import threading

con = sqlite3.connect(":memory:")
con.execute("create table n(x int, s text)")
con.executemany("insert into n values (?, ?)", [(i, c) for i, c in zip(range(1, 7), "fEdCbA")])

con.create_function("twice", 1, lambda v: v * 2, deterministic=True)
con.create_function("kind", 1, lambda v: type(v).__name__)
con.create_function("nil", 0, lambda: None)
con.create_function("blobby", 0, lambda: bytearray(b"\x01\x02"))
print(con.execute("select twice(3), twice('ab'), twice(1.25), nil(), blobby()").fetchone())
print(con.execute("select kind(1), kind(1.5), kind('x'), kind(x'00'), kind(null)").fetchone())

def boom(v):
    return 1 / v
con.create_function("boom", 1, boom)
for sql in ("select boom(0)", "select twice(9223372036854775807)"):
    try:
        con.execute(sql).fetchone()
    except sqlite3.Error as e:
        print(type(e).__name__, e)

# With callback tracebacks on, a failing callback is reported through
# sys.unraisablehook.
seen = []
sys.unraisablehook = lambda u: seen.append((u.exc_type.__name__, str(u.exc_value)))
sqlite3.enable_callback_tracebacks(True)
try:
    con.execute("select boom(0)")
except sqlite3.OperationalError as e:
    print("OperationalError", e)
sqlite3.enable_callback_tracebacks(False)
print(seen)

class Mean:
    def __init__(self):
        self.total, self.count = 0, 0
    def step(self, v):
        self.total += v
        self.count += 1
    def finalize(self):
        return self.total / self.count if self.count else None
con.create_aggregate("mean", 1, Mean)
print(con.execute("select mean(x) from n").fetchone(), con.execute("select mean(x) from n where x > 99").fetchone())

class BadStep(Mean):
    def step(self, v):
        raise KeyError(v)
con.create_aggregate("badstep", 1, BadStep)
try:
    con.execute("select badstep(x) from n").fetchone()
except sqlite3.OperationalError as e:
    print("OperationalError", e)

class WindowSum:
    def __init__(self):
        self.total = 0
    def step(self, v):
        self.total += v
    def inverse(self, v):
        self.total -= v
    def value(self):
        return self.total
    def finalize(self):
        return self.total
con.create_window_function("winsum", 1, WindowSum)
print(con.execute("select x, winsum(x) over (order by x rows between 1 preceding and 1 following) from n").fetchall())

con.create_collation("reverse", lambda a, b: (a < b) - (a > b))
print([r[0] for r in con.execute("select s from n order by s collate reverse")])
con.create_collation("nocase_py", lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))
print([r[0] for r in con.execute("select s from n order by s collate nocase_py")])
con.create_collation("reverse", None)
try:
    con.execute("select s from n order by s collate reverse")
except sqlite3.OperationalError as e:
    print("OperationalError", e)

# Authorizer: deny reading one column.
def authorizer(action, arg1, arg2, db, source):
    if action == sqlite3.SQLITE_READ and arg2 == "s":
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK
con.set_authorizer(authorizer)
try:
    con.execute("select s from n")
except sqlite3.DatabaseError as e:
    print(type(e).__name__, e)
print(con.execute("select x from n where x = 1").fetchone())
con.set_authorizer(None)

# Progress handler: a true answer interrupts the statement.
calls = []
con.set_progress_handler(lambda: calls.append(1) or len(calls) > 2, 1)
try:
    con.execute("with recursive c(i) as (select 1 union all select i + 1 from c where i < 100000) select count(*) from c").fetchone()
except sqlite3.OperationalError as e:
    print("OperationalError", e, len(calls))
con.set_progress_handler(None, 0)

statements = []
con.set_trace_callback(statements.append)
con.execute("select x from n where s = ?", ("Cb"[1],)).fetchall()
con.execute("insert into n values (7, 'z')")
con.commit()
con.set_trace_callback(None)
print(statements)

# Blobs.
con.execute("create table files(data blob)")
con.execute("insert into files values (zeroblob(8))")
with con.blobopen("files", "data", 1) as blob:
    blob.write(b"abc")
    print(len(blob), blob.tell())
    blob.seek(0)
    print(blob.read(2), blob.read(), blob[0], blob[-1], blob[1:4])
    blob[7] = 33
    blob[4:6] = b"XY"
    blob.seek(-3, 2)
    print(blob.read())
    for bad in (lambda: blob.seek(99), lambda: blob.write(b"x" * 9), lambda: blob[8]):
        try:
            bad()
        except (ValueError, IndexError) as e:
            print(type(e).__name__, e)
print(con.execute("select data from files").fetchone())
try:
    blob.read()
except sqlite3.ProgrammingError as e:
    print("ProgrammingError", e)

# Backups and serialisation.
progress = []
target = sqlite3.connect(":memory:")
con.commit()
con.backup(target, pages=1, progress=lambda status, remaining, total: progress.append(remaining))
print(target.execute("select count(*) from n").fetchone(), progress[-1])
data = target.serialize()
print(type(data).__name__, data[:15])
copy = sqlite3.connect(":memory:")
copy.deserialize(data)
print(copy.execute("select sum(x) from n").fetchone())
try:
    con.backup(con)
except ValueError as e:
    print("ValueError", e)

# Limits.
old = con.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 100)
print(con.getlimit(sqlite3.SQLITE_LIMIT_LENGTH))
try:
    con.execute("select ?", ("x" * 200,)).fetchone()
except sqlite3.DataError as e:
    print("DataError", e)
con.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, old)

# Connections stay in the thread that made them unless told otherwise.
errors = []
def other_thread():
    try:
        con.execute("select 1")
    except sqlite3.ProgrammingError as e:
        errors.append(str(e).split(".")[0])
t = threading.Thread(target=other_thread)
t.start()
t.join()
print(errors)
