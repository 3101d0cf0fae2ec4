class Sleep:
    def __init__(self, n): self.n = n
    def __await__(self):
        r = yield ("sleep", self.n)
        return r
async def ticker(n):
    for i in range(n):
        got = await Sleep(i)
        yield i * 10 + (got or 0)
async def agen_err():
    yield 1
    raise StopAsyncIteration
class ACM:
    def __init__(self, name, suppress=False): self.name, self.suppress = name, suppress
    async def __aenter__(self):
        await Sleep(0)
        print("enter", self.name)
        return self
    async def __aexit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        await Sleep(1)
        return self.suppress
async def main():
    out = []
    async for v in ticker(3):
        out.append(v)
    print(out)
    print([x async for x in ticker(4) if x % 20 == 0])
    print({x: x async for x in ticker(2)})
    print(sorted({x async for x in ticker(2)}))
    g = (x * 2 async for x in ticker(3))
    print(type(g).__name__, [y async for y in g])
    async with ACM("a") as a, ACM("b", True) as b:
        print("body", a.name, b.name)
        raise KeyError("k")
    print("after")
    try:
        async with ACM("c"):
            1 / 0
    except ZeroDivisionError as e:
        print("caught", e)
    try:
        async for x in agen_err():
            print("x", x)
    except RuntimeError as e:
        print("RE", e, type(e.__cause__).__name__)
    for bad in (1, object()):
        try:
            async for x in bad:
                pass
        except TypeError as e:
            print("TE", e)
    class NoAnext:
        def __aiter__(self): return 5
    try:
        async for x in NoAnext(): pass
    except TypeError as e: print("TE", e)
    class BadAnext:
        def __aiter__(self): return self
        def __anext__(self): return 5
    try:
        async for x in BadAnext(): pass
    except TypeError as e: print("TE", e, "|", e.__cause__)
    class NotACM: pass
    try:
        async with NotACM(): pass
    except TypeError as e: print("TE", e)
    class HalfACM:
        async def __aenter__(self): pass
    try:
        async with HalfACM(): pass
    except TypeError as e: print("TE", e)
    class SyncEnter:
        def __aenter__(self): return 1
        def __aexit__(self, *a): return 1
    try:
        async with SyncEnter(): pass
    except TypeError as e: print("TE", e)
    ag = ticker(5)
    print(await ag.__anext__(), await ag.asend(100))
    await ag.aclose()
    print(ag.ag_running, ag.__name__)
    return "done"
c = main()
v = None
while True:
    try:
        y = c.send(v)
        v = 5 if y[0] == "sleep" else None
    except StopIteration as e:
        print("result", e.value)
        break
