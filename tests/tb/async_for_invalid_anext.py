# An __anext__ returning a non-awaitable: TypeError raised from the cause.
class BadAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 5


async def main():
    async for x in BadAnext():
        print(x)


main().send(None)
