# Threads: start and join, locks under contention, conditions, events,
# semaphores, barriers, queues, thread-local data, per-thread contexts,
# thread pools, exceptions in threads, and non-daemon threads at exit.
import contextvars
import queue
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

# Many threads adding under a lock, each giving way at loop back edges.
lock = threading.Lock()
total = 0


def add(n):
    global total
    for _ in range(n):
        with lock:
            total += 1


workers = [threading.Thread(target=add, args=(5000,), name=f"adder-{i}") for i in range(4)]
for t in workers:
    t.start()
print("alive while running:", all(t.is_alive() or t.ident for t in workers))
for t in workers:
    t.join()
print("total", total, [t.is_alive() for t in workers], threading.active_count())

# Identities of threads alive together differ; the main thread is the
# main thread.
idents = {}
together = threading.Barrier(3)


def record(k):
    idents[k] = threading.get_ident()
    together.wait()


ts = [threading.Thread(target=record, args=(k,)) for k in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(set(idents.values())), threading.get_ident() not in idents.values(),
      threading.current_thread() is threading.main_thread())

# Producer and consumer through a queue, in order.
q = queue.Queue(maxsize=2)
got = []


def producer():
    for i in range(10):
        q.put(i)
    q.put(None)


def consumer():
    while (item := q.get()) is not None:
        got.append(item)
        q.task_done()
    q.task_done()


c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start()
p.start()
q.join()
p.join()
c.join()
print("queue", got)

# Condition: waiters woken by notify_all see the state change.
cond = threading.Condition()
ready = False
seen = []


def waiter(k):
    with cond:
        while not ready:
            cond.wait()
        seen.append(k)


ws = [threading.Thread(target=waiter, args=(k,)) for k in range(3)]
for w in ws:
    w.start()
time.sleep(0.01)
with cond:
    ready = True
    cond.notify_all()
for w in ws:
    w.join()
print("condition", sorted(seen))

# Event with and without a timeout; Semaphore bounds; Barrier.
ev = threading.Event()
print("event timeout", ev.wait(0.01))
threading.Timer(0.01, ev.set).start()
print("event set", ev.wait(5))
sem = threading.BoundedSemaphore(2)
inside = []
most = 0


def limited():
    global most
    with sem:
        inside.append(1)
        most = max(most, len(inside))
        time.sleep(0.005)
        inside.pop()


ls = [threading.Thread(target=limited) for _ in range(5)]
for t in ls:
    t.start()
for t in ls:
    t.join()
print("semaphore most", most)
try:
    sem.release()
except ValueError as e:
    print("ValueError:", e)
barrier = threading.Barrier(3)
order = []


def meet(k):
    order.append(("before", k))
    barrier.wait()
    order.append(("after", k))


bs = [threading.Thread(target=meet, args=(k,)) for k in range(3)]
for t in bs:
    t.start()
for t in bs:
    t.join()
print("barrier", all(o[0] == "before" for o in order[:3]), len(order))

# RLock re-entry, and a lock with a timeout held by another thread.
r = threading.RLock()
with r:
    with r:
        print("rlock owned", r._is_owned())
held = threading.Lock()
held.acquire()
out = []
t = threading.Thread(target=lambda: out.append(held.acquire(timeout=0.01)))
t.start()
t.join()
print("timed acquire", out)
held.release()

# Thread-local data: each thread has its own attributes, __init__ per thread.
class Local(threading.local):
    def __init__(self, start):
        self.value = start


loc = Local(10)
loc.value = 11
results = []


def use_local(k):
    results.append((k, loc.value))
    loc.value = k
    time.sleep(0.002)
    results.append((k, loc.value))


ts = [threading.Thread(target=use_local, args=(k,)) for k in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("local", sorted(results), loc.value)

# contextvars: a new thread starts with an empty context.
var = contextvars.ContextVar("var", default="default")
var.set("main")
seen_var = []
t = threading.Thread(target=lambda: (seen_var.append(var.get()), var.set("thread"), seen_var.append(var.get())))
t.start()
t.join()
print("contextvar", seen_var, var.get())
ctx = contextvars.copy_context()
t = threading.Thread(target=lambda: seen_var.append(ctx.run(var.get)))
t.start()
t.join()
print("context run", seen_var[-1])

# Thread pools: map keeps order; exceptions come back through futures.
with ThreadPoolExecutor(max_workers=3) as pool:
    print("map", list(pool.map(lambda x: x * x, range(8))))
    futures = [pool.submit(divmod, 10, d) for d in (3, 0, 4)]
    for f in futures:
        try:
            print("result", f.result())
        except ZeroDivisionError as e:
            print("raised", type(e).__name__, e)
    print("completed", sorted(f.done() for f in as_completed(futures)))

# An exception in a thread goes to threading.excepthook.
def hook(args):
    print("excepthook:", args.exc_type.__name__, args.exc_value, args.thread.name)


threading.excepthook = hook
t = threading.Thread(target=lambda: 1 / 0, name="failing")
t.start()
t.join()
threading.excepthook = threading.__excepthook__

# Names, daemon flags, enumerate.
d = threading.Thread(target=time.sleep, args=(10,), daemon=True, name="sleeper")
d.start()
print(sorted(t.name for t in threading.enumerate()), d.daemon)

# A non-daemon thread still running when the main program ends is joined.
def late():
    time.sleep(0.02)
    print("late thread done")


threading.Thread(target=late).start()
print("main done")
