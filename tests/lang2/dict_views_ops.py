d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), "a" in k, 2 in v, ("b", 2) in it)
d["d"] = 4
print(list(k), list(v), list(it))
print(k & {"a", "z"}, k | {"z"}, k - {"a"}, k ^ {"a", "q"}, sorted(it - {("a", 1)}))
print(k == {"a", "b", "c", "d"}, k.isdisjoint({"x"}), list(reversed(d)), list(reversed(d.items())))
print(d.get("z"), d.get("z", 0), d.setdefault("e", 5), d.setdefault("a", 9), d.pop("e"), d.pop("zz", None))
print(d.popitem(), d, dict.fromkeys("ab", 0), dict.fromkeys([1, 2]))
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d, {**d, "a": 0}, d | {"new": 1}, sorted(d))
d |= {"q": 7}
print(d.copy() == d, d.copy() is d, len(d))
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError", e)
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError", e)


class Missing(dict):
    def __missing__(self, key):
        return f"no {key}"


m = Missing(a=1)
print(m["a"], m["b"], m.get("b"), "b" in m)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: -kv[1]))
print({x: x * x for x in range(4)}, dict(zip("abc", range(3))), dict([(1, 2)], three=3))
nested = {"a": {"b": {"c": 1}}}
print(nested["a"]["b"]["c"], nested.get("a", {}).get("x", "dflt"))
print({1: "int", 1.0: "float", True: "bool"}, {(1, 2): "tuple"}[(1, 2)])
del d["a"]
print("a" in d, list(d)[:3])
print(repr({}), repr({1: {2: []}}), str({"k": "v"}))
