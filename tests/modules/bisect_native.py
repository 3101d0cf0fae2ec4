# _bisect: the native search and insertion functions bisect uses, with
# lo/hi bounds, keys, non-list sequences and CPython's errors.
import bisect
import _bisect
from collections import UserList

data = [1, 2, 2, 2, 5, 8]
for f in (bisect.bisect_left, bisect.bisect_right, bisect.bisect):
    print(f.__name__, f(data, 2), f(data, 0), f(data, 9), f(data, 2, 2), f(data, 2, 0, 2), f(data, 5, hi=4))
records = [("a", 1), ("b", 3), ("c", 5)]
print(bisect.bisect_left(records, 3, key=lambda r: r[1]), bisect.bisect_right(records, 3, key=lambda r: r[1]))
bisect.insort(records, ("d", 4), key=lambda r: r[1])
print(records)
l = []
for x in [5, 1, 4, 1, 3]:
    bisect.insort_left(l, x)
print(l)
u = UserList([1, 3, 5])
bisect.insort_right(u, 4)
print(u, bisect.bisect(range(0, 100, 10), 35))
for bad in [lambda: bisect.bisect(data, 1, -1), lambda: bisect.bisect(5, 1), lambda: bisect.bisect(data), lambda: bisect.insort(data, 1, key=None, lo="x")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(bisect.bisect is _bisect.bisect_right, bisect.insort_left is _bisect.insort_left)
