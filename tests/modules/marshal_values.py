# marshal reads CPython's bytes and round-trips every type it covers;
# what it cannot marshal is a ValueError, short data an EOFError.
import marshal

values = [None, True, False, 0, -1, 2**31 - 1, -2**31, 2**31, 2**40, -2**70, 10**30,
          1.5, -0.0, float("inf"), 1j, complex(1, -2), "", "abc", "a b", "é", "x" * 300,
          "\ud800", b"", b"xy", bytearray(b"ba"), (), (1, 2), tuple(range(300)), [1, [2]],
          {1: 2, "k": [3]}, {5}, frozenset([6]), ..., StopIteration]
for v in values:
    back = marshal.loads(marshal.dumps(v))
    print(repr(back)[:60], back == v or back is v, type(back).__name__)

# Bytes as CPython 3.11 writes them (with its reference flags).
cpython = [
    b"\xda\x03abc", b"\xfa\x03a b", b"\xf5\x02\x00\x00\x00\xc3\xa9",
    b"\xa9\x02\xe9\x01\x00\x00\x00\xe9\x02\x00\x00\x00",
    b"\xdb\x01\x00\x00\x00\xe9\x01\x00\x00\x00",
    b"\xfb\xe9\x01\x00\x00\x00\xe9\x02\x00\x00\x000",
    b"\xec\x03\x00\x00\x00\x00\x00\x00\x00\x00\x04",
    b"\xec\xfd\xff\xff\xff\x00\x00\x00\x00\x00\x04",
    b"\xe7\x00\x00\x00\x00\x00\x00\xf8?",
    b"[\x02\x00\x00\x00\xda\x01ar\x00\x00\x00\x00",
]
for data in cpython:
    print(repr(marshal.loads(data)))
print(marshal.dumps([1], 2), marshal.version)
# Where CPython sets the reference flag (0x80) depends on reference
# counts; the rest of the bytes are the same.
big = marshal.dumps(2**40)
print(big[0] & 0x7F == ord("l"), big[1:] == b"\x03\x00\x00\x00\x00\x00\x00\x00\x00\x04")

for bad in [object(), [object()], {1: print}]:
    try:
        marshal.dumps(bad)
    except ValueError as e:
        print("ValueError:", e)
for data in [b"", b"q", b"i\x01", b"[\x02\x00\x00\x00N"]:
    try:
        marshal.loads(data)
    except (EOFError, ValueError) as e:
        print(type(e).__name__ + ":", e)
