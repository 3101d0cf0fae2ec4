class Countdown:
    def __init__(self, start):
        self.n = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


print(list(Countdown(3)), sum(Countdown(4)), [x for x in Countdown(2)], 2 in Countdown(3))


class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10


print(list(Seq()), list(reversed([1, 2])), 20 in Seq(), iter(Seq()).__class__.__name__)


class Pair:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __iter__(self):
        yield self.a
        yield self.b

    def __len__(self):
        return 2

    def __contains__(self, x):
        return x == "special"


x, y = Pair(1, 2)
print(x, y, list(Pair("p", "q")), len(Pair(0, 0)), "special" in Pair(0, 0), 1 in Pair(1, 2))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
try:
    iter(5)
except TypeError as e:
    print("TypeError", e)


class BadIter:
    def __iter__(self):
        return 5


try:
    iter(BadIter())
except TypeError as e:
    print("TypeError", e)
e = enumerate(Countdown(2))
print(next(e), list(e))
import sys
print(sys.version_info[:2] >= (3, 11), sys.implementation.name in ("cpython", "krait"), type(sys.maxsize).__name__)
