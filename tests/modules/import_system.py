# The import system: packages, relative and circular imports, namespace
# packages, module __getattr__/__dir__, finders written in Python on
# sys.meta_path, importlib's functions, specs and reload.
import os
import sys
import tempfile

root = tempfile.mkdtemp()


def write(path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(text)


write("pkg/__init__.py", "from .a import A\n__all__ = ['A', 'helper']\ndef helper(): return 'helped'\n_private = 1\n")
write("pkg/a.py", "from . import b\nA = 'a:' + b.B\n")
write("pkg/b.py", "B = 'b'\nfrom .sub.c import C\n")
write("pkg/sub/__init__.py", "")
write("pkg/sub/c.py", "from ..b import B\nC = 'c' + B\nfrom .. import a as parent_a\n")
write("circ1.py", "import circ2\nX = 1\ndef get(): return circ2.Y\n")
write("circ2.py", "import circ1\nY = 2\n")
write("broken.py", "value = 1\nraise ValueError('broken on import')\n")
write("lazy.py", "def __getattr__(name):\n    if name == 'dyn': return 'dynamic'\n    raise AttributeError(f'no {name} here')\ndef __dir__(): return ['dyn', 'zzz']\n")
write("nsp/part/mod.py", "WHERE = 'namespace'\n")
write("counter.py", "import sys\nsys.counter_loads = getattr(sys, 'counter_loads', 0) + 1\nN = sys.counter_loads\n")
write("data_pkg/__init__.py", "")
write("data_pkg/data.txt", "some data\n")
sys.path.insert(0, root)

import pkg
from pkg import *
print(pkg.A, helper(), "_private" in dir(), pkg.__package__, pkg.__name__)
import pkg.sub.c
print(pkg.sub.c.C, pkg.sub.c.parent_a.A, pkg.sub.c.__package__)
import circ1
print(circ1.X, circ1.get())

try:
    import broken
except ValueError as e:
    print("ValueError:", e, "broken" in sys.modules)

import lazy
print(lazy.dyn, dir(lazy))
try:
    lazy.other
except AttributeError as e:
    print("AttributeError:", e)

import nsp.part.mod
print(nsp.part.mod.WHERE, nsp.__file__, len(list(nsp.__path__)))

try:
    import pkg.missing
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    import circ1.nothing
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    from pkg import nothing
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0], e.name)

import importlib
import importlib.util

m = importlib.import_module(".b", "pkg")
print(m.__name__, m.__spec__.name, m.__spec__.parent, m.__loader__.__class__.__name__)
print(importlib.util.find_spec("pkg.sub").submodule_search_locations == pkg.sub.__path__)
print(importlib.util.find_spec("no_such_module_here"))
print(pkg.__spec__.origin == pkg.__file__, pkg.__spec__.submodule_search_locations == pkg.__path__)

import counter
print(counter.N)
importlib.reload(counter)
print(counter.N, sys.counter_loads)

from importlib import resources
print(resources.files("data_pkg").joinpath("data.txt").read_text().strip())


class Loader:
    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.greeting = "hello from " + module.__name__


class Finder:
    def find_spec(self, name, path, target=None):
        if name.startswith("virtual"):
            return importlib.util.spec_from_loader(name, Loader())
        return None


sys.meta_path.insert(0, Finder())
import virtual_one
print(virtual_one.greeting, type(virtual_one.__loader__).__name__)
from virtual_two import greeting
print(greeting)
import json
print(json.dumps([1]))
sys.meta_path.pop(0)
try:
    import virtual_three
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)


class Blocker:
    def find_spec(self, name, path, target=None):
        if name == "colorsys":
            raise ImportError("blocked " + name)


sys.meta_path.insert(0, Blocker())
try:
    import colorsys
except ImportError as e:
    print("ImportError:", e)
sys.meta_path.pop(0)
import colorsys
print(colorsys.rgb_to_hsv(1, 0, 0))

print([type(f).__name__ if not isinstance(f, type) else f.__name__ for f in sys.meta_path if "Distutils" not in type(f).__name__])

import shutil
shutil.rmtree(root)
