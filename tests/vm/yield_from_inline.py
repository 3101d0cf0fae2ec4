# yield from: values, sends, returns, errors and throw/close through
# delegating generators.
def inner(n):
    total = 0
    for i in range(n):
        got = yield i
        if got:
            total += got
    return f"inner done {total}"


def middle():
    r = yield from inner(3)
    yield r
    r2 = yield from inner(0)
    yield r2
    return "middle done"


def outer():
    r = yield from middle()
    yield r


print(list(outer()))
g = outer()
print(next(g), g.send(10), g.send(20), next(g), next(g), next(g))


def failing():
    yield 1
    raise ValueError("inner failure")


def delegator():
    try:
        yield from failing()
    except ValueError as e:
        yield f"caught {e}"


print(list(delegator()))


def catcher():
    while True:
        try:
            yield "ready"
        except KeyError as e:
            yield f"inner handled {e}"


def passthrough():
    result = yield from catcher()
    return result


p = passthrough()
print(next(p), p.throw(KeyError("k")), next(p))
p.close()
print(p.gi_frame is None)


def stopper():
    yield 1
    raise StopIteration("bad")


def wraps_stopper():
    yield from stopper()


try:
    list(wraps_stopper())
except RuntimeError as e:
    print("RuntimeError", e)


def deep(n):
    if n == 0:
        yield "bottom"
        return 0
    r = yield from deep(n - 1)
    return r + 1


d = deep(50)
print(next(d))
try:
    next(d)
except StopIteration as e:
    print("depth", e.value)


def from_list():
    yield from [1, 2]
    yield from (x * 10 for x in range(2))
    yield from "ab"


print(list(from_list()))


def just_started_send():
    yield from inner(2)


j = just_started_send()
try:
    j.send(5)
except TypeError as e:
    print("TypeError", e)


def running_check():
    yield from checker()


def checker():
    yield rc.gi_running


rc = running_check()
print(next(rc))
