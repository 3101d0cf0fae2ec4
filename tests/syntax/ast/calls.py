f()
f(a)
f(a, b,)
f(*args)
f(**kwargs)
f(a, *b, c, *d, e=1, **f, g=2, **h)
f(a=1, *b)
f(x for x in y)
f((x for x in y), z)
f(a)(b)(c)
f.g.h(i).j[k](l)
f(a := 1)
f(lambda: 0, key=lambda x, y=1: x)
print(
    1,
    2,
)
