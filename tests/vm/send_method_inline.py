# gen.send(v) from ordinary code: results, the StopIteration at the end,
# errors from inside, and the generator's own traceback line.
def echo():
    received = 0
    while True:
        value = yield received
        if value is None:
            return received
        received += value


g = echo()
next(g)
print([g.send(i) for i in range(5)])
try:
    g.send(None)
except StopIteration as stop:
    print("returned", stop.value, stop.args)
try:
    g.send(1)
except StopIteration as stop:
    print("again", stop.value, stop.args)


def fails():
    x = yield 1
    raise ValueError(f"got {x}")


f = fails()
print(f.send(None))
try:
    f.send("boom")
except ValueError as e:
    print("ValueError", e, e.__traceback__.tb_next.tb_lineno if e.__traceback__.tb_next else None)
fresh = echo()
try:
    fresh.send(3)
except TypeError as e:
    print("TypeError", e)
s = echo()
send = s.send
send(None)
print(send(5), send(6))


def plain():
    yield 1


p = plain()
print(p.send(None))
try:
    p.send(None)
except StopIteration as e:
    print("StopIteration", e.args)


def nested_sender():
    inner = echo()
    next(inner)
    out = []
    for i in range(3):
        out.append(inner.send(i))
    yield out


print(next(nested_sender()))


def recursive(n):
    if n:
        r = recursive(n - 1)
        next(r)
        yield r.send(n)
    else:
        x = yield "base"
        yield x


try:
    print(next(recursive(3)))
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)
g2 = echo()
next(g2)
g2.send(1)
g2.send(None) if False else None
print(g2.gi_running, g2.gi_frame is not None)
