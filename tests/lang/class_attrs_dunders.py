# class attrs dunders
class A:
    """Docstring of A."""
    x = 1
    def m(self): pass
print(A.__name__, A.__qualname__, A.__module__, A.__doc__, sorted(k for k in A.__dict__ if not k.startswith("__")))
a = A()
a.y = 2
print(a.__dict__, a.__class__ is A, type(a).__name__, vars(a), A.__bases__, isinstance(A, type))
class Outer:
    class Inner:
        def meth(self): pass
print(Outer.Inner.__qualname__, Outer.Inner.meth.__qualname__, Outer.Inner().meth.__name__)
print(repr(A).startswith("<class '__main__.A'>"), str(A) == repr(A), repr(a).startswith("<__main__.A object at 0x"))
print(A.m, A().m.__func__ is A.m) if False else print(A.m.__name__, A().m.__func__ is A.m)
A.z = 3
print(a.z, hasattr(A, "z"))
del A.z
print(hasattr(a, "z"))
class WithRepr:
    def __repr__(self): return "WR"
    def __str__(self): return "wr-str"
w = WithRepr()
print(w, repr(w), str(w), [w], f"{w}", f"{w!r}", "%s %r" % (w, w))
class OnlyRepr:
    def __repr__(self): return "OR"
print(str(OnlyRepr()), OnlyRepr(), format(OnlyRepr()))
class Eq:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == getattr(o, "v", None)
try:
    hash(Eq(1))
except TypeError as e:
    print("TypeError:", e)
print(Eq(1) == Eq(1), Eq(1) != Eq(2), Eq(1) in [Eq(1)], [Eq(2)].index(Eq(2)))
