class N:
    def __index__(self): return 2
class V: pass
print([1] * N(), N() * "ab", (1,) * N(), b"x" * N())
for e in ("[1] + V()", "(1,) + V()", "b'x' + V()", "bytearray(b'x') + V()", "V() * [1]", "'s' * V()", "V() + 's'", "V() * V()"):
    try: eval(e)
    except TypeError as x: print(x)
x = [1]
try:
    x += V()
except TypeError as e: print(e)
s = "a"
try:
    s *= V()
except TypeError as e: print(e)
