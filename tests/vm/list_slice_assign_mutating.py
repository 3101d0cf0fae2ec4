# Slice assignment whose iterable changes the list while it is read.
l = list(range(10))
def g():
    l.clear()
    yield 1
    yield 2
l[2:8] = g()
print(l)
l = list(range(10))
def h():
    del l[3:]
    yield from 'abc'
l[::3] = h()
print(l)


class Clearing:
    def __init__(self, target, value):
        self.target, self.value = target, value

    def __index__(self):
        self.target.clear()
        return self.value


l = list(range(10))
print(l[Clearing(l, 2):Clearing(l, 8)])
l = list(range(10))
try:
    print(l[Clearing(l, 3)])
except IndexError as e:
    print("IndexError", e)
