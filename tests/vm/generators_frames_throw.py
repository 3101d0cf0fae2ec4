# A generator's code and frame at each stage of its life, throw()'s
# argument checks, and the context of an exception thrown into a
# generator that is handling one.

def gen():
    yield 1
    frame = g.gi_frame
    print("running:", frame.f_code.co_name, frame.f_back.f_code.co_name)
    yield 2

g = gen()
print("created at line", g.gi_frame.f_lineno, g.gi_code.co_name)
next(g)
print("suspended at line", g.gi_frame.f_lineno, g.gi_running)

def caller():
    next(g)

caller()
for _ in g:
    pass
print("finished:", g.gi_frame, g.gi_code.co_name)

async def coro():
    return 1

c = coro()
try:
    c.send(None)
except StopIteration as e:
    print("coroutine returned", e.value, c.cr_frame, c.cr_code.co_name)

def simple():
    yield 1

s = simple()
next(s)
for args in ((Exception, Exception("x"), 32), (Exception("x"), Exception("y")), (list,)):
    try:
        s.throw(*args)
    except TypeError as e:
        print("TypeError:", e)

def handling():
    try:
        raise KeyError("handled")
    except KeyError:
        yield "inside except"

def made():
    try:
        raise ValueError("made earlier")
    except ValueError as e:
        return e

h = handling()
print(next(h))
try:
    h.throw(made())
except ValueError as e:
    print("context:", repr(e.__context__))

def plain():
    yield 1

p = plain()
next(p)
try:
    raise KeyError("outside")
except KeyError:
    try:
        p.throw(made())
    except ValueError as e:
        print("context from where it was made:", repr(e.__context__))
