# A metaclass __call__ that is no descriptor (a class, say) is called
# without the class being called, as typing's TypedDict relies on.
from typing import TypedDict


class Meta(type):
    __call__ = dict


class Rec(metaclass=Meta):
    pass


print(Rec(a=1), type(Rec(a=1)).__name__)


class Counting(type):
    calls = 0

    def __call__(cls, *args, **kwargs):
        Counting.calls += 1
        return super().__call__(*args, **kwargs)


class Point(metaclass=Counting):
    def __init__(self, x, y=0):
        self.x, self.y = x, y


p = Point(1, y=2)
print(p.x, p.y, Counting.calls)
Emp = TypedDict("Emp", {"name": str, "id": int})
e = Emp(name="x", id=1)
print(e, type(e).__name__, issubclass(Emp, dict))
