import sys

print("a", "b", sep="-", end="!\n")
print("no newline", end="")
print()
print(*[1, 2, 3], sep=", ")
print("to stderr", file=sys.stderr)
sys.stdout.write("written\n")
print(sys.stdout.write("x") == 1)
print(file=sys.stdout)
print("flushed", flush=True)
print(type(sys.argv).__name__, len(sys.argv) >= 1, sys.argv[0].endswith("print_and_sys.py"))
print(sys.maxsize == 2**63 - 1, sys.byteorder, sys.platform, sys.version_info.major, sys.version_info >= (3, 11))
print(isinstance(sys.path, list), "sys" in sys.modules, sys.modules["sys"] is sys, sys.intern("ab") == "ab")
print(sys.getrecursionlimit(), callable(sys.exit), sys.version.startswith("3.11"))
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError", e)
try:
    print("x", bogus=1)
except TypeError as e:
    print("TypeError", e)
print(None, True, 1.0, [None], {"k": None}, (None,), sep="|")
print(repr(print), repr(len), repr(sys)[:14])
