# itertools' iterators pickle and copy where they stand, as 3.11's do
# (__reduce__ and __setstate__).
import copy
import pickle
from itertools import (accumulate, chain, compress, count, cycle, dropwhile,
                       filterfalse, islice, repeat, starmap, takewhile, zip_longest)
import operator

def roundtrip(it, advance=2):
    for _ in range(advance):
        next(it, None)
    clone = pickle.loads(pickle.dumps(it))
    copied = copy.copy(it)
    return type(clone).__name__, list(islice(clone, 12)), list(islice(copied, 12))

print(count(5).__reduce__(), count(2.5).__reduce__(), count(1, 3).__reduce__())
print(repeat("x", 3).__reduce__(), repeat("y").__reduce__())
print(repr(pickle.loads(pickle.dumps(count(10, 2)))), next(pickle.loads(pickle.dumps(repeat(7, 2)))))

def small(x):
    return x < 3

def last(x, y):
    return y

cases = [
    lambda: cycle("abc"),
    lambda: accumulate([1, 2, 3, 4]),
    lambda: accumulate([1, 2, 3, 4], operator.mul, initial=10),
    lambda: chain("ab", "cd", "ef"),
    lambda: chain.from_iterable(["xy", "z"]),
    lambda: compress("abcdef", [1, 0, 1, 1, 0, 1]),
    lambda: dropwhile(small, [1, 2, 3, 4, 1, 2]),
    lambda: takewhile(small, [1, 2, 3, 4, 1, 2]),
    lambda: filterfalse(None, [0, 1, 0, 2, 3]),
    lambda: islice("abcdefghij", 1, 9, 2),
    lambda: starmap(pow, [(2, 3), (3, 2), (10, 1)]),
    lambda: zip_longest("abc", "d", fillvalue="-"),
]
for make in cases:
    for advance in (0, 2, 5):
        print(advance, roundtrip(make(), advance))

# A cycle past its first round pickles from its saved items.
c = cycle("xyz")
for _ in range(4):
    next(c)
print(list(islice(pickle.loads(pickle.dumps(c)), 7)))

c = cycle("defg")
c.__setstate__((list("abc"), 0))
print("".join(islice(c, 10)))
for bad in ([list("ab"), 0], (tuple("ab"), 0), (list("ab"), "x")):
    try:
        cycle("d").__setstate__(bad)
    except TypeError as e:
        print("TypeError")
try:
    chain().__setstate__(([1],))
except TypeError as e:
    print("TypeError:", e)
a = accumulate([None, 1], last)
next(a)
print(type(a.__reduce__()[0]).__name__, list(pickle.loads(pickle.dumps(a))))

# The combinatoric iterators keep the indices of the last tuple made.
from itertools import product, permutations, combinations, combinations_with_replacement
combinatoric = [
    lambda: product("ab", range(3)),
    lambda: product("xy", repeat=2),
    lambda: product("ab", ""),
    lambda: permutations("abcd", 2),
    lambda: permutations(range(3)),
    lambda: permutations("ab", 3),
    lambda: combinations("abcde", 3),
    lambda: combinations("ab", 3),
    lambda: combinations_with_replacement("abc", 2),
    lambda: combinations_with_replacement("", 2),
]
for make in combinatoric:
    for advance in (0, 1, 4, 40):
        print(advance, roundtrip(make(), advance))
p = product("ab", "cd")
print(p.__reduce__())
next(p)
print(p.__reduce__())
c = combinations("abcd", 2)
c.__setstate__((5, -3))
print(list(c))
p = permutations("abc", 2)
p.__setstate__(((0, 1, 2), (9, 0)))
print(list(p))
for bad in ((1,), "no"):
    try:
        product("ab", "cd").__setstate__(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# tee passes an iterator that copies itself through: the first result is
# the iterator, the others its copies.
from itertools import tee
a, b = tee("abc")
c, d = tee(a)
print(a is c, list(d), list(b))

class Copyable:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
    def __copy__(self):
        return Copyable(self.n)

it = Copyable(3)
x, y, z = tee(it, 3)
print(x is it, type(y).__name__, list(x), list(y), list(z))

# groupby pickles with its current key, value and target; a group
# pickles with its parent while it is current, and as empty after.
from itertools import groupby
g = groupby("aabbbc")
print(type(g.__reduce__()[1][0]).__name__, len(g.__reduce__()))
key, group = next(g)
print(key, len(g.__reduce__()), g.__reduce__()[2])
clone = pickle.loads(pickle.dumps(g))
print([(k, list(v)) for k, v in clone])
g = groupby("aabbbc")
k1, g1 = next(g)
print(k1, list(pickle.loads(pickle.dumps(g1))))
k2, g2 = next(g)
print(g1.__reduce__()[0].__name__, list(pickle.loads(pickle.dumps(g1))))
both = pickle.loads(pickle.dumps((g, g2)))
print(list(both[1]), [(k, list(v)) for k, v in both[0]])
try:
    g.__setstate__([1, 2, 3])
except TypeError as e:
    print("TypeError:", e)
