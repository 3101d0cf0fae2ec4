# sqlite3's DB-API: connections, cursors, parameters, transactions, rows,
# errors, adapters and converters.
import datetime
import sqlite3

con = sqlite3.connect(":memory:")
print(type(con).__name__, sqlite3.apilevel, sqlite3.paramstyle, sqlite3.threadsafety)
cur = con.cursor()
cur.execute("create table people(id integer primary key, name text unique, age int, score real, photo blob)")
print(cur.description, cur.rowcount, cur.lastrowid)

cur.execute("insert into people(name, age, score, photo) values (?, ?, ?, ?)", ("ann", 31, 9.5, b"\x00\xff"))
print(cur.rowcount, cur.lastrowid, con.in_transaction)
cur.executemany("insert into people(name, age) values (:name, :age)",
                [{"name": "bob", "age": 25}, {"name": "cy", "age": None}])
print(cur.rowcount, cur.lastrowid)
con.commit()
print(con.in_transaction, con.total_changes)

cur.execute("select * from people order by id")
print([d[0] for d in cur.description])
print(cur.fetchone())
print(cur.fetchmany(5))
print(cur.fetchall(), cur.fetchone())
for row in con.execute("select name, age from people where age > ? order by name", (20,)):
    print(row)

cur.execute("update people set age = age + 1 where age is not null")
print("updated", cur.rowcount)
con.rollback()
print(con.execute("select sum(age) from people").fetchone())

# Errors carry SQLite's codes.
for sql, params in [
    ("insert into people(name) values (?)", ("ann",)),
    ("select nothing from people", ()),
    ("select ?", (1, 2)),
    ("select :x", {"y": 1}),
    ("select ?", (object(),)),
    ("select ?", (2**63,)),
    ("select 1; select 2", ()),
    ("select ?", 42),
]:
    try:
        con.execute(sql, params)
    except Exception as e:
        print(type(e).__name__, e, getattr(e, "sqlite_errorcode", None),
              getattr(e, "sqlite_errorname", None))
print(issubclass(sqlite3.IntegrityError, sqlite3.DatabaseError), sqlite3.Error.__mro__[1].__name__)

# Rows.
con.row_factory = sqlite3.Row
r = con.execute("select id, name as Who from people order by id").fetchone()
print(r.keys(), r["who"], r["WHO"], r[1], r[-2], r[0:2], list(r), len(r))
try:
    r["nope"]
except IndexError as e:
    print("IndexError", e)
r2 = con.execute("select id, name as Who from people order by id").fetchone()
print(r == r2, hash(r) == hash(r2), r != r2)
con.row_factory = lambda cursor, row: {d[0]: v for d, v in zip(cursor.description, row)}
print(con.execute("select name, age from people where id = 2").fetchone())
con.row_factory = None

# Text factories.
con.text_factory = bytes
print(con.execute("select name from people where id = 1").fetchone())
con.text_factory = lambda b: b.decode().upper()
print(con.execute("select name from people where id = 1").fetchone())
con.text_factory = str

# Transactions: implicit BEGIN before DML, autocommit with None, context manager.
con.isolation_level = None
con.execute("insert into people(name) values ('dee')")
print(con.in_transaction)
con.isolation_level = "IMMEDIATE"
with con:
    con.execute("insert into people(name) values ('eve')")
    print(con.in_transaction)
print(con.in_transaction)
try:
    with con:
        con.execute("insert into people(name) values ('fay')")
        raise ValueError("undo")
except ValueError:
    pass
print(con.execute("select count(*) from people where name = 'fay'").fetchone())
for bad in ("bogus", 3):
    try:
        con.isolation_level = bad
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# executescript commits first and runs every statement.
con.executescript("""
    create table kv(k text, v);  -- a comment
    insert into kv values ('a', 1);
    /* another */ insert into kv values ('b', 2.5);
""")
print(con.execute("select * from kv order by k").fetchall())

# Adapters and converters.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"

sqlite3.register_adapter(Point, lambda p: f"{p.x};{p.y}")
sqlite3.register_converter("point", lambda b: Point(*map(float, b.split(b";"))))
dcon = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
dcon.execute("create table shapes(p point, d date, t timestamp)")
dcon.execute("insert into shapes values (?, ?, ?)",
             (Point(1, 2), datetime.date(2024, 2, 29), datetime.datetime(2024, 2, 29, 12, 30, 1)))
print(dcon.execute("select p, d, t from shapes").fetchone())
print(dcon.execute('select p as "p [point]", d as "day [date]" from shapes').fetchone())
print(dcon.execute('select p as "raw" from shapes').description)
print(sqlite3.adapt(Point(3, 4)), sqlite3.adapt(5, sqlite3.PrepareProtocol, "alt"))

class Conforming:
    def __conform__(self, protocol):
        return "conformed" if protocol is sqlite3.PrepareProtocol else None
print(dcon.execute("select ?", (Conforming(),)).fetchone())

print(sqlite3.complete_statement("select 1;"), sqlite3.complete_statement("select 'x"))
con.execute("create table dumped(a, b)")
con.execute("insert into dumped values (1, 'two')")
con.commit()
for line in con.iterdump():
    if "dumped" in line or line in ("BEGIN TRANSACTION;", "COMMIT;"):
        print(line)

# A cursor dropped half-way through a SELECT releases its table.
con.execute("create table locked(x)")
con.executemany("insert into locked values (?)", [(i,) for i in range(5)])
con.commit()
half = con.execute("select x from locked")
half.fetchone()
del half
con.execute("drop table locked")
print("dropped")

con.close()
for op in (lambda: con.execute("select 1"), lambda: con.cursor(), lambda: cur.fetchone()):
    try:
        op()
    except sqlite3.ProgrammingError as e:
        print("ProgrammingError", e)
