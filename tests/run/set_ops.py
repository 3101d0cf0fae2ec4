# set ops
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b, a <= b, {3} <= b, a >= {1}, a.isdisjoint({9}))
print(a.union(b, [10]), a.intersection([3, 4, 9]), a.difference([1]), a.symmetric_difference([1, 9]))
s = set()
s.add(5); s.add(5); s.update([1, 2], (3,)); s.discard(99)
print(s, len(s), s.pop() in {1, 2, 3, 5}, len(s))
s.intersection_update({1, 2, 3}); print(s)
s.difference_update({1}); print(s)
s.symmetric_difference_update({2, 7}); print(s)
fs = frozenset([3, 1, 2])
print(fs, fs | {4}, type(fs | {4}).__name__, {fs: "frozen key"}[frozenset({1, 2, 3})], hash(fs) == hash(frozenset({1, 2, 3})))
print({x % 3 for x in range(10)}, set("mississippi"), sorted(set("mississippi")))
print({-1, -2, 5, 100, 33, 2 ** 40, 7}, {"b", "a"} == {"a", "b"}, set([3, 3, 1]))
try:
    {1}.remove(2)
except KeyError as e:
    print("KeyError:", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
