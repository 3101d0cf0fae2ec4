# __slots__ members read and written in loops, across subclasses, unset,
# and deleted.
class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Q(P):
    __slots__ = ("z",)

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class D(P):
    pass


def total(points):
    t = 0
    for p in points:
        p.x = p.x + 1
        t += p.x * p.y
    return t


pts = [P(i, i + 1) for i in range(5)] + [Q(1, 2, 3), D(4, 5)]
print(total(pts), total(pts), [p.x for p in pts])
d = pts[-1]
d.extra = "dict attr"
print(d.extra, d.x, hasattr(pts[0], "__dict__"), hasattr(d, "__dict__"))
q = Q.__new__(Q)
try:
    q.z
except AttributeError as e:
    print("AttributeError", e)
q.z = 9
print(q.z)
del q.z
try:
    print(q.z)
except AttributeError as e:
    print("AttributeError", e)
try:
    pts[0].w = 1
except AttributeError as e:
    print("AttributeError", e)


class R:
    __slots__ = ("v",)

    @property
    def double(self):
        return self.v * 2


r = R()
r.v = 21
print(r.double, R.v.__name__, type(R.v).__name__)
