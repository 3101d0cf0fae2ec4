# functools.partial, reduce and cmp_to_key as CPython's C versions behave:
# flattening, reprs, read-only attributes, pickling and copying, no frame
# of their own in tracebacks; unhashable key wrappers and deques; errors
# in __set_name__ reported as 3.11 does.
import collections
import collections.abc
import copy
import functools
import pickle
import traceback


def show(*a, **k):
    return a, k


class P(functools.partial):
    pass


p = P(show, 1, x=2)
print(repr(p).startswith("P(<function show"), repr(functools.partial(len, "a", b=[1])))
flat = functools.partial(p, 3)
print(flat.args, flat.func is show, type(flat).__name__)
kept = functools.partial(show, 1)
kept.attr = 5
print(functools.partial(kept, 2).args, kept.__dict__)
print(functools.partial(show, 1, a=1)(2, a=3, b=4))
for bad in [lambda: functools.partial(), lambda: functools.partial(1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
try:
    functools.partial(show).func = len
except AttributeError as e:
    print("AttributeError:", e)
print(functools.partial[int], functools.partial.__module__)
r = functools.partial(show)
r.__setstate__((show, (1,), {"a": 1}, None))
print(r.args, r.keywords, r.__dict__)
try:
    r.__setstate__((show,))
except TypeError as e:
    print("TypeError:", e)
pp = pickle.loads(pickle.dumps(functools.partial(max, 1, key=abs)))
print(pp(-5, 3), pp.keywords)
f = functools.partial(show, ["x"], k=[1])
f.attr = []
c = copy.copy(f)
print(c.args is f.args, c.keywords is f.keywords, c.attr is f.attr)
d = copy.deepcopy(f)
print(d.args is f.args, d.args == f.args)
bad_kw = functools.partial(show)
bad_kw.keywords[1234] = "value"
print("1234" in repr(bad_kw))
try:
    bad_kw()
except TypeError as e:
    print("TypeError:", e)


def fails(x):
    raise ValueError(x)


try:
    functools.partial(fails, "no frame of its own")()
except ValueError as e:
    print([fr.name for fr in traceback.extract_tb(e.__traceback__)])

print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(max, [], "start"))
for bad in [lambda: functools.reduce(max, []), lambda: functools.reduce(max, 5)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
key = functools.cmp_to_key(lambda a, b: (a > b) - (a < b))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)), key(obj=3).obj,
      key(1) < key(2), key(2) == key(2))
print(isinstance(key(1), collections.abc.Hashable), isinstance(collections.deque(), collections.abc.Hashable),
      collections.deque.__hash__, type(key).__name__)
try:
    hash(key(1))
except TypeError as e:
    print("TypeError:", e)


class Named:
    def __set_name__(self, owner, name):
        raise ValueError("refused " + name)


try:
    class Owner:
        attr = Named()
except RuntimeError as e:
    print("RuntimeError:", e, repr(e.__cause__))
