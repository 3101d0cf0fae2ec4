# A class's protocols follow its dunders, also when they are set, deleted
# or inherited after the class statement, and a built-in base's protocol
# stays in force until a class overrides it.


class Box:
    pass


b = Box()
for attempt in ("len", "item", "iter", "in", "call", "hash"):
    try:
        if attempt == "len":
            len(b)
        elif attempt == "item":
            b[0]
        elif attempt == "iter":
            iter(b)
        elif attempt == "in":
            1 in b
        elif attempt == "call":
            b()
        else:
            print("hashable", type(hash(b)).__name__)
    except TypeError as e:
        print(attempt, "->", e)

Box.__len__ = lambda self: 3


def getitem(self, i):
    if i >= 3:
        raise IndexError(i)
    return i * 10


Box.__getitem__ = getitem
Box.__call__ = lambda self, *a: ("called", a)
print(len(b), b[2], b(1, 2), list(zip(range(3), b)), 20 in b, 25 in b)
Box.__iter__ = lambda self: iter("xy")
print(list(b), "x" in b)
Box.__contains__ = None
try:
    "x" in b
except TypeError as e:
    print(e)
del Box.__contains__
print("y" in b)
Box.__iter__ = None
try:
    iter(b)
except TypeError as e:
    print(e)
del Box.__len__, Box.__getitem__, Box.__call__, Box.__iter__
try:
    len(b)
except TypeError as e:
    print(e)


# A subclass sees what is set on its base later.
class Sub(Box):
    pass


s = Sub()
Box.__repr__ = lambda self: "<a box>"
print(repr(s), str(s), [s])
Box.__hash__ = None
try:
    hash(s)
except TypeError as e:
    print(e)
Sub.__hash__ = lambda self: 42
print(hash(s), hash(Sub()))


# Built-in bases: their protocol until overridden, and again after.
class L(list):
    pass


l = L([1, 2, 3])
print(l[0], len(l), 2 in l, l == [1, 2, 3], l < [1, 3])
L.__getitem__ = lambda self, i: "overridden"
L.__len__ = lambda self: 99
print(l[0], len(l), list(l))
del L.__getitem__, L.__len__
print(l[0], len(l))


# Comparisons: any result object, `!=` from `__eq__`, reflected first for
# a subclass.
class Vec:
    def __init__(self, *xs):
        self.xs = xs

    def __eq__(self, other):
        print("eq", self.xs, getattr(other, "xs", other))
        return ("elementwise", self.xs)


v = Vec(1, 2)
print(v == 3)
print(v != Vec(1, 2))


class Sized:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        return "Sized.lt"


class Bigger(Sized):
    def __gt__(self, other):
        return "Bigger.gt"


print(Sized(1) < Bigger(2), Sized(1) < Sized(2))
Sized.__le__ = lambda self, other: "Sized.le"
print(Sized(1) <= 5, Bigger(1) <= Sized(2))
try:
    5 <= object()
except TypeError as e:
    print(e)
