# Binary operators follow a class's operator dunders, also ones set or
# deleted after the class statement, in CPython's order of operands.


class N:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"N({self.v})"


a, b = N(1), N(2)
for attempt in ("a + b", "a * 3", "3 - a", "a @ b"):
    try:
        eval(attempt)
    except TypeError as e:
        print(e)

N.__add__ = lambda self, o: N(self.v + getattr(o, "v", o))
N.__rsub__ = lambda self, o: N(o - self.v)
print(a + b, a + 10, 3 - a)
try:
    10 + a
except TypeError as e:
    print(e)
N.__radd__ = lambda self, o: N(o + self.v)
print(10 + a, sum([a, b], 0))
x = a
x += b
print(x, x is a)
N.__iadd__ = lambda self, o: (setattr(self, "v", self.v + o.v), self)[1]
x = a
x += b
print(x, x is a)
del N.__add__, N.__iadd__
try:
    a + b
except TypeError as e:
    print(e)


# A subclass's reflected method comes first when it overrides it.
class Base:
    def __mul__(self, o):
        return "Base.mul"

    def __rmul__(self, o):
        return "Base.rmul"


class Derived(Base):
    pass


print(Base() * Derived(), 2 * Derived())
Derived.__rmul__ = lambda self, o: "Derived.rmul"
print(Base() * Derived(), Derived() * Base())


# NotImplemented passes the turn; built-in operands decline to classes.
class Declines:
    def __add__(self, o):
        return NotImplemented

    def __radd__(self, o):
        return ("radd", o)


print(Declines() + Declines() if False else "skip", [1] + Declines(), (1,) + Declines())
print("s" + Declines(), b"b" + Declines(), 2.5 + Declines(), (2**80) + Declines())


# Built-in bases keep their operators until overridden.
class L(list):
    pass


print(L([1]) + [2], [0] + L([1]), L([1]) * 2, 2 * L([3]))
L.__add__ = lambda self, o: "L.add"
print(L([1]) + [2], [0] + L([1]))


class Text(str):
    def __mod__(self, o):
        return "Text.mod"


print(Text("%s") % 1, "%s" % Text("x"))
d = {1: 2}
for attempt in ("{1} | d.keys()", "d.keys() | {3}", "d.items() & {(1, 2)}"):
    print(sorted(eval(attempt)))
