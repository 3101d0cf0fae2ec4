# class special methods
class Container:
    def __init__(self, *items): self.items = list(items)
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]
    def __setitem__(self, i, v): self.items[i] = v
    def __delitem__(self, i): del self.items[i]
    def __iter__(self): return iter(self.items)
    def __reversed__(self): return reversed(self.items)
    def __contains__(self, x): return x in self.items
    def __repr__(self): return f"Container{tuple(self.items)}"
    def __bool__(self): return bool(self.items)
    def __add__(self, other): return Container(*(self.items + list(other)))
    def __iadd__(self, other): self.items.extend(other); return self
    def __eq__(self, other): return isinstance(other, Container) and self.items == other.items
    def __hash__(self): return hash(tuple(self.items))
c = Container(1, 2, 3)
print(len(c), c[0], c[-1], c[1:], list(c), list(reversed(c)), 2 in c, 9 in c, bool(c), bool(Container()))
c[0] = 10; del c[1]; print(c)
c += [4]; print(c, c + (5,), c == Container(10, 3, 4), {c: "hashable"}[Container(10, 3, 4)])
print(sorted(c), max(c), sum(c), any(c), enumerate(c).__next__(), dict(zip(c, "abc")))
class Num:
    def __init__(self, v): self.v = v
    def __int__(self): return int(self.v)
    def __float__(self): return float(self.v)
    def __index__(self): return int(self.v)
    def __round__(self, n=None): return round(self.v, n)
    def __trunc__(self): return int(self.v)
    def __abs__(self): return abs(self.v)
    def __neg__(self): return Num(-self.v)
    def __repr__(self): return f"Num({self.v})"
    def __format__(self, spec): return format(self.v, spec)
    def __complex__(self): return complex(self.v)
n = Num(2.7)
print(int(n), float(n), round(n), round(n, 0), abs(Num(-3)), -n, f"{n:.2f}", format(n, ">8"), complex(n))
print([1, 2, 3, 4][Num(1)], range(10)[Num(2)], hex(Num(255)), "ab" * Num(2))
class Ctx:
    def __enter__(self): print("enter"); return self
    def __exit__(self, *a): print("exit", a[0].__name__ if a[0] else None); return False
with Ctx() as cx:
    print("inside", type(cx).__name__)
class Callable:
    def __call__(self, *a, **k): return (a, k)
print(Callable()(1, x=2), callable(Callable()), callable(Callable))
