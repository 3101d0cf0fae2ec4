# signal: Python handlers run between instructions (in a loop, during
# time.sleep), their exceptions propagate, dispositions and timers.
import os
import signal
import time

print(signal.SIGINT, signal.SIGTERM, signal.NSIG, repr(signal.SIGUSR1), signal.Signals(15).name)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGUSR1), signal.getsignal(signal.SIGPIPE))
seen = []


def handler(signum, frame):
    seen.append((signum, frame is not None))


old = signal.signal(signal.SIGUSR1, handler)
print(old, signal.getsignal(signal.SIGUSR1) is handler)
os.kill(os.getpid(), signal.SIGUSR1)
n = 0
while not seen and n < 10_000_000:
    n += 1
print("handled in a loop:", seen)

signal.raise_signal(signal.SIGUSR1)
print("raise_signal runs it at once:", len(seen))


class Stop(Exception):
    pass


def stopper(signum, frame):
    raise Stop(signal.Signals(signum).name)


signal.signal(signal.SIGALRM, stopper)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    time.sleep(5)
    print("slept through")
except Stop as e:
    print("sleep interrupted by", e)
print(signal.getitimer(signal.ITIMER_REAL))

signal.signal(signal.SIGALRM, stopper)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    while True:
        pass
except Stop as e:
    print("loop interrupted by", e)

print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is handler)
os.kill(os.getpid(), signal.SIGUSR1)
print(signal.getsignal(signal.SIGUSR1))
signal.signal(signal.SIGUSR1, signal.SIG_DFL)

for bad in [(signal.SIGKILL, handler), (signal.SIGINT, 5), (100, handler), (0, handler)]:
    try:
        signal.signal(*bad)
    except (OSError, TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
print(signal.strsignal(signal.SIGINT), signal.strsignal(signal.SIGTERM))
print(len(signal.valid_signals()), signal.SIGRTMIN, signal.SIGRTMAX)
print(signal.pthread_sigmask(signal.SIG_BLOCK, []), signal.sigpending())
print(signal.set_wakeup_fd(-1))
print(issubclass(signal.ItimerError, OSError))
