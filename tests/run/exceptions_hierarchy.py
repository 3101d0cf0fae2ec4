# exceptions hierarchy
for name in ["ValueError", "KeyError", "IndexError", "ZeroDivisionError", "FileNotFoundError", "ModuleNotFoundError", "RecursionError", "UnicodeDecodeError", "StopIteration", "KeyboardInterrupt", "TimeoutError", "NotImplementedError", "UnboundLocalError"]:
    cls = __builtins__.__dict__[name] if isinstance(__builtins__, type(__builtins__)) and hasattr(__builtins__, "__dict__") else None
    import builtins as _b
    cls = getattr(_b, name)
    print(name, [c.__name__ for c in cls.__mro__])
print(issubclass(KeyError, LookupError), issubclass(OSError, Exception), isinstance(SystemExit(), Exception))
e = OSError(2, "No such file or directory", "f.txt")
print(type(e).__name__, e.errno, e.strerror, e.filename, str(e), e.args)
print(repr(SystemExit(3)), SystemExit(3).code, repr(KeyboardInterrupt()), str(StopIteration(1, 2)))
try:
    raise TypeError
except TypeError as e:
    print(repr(e), e.args, str(e) == "")
ex = ValueError("a", 1)
print(ex.args, str(ex), repr(ex))
ex.args = ("new",)
print(ex)
print(BaseException.__subclasses__ is not None, ZeroDivisionError("x").__class__.__bases__)
e1 = NameError("n", name="nm")
print(e1.name, AttributeError("a", name="nm", obj=3).obj)
