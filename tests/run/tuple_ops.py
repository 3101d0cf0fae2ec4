# tuple ops
t = (3, 1, 2)
print(t, t[0], t[-1], t[1:], t * 2, t + (4,), len(t), sorted(t), 2 in t, t.index(1), t.count(3))
print((), (1,), tuple(), tuple([1, 2]), (1, 2) == (1, 2), (1, 2) < (1, 2, 3), ((1, 2), (3,)))
a, b, c = t
print(a, b, c)
first, *rest = t
*init, last = t
print(first, rest, init, last)
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "x"}, max([(1, "z"), (2, "a")]), min((3, 4), (3, 2)))
try:
    t[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
nt = ((1, "one"), (2, "two"))
print(dict(nt), [n for n, _ in nt], list(zip(*nt)))
