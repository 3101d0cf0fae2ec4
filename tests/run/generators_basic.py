# Generators: send, throw, close, yield from, return values, generator expressions.
def count(n):
    for i in range(n):
        yield i
print(list(count(4)), sum(x * x for x in range(5)), next(count(3)))
def echo():
    received = yield "ready"
    while True:
        received = yield f"got {received}"
g = echo()
print(next(g), g.send(1), g.send("two"))
def with_return():
    yield 1
    return "done"
g = with_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("returned", e.value)
def inner():
    x = yield 1
    yield x
    return "inner result"
def outer():
    r = yield from inner()
    yield r
g = outer()
print(next(g), g.send("sent"), next(g))
def catcher():
    while True:
        try:
            yield
        except ValueError as e:
            print("caught in gen", e)
g = catcher(); next(g); g.throw(ValueError("boom")); g.close()
def closing():
    try:
        yield 1
    finally:
        print("generator closed")
g = closing(); next(g); g.close()
print(list(zip(count(3), "abc")), [x for x in count(10) if x % 3 == 0])
gen = (i for i in range(3))
print(list(gen), list(gen))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import sys
it = fib()
print([next(it) for _ in range(10)])
def deleg():
    yield from [1, 2]
    yield from "ab"
print(list(deleg()))
def gen_exc():
    yield 1
    raise KeyError("inside")
try:
    for v in gen_exc():
        print(v)
except KeyError as e:
    print("KeyError", e)
g = count(2)
print(iter(g) is g, type(g).__name__, g.__name__)
