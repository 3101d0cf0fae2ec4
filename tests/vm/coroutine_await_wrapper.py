# A coroutine's __await__() is an iterator over it (send, throw, close go
# to the coroutine); gi_yieldfrom and cr_await show what a suspended
# generator or coroutine waits in.
import types

@types.coroutine
def pause(value):
    got = yield value
    return got

async def work():
    first = await pause("one")
    second = await pause("two")
    return first + second

aw = work().__await__()
print(type(aw).__name__, iter(aw) is aw)
print(next(aw), aw.send("a"))
try:
    aw.send("b")
except StopIteration as e:
    print("returned", e.value)

aw = work().__await__()
next(aw)
try:
    aw.throw(ValueError("thrown"))
except ValueError as e:
    print("ValueError:", e)
aw = work().__await__()
next(aw)
print(aw.close())
try:
    next(aw)
except RuntimeError as e:
    print("RuntimeError:", e)

def inner():
    yield 1
    yield 2

def outer():
    yield from inner()

g = outer()
print(g.gi_yieldfrom)
next(g)
print(g.gi_yieldfrom.gi_code.co_name)
list(g)
print(g.gi_yieldfrom)

async def b():
    await pause("x")

async def a():
    await b()

c = a()
print(c.cr_await)
c.send(None)
print(c.cr_await.cr_code.co_name, c.cr_await.cr_await.gi_code.co_name)
c.close()
print(c.cr_await)

# Closing one that yields again is an error named for its kind (each
# is then closed for good, so that nothing is left to finalize at exit).
async def keeps_going():
    try:
        await pause(1)
    except GeneratorExit:
        await pause(2)

def gen_keeps_going():
    try:
        yield 1
    except GeneratorExit:
        yield 2

c = keeps_going()
c.send(None)
g = gen_keeps_going()
next(g)
for obj in (c, g):
    try:
        obj.close()
    except RuntimeError as e:
        print("RuntimeError:", e)
    obj.close()
