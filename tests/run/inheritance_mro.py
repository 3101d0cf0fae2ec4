# Multiple inheritance, MRO, super in various forms, __init_subclass__, __class_getitem__.
class A:
    def __init__(self): print("A init"); super().__init__()
    def f(self): return ["A"]
class B(A):
    def __init__(self): print("B init"); super().__init__()
    def f(self): return ["B"] + super().f()
class C(A):
    def __init__(self): print("C init"); super().__init__()
    def f(self): return ["C"] + super().f()
class D(B, C):
    def __init__(self): print("D init"); super().__init__()
    def f(self): return ["D"] + super(D, self).f()
d = D()
print(d.f(), [c.__name__ for c in D.__mro__])
try:
    class X(A, B): pass
except TypeError as e:
    print("TypeError:", e)
class Base:
    registry = {}
    def __init_subclass__(cls, key=None, **kwargs):
        super().__init_subclass__(**kwargs)
        if key: Base.registry[key] = cls.__name__
class One(Base, key="one"): pass
class Two(Base, key="two"): pass
print(Base.registry)
class Generic:
    def __class_getitem__(cls, item): return f"{cls.__name__}[{item.__name__}]"
print(Generic[int])
class Shape:
    def area(self): raise NotImplementedError
    def describe(self): return f"{type(self).__name__} with area {self.area()}"
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
print(Sq(3).describe(), isinstance(Sq(1), Shape), issubclass(Sq, (int, Shape)))
try:
    Shape().describe()
except NotImplementedError:
    print("not implemented")
class Meta(type):
    def __call__(cls, *a, **k):
        print("Meta.__call__", cls.__name__)
        return super().__call__(*a, **k)
    def __repr__(cls): return f"<Meta class {cls.__name__}>"
class WithMeta(metaclass=Meta):
    def __init__(self, x): self.x = x
w = WithMeta(5)
print(w.x, WithMeta, type(WithMeta))
class Singleton:
    _inst = None
    def __new__(cls, *args):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v): self.v = v
s1 = Singleton(1); s2 = Singleton(2)
print(s1 is s2, s1.v)
class IntSub(int):
    def __repr__(self): return f"IntSub({int(self)})"
i = IntSub(5)
print(i, i + 1, type(i + 1).__name__, i * 2, isinstance(i, int), int(i), hash(i) == hash(5))
class ListSub(list):
    def append(self, x): super().append(x * 10)
ls = ListSub([1])
ls.append(2)
print(ls, len(ls), type(ls).__name__, ls + [3], isinstance(ls, list))
class DictSub(dict):
    def __missing__(self, key): return f"missing {key}"
ds = DictSub(a=1)
print(ds["a"], ds["zz"], ds.get("zz"), dict(ds))
class StrSub(str):
    def shout(self): return self.upper() + "!"
print(StrSub("hey").shout(), StrSub("a") + "b", len(StrSub("abc")))
print(object.__subclasses__ is not None, [c.__name__ for c in A.__subclasses__()])
