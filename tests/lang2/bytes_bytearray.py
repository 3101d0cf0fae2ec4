b = b"hello world"
print(b[0], b[-1], b[:5], b[::2], b.upper(), b.split(), b.replace(b"o", b"0"))
print(b.find(b"o"), b.count(b"l"), b.startswith(b"he"), b.hex(), bytes.fromhex("6869"), b.hex(":"))
print(bytes(3), bytes([65, 66]), bytes("é", "utf-8"), bytes(range(3)), list(b"ab"))
print(b"a" + b"b", b"ab" * 2, b"b" in b"abc", 98 in b"abc", b"x".join([b"1", b"2"]))
print(repr(b"\x00\n\t'\"\\"), b"abc" < b"abd", b"abc" == bytearray(b"abc"))
ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba[0] = 65
print(ba, len(ba), ba.pop(), ba, bytes(ba), ba.decode())
ba += b"!"
print(ba, ba * 2, ba.find(b"c"), ba.upper(), ba.reverse(), ba)
del ba[0]
ba.insert(0, 122)
ba.remove(99)
print(ba, ba.index(98), ba.count(b"e"))
print(bytearray(3), bytearray([1, 2]), bytearray("x", "ascii"), bytearray(b"ab").hex())
for bad in ("b'a' + 'b'", "bytes([256])", "bytearray(b'a')[5]", "b'abc'.index(b'z')", "bytes('x')"):
    try:
        eval(bad)
    except Exception as e:
        print(type(e).__name__, e)
print(b"%d-%s-%x" % (5, b"ab", 255), b"%5b|" % b"xy", b"a,b".split(b","), b" x ".strip())
print(b"ABC".lower(), b"abc".title(), b"abc".center(7, b"*"), b"12".zfill(4), b"a\tb".expandtabs(2))
print(b"abc".isalpha(), b"123".isdigit(), b"  ".isspace(), b"Ab".islower(), int.from_bytes(b"\x00\x10", "big"))
print(hash(b"abc") == hash(b"abc"), {b"a": 1}[b"a"], sorted([b"b", b"a"]), max(b"az"))
mv = memoryview(b"abc") if False else None
print(mv)
