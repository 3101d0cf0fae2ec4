# Operator dispatch: reflected operands, NotImplemented, in-place operators, comparisons.
class N:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"N({self.v})"
    def __add__(self, o):
        if isinstance(o, N): return N(self.v + o.v)
        if isinstance(o, int): return N(self.v + o)
        return NotImplemented
    def __radd__(self, o):
        print("radd called")
        return N(o + self.v)
    def __iadd__(self, o):
        print("iadd called")
        self.v += o.v if isinstance(o, N) else o
        return self
    def __sub__(self, o): return N(self.v - o.v)
    def __lt__(self, o): return self.v < o.v
    def __eq__(self, o): return isinstance(o, N) and self.v == o.v
    def __hash__(self): return hash(self.v)
    def __matmul__(self, o): return "matmul"
    def __pow__(self, e, mod=None): return N(pow(self.v, e, mod))
    def __floordiv__(self, o): return "floordiv"
    def __rtruediv__(self, o): return "rtruediv"
    def __and__(self, o): return "and"
    def __invert__(self): return "invert"
    def __pos__(self): return "pos"
    def __abs__(self): return "abs"
    def __index__(self): return self.v
class M(N):
    def __radd__(self, o):
        print("M.radd called first")
        return M(99)
a = N(1)
print(a + N(2), a + 5, 5 + a, a - N(1), a < N(2), N(3) > N(1), a == N(1), a != N(1), a @ a, a ** 3)
print(a // 2, 1 / a, a & 1, ~a, +a, abs(a), [10, 20][N(1)], bin(N(5)), pow(N(2), 3, 5))
print(N(1) + M(2))
b = a
b += 1
print(b, a, b is a)
l = [1]; l2 = l; l += [2]; print(l, l2 is l)
t = (1,); t2 = t; t += (2,); print(t, t2)
s = "x"; s += "y"; s *= 2; print(s)
try:
    a + "str"
except TypeError as e:
    print(e)
try:
    a < 3
except TypeError as e:
    print(e)
try:
    [] < ()
except TypeError as e:
    print(e)
class E:
    def __eq__(self, o): return "custom"
print(E() == 1, 1 == E(), E() != 1, N(2) in [N(1), N(2)], sorted([N(3), N(1), N(2)]), max(N(1), N(4)))
class Cmp:
    def __init__(self, k): self.k = k
    def __gt__(self, o): print("gt", self.k, o.k); return self.k > o.k
print(Cmp(1) < Cmp(2))
print(1 < 2.5, 2.0 == 2, (1, 2) < (1, 3), [1, 2] < [1, 2, 0], "abc" > "abd", None is None, 1 is not None)
print(3 // 2.0, 7 % -3, -7 % 3, 2 ** -1, 10 ** 2, True << 3, 6 & 3, divmod(-9, 4))
