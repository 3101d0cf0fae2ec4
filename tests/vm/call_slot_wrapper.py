# Types with a call slot have __call__, so a subclass can reach it through super().
import functools
import weakref


class Ref(weakref.ref):
    def __call__(self):
        target = super().__call__()
        return ("via subclass", target)


class A:
    pass


a = A()
r = Ref(a)
print(r()[0], r()[1] is a)
print((lambda x: x + 1).__call__(2), functools.partial(max, 1).__call__(5))
print(type(len).__call__(len, "ab"), weakref.ref(a).__call__() is a)
print(hasattr(weakref.ref, "__call__"), hasattr(type(print), "__call__"))
