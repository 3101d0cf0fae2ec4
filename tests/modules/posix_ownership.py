# chown and its kin, fchmod, mkfifo and getrandom.
import os, stat, tempfile
d = tempfile.mkdtemp()
p = os.path.join(d, "f")
open(p, "w").close()
os.chown(p, -1, -1)
os.chown(p, os.getuid(), os.getgid())
os.lchown(p, -1, -1)
fd = os.open(p, os.O_RDONLY)
os.fchown(fd, -1, -1)
os.chown(fd, -1, -1)
os.fchmod(fd, 0o600)
print(oct(stat.S_IMODE(os.stat(p).st_mode)))
os.close(fd)
os.chown(p, -1, -1, follow_symlinks=False)
print(os.chown in os.supports_fd, os.chown in os.supports_follow_symlinks, os.fchmod in os.supports_fd)
for bad in [lambda: os.chown(p, -2, -1), lambda: os.chown(p, 2**32, -1), lambda: os.chown(p, 2**64, -1), lambda: os.chown(p, -2**70, -1), lambda: os.chown(p, "x", -1), lambda: os.chown(os.path.join(d, "missing"), -1, -1)]:
    try:
        bad()
    except (OverflowError, TypeError, OSError) as e:
        print(type(e).__name__, str(e).replace(d, "D"))
q = os.path.join(d, "fifo")
os.mkfifo(q)
print(stat.S_ISFIFO(os.stat(q).st_mode))
try:
    os.mkfifo(q)
except FileExistsError as e:
    print("FileExistsError", e.errno)
print(len(os.getrandom(16)), len(os.getrandom(5, os.GRND_NONBLOCK)), os.getrandom(0))
try:
    os.getrandom(-1)
except OSError as e:
    print(type(e).__name__, e.errno)
import shutil
shutil.rmtree(d)
