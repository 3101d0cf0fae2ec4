# bytes ops
b = b"hello world"
print(b, len(b), b[0], b[-1], b[1:5], b[::-1], b + b"!", b * 2, b"o" in b, 111 in b)
print(b.decode(), bytes([104, 105]), bytes("hé", "utf-8"), "hé".encode("latin-1"), list(b"ab"))
print(bytearray(b"abc"), bytearray(3), bytes(bytearray(b"xy")), b"a" < b"b", b"abc" == b"abc")
ba = bytearray(b"xyz")
ba[0] = 65
ba += b"!"
print(ba, len(ba), ba[1], bytes(ba))
print(repr(b"\x00\xff\n'"), repr(b'"'), b"%s-%d" % (b"a", 5))
try:
    b"x" + "y"
except TypeError as e:
    print("TypeError:", e)
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
