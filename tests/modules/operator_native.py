# operator functions and getters natively: their errors, reprs, pickling.
import operator, pickle, copy
from operator import itemgetter, attrgetter, methodcaller
print(operator.add(1, 2), operator.concat([1], [2]), operator.index(True), operator.length_hint(iter([1,2,3])), operator.length_hint(5, 7))
for f, args in [(operator.index, (1.5,)), (operator.concat, (1, 2)), (operator.add, (1,)), (operator.indexOf, ([1], 2)), (itemgetter, ()), (attrgetter, (1,)), (operator.length_hint, (5, "x")), (itemgetter(1), ()), (itemgetter(1), (1, 2))]:
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__, e)
g = itemgetter(1, 'a')
print(g, attrgetter('a.b', 'c'), methodcaller('m', 1, k=2))
print(itemgetter(1)([5, 6]), itemgetter(0, 2)("abc"), sorted([(1, 'b'), (0, 'a')], key=itemgetter(1)))
class P: pass
p = P(); p.a = P(); p.a.b = 3; p.c = 4
print(attrgetter('a.b', 'c')(p), attrgetter('c')(p))
print(pickle.loads(pickle.dumps(g)), copy.copy(attrgetter('x')))
print(operator.countOf([1, 2, 1, 1.0], 1), operator.indexOf("abc", "c"), operator.is_(None, None), operator.truth([]))
print(operator.call(max, 1, 5, key=lambda x: -x))
l = [1]; print(operator.iadd(l, [2]) is l, l)
print(type(itemgetter).__name__, itemgetter.__module__, operator.itemgetter is itemgetter)
try:
    class X(itemgetter): pass
except TypeError as e: print("TypeError", e)

class Hint:
    def __init__(self, value):
        self.value = value
    def __length_hint__(self):
        if isinstance(self.value, type):
            raise self.value
        return self.value
for v in (TypeError, 4, NotImplemented, -1, "x"):
    try:
        print(operator.length_hint(Hint(v), 12))
    except Exception as e:
        print(type(e).__name__, e)

# concat and iconcat: built-in sequences, or two sequences that add.
import collections
class S:
    def __getitem__(self, i): return i
    def __add__(self, o): return 'added'
    def __iadd__(self, o): return 'iadded'
for a, b in [(collections.UserDict(), [1]), ({}, [1]), (S(), 1), (S(), S()), (S(), [1]), ([1], (2,)), ("a", "b"), (collections.deque([1]), [2]), (1, 2)]:
    for f in (operator.concat, operator.iconcat):
        try: print(f(a, b))
        except TypeError as e: print("TypeError", e)
