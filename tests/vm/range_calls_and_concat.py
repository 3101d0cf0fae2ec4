# range() built directly from its arguments (and its errors); str
# concatenation keeps lone surrogates as separate code points.
print(list(range(3)), list(range(1, 4)), list(range(10, 0, -3)), range(True), range(2**40)[-1])
for bad in [(), (1, 2, 3, 4), (1.5,), ("a",), (1, 2, 0)]:
    try:
        range(*bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    range(stop=3)
except TypeError as e:
    print(e)
s = "\ud83d" + "\ude00"
print(len(s), repr(s), len("ab" + "é"), ("x" * 20 + "ü").upper(), ("a" + "") is not None)
