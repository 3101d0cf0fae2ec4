class Typed:
    def __init__(self, kind):
        self.kind = kind

    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}")
        setattr(obj, self.name, value)

    def __delete__(self, obj):
        print("deleting", self.name)
        delattr(obj, self.name)


class Person:
    age = Typed(int)
    name = Typed(str)


p = Person()
p.age = 30
p.name = "Ann"
print(p.age, p.name, vars(p), type(Person.age).__name__)
try:
    p.age = "old"
except TypeError as e:
    print("TypeError", e)
del p.age
print(p.age)


class Dynamic:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        if name.startswith("x_"):
            return name[2:]
        raise AttributeError(f"no {name}")


d = Dynamic()
print(d.real, d.x_hello, getattr(d, "x_y"), hasattr(d, "nope"))


class Logged:
    def __getattribute__(self, name):
        if name.startswith("secret"):
            raise AttributeError("hidden")
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)


lg = Logged()
lg.a = 1
lg.secret_key = 2
print(lg.a, hasattr(lg, "secret_key"))
del lg.a
print(hasattr(lg, "a"))


class Const:
    def __get__(self, obj, objtype=None):
        return 42


class HasConst:
    c = Const()


h = HasConst()
h.__dict__["c"] = "instance wins over non-data descriptor"
print(h.c, HasConst.c)


class Lazy:
    def __init__(self, fn):
        self.fn = fn

    def __get__(self, obj, cls):
        value = self.fn(obj)
        setattr(obj, self.fn.__name__, value)
        return value


class Calc:
    @Lazy
    def total(self):
        print("computing")
        return 99


c = Calc()
print(c.total, c.total)
