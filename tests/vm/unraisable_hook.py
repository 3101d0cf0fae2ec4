# Exceptions that cannot propagate (in __del__, weakref callbacks, closing
# generators, threads started with _thread, atexit callbacks) go through
# sys.unraisablehook with CPython's err_msg and object; the default hook
# prints no chained exceptions.
import _thread
import atexit
import sys
import time
import weakref


def hook(args):
    print("hook:", args.exc_type.__name__, args.exc_value, repr(args.err_msg),
          type(args.object).__name__, args.exc_traceback is not None, len(args))


class Failing:
    def __init__(self, name):
        self.name = name

    def __call__(self, *args):
        raise ValueError(f"{self.name} failed")

    def __repr__(self):
        return f"<{self.name}>"


class WithDel:
    def __del__(self):
        raise KeyError("del")


class Plain:
    pass


def gen():
    try:
        yield 1
    finally:
        raise OSError("closing")


def provoke(all_kinds):
    _thread.start_new_thread(Failing("thread"), ())
    time.sleep(0.01)
    p = Plain()
    r = weakref.ref(p, Failing("callback"))
    del p
    # (The default report of these names objects by address.)
    if all_kinds:
        w = WithDel()
        del w
        g = gen()
        next(g)
        del g


sys.unraisablehook = hook
provoke(True)
sys.unraisablehook = sys.__unraisablehook__
provoke(False)
atexit.register(Failing("atexit"))
print("end of program")
