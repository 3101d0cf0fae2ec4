# dict methods
d = dict(one=1, two=2)
d.update(three=3)
print(d, d.keys(), list(d.values()), list(d.items()))
print(d.get("one"), d.get("four", 4), d.setdefault("four", 44), d.setdefault("one", 0), d)
print(d.pop("two"), d.pop("nope", None), d, len(d))
print(d.popitem(), d, "one" in d, 1 in d.values(), ("one", 1) in d.items())
c = d.copy(); c["x"] = 0; print(d, c)
print(dict.fromkeys(["a", "b"], []), {k: len(k) for k in ["aa", "b"]}, dict(sorted({"b": 1, "a": 2}.items())))
d = {}
for w in "the cat the hat the end".split():
    d[w] = d.get(w, 0) + 1
print(d, sorted(d, key=d.get), max(d, key=d.get))
try:
    d["zzz"]
except KeyError as e:
    print("KeyError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    {[]: 1}
except TypeError as e:
    print("TypeError:", e)
d = {1: "int", 1.0: "float", True: "bool"}
print(d, {(1, 2): "t"}[(1, 2)], {None: 0}[None])
