# Classes: inheritance, super, class/static methods, properties, dunders, MRO.
class Animal:
    kind = "animal"
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return f"{self.name} makes a sound"
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"
    @classmethod
    def create(cls, name):
        return cls(name)
    @staticmethod
    def helper(x):
        return x * 2
class Dog(Animal):
    kind = "dog"
    def speak(self):
        return super().speak() + " (woof)"
d = Dog.create("rex")
print(d, d.speak(), d.kind, Animal.kind, Animal.count, Dog.helper(4), d.helper(5), isinstance(d, Animal))
print(Dog.__mro__, Dog.__bases__, Dog.__name__, Dog.__qualname__, type(d) is Dog, issubclass(Dog, object))
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @c.deleter
    def c(self):
        print("deleting")
t = Temp(); t.c = 25; print(t.c)
try:
    t.c = -300
except ValueError as e:
    print("error:", e)
del t.c
class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class D(B, C):
    def who(self): return "D" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__], D.mro()[1].__name__)
class Vec:
    def __init__(self, x, y): self.x, self.y = x, y
    def __add__(self, o): return Vec(self.x + o.x, self.y + o.y)
    def __mul__(self, k): return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __eq__(self, o): return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
    def __len__(self): return 2
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __iter__(self): return iter((self.x, self.y))
    def __bool__(self): return bool(self.x or self.y)
    def __lt__(self, o): return (self.x, self.y) < (o.x, o.y)
    def __repr__(self): return f"Vec({self.x}, {self.y})"
    def __call__(self, z): return self.x + self.y + z
    def __contains__(self, v): return v in (self.x, self.y)
    def __neg__(self): return Vec(-self.x, -self.y)
v = Vec(1, 2)
print(v + Vec(3, 4), v * 3, 2 * v, v == Vec(1, 2), v != Vec(0, 0), len(v), v[1], list(v), bool(Vec(0, 0)), -v)
print(sorted([Vec(2, 0), Vec(1, 5)]), v(10), 2 in v, {v: 1}[Vec(1, 2)], max(Vec(1, 1), Vec(0, 9)))
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self): self.a = 1
s = Slotted()
print(s.a, hasattr(s, "b"), hasattr(s, "__dict__"))
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", e)
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcls, name, bases, ns)
class Tagged(metaclass=Meta):
    pass
print(Tagged.tag, type(Tagged).__name__, type(Tagged) is Meta)
class Base:
    subclasses = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        Base.subclasses.append((cls.__name__, kw))
class Sub(Base, flag=1): pass
print(Base.subclasses)
class Desc:
    def __set_name__(self, owner, name): self.name = name
    def __get__(self, obj, owner): return f"desc {self.name} on {owner.__name__}" if obj is None else obj.__dict__.get(self.name, 0) * 10
    def __set__(self, obj, value): obj.__dict__[self.name] = value
class UsesDesc:
    attr = Desc()
u = UsesDesc(); u.attr = 4
print(u.attr, UsesDesc.attr)
class Dyn:
    def __getattr__(self, name): return name.upper()
print(Dyn().hello, getattr(Dyn(), "x"))
print(type("Made", (object,), {"v": 5})().v, Animal.__dict__["kind"], "speak" in dir(Dog))
