# sys.intern takes any exact str, lone surrogates included (pathlib interns
# the parts of every path).
import pathlib
import sys

s = "fileA\udfff"
print(sys.intern(s) is s, sys.intern("abc") is sys.intern("ab" + "c"))
class S(str):
    pass
for bad in (S("a"), 3):
    try:
        sys.intern(bad)
    except TypeError as e:
        print("TypeError", e)
print(repr(pathlib.PurePosixPath("/tmp") / s))
