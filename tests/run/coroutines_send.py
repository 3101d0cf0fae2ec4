# coroutines send
import sys
class Future:
    def __init__(self): self.result = None
    def __await__(self):
        value = yield self
        return value
async def fetch(n):
    value = await Future()
    return value * n
async def main():
    a = await fetch(2)
    b = await fetch(3)
    return a + b
coro = main()
print(type(coro).__name__)
fut = coro.send(None)
print(type(fut).__name__)
fut = coro.send(10)
try:
    coro.send(100)
except StopIteration as e:
    print("result", e.value)
async def simple():
    return "simple"
c = simple()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
async def raiser():
    raise ValueError("in coroutine")
try:
    raiser().send(None)
except ValueError as e:
    print("ValueError:", e)
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def add(a, b):
    return a + b
async def chain():
    total = 0
    for i in range(3):
        total += await add(i, 10)
    return total
print(run(chain()))
