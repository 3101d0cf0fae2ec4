async def ag():
    try:
        yield 1
        yield 2
    finally:
        print("fin")
def run(c):
    try:
        while True:
            print("yielded", c.send(None))
    except StopIteration as e:
        return e.value
    except BaseException as e:
        print("exc", type(e).__name__, e)
g = ag()
a = g.aclose()
print(type(a).__name__, type(g.__anext__()).__name__)
print(run(a))
print(run(g.aclose()))
print(run(g.__anext__()))
g = ag()
print(run(g.__anext__()))
print(run(g.aclose()))
print(run(g.aclose()))
print(run(g.athrow(ValueError)))
g = ag()
print(run(g.__anext__()))
print(run(g.athrow(ValueError, ValueError("x"))))
n = g.__anext__()
print(run(n)); print(run(n))
print(run(ag().asend(3)))
import sys
print(run(aiter(ag()).__anext__()))
async def co():
    a = ag()
    print(await anext(a), await anext(a), await anext(a, "dflt"))
    try:
        await anext(a)
    except StopAsyncIteration as e:
        print("SAI", repr(e))
    x = anext(a, 5)
    print(type(x).__name__)
run(co())
try: aiter(1)
except TypeError as e: print(e)
try: anext(1)
except TypeError as e: print(e)
class A:
    def __aiter__(self): return 1
try: aiter(A())
except TypeError as e: print(e)
print(ag.__name__, ag().__qualname__, repr(ag())[:30])
