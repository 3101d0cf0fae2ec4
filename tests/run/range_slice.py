# range slice
r = range(2, 20, 3)
print(r, list(r), len(r), r[1], r[-1], r[1:3], r[::-1], 5 in r, 6 in r, r.index(8), r.count(11))
print(range(5) == range(0, 5), range(0) == range(2, 1), list(range(10, 0, -2)), list(range(-3)), bool(range(0)))
print(range(0, 10**12, 3)[-1], len(range(-10, 10, 7)), list(reversed(range(3))), sum(range(101)))
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, "abcdefghijk"[s], s.indices(5), slice(None).indices(3), slice(-1, None, -1).indices(4))
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(3).index(9)
except ValueError as e:
    print("ValueError:", e)
