# for a, b in pairs: dict items, enumerate, zip, and what they do when
# the data changes or runs out.
d = {"a": 1, "b": 2, "c": 3}
for k, v in d.items():
    print(k, v, end="; ")
print()
for i, ch in enumerate("xyz"):
    print(i, ch, end="; ")
print()
for i, ch in enumerate("xy", 2**63 - 1):
    print(i, ch, end="; ")
print()
for i, ch in enumerate("xy", -3):
    print(i, ch, end="; ")
print()
for a, b in zip([1, 2, 3], "ab"):
    print(a, b, end="; ")
print()
for a, b in zip(range(3), range(10, 13)):
    print(a + b, end=" ")
print()
try:
    for a, b in zip([1, 2], [3], strict=True):
        print(a, b)
except ValueError as e:
    print("ValueError", e)
try:
    for k, v in d.items():
        d["new" + k] = v
except RuntimeError as e:
    print("RuntimeError", e)
print(len(d))
it = iter(d.items())
print(next(it))
for k, v in it:
    print(k, end=" ")
print()
pairs = list(enumerate("ab"))
print(pairs, list(zip("ab", "cd")), list(d.items())[:2])
try:
    for a, b, c in d.items():
        pass
except ValueError as e:
    print("ValueError", e)
try:
    for a, b in enumerate([1]):
        raise KeyError(a)
except KeyError as e:
    print("KeyError", e)
e = enumerate("abc")
for i, x in e:
    if i == 1:
        break
print(next(e))
for (a, b) in {1: 2}.items():
    print(a, b)
for a, (b, c) in enumerate([(1, 2)]):
    print(a, b, c)
