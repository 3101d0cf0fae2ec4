# Descriptors, properties, class/static methods, __getattr__/__getattribute__/__setattr__/__delattr__.
class Typed:
    def __init__(self, kind): self.kind = kind
    def __set_name__(self, owner, name): self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None: return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}")
        setattr(obj, self.name, value)
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age): self.name, self.age = name, age
p = Person("ann", 30)
print(p.name, p.age, type(Person.name).__name__)
try:
    p.age = "old"
except TypeError as e:
    print(e)
class Logged:
    def __getattribute__(self, name):
        if name.startswith("secret"):
            raise AttributeError(f"no access to {name}")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return f"fallback:{name}"
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
lg = Logged()
lg.x = 5
print(lg.x, lg.missing, lg.secret_key)
del lg.x
print(lg.x)
class CM:
    count = 0
    @classmethod
    def inc(cls): cls.count += 1; return cls.count
    @staticmethod
    def add(a, b): return a + b
    @property
    def doubled(self): return self.count * 2
class CM2(CM): pass
print(CM.inc(), CM2.inc(), CM.count, CM2.count, CM.add(1, 2), CM().add(3, 4), CM2().doubled)
print(type(CM.__dict__["inc"]).__name__, type(CM.__dict__["add"]).__name__, isinstance(CM.doubled, property))
class RO:
    @property
    def v(self): return 1
try:
    RO().v = 2
except AttributeError as e:
    print("AttributeError:", e)
class Bound:
    def m(self): return self
b = Bound()
bm = b.m
print(bm() is b, bm.__self__ is b, bm.__func__ is Bound.m, Bound.m(b) is b, type(bm).__name__)
print(b.m == b.m, b.m is b.m)
class WithSlots:
    __slots__ = ("x",)
w = WithSlots()
try:
    w.x
except AttributeError as e:
    print("AttributeError:", e)
w.x = 3
print(w.x, WithSlots.x.__class__.__name__)
class Chain:
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d.get(k, k * 2)
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __len__(self): return len(self.d)
    def __contains__(self, k): return k in self.d
c = Chain(); c[1] = "one"; print(c[1], c[5], len(c), 1 in c, 2 in c); del c[1]; print(len(c))
