# print options
import sys
print("a", "b", "c")
print("a", "b", sep="-")
print("no newline", end="")
print(" continued")
print(1, 2, 3, sep=", ", end=".\n")
print()
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print(*[1, 2, 3])
print(*"abc", sep="|")
sys.stdout.write("written directly\n")
n = sys.stdout.write("count")
print("", n)
print(None, True, 1.0, [None], sep=" ~ ")
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)
