# Imported modules are compiled once and cached in __pycache__ (under the
# implementation's cache tag); a changed source or a damaged cache file is
# recompiled; code objects go through marshal.
import importlib
import importlib.util
import marshal
import os
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = False
root = tempfile.mkdtemp()
source = os.path.join(root, "cached_mod.py")
with open(source, "w") as f:
    f.write("VALUE = 'first'\ndef double(x):\n    return [x * 2 for _ in range(1)][0]\n")
sys.path.insert(0, root)

import cached_mod

cache = importlib.util.cache_from_source(source)
print(cached_mod.VALUE, cached_mod.double(21))
print(os.path.exists(cache), cached_mod.__cached__ == cache)

run = [sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); import cached_mod; print(cached_mod.VALUE, cached_mod.double(4))", root]
env = dict(os.environ)
env.pop("PYTHONDONTWRITEBYTECODE", None)
print(subprocess.run(run, capture_output=True, text=True, env=env).stdout.strip())

# A changed source (another size) is compiled again, not read from the cache.
with open(source, "w") as f:
    f.write("VALUE = 'second, longer'\ndef double(x):\n    return x + x\n")
print(subprocess.run(run, capture_output=True, text=True, env=env).stdout.strip())

# A cache file that is not one is ignored.
with open(cache, "wb") as f:
    f.write(b"garbage")
print(subprocess.run(run, capture_output=True, text=True, env=env).stdout.strip())

importlib.reload(cached_mod)
print(cached_mod.VALUE)

code = compile("def f(n):\n    return sum(i * i for i in range(n))\nresult = f(10)\n", "<marshalled>", "exec")
data = marshal.dumps(code)
ns = {}
exec(marshal.loads(data), ns)
print(ns["result"], type(marshal.loads(data)).__name__)

import shutil
shutil.rmtree(root)
