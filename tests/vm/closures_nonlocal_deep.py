# Closures: cells shared between functions, nonlocal through several
# levels, late binding in loops, and cells of parameters.
def counter():
    n = 0

    def inc(by=1):
        nonlocal n
        n += by
        return n

    def get():
        return n

    return inc, get


inc, get = counter()
inc()
inc(5)
print(get())


def outer():
    x = "outer"

    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"

        inner()
        return x

    return middle(), x


print(outer())

fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])


def param_cell(a, b):
    def show():
        return a + b

    a = a * 10
    return show()


print(param_cell(1, 2))


def make_adders():
    return {n: (lambda x, n=n: x + n) for n in (1, 5)}


print({k: f(10) for k, f in make_adders().items()})


def fib_memo():
    memo = {}

    def fib(n):
        if n in memo:
            return memo[n]
        r = n if n < 2 else fib(n - 1) + fib(n - 2)
        memo[n] = r
        return r

    return fib


print(fib_memo()(80))


def gen_closure():
    total = 0

    def add(x):
        nonlocal total
        total += x

    for v in (yield_values()):
        add(v)
    return total


def yield_values():
    yield from range(5)


print(gen_closure())
print(counter.__code__.co_cellvars, inc.__code__.co_freevars)
print(type(inc.__closure__[0]).__name__, inc.__closure__[0].cell_contents)


def unbound():
    def f():
        return y

    try:
        f()
    except NameError as e:
        print(type(e).__name__, e)
    y = 1


unbound()
