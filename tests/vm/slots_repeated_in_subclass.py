# A class whose __slots__ repeat a base's names (as the pure-Python
# datetime's `date.__slots__ + time.__slots__` do), then a subclass of it
# without __slots__: every member keeps its place.
class D:
    __slots__ = ('_year', '_month', '_day', '_hashcode')

class T:
    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_hashcode', '_fold')

class DT(D):
    __slots__ = D.__slots__ + T.__slots__

    def __new__(cls, y):
        self = object.__new__(cls)
        self._year = y
        self._fold = 0
        self._hashcode = -1
        self._tzinfo = None
        return self

class Sub(DT):
    pass

s = Sub(5)
s.extra = "dict"
print(s._year, s._fold, s._hashcode, s._tzinfo, s.extra)
D._hashcode.__set__(s, 7)
print(D._hashcode.__get__(s), DT._hashcode.__get__(s))
print(sorted(n for n in dir(Sub) if n.startswith("_") and not n.startswith("__")))
