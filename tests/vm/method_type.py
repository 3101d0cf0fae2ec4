# types.MethodType(function, instance) builds a bound method (ExitStack's
# enter_context relies on it), with CPython's argument errors.
import types, contextlib
class C:
    def __repr__(self): return "<C>"
def f(self, x): return (self, x)
m = types.MethodType(f, C())
print(m(1), m.__func__ is f, m.__self__, type(m).__name__)
print(types.MethodType(len, [1, 2])())
for args in [(), (1, 2), (f, None), (f,)]:
    try: types.MethodType(*args)
    except TypeError as e: print("TypeError:", e)
class CM:
    def __enter__(self): print("enter"); return self
    def __exit__(self, *exc): print("exit", exc[0]); return False
with contextlib.ExitStack() as stack:
    stack.enter_context(CM())
    stack.callback(print, "callback ran")
print("done")
