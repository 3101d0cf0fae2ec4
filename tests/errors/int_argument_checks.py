# Integer arguments (maxsplit, count, pop index) reject None and other non-integers.
for f in [lambda: "a b".split(None, None), lambda: "a b".split(maxsplit="1"), lambda: "a b c".rsplit(None, 1), lambda: "a b".split(" ", 1.5), lambda: b"a b".split(None, None)]:
    try: print(f())
    except TypeError as e: print(e)
print("aaa".replace("a", "b", 2))
try: "aaa".replace("a", "b", None)
except TypeError as e: print(e)
b = bytearray(b"abc")
for f in [lambda: b.pop(None), lambda: b"aaa".replace(b"a", b"b", None), lambda: b.pop(-1), lambda: b"aaa".replace(b"a", b"b", 2)]:
    try: print(f())
    except TypeError as e: print(e)
