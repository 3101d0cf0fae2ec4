# memoryview over bytes and bytearray: reads and writes through, slices, release.
b = bytearray(b"hello world")
m = memoryview(b)
print(len(m), m[0], m[-1], bytes(m[0:5]), m.tobytes(), m.tolist()[:3], m.hex())
print(m.readonly, m.nbytes, m.itemsize, m.format, m.ndim, m.shape, m.strides, m.obj is b)
m[0] = 72
m[6:11] = b"WORLD"
print(b, m == b"Hello WORLD", m == b"x", bytes(m[1:3]) == b"el")
s = m[2:5]
print(s.tobytes(), len(s), list(s), s[0])
r = memoryview(b"abc")
print(r.readonly, hash(r) == hash(b"abc"), b"".join([r, b"d"]))
try: r[0] = 1
except TypeError as e: print("TE", e)
try: m[20]
except IndexError as e: print("IE", e)
try: memoryview("s")
except TypeError as e: print("TE", e)
try: m[0] = 300
except ValueError as e: print("VE", e)
with memoryview(b"xyz") as q:
    print(q.tobytes())
try: q.tobytes()
except ValueError as e: print("VE", e)
print(repr(q)[:17], type(m).__name__, bytes(memoryview(b"ab")), bytearray(memoryview(b"ab")))
try: hash(m)
except ValueError as e: print("VE", e)
print(b"ab" + memoryview(b"cd") if False else "skip", memoryview(b"abc")[1:].tobytes())
