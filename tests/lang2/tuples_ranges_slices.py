t = (1, 2, 3, 2)
print(t.count(2), t.index(3), t[1:], t[::-1], t + (4,), t * 2, (1,) == (1,), () < (1,), (1, 2) < (1, 3), len(t))
print(tuple(), (1,), tuple([1]), hash((1, 2)) == hash((1, 2)), {(1, "a"): 1}, max([(1, "b"), (1, "a")]))
a, *b = t
*c, d = t
print(a, b, c, d, t.__class__.__name__, isinstance(t, tuple))
r = range(2, 20, 3)
print(r, list(r), r[1], r[-1], r[1:3], len(r), 5 in r, 6 in r, r.index(8), r.count(8), list(reversed(r)))
print(range(0), range(5)[::2], list(range(10, 0, -3)), range(3) == range(0, 3), bool(range(0)), range(1, 10, 2)[2:])
print(r.start, r.stop, r.step, hash(range(3)) == hash(range(0, 3)), list(range(-5)), range(10**18)[10**17])
s = slice(1, None, 2)
print(s, s.start, s.stop, s.step, "abcdef"[s], [0, 1, 2, 3, 4][s], s.indices(10), slice(None).indices(3))
L = list(range(10))
print(L[2:8:3], L[-3:], L[:-7], L[::-2], L[8:2:-2], L[100:], L[-100:2], L[5:5])
L[1:3] = ["a", "b", "c"]
print(L)
L[::3] = [None] * len(L[::3])
print(L)
del L[::2]
print(L)
try:
    r[100]
except IndexError as e:
    print("IndexError", e)
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError", e)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError", e)
try:
    r.index(7)
except ValueError as e:
    print("ValueError", e)
print(repr(range(3)), repr(slice(1, 2)), str((1, "a")), repr(((),)), ((1, 2),)[0][1])
