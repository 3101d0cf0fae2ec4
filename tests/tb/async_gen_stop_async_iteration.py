# StopAsyncIteration escaping an async generator becomes a RuntimeError.
async def agen():
    yield 1
    raise StopAsyncIteration


async def main():
    async for x in agen():
        print(x)


main().send(None)
