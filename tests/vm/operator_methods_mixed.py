class V:
    def __init__(self, x): self.x = x
    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return V(self.x * k)
        return NotImplemented
    def __rmul__(self, k): return self * k
    def __add__(self, o): return NotImplemented
    def __radd__(self, o): return "V.__radd__"
    def __repr__(self): return f"V({self.x})"
class Other:
    def __radd__(self, o): return "Other.__radd__"
    def __rmul__(self, o): return "Other.__rmul__"
class Sub(V):
    def __radd__(self, o): return "Sub.__radd__ first"
print(V(2) * 3, V(2) * 1.5, 3 * V(2), V(1) * Other(), V(1) + Other(), V(1) + Sub(2))
for e in ("V(1) + 5", "V(1) * 'x'", "V(1) * [1]", "V(1) + V(2)", "V(1) * None"):
    try:
        print(eval(e))
    except TypeError as err:
        print("TypeError", err)


class Conv:
    def __init__(self, v):
        self.v = v

    def __sub__(self, other):
        other = "reassigned"
        return NotImplemented

    def __mul__(self, other):
        def uses():
            return other
        if uses() == 0:
            return NotImplemented
        return Conv(self.v * uses())


class Right:
    def __rsub__(self, o):
        return "Right.__rsub__ got " + type(o).__name__

    def __rmul__(self, o):
        return "Right.__rmul__"


print(Conv(1) - Right(), (Conv(2) * 3).v, Conv(1) * Right() if False else "skip")
try:
    Conv(1) * 0
except TypeError as e:
    print("TypeError", e)
