b = b"  a b  c  "
print(b.split(), b.split(None, 1), b.rsplit(None, 1), b.split(b" "), b.rsplit(b" ", 2))
print(b"a\nb\r\nc\rd".splitlines(), b"x\ny\n".splitlines(keepends=True))
print(b"k=v=w".partition(b"="), b"k=v=w".rpartition(b"="), b"kvw".partition(b"="))
table = bytes.maketrans(b"abc", b"xyz")
print(b"aabbcc".translate(table), b"hello".translate(None, b"l"), len(table))
print(bytes.fromhex("de ad be ef"), bytearray.fromhex("0a0B"), b"\x01\x02\x03\x04".hex("-", 2))
print(b"\x01\x02\x03".hex(":", -2), b"abc".hex(" ", 1))
try:
    bytes.fromhex("zz")
except ValueError as e:
    print("ValueError", e)
print(b"Hello World".swapcase(), b"hello world".capitalize(), b"Hello World".istitle())
print(b"abc".removeprefix(b"a"), b"abc".removesuffix(b"c"), b"tab\tx".expandtabs())
print(b"a-b".replace(b"-", b""), b"aaa".replace(b"a", b"b", 2), b"ab".replace(b"", b"."))
print(b"abcabc".count(b"bc"), b"abc".count(98), b"abcabc".rfind(b"a"), b"abcabc".find(b"c", 3))
print(b"abc".startswith((b"x", b"a")), b"abc".endswith(b"bc", 1), b"abc".index(99))
ba = bytearray(b"hello")
print(ba.upper(), ba.split(b"l"), ba.partition(b"l"), ba.strip(b"ho"), type(ba.lower()).__name__)
ba.clear()
print(ba, ba.copy(), bytearray(b"xy").copy() == b"xy")
for bad in ("b'abc'.find('a')", "b'a'.strip('a')", "b'-'.join(['a'])", "b'x'.center(5, 'y')",
            "bytearray().pop()", "bytearray(b'a').remove(98)", "bytearray().append(300)"):
    try:
        eval(bad)
    except Exception as e:
        print(type(e).__name__, e)
