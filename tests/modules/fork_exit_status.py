# A child made by os.fork() ends with its own status (sys.exit, an
# uncaught exception, the end of the program), also after starting
# threads of its own; os.wait and os.waitpid report it.
import os
import sys
import threading


def child(kind):
    if kind == "exit":
        sys.exit(7)
    if kind == "raise":
        sys.stderr = open(os.devnull, "w")
        raise ValueError("in the child")
    if kind == "thread":
        t = threading.Thread(target=lambda: print("child thread ran", flush=True))
        t.start()
        t.join()
        late = threading.Thread(target=lambda: print("joined at exit", flush=True))
        late.start()


for kind in ["exit", "raise", "thread", "end"]:
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        child(kind)
        break
    if kind == "end":
        got, status = os.wait()
        print(kind, got == pid, os.waitstatus_to_exitcode(status))
    else:
        got, status = os.waitpid(pid, 0)
        print(kind, os.waitstatus_to_exitcode(status))
