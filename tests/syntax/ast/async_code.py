async def f():
    await x
    await f(x)
    await a.b
    await a[0]
    await (yield)
    return await x + await y
    async for x in y:
        pass
    else:
        pass
    async with a as b, c:
        pass
    async with (a as b, c):
        pass
    x = [i async for i in aiter() if await i]
@dec
async def g(): pass
class C:
    async def m(self): pass

await_ = 2
