# A signal a process sends itself with os.kill is handled before kill
# returns, so the handler's exception is raised inside the try.
import os
import signal

caught = []


def handler(signum, frame):
    caught.append(signum)
    raise KeyboardInterrupt


signal.signal(signal.SIGUSR1, handler)
try:
    os.kill(os.getpid(), signal.SIGUSR1)
    print("kill returned first", caught)
except KeyboardInterrupt:
    print("raised inside the try", caught == [signal.SIGUSR1])
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
