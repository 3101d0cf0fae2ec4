# Errors raised inside a native module's Python half show no frames of it,
# as CPython's tracebacks show none for C functions.
import csv
import sqlite3
import traceback

con = sqlite3.connect(":memory:")
try:
    con.execute("select ?", (1, 2))
except sqlite3.ProgrammingError:
    lines = traceback.format_exc().splitlines()
    print(len(lines), lines[-1])

def rows():
    yield "a,b"
    raise KeyError("from the generator")

try:
    list(csv.reader(rows()))
except KeyError:
    print([line.split(", in ")[-1] for line in traceback.format_exc().splitlines() if line.startswith("  File")])

con.execute("select * from missing_table")
