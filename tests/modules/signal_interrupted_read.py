# A signal interrupts a blocking read; its handler runs while the read
# waits, and the read goes on (PEP 475): here the handler writes what the
# read is waiting for.
import io
import os
import signal

r, w = os.pipe()


def handler(signum, frame):
    os.write(w, b"bar")


signal.signal(signal.SIGALRM, handler)
signal.setitimer(signal.ITIMER_REAL, 0.05)
print(os.read(r, 3))
os.write(w, b"foo")
signal.setitimer(signal.ITIMER_REAL, 0.05)
with io.open(r, "rb", closefd=False) as f:
    print(f.read(6))


def raising(signum, frame):
    raise InterruptedError("from the handler")


signal.signal(signal.SIGALRM, raising)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    os.read(r, 1)
except InterruptedError as e:
    print("handler's exception:", e)
signal.signal(signal.SIGALRM, signal.SIG_DFL)
os.close(r)
os.close(w)
