# Dicts growing past the small size, shrinking, and colliding keys: the
# contents and order must stay exactly CPython's.

d = {}
for i in range(20):
    d[f"k{i}"] = i
    if i % 3 == 0:
        del d[f"k{i}"]
print(list(d.items()))
for i in range(0, 20, 2):
    d.pop(f"k{i}", None)
d["k4"] = "back"
print(list(d), len(d), d.get("k5"), "k6" in d)
while len(d) > 2:
    d.popitem()
print(d)


class Same:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return 7

    def __eq__(self, other):
        return isinstance(other, Same) and self.n == other.n

    def __repr__(self):
        return f"S{self.n}"


c = {Same(i): i for i in range(12)}
print(c[Same(3)], c[Same(11)], Same(12) in c, len(c))
for i in range(0, 12, 3):
    del c[Same(i)]
c[Same(0)] = "again"
print(list(c.items()))
m = dict.fromkeys(range(30))
for i in range(25):
    del m[i]
m[100] = 1
print(m, len(m))
small = {1: "a", 2: "b"}
small.clear()
small.update({3: "c"}, x=9)
print(small, {**small, 1: 2}, dict(zip(range(10), "abcdefghij")))
mixed = {1: "int", 1.0: "float wins value", "1": "str", (1,): "tuple", None: "none", True: "true"}
print(mixed)
