def f(): pass
def f(a): pass
def f(a, b=1): pass
def f(a, /): pass
def f(a, /, b): pass
def f(a, b=1, /, c=2): pass
def f(*args): pass
def f(*, a): pass
def f(*, a=1, b): pass
def f(a, *args, b, **kwargs): pass
def f(**kwargs): pass
def f(a, b, /, c, d=4, *e, f, g=7, **h): pass
def f(a,): pass
def f(*args,): pass
def f(**kw,): pass
def f(a=(1, 2), b=[x for x in y]): pass
def f() -> int: pass
@decorator
def f(): pass
@a.b.c
@d(e, f=g)
@h[0]
@(lambda f: f)
@x := y
def f(): pass
def outer():
    def inner():
        return 1
    return inner
def gen():
    yield 1
