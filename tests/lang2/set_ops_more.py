a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, a <= b, {3} < b, a >= {1}, a.isdisjoint({9}))
print(a.union([9], (8,)), a.intersection(b, {4}), a.difference([1], [2]), a.symmetric_difference([1, 7]))
c = set(a)
c.add(10)
c.discard(1)
c.discard(99)
c.remove(2)
print(c, c.pop() in a | {10}, len(c))
c.update([20, 21], {22})
c.intersection_update(range(0, 100, 2))
print(sorted(c))
c.difference_update({20})
c.symmetric_difference_update({22, 23})
print(sorted(c))
f = frozenset([1, 2, 2, 3])
print(f, f | {4}, type(f | {4}).__name__, type({4} | f).__name__, hash(f) == hash(frozenset({3, 2, 1})))
print({frozenset([1]): "x"}[frozenset({1})], f.issubset(range(5)), f.issuperset([1]), 2 in f)
try:
    c.remove(999)
except KeyError as e:
    print("KeyError", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
try:
    {[]}
except TypeError as e:
    print("TypeError", e)
try:
    f.add(1)
except AttributeError as e:
    print("AttributeError", e)
print(set("hello") == {"h", "e", "l", "o"}, {x % 3 for x in range(10)}, set(), frozenset())
print(sorted({"b", "a", "c"}), min({5, 2, 8}), sum({1, 2, 3}), {1, 2} == frozenset({1, 2}))
s = {1, 2, 3}
for x in list(s):
    if x % 2:
        s.discard(x)
print(s)
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print("RuntimeError", e)
print(repr({1, 2}), repr(frozenset({1})), {1, 2}.copy(), {(1, 2), (1, 2)})
