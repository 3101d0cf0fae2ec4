# a, b = b, a and its relatives: evaluation left to right, stores in order.
a, b = 1, 2
a, b = b, a
print(a, b)
x, y, z = "x", "y", "z"
x, y, z = z, x, y
print(x, y, z)
a, a = 1, 2
print(a)
[p, q] = q_ = (3, 4)
print(p, q, q_)


def trace(v):
    print("eval", v)
    return v


m, n = trace(1), trace(2)
print(m, n)


class Rec:
    def __setattr__(self, k, v):
        print("set", k, v)
        object.__setattr__(self, k, v)


r = Rec()
r.a, r.b = trace("A"), trace("B")
lst = [0, 0, 0]
i = 0
i, lst[i] = 2, "stored"
print(i, lst)
d = {}
d["k"], d["j"], d["k"] = 1, 2, 3
print(d)
try:
    a, b = 1, 2, 3
except ValueError as e:
    print(e)
try:
    a, b, c = 1, 2
except ValueError as e:
    print(e)
first, *rest = 1, 2, 3
print(first, rest)
(a, b), c = (1, 2), 3
print(a, b, c)
