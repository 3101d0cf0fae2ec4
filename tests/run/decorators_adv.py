# decorators adv
import sys
def repeat(times):
    def deco(fn):
        def wrapper(*a, **k):
            return [fn(*a, **k) for _ in range(times)]
        wrapper.__name__ = fn.__name__
        wrapper.__wrapped__ = fn
        return wrapper
    return deco
@repeat(3)
def hi(name="x"):
    return f"hi {name}"
print(hi(), hi("y"), hi.__name__, hi.__wrapped__())
def register(cls):
    cls.registered = True
    return cls
@register
class Thing:
    pass
print(Thing.registered)
def trace(fn):
    depth = [0]
    def wrapper(*args):
        print("  " * depth[0] + f"-> {fn.__name__}{args}")
        depth[0] += 1
        r = fn(*args)
        depth[0] -= 1
        return r
    return wrapper
@trace
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(3))
class Cached:
    def __init__(self, fn): self.fn, self.calls = fn, 0
    def __call__(self, *a):
        self.calls += 1
        return self.fn(*a)
@Cached
def sq(x): return x * x
print(sq(3), sq(4), sq.calls)
def stacked_a(f): return lambda: "a(" + f() + ")"
def stacked_b(f): return lambda: "b(" + f() + ")"
@stacked_a
@stacked_b
def base(): return "base"
print(base())
