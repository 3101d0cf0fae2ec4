def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)


print(f(1, c=3), f(1, 2, 3, 4, c=5, e=6), f(*[1, 2], **{"c": 3, "z": 0}), f(a=1, c=2))


def pos_only(a, b, /, c):
    return a + b + c


print(pos_only(1, 2, 3), pos_only(1, 2, c=3))


def kw_only(*, key):
    return key


print(kw_only(key="k"))
for call in ("f()", "f(1)", "f(1, c=1, a=2)", "pos_only(1, b=2, c=3)", "kw_only(1)", "kw_only()",
             "f(1, c=1, **{'c': 2})", "kw_only(key=1, other=2)", "pos_only(1, 2, 3, 4)", "(lambda x: x)()"):
    try:
        eval(call)
    except TypeError as e:
        print("TypeError", e)


def defaults(x, acc=[]):
    acc.append(x)
    return acc


print(defaults(1), defaults(2), defaults(3, []))
print(f.__defaults__, f.__kwdefaults__, f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__name__)


def star_only(*args, **kwargs):
    return args, kwargs


print(star_only(), star_only(1, *(2, 3), *[4], x=1, **{"y": 2}), star_only(**{}))


def deco(tag):
    def wrap(fn):
        def inner(*a, **k):
            return f"<{tag}>{fn(*a, **k)}</{tag}>"
        inner.__name__ = fn.__name__
        return inner
    return wrap


@deco("b")
@deco("i")
def hello(name):
    return f"hi {name}"


print(hello("x"), hello.__name__)
print((lambda *a, k=1, **kw: (a, k, kw))(1, 2, k=3, z=4), (lambda: None)())
print(max(key=len, *["aa", "b"]), dict(**{"a": 1}, b=2), "{a}{b}".format(**{"a": 1, "b": 2}))


def annotated(x: int, y: "str" = "s") -> list:
    return [x, y]


print(annotated.__annotations__, annotated(1))
