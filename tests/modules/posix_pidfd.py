# os.pidfd_open: a descriptor for a process, which asyncio's
# PidfdChildWatcher polls until the child exits.
import os
import select
import subprocess
import sys

fd = os.pidfd_open(os.getpid())
print(type(fd).__name__, fd > 2)
os.close(fd)

child = subprocess.Popen([sys.executable, "-c", "pass"])
fd = os.pidfd_open(child.pid, 0)
ready, _, _ = select.select([fd], [], [], 10)
print("readable when the child exits:", ready == [fd])
os.close(fd)
print("exit status", child.wait())

for bad in ((-5,), (os.getpid(), 12345)):
    try:
        os.pidfd_open(*bad)
    except OSError as e:
        print(type(e).__name__, e.errno)
try:
    os.pidfd_open(pid=os.getpid(), flags="x")
except TypeError as e:
    print("TypeError")
