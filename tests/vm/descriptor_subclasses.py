class A:
    @property
    def x(self):
        raise AttributeError("no x")

    def __getattr__(self, name):
        return f"fallback for {name}"


for _ in range(3):
    print(A().x)


class B:
    __slots__ = ("s",)

    def __getattr__(self, name):
        return "slot fallback"


b = B()
for _ in range(3):
    print(b.s)
b.s = 1
print(b.s)


class LoggedProp(property):
    def __get__(self, obj, cls=None):
        print("custom __get__")
        return super().__get__(obj, cls)


class C:
    @LoggedProp
    def v(self):
        return 7


c = C()
print(c.v, c.v)


class Validated(property):
    def __set__(self, obj, value):
        if value < 0:
            raise ValueError("negative")
        super().__set__(obj, value)


class D:
    def _get(self):
        return self._v

    def _set(self, v):
        self._v = v

    v = Validated(_get, _set)


d = D()
d.v = 5
print(d.v)
try:
    d.v = -1
except ValueError as e:
    print("ValueError", e)
print(d.v, type(D.__dict__["v"]).__name__)
