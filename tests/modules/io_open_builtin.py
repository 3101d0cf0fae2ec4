# io.open is a built-in function: kept in a class body it does not bind.
import builtins
import io
import os
import tempfile

print(io.open, type(io.open).__name__, builtins.open is io.open)


class Opener:
    open = io.open


path = os.path.join(tempfile.mkdtemp(), "f.txt")
with Opener().open(path, "w", buffering=1, encoding="utf-8") as f:
    f.write("hello")
with Opener().open(path, "rb", buffering=0) as f:
    print(type(f).__name__, f.read())
os.remove(path)
os.rmdir(os.path.dirname(path))
