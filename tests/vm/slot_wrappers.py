# The dunders built-in types derive from their protocol slots: which types
# have them in their own namespace, how they check their arguments, and
# that they run the type's own protocol on subclass instances.
import sys

types = [bytes, bytearray, str, list, tuple, dict, set, frozenset, range,
         type({}.keys()), type({}.values()), type({}.items()),
         type(iter([])), type(iter(range(3))), type(iter({})),
         type((x for x in [])), int, float, complex, type(sys.version_info)]
names = ('__repr__', '__len__', '__getitem__', '__setitem__', '__delitem__',
         '__contains__', '__iter__', '__next__')
for t in types:
    print(t.__name__, [n for n in names if n in t.__dict__])

objs = ["s", b"b", bytearray(b"x"), [1], (1,), {1: 2}, {1}, frozenset(),
        range(3), {}.keys(), {}.values(), {}.items(), type.__dict__,
        sys.version_info]
for o in objs:
    t = type(o)
    for n in names:
        m = t.__dict__.get(n)
        if m is None:
            continue
        for args in ((), (1, 2, 3)):
            try:
                m(o, *args)
            except TypeError as e:
                print(t.__name__, n, len(args), e)
try:
    list.__getitem__([], a=1)
except TypeError as e:
    print(e)
try:
    str.__getitem__("abc", a=1)
except TypeError as e:
    print(e)

class L(list):
    def __getitem__(self, i):
        return "overridden"
    def __len__(self):
        return 99

l = L([1, 2, 3])
print(l[0], len(l), list.__getitem__(l, 0), list.__len__(l), repr(l))
print(tuple.__repr__(sys.version_info)[:1], repr(sys.version_info)[:12])
print(str.__getitem__("abc", 1), bytes.__getitem__(b"abc", 1),
      bytearray.__len__(bytearray(b"ab")), range.__contains__(range(5), 3))
print({}.keys().__len__(), {1: 2}.items().__contains__((1, 2)))
print(next(iter([5])), iter([6]).__next__(), type(iter("ab")).__name__)
