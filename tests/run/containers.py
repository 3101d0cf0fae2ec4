# Lists, tuples, dicts, sets: operations, methods, views, ordering.
l = [3, 1, 2]
l.append(5); l.extend([9, 0]); l.insert(1, 7); l.insert(-1, 8); l.insert(100, 6)
print(l, len(l), l.pop(), l.pop(0), l.index(2), l.count(1), 7 in l)
l.remove(7); l.reverse(); print(l); l.sort(); print(l); l.sort(reverse=True); print(l)
print(sorted(["bb", "a", "ccc"], key=len), sorted([3, 1, 2], reverse=True), sorted("hello"))
l[1:3] = ["x", "y", "z"]; print(l); del l[::2]; print(l); l[::2] = [0] * len(l[::2]); print(l)
print([1, 2] + [3], [0] * 3, [[]] * 2, l * 0, list(range(5))[::-2], [1, 2, 3][-2:])
t = (1, 2, 3)
print(t, t[1:], t + (4,), t * 2, t.index(2), t.count(3), (1,), (), tuple("ab"), t < (1, 2, 4))
a, *b, c = range(6); print(a, b, c)
(x, y), z = (1, 2), 3; print(x, y, z)
d = {"b": 1, "a": 2}
d["c"] = 3; d["b"] = 10
print(d, list(d), d.keys(), d.values(), d.items(), len(d), "a" in d, d.get("z"), d.get("z", 0))
print(d.pop("a"), d.setdefault("e", 5), d, d.popitem(), d)
d.update({"x": 1}, y=2); d.update([("z", 3)]); print(d, dict(a=1, b=2), dict([(1, 2)]), dict.fromkeys("ab", 0))
print({k: v for k, v in zip("abc", range(3))}, d | {"new": 0}, {**d, "x": 9})
del d["x"]; print(d, sorted(d.items()), list(reversed([1, 2, 3])))
s = {3, 1, 2}
s.add(4); s.discard(10); s.remove(1)
print(s, len(s), 2 in s, s | {9}, s & {2, 3}, s - {2}, s ^ {2, 7}, {1, 2} <= {1, 2, 3}, {1} < {1})
print(set("hello") == set("olleh"), frozenset([1, 2]), set(), {5, 100, 33, 2, 64, 1000}, sorted({"b", "a"}))
print({i * i for i in range(6)}, set([1, 2]).union([3], (4,)), {1, 2, 3}.intersection({2, 3, 4}, {3}))
print(list(enumerate("ab", 1)), list(zip([1, 2, 3], "ab")), list(map(abs, [-1, -2])), list(filter(None, [0, 1, 2, ""])))
nested = [[1, [2, 3]], {"k": (4, 5)}]
print(nested, nested[1]["k"][0], [row[:] for row in [[1, 2], [3, 4]]])
r = []
r.append(r)
print(r, {"self": 1})
print(list(range(10, 0, -3)), range(5)[2], range(0, 10, 2)[1:3], len(range(-5, 5, 3)), 4 in range(0, 10, 2))
print(list(dict.fromkeys([3, 1, 3, 2])), [*range(3), *"ab"], (*[1], 2))
