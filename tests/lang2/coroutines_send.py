# Coroutines and awaitables driven by hand with send(), as an event loop
# would drive them.
class Sleep:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        got = yield f"sleep {self.n}"
        return f"slept {self.n}, got {got}"


async def task(name):
    r1 = await Sleep(1)
    r2 = await Sleep(2)
    return f"{name}: {r1}; {r2}"


async def parent():
    a = await task("a")
    return a.upper()


def run(coro):
    value = None
    step = 0
    while True:
        try:
            yielded = coro.send(value)
        except StopIteration as stop:
            return stop.value
        print("loop got", yielded)
        step += 1
        value = step


print(run(task("t")))
print(run(parent()))
c = task("x")
print(type(c).__name__, c.__name__, c.__qualname__)
c.close()
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)


async def raiser():
    await Sleep(0)
    raise ValueError("inside coroutine")


r = raiser()
print(r.send(None))
try:
    r.send(None)
except ValueError as e:
    print("ValueError", e)


async def plain():
    return 5


p = plain()
try:
    p.send(None)
except StopIteration as e:
    print("returned", e.value)
try:
    p.send(None)
except RuntimeError as e:
    print("RuntimeError", e)


async def thrower():
    try:
        await Sleep(9)
    except KeyError as e:
        return f"handled {e}"


t = thrower()
t.send(None)
try:
    t.throw(KeyError("k"))
except StopIteration as e:
    print(e.value)
try:
    await_outside = eval("lambda: (await x)")
except SyntaxError as e:
    print("SyntaxError", e.msg)
