# Class machinery: class attributes vs instance, classmethod/staticmethod,
# properties with setters/deleters, __slots__, __init_subclass__,
# __set_name__, __class_getitem__, metaclasses, MRO.
class Base:
    registry = []

    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Base.registry.append(cls.__name__)

    @classmethod
    def create(cls, *args):
        return cls(*args)

    @staticmethod
    def helper(x):
        return x * 2

    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item}]"


class A(Base, tag="a"):
    def __init__(self, v=0):
        self._v = v

    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, new):
        if new < 0:
            raise ValueError("negative")
        self._v = new

    @v.deleter
    def v(self):
        print("deleting v")
        del self._v


class B(A, tag="b"):
    pass


print(Base.registry, A.tag, B.tag, B.create(5).v, A.helper(4), B.helper(1), A[int], B["x"])
a = A(1)
a.v = 10
print(a.v)
try:
    a.v = -1
except ValueError as e:
    print("ValueError", e)
del a.v
print(hasattr(a, "_v"), type(A.__dict__["v"]).__name__, A.v.fget.__name__)


class Named:
    def __set_name__(self, owner, name):
        self.name = f"{owner.__name__}.{name}"

    def __get__(self, obj, objtype=None):
        return self.name if obj is None else f"bound {self.name}"


class Holder:
    first = Named()
    second = Named()


print(Holder.first, Holder().second)


class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["made_by"] = mcls.__name__
        return super().__new__(mcls, name, bases, ns)

    def __call__(cls, *args, **kwargs):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args, **kwargs)

    def __repr__(cls):
        return f"<class via Meta {cls.__name__}>"


class WithMeta(metaclass=Meta):
    def __init__(self, x):
        self.x = x


w = WithMeta(3)
print(w.x, WithMeta.made_by, type(WithMeta).__name__, repr(WithMeta), isinstance(WithMeta, Meta))


class X: pass
class Y(X): pass
class Z(X): pass
class W(Y, Z): pass


print([c.__name__ for c in W.__mro__], W.mro() == list(W.__mro__), issubclass(W, X))
try:
    class Bad(X, Y): pass
except TypeError as e:
    print("TypeError", e)


class Slotted:
    __slots__ = ("a",)


s = Slotted()
s.a = 1
print(s.a, hasattr(s, "__dict__"), Slotted.__slots__)
print(A.__name__, A.__qualname__, A.__module__, A.__bases__, B.__base__.__name__)
print(sorted(k for k in vars(A) if not k.startswith("__")))
