# Operator methods of one class on two of its instances: results,
# NotImplemented, errors inside, and subclasses.
class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, o):
        return V(self.x + o.x)

    def __mul__(self, o):
        if not isinstance(o, V):
            return NotImplemented
        return self.x * o.x

    def __sub__(self, o):
        return NotImplemented

    def __truediv__(self, o):
        return self.x / o.x

    def __pow__(self, o):
        return NotImplemented

    def __repr__(self):
        return f"V({self.x})"


acc = V(0)
for i in range(5):
    acc = acc + V(i)
print(acc, V(3) * V(4), V(2) * 3 if False else "skip")
for expr in ("V(1) - V(2)", "V(1) ** V(2)", "V(1) / V(0)", "V(1) * 2"):
    try:
        print(eval(expr))
    except (TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)


class W(V):
    def __add__(self, o):
        return "W.__add__"


print(W(1) + W(2), V(1) + W(2), W(1) + V(2))


def chain(n):
    v = V(1)
    for _ in range(n):
        v = v + v
    return v.x


print(chain(20))


class Deep:
    def __add__(self, o):
        return self + o


try:
    Deep() + Deep()
except RecursionError as e:
    print("RecursionError", e)
v = V(5)
v += V(1)
print(v)
