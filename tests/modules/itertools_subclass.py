# itertools types are subclassable; keyword arguments reach a subclass's __init__.
import itertools
import operator
from itertools import islice

cases = [
    (itertools.repeat, (1, 2)),
    (itertools.filterfalse, (None, [0, 1])),
    (itertools.chain, ([1, 2], [3, 4])),
    (itertools.starmap, (operator.pow, ((2, 3), (3, 2)))),
    (itertools.islice, ([1, 2, 3, 4], 1, 3)),
    (itertools.takewhile, (lambda x: x % 2 == 0, [2, 3, 4])),
    (itertools.dropwhile, (lambda x: x % 2 == 0, [2, 3, 4])),
    (itertools.cycle, ([1, 2],)),
    (itertools.compress, ("ABC", [1, 0, 1])),
    (itertools.count, (5,)),
    (itertools.accumulate, ([1, 2, 3],)),
    (itertools.pairwise, ("abc",)),
    (itertools.zip_longest, ("ab", "c")),
    (itertools.product, ("ab", "c")),
    (itertools.permutations, ("abc", 2)),
    (itertools.combinations, ("abc", 2)),
    (itertools.groupby, ([1, 1, 2], lambda x: x)),
]
for cls, args in cases:
    class Sub(cls):
        pass
    u = Sub(*args)
    u.extra = 1
    items = [x if cls is not itertools.groupby else x[0] for x in islice(u, 0, 3)]
    print(cls.__name__, type(u) is Sub, items)
    try:
        Sub(*args, newarg=3)
    except TypeError as e:
        print("  TypeError:", e)

for cls, args in cases[1:9]:
    class WithInit(cls):
        def __init__(self, *args, newarg=None):
            self.newarg = newarg
    u = WithInit(*args, newarg=3)
    print(cls.__name__, list(islice(u, 0, 3)), u.newarg)

for helper in [type(next(itertools.groupby("a"))[1]), type(itertools.tee("a")[0])]:
    try:
        class Bad(helper):
            pass
    except TypeError as e:
        print("TypeError:", e)

for call in [lambda: itertools.product("a", a=1), lambda: itertools.product("a", a=1, repeat=2)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
