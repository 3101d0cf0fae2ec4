# Instantiating a class with abstract methods names them as CPython 3.11
# does (sorted, unquoted).
import abc


class One(abc.ABC):
    @abc.abstractmethod
    def only(self): ...


class Two(abc.ABC):
    @abc.abstractmethod
    def g(self): ...

    @property
    @abc.abstractmethod
    def f(self): ...


class Done(Two):
    def g(self):
        return "g"

    f = property(lambda self: "f")


for cls in (One, Two):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)
d = Done()
print(d.g(), d.f, sorted(Two.__abstractmethods__))
