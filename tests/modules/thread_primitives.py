# _thread directly: start_new_thread with arguments, the thread count,
# argument errors, locks waited for across threads, interrupt_main, and
# blocking calls (sleep, select, socket reads) letting other threads run.
import _thread
import os
import select
import signal
import socket
import threading
import time

done = _thread.allocate_lock()
done.acquire()
got = []


def body(a, b, *, c):
    got.append((a, b, c, _thread._count()))
    done.release()


_thread.start_new_thread(body, (1, 2), {"c": 3})
done.acquire()
print(got)
for bad in [(1, ()), (body, [1]), (body, (), [])]:
    try:
        _thread.start_new_thread(*bad)
    except TypeError as e:
        print("TypeError:", e)

# A lock released by another thread wakes the waiter.
gate = _thread.allocate_lock()
gate.acquire()
events = []


def opener():
    events.append("opening")
    gate.release()


_thread.start_new_thread(opener, ())
print("acquired", gate.acquire(timeout=5), events)

# interrupt_main runs the main thread's SIGINT handler.
caught = []
old = signal.signal(signal.SIGINT, lambda s, f: caught.append(s))
t = threading.Thread(target=_thread.interrupt_main)
t.start()
t.join()
for _ in range(3):
    pass
signal.signal(signal.SIGINT, old)
print("interrupted", caught == [signal.SIGINT])

# While one thread sleeps or waits for a descriptor, the others run.
r, w = os.pipe()
log = []


def writer():
    log.append("writer runs")
    time.sleep(0.01)
    os.write(w, b"x")


threading.Thread(target=writer).start()
ready, _, _ = select.select([r], [], [], 5)
print("select", ready == [r], log, os.read(r, 1))
threading.Thread(target=lambda: os.write(w, b"pipe data")).start()
print("read", os.read(r, 100))
a, b = socket.socketpair()
threading.Thread(target=lambda: (time.sleep(0.01), b.sendall(b"over the socket"))).start()
print("recv", a.recv(100))
a.close()
b.close()
os.close(r)
os.close(w)

# Thread-local data of a finished thread goes away with it.
loc = _thread._local()
loc.x = "main"
finished = threading.Thread(target=lambda: setattr(loc, "x", "worker"))
finished.start()
finished.join()
print("local", loc.x)
print(type(_thread.get_native_id()).__name__, _thread.stack_size(), _thread.TIMEOUT_MAX > 1e6)
