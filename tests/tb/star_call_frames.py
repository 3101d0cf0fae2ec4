# Functions reached through *args/**kwargs calls and bound method
# objects run as frames of the loop: their tracebacks, generators,
# recursion limit and argument errors are as for plain calls.
import sys


class C:
    def __init__(self, k):
        self.k = k

    def method(self, x, *rest, scale=1, **extra):
        return (self.k + x + sum(rest)) * scale + len(extra)

    def gen(self, n):
        for i in range(n):
            yield i * self.k

    def fail(self, x):
        return x / 0


def wrapper(fn, *args, **kwargs):
    return fn(*args, **kwargs)


c = C(2)
bound = c.method
print(bound(1), bound(1, 2, 3, scale=2, tag=1), wrapper(bound, 5, scale=3))
print(list(wrapper(c.gen, 3)), list(c.gen(2)))
try:
    bound()
except TypeError as e:
    print("TypeError:", e)
try:
    wrapper(bound, 1, 2, scale=1, scale2=2, **{"x": 1})
except TypeError as e:
    print("TypeError:", e)


def deep(n):
    return deep(*(n + 1,))


try:
    deep(0)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(200)
f = c.fail
wrapper(f, 1)
