import sys
def f():
    y = 2
    fr = sys._getframe(); return fr.f_code.co_name, fr.f_back.f_code.co_name, fr.f_lineno, sorted(fr.f_back.f_locals)
def g():
    x = 1
    return f()
print(g())
print(sys._getframe(0).f_globals is globals(), sys._getframe().f_back)
try: sys._getframe(100)
except ValueError as e: print(e)
print(sys.flags.optimize, type(sys.flags).__name__, sys.hash_info.algorithm, sys.hash_info.modulus)
print(sys.float_repr_style, sys.getdefaultencoding(), sys.getfilesystemencoding(), sys.warnoptions, sys._xoptions)
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 11), type(sys.version_info).__name__)
print(sys.gettrace(), sys.getprofile(), sys.is_finalizing(), sys.thread_info.name)
sys.displayhook(5); sys.displayhook(None)
import builtins; print(builtins._)
print(sys.__excepthook__ is sys.excepthook)
from collections import namedtuple
P = namedtuple('P', 'x y'); print(P.__module__, P(1, 2))
print(sys.version_info.__reduce__()[0] is type(sys.version_info), sys.float_info.max, len(sys.flags))
try: sys.flags.optimize = 1
except AttributeError as e: print(e)
try: type(sys.version_info)((1,))
except TypeError as e: print(e)
