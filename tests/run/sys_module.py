# sys module
import sys
print(sys.version_info[:2] >= (3, 11), sys.version_info.major if hasattr(sys.version_info, "major") else 3)
print(sys.getrecursionlimit(), type(sys.argv).__name__, len(sys.argv), sys.argv[0].endswith("sys_module.py"))
print(sys.maxsize, sys.byteorder, type(sys.path).__name__, "sys" in sys.modules, sys.platform)
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
print(sys.intern("abc") == "abc", callable(sys.exit), hasattr(sys.stdout, "write"), sys.exc_info())
try:
    raise ValueError("x")
except ValueError:
    print(sys.exc_info()[0].__name__, sys.exc_info()[1])
print(sys.implementation.name in ("cpython", "krait"))
