# Properties read in loops: values, errors inside getters, getters that
# change, subclasses overriding, and deep recursion through getters.
class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

    @property
    def norm2(self):
        return self.x * self.x + self.y * self.y


class Named:
    def __init__(self, name):
        self._name = name

    @property
    def name(self):
        if not self._name:
            raise ValueError("no name")
        return self._name.title()


vs = [Vec(i, i + 1) for i in range(4)]
print([v.norm2 for v in vs], sum(v.norm2 for v in vs))
people = [Named("ann lee"), Named("bo"), Named("")]
for p in people:
    try:
        print(p.name)
    except ValueError as e:
        print("ValueError", e)
Named.name = property(lambda self: "replaced")
print([p.name for p in people])


class Base:
    @property
    def kind(self):
        return "base"


class Child(Base):
    @property
    def kind(self):
        return "child of " + super().kind


print([o.kind for o in (Base(), Child(), Base())])


class Chain:
    def __init__(self, n):
        self.n = n

    @property
    def depth(self):
        return 0 if self.n == 0 else 1 + Chain(self.n - 1).depth


print(Chain(100).depth)
try:
    Chain(10000).depth
except RecursionError as e:
    print("RecursionError", e)


class Gen:
    @property
    def values(self):
        return [i for i in range(3)]


print(Gen().values, Gen.values.fget.__name__)
