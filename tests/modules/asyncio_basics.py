# asyncio: run, tasks, gather, wait_for, queues, events, streams over a
# localhost socket, and generator-based coroutines (types.coroutine).
import asyncio, types

async def work(n, delay):
    await asyncio.sleep(delay)
    return n * 2

async def main():
    print(await work(1, 0))
    results = await asyncio.gather(*(work(i, 0.01 * (3 - i)) for i in range(3)))
    print(results)
    t = asyncio.create_task(work(5, 0))
    print(await t, t.done())
    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0.05)
    except asyncio.TimeoutError:
        print("timed out")
    q = asyncio.Queue()
    async def producer():
        for i in range(3):
            await q.put(i)
        await q.put(None)
    async def consumer():
        out = []
        while (item := await q.get()) is not None:
            out.append(item)
        return out
    _, got = await asyncio.gather(producer(), consumer())
    print(got)
    ev = asyncio.Event()
    async def setter():
        await asyncio.sleep(0.01); ev.set()
    asyncio.get_running_loop().call_soon(lambda: print("call_soon ran"))
    await asyncio.gather(setter(), ev.wait())
    print("event set", ev.is_set())
    async def server_side(reader, writer):
        data = await reader.readline()
        writer.write(data.upper()); await writer.drain(); writer.close()
    server = await asyncio.start_server(server_side, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"hello stream\n"); await writer.drain()
    print(await reader.readline())
    writer.close(); await writer.wait_closed()
    server.close(); await server.wait_closed()
    @types.coroutine
    def old_style():
        yield
        return "old"
    print(await old_style())

asyncio.run(main())
