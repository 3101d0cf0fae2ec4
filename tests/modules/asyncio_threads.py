# asyncio with threads and processes: create_subprocess_exec with pipes,
# run_in_executor and to_thread, a stream server on localhost, and
# call_soon_threadsafe from another thread.
import asyncio
import sys
import threading


async def main():
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "import sys; print(sys.stdin.read().upper())",
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate(b"from the parent")
    print("subprocess", out, proc.returncode)
    proc = await asyncio.create_subprocess_exec(sys.executable, "-c", "raise SystemExit(3)")
    print("exit code", await proc.wait())

    loop = asyncio.get_running_loop()
    print("executor", await loop.run_in_executor(None, sum, range(100)))
    print("to_thread", await asyncio.to_thread(lambda a, b: a * b, 6, 7))

    async def handle(reader, writer):
        line = await reader.readline()
        writer.write(line[::-1].strip() + b"\n")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    replies = []
    for word in (b"alpha", b"beta"):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(word + b"\n")
        await writer.drain()
        replies.append(await reader.readline())
        writer.close()
        await writer.wait_closed()
    server.close()
    await server.wait_closed()
    print("server", replies)

    fut = loop.create_future()
    threading.Thread(target=lambda: loop.call_soon_threadsafe(fut.set_result, "from a thread")).start()
    print("threadsafe", await asyncio.wait_for(fut, 5))


asyncio.run(main())
