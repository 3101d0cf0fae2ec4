import sys
# Generators driven by for loops: suspended and resumed from different
# places, failing, nested, and seeing the caller's exception state.



def count(n):
    for i in range(n):
        yield i
    return "ignored by for"


total = 0
for x in count(5):
    total += x
print(total)

g = count(6)
for x in g:
    if x == 2:
        break
print("after break", next(g), list(g))


def running_flag():
    yield gen_obj.gi_running
    yield gen_obj.gi_running


gen_obj = running_flag()
print([v for v in gen_obj], gen_obj.gi_running)


def fails():
    yield 1
    raise KeyError("inside")


try:
    for v in fails():
        print("got", v)
except KeyError as e:
    print("KeyError", e)


def leaks_stop():
    yield 1
    raise StopIteration("leaked")


try:
    for v in leaks_stop():
        pass
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))


def nested(depth):
    if depth == 0:
        yield "leaf"
        return
    for item in nested(depth - 1):
        yield f"{depth}/{item}"


print(list(nested(4)))


def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)


print(list(tree(3)))


def exc_seen():
    yield sys.exc_info()[0]
    try:
        raise ValueError("own")
    except ValueError:
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]


try:
    raise TypeError("outer")
except TypeError:
    for kind in exc_seen():
        print(kind.__name__ if kind else None, sys.exc_info()[0].__name__)
print(sys.exc_info())


def resumed_elsewhere():
    x = yield "first"
    print("sent", x)
    yield "second"
    yield "third"


r = resumed_elsewhere()
print(next(r))
for v in r:
    print("loop", v)


def catches_in_loop():
    for i in range(3):
        try:
            yield i
        finally:
            print("finally", i)


for v in catches_in_loop():
    if v == 1:
        break
print("loop left")


def deep_recursion(n):
    yield n
    if n:
        yield from deep_recursion(n - 1)


print(sum(deep_recursion(100)))


def infinite(n):
    for x in infinite(n + 1):
        yield x
    yield n


try:
    for x in infinite(0):
        pass
except RecursionError as e:
    print("RecursionError", e)

gen = count(3)
print(list(gen), list(gen))

def g():
    yield sys.exc_info()[0]
    try:
        raise ValueError
    except ValueError:
        yield sys.exc_info()[0]
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]
it = g()
try:
    raise TypeError
except TypeError:
    print(next(it), next(it))
print(next(it), sys.exc_info())
try:
    raise KeyError
except KeyError:
    print(next(it))
print(sys.exc_info())
