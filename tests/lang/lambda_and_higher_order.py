# lambda and higher order
from_list = [3, -1, 4, -1, 5, -9, 2, 6]
print(sorted(from_list, key=abs), sorted(from_list, key=lambda v: (v % 2, v)), list(map(lambda v: v * 2, from_list[:3])))
print(list(filter(lambda v: v > 0, from_list)), max(from_list, key=lambda v: -v), min(from_list, key=abs))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), (lambda *a: sum(a))(1, 2, 3), (lambda **k: k)(a=1))
def apply_n(f, n):
    def run(x):
        for _ in range(n):
            x = f(x)
        return x
    return run
print(apply_n(dbl, 10)(1), apply_n(str.upper, 1)("abc"))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print({k: f(6, 3) for k, f in ops.items()})
print(sorted(["b", "A", "c"], key=str.lower), sorted([(1, "b"), (1, "a"), (0, "z")]), list(map(len, ["a", "bb"])))
import sys
print((lambda: sys.maxsize > 0)(), (lambda x=5: x)(), (lambda x, /, y: x + y)(1, y=2))
