def f():
    raise ValueError("a")
try:
    f()
except ValueError as e:
    inner = e
raise ExceptionGroup("msg", [inner, TypeError("b"), ExceptionGroup("nested", [KeyError("k")])])
