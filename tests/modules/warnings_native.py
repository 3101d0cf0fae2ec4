# `_warnings` is native: filters matched as CPython's C code matches
# them, `source=` shown with its allocation hint, the fallback writer,
# lines read through a module's loader, and coroutines never awaited.
import sys
import warnings
import _warnings

print(warnings.warn is _warnings.warn, warnings.filters is _warnings.filters)
print([(f[0], f[2].__name__, f[3]) for f in _warnings.filters[-5:]])

def show(message, category, filename, lineno, file=None, line=None):
    print("shown:", category.__name__, message, lineno)

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    warnings.warn("plain")
    warnings.warn("with source", ResourceWarning, source=object())
    warnings.warn(UserWarning("an instance"), DeprecationWarning)
    warnings.warn_explicit("explicit", RuntimeWarning, "somefile.py", 12)
for w in log:
    print(w.category.__name__, w.message, w.filename.endswith(".py"), w.source is not None)

# `error` raises the warning; `once` and `module` remember it.
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error", UserWarning)
    except UserWarning as e:
        print("raised:", e)
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("once")
    for _ in range(3):
        warnings.warn("only once")
    warnings.simplefilter("module")
    for _ in range(3):
        warnings.warn("once per module")
print(len(log), [str(w.message) for w in log])

for bad in (3, "x", int):
    try:
        warnings.warn("bad", bad)
    except TypeError as e:
        print("TypeError:", e)

with warnings.catch_warnings():
    warnings.filters[:] = [("bogus", None, Warning, None, 0)]
    try:
        warnings.warn("x")
    except RuntimeError as e:
        print("RuntimeError:", str(e).splitlines()[0])
    warnings.filters[:] = ["not a tuple"]
    try:
        warnings.warn("x")
    except ValueError as e:
        print("ValueError:", e)

# Lines come from a module's loader when module_globals names it.
class Loader:
    def get_source(self, name):
        return "first line\n  second line  \nthird"

saved_show = warnings._showwarnmsg
del warnings._showwarnmsg
with warnings.catch_warnings():
    warnings.simplefilter("always")
    sys.stderr = sys.stdout
    try:
        warnings.warn_explicit("from a loader", UserWarning, "virtual.py", 2,
                               module_globals={"__loader__": Loader(), "__name__": "virtual"})
        warnings.warn_explicit("no loader", UserWarning, "virtual.py", 7)
    finally:
        sys.stderr = sys.__stderr__
warnings._showwarnmsg = saved_show

# A coroutine never awaited: a RuntimeWarning that filters and
# catch_warnings see, with where it was made when origin tracking is on.
async def never():
    pass

def make():
    return never()

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    make()
    sys.set_coroutine_origin_tracking_depth(2)
    c = make()
    print(c.cr_origin[0][1:], len(c.cr_origin), sys.get_coroutine_origin_tracking_depth())
    del c
    sys.set_coroutine_origin_tracking_depth(0)
    print(never().cr_origin)
    import gc; gc.collect()
for w in log:
    print(w.category.__name__, str(w.message).splitlines()[0], "created at" in str(w.message))
try:
    sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e:
    print("ValueError:", e)
