# One attribute instruction in a base-class method sees many subclasses:
# plain instance attributes at different dict positions, a subclass that
# makes the name a property, one with __slots__, one with __getattr__,
# and instances whose dicts change shape between calls.


class Base:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v

    def bump(self):
        self.v = self.v + 1
        return self.v


class A(Base):
    pass


class B(Base):
    def __init__(self, v):
        self.extra = "b"
        super().__init__(v)


class C(Base):
    def __init__(self, v):
        self.a1 = self.a2 = self.a3 = 0
        super().__init__(v)


class D(Base):
    @property
    def v(self):
        return "prop"

    @v.setter
    def v(self, value):
        self._v = value


class E(Base):
    __slots__ = ()


class F(Base):
    def __getattr__(self, name):
        return "missing " + name


class G(Base):
    pass


objs = [A(1), B(2), C(3), D(4), E(5), F(6), G(7)]
for round_ in range(3):
    print([o.get() for o in objs])
    print([o.bump() if not isinstance(o, D) else o._v for o in objs])

# Positions move: delete and re-add attributes between reads.
a = A(10)
a.w = 1
print(a.get())
del a.v
a.v = 11
print(a.get(), a.w)
del a.v
try:
    a.get()
except AttributeError as e:
    print("AttributeError:", e)
f = F(0)
del f.v
print(f.get())
# A class changed after the cache filled.
Base.v = "class attr"
a2 = A(5)
del a2.v
print(a2.get())
G.v = property(lambda self: "G prop")
print([o.get() for o in objs])
