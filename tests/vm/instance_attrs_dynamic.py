# Instance attributes: added in different orders, deleted, shadowed, and
# classes changed under running code.
class C:
    pass


a = C()
b = C()
a.x = 1
a.y = 2
b.y = 3
b.x = 4
print(vars(a), vars(b))


def get_x(o):
    return o.x


print([get_x(o) for o in (a, b, a, b)])
del a.x
try:
    get_x(a)
except AttributeError as e:
    print(e)
a.x = 5
print(get_x(a), list(vars(a)))

C.x = "class attr"
c = C()
print(get_x(c))


class D:
    @property
    def x(self):
        return "property"


d = D()
print(get_x(d))
try:
    d.x = 1
except AttributeError as e:
    print(e)


def set_many(o, n):
    for i in range(n):
        setattr(o, f"a{i}", i)
    return sorted(vars(o).items())[:3], len(vars(o))


print(set_many(C(), 20))


class E:
    def __init__(self):
        self.v = 0

    def bump(self):
        self.v += 1
        return self.v


e = E()
for _ in range(3):
    e.bump()
print(e.v)
e.bump = lambda: "shadowed"
print(e.bump())
del e.bump
print(e.bump())


class Slot:
    __slots__ = ("p", "q")

    def __init__(self):
        self.p = 1


s = Slot()
s.q = 2
print(s.p, s.q)
try:
    s.r = 3
except AttributeError as e:
    print(e)
try:
    print(Slot().q)
except AttributeError as e:
    print(e)
