# Operators on user classes: reflected operands, NotImplemented, in-place
# forms falling back to the binary ones, comparisons and their mirrors.
class V:
    def __init__(self, *xs):
        self.xs = xs

    def __repr__(self):
        return "V" + repr(self.xs)

    def __add__(self, o):
        if isinstance(o, V):
            return V(*(a + b for a, b in zip(self.xs, o.xs)))
        if isinstance(o, (int, float)):
            return V(*(a + o for a in self.xs))
        return NotImplemented

    __radd__ = __add__

    def __mul__(self, k):
        if not isinstance(k, (int, float)):
            return NotImplemented
        return V(*(a * k for a in self.xs))

    def __rmul__(self, k):
        return self * k

    def __neg__(self):
        return V(*(-a for a in self.xs))

    def __abs__(self):
        return sum(a * a for a in self.xs) ** 0.5

    def __eq__(self, o):
        return isinstance(o, V) and self.xs == o.xs

    def __lt__(self, o):
        return abs(self) < abs(o)

    def __matmul__(self, o):
        return sum(a * b for a, b in zip(self.xs, o.xs))

    def __bool__(self):
        return any(self.xs)

    def __len__(self):
        return len(self.xs)


a, b = V(1, 2), V(3, 4)
print(a + b, a + 1, 1 + a, a * 3, 3 * a, -a, abs(b), a @ b)
print(a == V(1, 2), a != b, a < b, b > a, sorted([b, a]))
print(bool(V(0, 0)), bool(a), len(a))
c = a
c += b
print(c, a, c is a)
c *= 2
print(c)
try:
    a * "x"
except TypeError as e:
    print(e)
try:
    "x" + a
except TypeError as e:
    print(e)
try:
    a <= b
except TypeError as e:
    print(e)


class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, x):
        self.items.append(x)
        return self


acc = Acc()
before = acc
acc += 1
acc += 2
print(acc.items, acc is before)


class Left:
    def __add__(self, o):
        return "Left.__add__"


class Right(Left):
    def __radd__(self, o):
        return "Right.__radd__"


print(Left() + Right())
print(Left() + Left())


class Num:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


print([10, 20, 30][Num(1)], bin(Num(5)), "abc"[Num(2)], range(10)[Num(3)])
print(divmod(7, 2), divmod(-7, 2), pow(2, 10), pow(2, 10, 1000), pow(3, -1, 7))
