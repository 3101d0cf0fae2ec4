# Errors raised inside fused operator forms are located at the right
# instruction: the unbound local, or the operator.


class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        return V(self.x + getattr(other, "x", other))

    def __mul__(self, other):
        return NotImplemented


def local_then_const(n):
    r = n + 1
    r = r + 2
    return r


def two_locals(a, b):
    c = a - b
    return c


def unbound_second(flag):
    if flag:
        b = 1
    a = 2
    return a + b


def unbound_first(flag):
    if flag:
        a = 1
    return a * 3


print(local_then_const(4), local_then_const(V(1)).x, two_locals(10, 3))
print(unbound_second(True))
try:
    unbound_second(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
try:
    unbound_first(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
try:
    two_locals("a", 1)
except TypeError as e:
    print("TypeError:", e)
try:
    local_then_const(V(2)) * V(3)
except TypeError as e:
    print("TypeError:", e)


def chain(x):
    total = x + 1
    total = total * V(0)
    return total


chain(V(5))
