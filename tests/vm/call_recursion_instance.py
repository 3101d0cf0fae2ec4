# A class whose __call__ is one of its own instances: calling recurses
# without Python frames, and ends in RecursionError as in CPython.
class A:
    pass

A.__call__ = A()
try:
    A()()
except RecursionError as e:
    print("RecursionError", e)

class Counter:
    def __init__(self):
        self.n = 0
    def __call__(self, x):
        self.n += x
        return self.n
c = Counter()
print(c(2), c(3))
