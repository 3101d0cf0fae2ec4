# closures nonlocal
def make_counter(start=0):
    count = start
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter(10)
inc(); inc()
print(get(), inc.__closure__ is not None, len(inc.__closure__), inc.__code__.co_freevars)
def adder(n):
    return lambda x: x + n
add5 = adder(5)
print(add5(1), adder(10)(1), [adder(i)(0) for i in range(3)])
def compose(*fs):
    def run(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return run
print(compose(str, lambda v: v * 2, abs)(-4))
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memo
def fibm(n):
    return n if n < 2 else fibm(n - 1) + fibm(n - 2)
print(fibm(50), len(fibm.cache))
def outer():
    x = 1
    def middle():
        x = 2
        def inner():
            nonlocal x
            x = 3
        inner()
        return x
    return middle(), x
print(outer())
