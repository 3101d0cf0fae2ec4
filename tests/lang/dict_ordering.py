# dict ordering
d = {}
for k in ["z", "a", "m", "b"]:
    d[k] = len(d)
print(d, list(d), list(d.values()))
del d["a"]
d["a"] = 99
print(d)
d2 = dict(d)
d2.pop("z")
d2["z"] = 0
print(d2, d == d2, list(d2.keys()))
big = {i: i * i for i in range(100)}
for i in range(0, 100, 3):
    del big[i]
print(len(big), list(big)[:5], sum(big.values()))
nested = {"outer": {"inner": [1, {"deep": True}]}}
print(nested["outer"]["inner"][1]["deep"], nested)
keys = ["x", "y", "x", "z", "y"]
print(list(dict.fromkeys(keys)), {k: keys.count(k) for k in keys})
merged = {"a": 1, "b": 2} | {"b": 3, "c": 4}
merged |= {"d": 5}
print(merged)
