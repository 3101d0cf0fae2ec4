# generators adv
def averager():
    total, count, avg = 0, 0, None
    while True:
        value = yield avg
        if value is None:
            return avg
        total += value
        count += 1
        avg = total / count
def driver():
    result = yield from averager()
    print("result", result)
    yield "done"
g = driver()
next(g)
for v in [10, 20, 30]:
    print(g.send(v))
print(g.send(None))
def stopper():
    yield 1
    raise StopIteration("inside")
try:
    list(stopper())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")
g = with_finally()
print(next(g))
del g
print("after del")
def thrower():
    try:
        yield 1
    except KeyError:
        yield "handled"
g = thrower(); next(g)
print(g.throw(KeyError("k")))
g2 = thrower(); next(g2)
try:
    g2.throw(ValueError("v"))
except ValueError as e:
    print("propagated", e)
def ignore_exit():
    try:
        yield
    except GeneratorExit:
        yield "bad"
g = ignore_exit(); next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)
g = (x * x for x in range(3))
print(g.__next__(), list(g))
def infinite():
    n = 0
    while True:
        yield n
        n += 1
it = infinite()
print([next(it) for _ in range(5)], next(it))
running = None
def check_running():
    yield gen_self.gi_running
gen_self = check_running()
print(next(gen_self), gen_self.gi_running)
