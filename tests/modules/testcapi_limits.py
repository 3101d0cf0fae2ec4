# CPython's test suite reads the C type limits from _testcapi.
import _testcapi
from _testcapi import INT_MAX, ULLONG_MAX

print(INT_MAX, ULLONG_MAX)
for name in ["CHAR_MAX", "CHAR_MIN", "UCHAR_MAX", "SHRT_MAX", "SHRT_MIN", "USHRT_MAX",
             "INT_MIN", "UINT_MAX", "LONG_MAX", "LONG_MIN", "ULONG_MAX",
             "LLONG_MAX", "LLONG_MIN", "PY_SSIZE_T_MAX", "PY_SSIZE_T_MIN",
             "FLT_MAX", "FLT_MIN", "DBL_MAX", "DBL_MIN", "SIZEOF_TIME_T"]:
    print(name, getattr(_testcapi, name))
try:
    from _testcapi import no_such_name
except ImportError as e:
    print(type(e).__name__)
print(hasattr(_testcapi, "no_such_name"))
