class Plain:
    pass


a, b = Plain(), Plain()
print(a == a, a == b, a != b, hash(a) == hash(a), a.__eq__(b), a.__ne__(a))
print(str(a).startswith("<__main__.Plain object at 0x"), repr(a) == str(a), Plain.__repr__ is object.__repr__)


class EqOnly:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, EqOnly) and self.v == other.v


print(EqOnly(1) == EqOnly(1), EqOnly(1) != EqOnly(2), EqOnly.__hash__ is None)
try:
    {EqOnly(1)}
except TypeError as e:
    print("TypeError", e)


class Ordered:
    def __init__(self, v):
        self.v = v

    def __lt__(self, o):
        return self.v < o.v


print(Ordered(1) < Ordered(2), Ordered(3) > Ordered(2))
try:
    Ordered(1) <= Ordered(2)
except TypeError as e:
    print("TypeError", e)
o = object()
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError", e)
print(object.__name__, object.__bases__, type.__bases__, type(type), type(object), isinstance(object, type))
print(dir(a) == sorted(dir(a)), "__init__" in dir(a), a.__class__ is Plain, Plain.__dict__["__module__"])
print(a.__sizeof__() > 0, Plain.__doc__, EqOnly.__init__.__qualname__, Plain().__dict__, vars(EqOnly(3)))
print(isinstance(a, object), issubclass(Plain, object), Plain.__mro__, object.__subclasshook__() is NotImplemented)
x = [1, 2]
y = x
z = [1, 2]
print(x is y, x is z, x == z, id(x) == id(y), id(x) != id(z), None is None)
