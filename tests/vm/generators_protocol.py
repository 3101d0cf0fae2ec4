# Generators: send, throw, close, return values, and their errors.
def echo():
    received = []
    try:
        while True:
            x = yield len(received)
            received.append(x)
    except GeneratorExit:
        print("closing with", received)
        raise


g = echo()
print(next(g), g.send("a"), g.send("b"))
g.close()
g.close()
try:
    g.send(1)
except StopIteration:
    print("stopped")


def returns():
    yield 1
    return "done"


g = returns()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)


def delegator():
    r = yield from returns()
    print("delegate returned", r)
    yield 2


print(list(delegator()))


def catcher():
    while True:
        try:
            yield
        except ValueError as e:
            print("caught", e)
            yield "recovered"


c = catcher()
next(c)
print(c.throw(ValueError("bad")))
next(c)
try:
    c.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e)
print(c.gi_frame)

g = (i * i for i in range(3))
print(g.send(None), list(g))
try:
    (i for i in range(1)).send(5)
except TypeError as e:
    print(e)


def fresh():
    yield 1


f = fresh()
try:
    f.throw(RuntimeError("before start"))
except RuntimeError as e:
    print("RuntimeError", e)
print(list(f))


def bad_close():
    try:
        yield 1
    finally:
        yield 2


b = bad_close()
next(b)
try:
    b.close()
except RuntimeError as e:
    print(e)


def running():
    yield g2.send(None)


g2 = running()
try:
    next(g2)
except ValueError as e:
    print(e)
print(type(echo()).__name__, echo.__name__)
