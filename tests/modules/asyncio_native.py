# asyncio's Future and Task are the native _asyncio ones: their states,
# callbacks, cancellation, errors and reprs, and the running-loop and
# task-registry functions.
import asyncio
import _asyncio
import sys

print(asyncio.Future is _asyncio.Future, asyncio.Task is _asyncio.Task)
print(_asyncio.Future.__module__, _asyncio.Task.__mro__[1].__name__)
print(asyncio.tasks._enter_task is _asyncio._enter_task)
print(asyncio.events.get_running_loop is _asyncio.get_running_loop)

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)

# ---- futures ----------------------------------------------------------------
f = loop.create_future()
print(type(f).__name__, f._state, f.done(), f.cancelled(), f.get_loop() is loop)
print(repr(f))
for method in (f.result, f.exception):
    try:
        method()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)

order = []
f.add_done_callback(lambda fut: order.append(("a", fut.result())))
f.add_done_callback(lambda fut: order.append(("b", fut.result())))
def dropped(fut):
    order.append("dropped")
f.add_done_callback(dropped)
f.add_done_callback(dropped)
print(len(f._callbacks), f.remove_done_callback(dropped), len(f._callbacks))
f.set_result(42)
print(f._state, f.result(), f.exception(), repr(f))
try:
    f.set_result(1)
except asyncio.InvalidStateError as e:
    print("again:", e)
loop.run_until_complete(asyncio.sleep(0))
print(order)

f = loop.create_future()
f.set_exception(ValueError)
print(repr(f.exception()), f._log_traceback)
try:
    f.result()
except ValueError as e:
    print("result raised", repr(e))
for bad in (StopIteration(), 3):
    try:
        loop.create_future().set_exception(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    f._log_traceback = True
except ValueError as e:
    print("ValueError:", e)
try:
    del f._asyncio_future_blocking
except AttributeError as e:
    print("AttributeError:", e)

f = loop.create_future()
print(f.cancel("why"), f.cancel(), f.cancelled(), f._state, f._cancel_message)
try:
    f.result()
except asyncio.CancelledError as e:
    print("CancelledError", e.args)

# An uninitialised future.
u = asyncio.Future.__new__(asyncio.Future)
print(u.done(), u.cancelled(), u._loop)
for call in (u.get_loop, u.cancel, lambda: u.set_result(1), lambda: repr(u)):
    try:
        call()
    except RuntimeError as e:
        print("RuntimeError:", e)
try:
    u.result()
except asyncio.InvalidStateError as e:
    print("InvalidStateError:", e)

# Awaiting by hand: the iterator yields the future until it is done.
f = loop.create_future()
it = f.__await__()
print(type(it).__name__, next(it) is f, f._asyncio_future_blocking)
f._asyncio_future_blocking = False
f.set_result("done")
try:
    it.send(None)
except StopIteration as e:
    print("StopIteration", e.value)
it = iter(loop.create_future())
for args in ((Exception, Exception("x"), 32), (Exception("x"), Exception("y")), (list,)):
    try:
        it.throw(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    it.throw(KeyError, "k")
except KeyError as e:
    print("KeyError", e.args)

# A subclass, and the exception nobody retrieved.
class MyFuture(asyncio.Future):
    pass

def handler(loop, context):
    print("handler:", context["message"], type(context.get("exception")).__name__)

loop.set_exception_handler(handler)
m = MyFuture(loop=loop)
m.extra = 1
m.set_exception(RuntimeError("lost"))
del m
print(asyncio.Future[int])

# ---- tasks ------------------------------------------------------------------
async def double(x):
    await asyncio.sleep(0)
    return 2 * x

async def fail():
    await asyncio.sleep(0)
    raise KeyError("k")

async def main():
    t = asyncio.create_task(double(21), name="doubler")
    print(t.get_name(), t.done(), asyncio.current_task() is not t)
    print(await t, t.done(), repr(t).split(" coro=")[0])
    print(await asyncio.gather(double(1), double(2), double(3)))
    t = asyncio.create_task(fail())
    try:
        await t
    except KeyError as e:
        print("task raised", repr(e), repr(t.exception()))
    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    print(t.cancel("enough"), t.cancelling(), t.cancel(), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled", e.args, t.cancelled(), t.uncancel())
    t = asyncio.create_task(double(5))
    t.set_name(7)
    print(repr(t.get_name()), t.get_coro().__name__)
    for call in (lambda: t.set_result(1), lambda: t.set_exception(ValueError)):
        try:
            call()
        except RuntimeError as e:
            print("RuntimeError:", e)
    await t
    try:
        await asyncio.wait_for(asyncio.sleep(5), 0.001)
    except asyncio.TimeoutError:
        print("timed out")
    print(asyncio.get_running_loop() is loop, _asyncio._get_running_loop() is loop)
    print(len(asyncio.all_tasks()), asyncio.current_task().get_name())

    async def awaits_itself():
        await asyncio.sleep(0)
        await me

    me = asyncio.create_task(awaits_itself())
    try:
        await me
    except RuntimeError as e:
        print("RuntimeError:", str(e).split(":")[0])

    async def bare_yield():
        await asyncio.sleep(0)
        yield_from_generator = (i for i in ())
        return yield_from_generator

    print(type(await asyncio.create_task(bare_yield())).__name__)

    # An exception thrown into a coroutine that handles one chains to it.
    try:
        raise KeyError(3)
    except KeyError:
        try:
            await asyncio.create_task(fail())
        except KeyError as e:
            print("context:", repr(e.__context__))

loop.run_until_complete(main())

try:
    asyncio.Task(42, loop=loop)
except TypeError as e:
    print("TypeError:", e)

class CoroLike:
    # Not an iterator: a task sends into it.
    def send(self, value):
        raise StopIteration(99)
    def throw(self, *args):
        pass
    def close(self):
        pass
    def __await__(self):
        return self

import collections.abc
collections.abc.Coroutine.register(CoroLike)
print(loop.run_until_complete(asyncio.Task(CoroLike(), loop=loop)))

try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
print(_asyncio._get_running_loop())
try:
    _asyncio._leave_task(loop, None)
except RuntimeError as e:
    print("RuntimeError:", e)
_asyncio._enter_task(loop, "t")
try:
    _asyncio._enter_task(loop, "u")
except RuntimeError as e:
    print("RuntimeError:", e)
_asyncio._leave_task(loop, "t")

# What a coroutine must not yield.
import types

@types.coroutine
def yields(value):
    yield value

async def awaits(value):
    await yields(value)

for value in (5, (i for i in ()), asyncio.Future(loop=asyncio.new_event_loop())):
    try:
        loop.run_until_complete(awaits(value))
    except RuntimeError as e:
        print("RuntimeError:", str(e).split(" <")[0].split(":")[0])
loop.close()
