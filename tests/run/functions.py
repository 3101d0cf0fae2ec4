# Functions: defaults, keywords, *args/**kwargs, closures, nonlocal, lambdas, decorators.
def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(f(1, c=3), f(1, 2, 3, 4, c=5, e=6), f(*[1, 2], **{"c": 0}))
def pos(a, b, /, c, *, d):
    return a + b + c + d
print(pos(1, 2, c=3, d=4), pos(1, 2, 3, d=4))
def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c = counter(); c(); c(); print(c(10))
adders = [lambda x, i=i: x + i for i in range(3)]
print([g(10) for g in adders], (lambda *a, **k: (a, k))(1, z=2))
def deco(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__)
        return fn(*args, **kwargs)
    return wrapper
@deco
def hello(name):
    return "hi " + name
print(hello("bob"), hello.__name__)
def gen_default(x=[]):
    x.append(1)
    return x
print(gen_default(), gen_default(), gen_default([0]))
def outer():
    x = "outer"
    def inner():
        return x
    x = "changed"
    return inner()
print(outer())
g = 10
def use_global():
    global g
    g += 1
    return g
print(use_global(), g)
def rec(n):
    return 1 if n <= 1 else n * rec(n - 1)
print(rec(20), rec(30))
def kwonly(*, a, b=1):
    return a, b
print(kwonly(a=0), f.__defaults__, kwonly.__kwdefaults__, f.__code__.co_argcount, f.__name__, f.__qualname__)
def annotated(x: int, y: "str" = "a") -> bool:
    pass
print(annotated.__annotations__)
def doc():
    "the doc"
print(doc.__doc__, (lambda: 0).__name__, counter().__qualname__)
def multi():
    return 1, 2
a, b = multi(); print(a, b)
print(list(map(lambda p: p[0] * p[1], [(1, 2), (3, 4)])), sorted([(1, "b"), (0, "z")], key=lambda t: t[1]))
