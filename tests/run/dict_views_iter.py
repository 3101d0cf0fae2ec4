# dict views iter
d = {"a": 1, "b": 2, "c": 3}
k = d.keys()
d["d"] = 4
print(k, len(k), "d" in k, list(reversed(list(k))))
print(k & {"a", "z"}, k | {"z"}, k - {"a"}, d.items() & {("a", 1)})
for key, value in d.items():
    print(key, value, end="; ")
print()
try:
    for key in d:
        d["new" + key] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
print(list(iter(d))[:3], next(iter(d.values())), sum(d.values()))
