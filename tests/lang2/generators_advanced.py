def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out


print(take(10, fib()))


def chain(*its):
    for it in its:
        yield from it


print(list(chain([1, 2], "ab", range(2))))


def accumulate():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v


acc = accumulate()
next(acc)
for v in (1, 2, 3):
    print(acc.send(v), end=" ")
try:
    acc.send(None)
except StopIteration as e:
    print("final", e.value)


def inner():
    x = yield 1
    print("inner got", x)
    return "inner-result"


def outer():
    r = yield from inner()
    print("outer got", r)
    yield 2


o = outer()
print(next(o), o.send("hello"))


def pipeline(source):
    for x in source:
        if x % 2:
            yield x * x


print(sum(pipeline(range(10))), list(pipeline(iter([1, 2, 3]))))
g = (i for i in range(3))
print(g.__name__, type(g).__name__, iter(g) is g, list(zip(g, "xyz")))


def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup ran")


gf = gen_with_finally()
print(next(gf))
del gf
print("after del")


def counter():
    i = 0
    while True:
        i += 1
        received = yield i
        if received == "reset":
            i = 0


c = counter()
print(next(c), next(c), c.send("reset"), next(c))
print(list(map(lambda p: p[0] * p[1], zip(range(4), fib()))))
