# exceptions args
def check(exc):
    print(type(exc).__name__, repr(exc), str(exc), exc.args)
check(ValueError())
check(ValueError("one"))
check(ValueError("one", 2))
check(KeyError("k"))
check(KeyError())
check(IndexError(3))
check(Exception([1, 2]))
check(OSError("plain"))
check(OSError(13, "Permission denied"))
check(UnicodeError("u"))
check(SystemExit(2))
check(StopIteration("x"))
check(ImportError("no module", name="m"))
e = ImportError("msg", name="modname", path="/p")
print(e.name, e.path, e.msg)
class MyExc(Exception):
    def __str__(self): return "custom str"
check(MyExc("ignored"))
class WithInit(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
w = WithInit(1, 2)
check(w)
print(w.b)
