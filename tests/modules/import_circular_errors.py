# A circular import that CPython cannot finish fails with its messages:
# an attribute of a module still running its code is "partially
# initialized", for `from m import name` and for `m.name`, by Krait's
# loader and by importlib's.
import importlib.util
import os
import sys
import tempfile

root = tempfile.mkdtemp()
for name, text in {
    "loop_a.py": "from loop_b import thing\nvalue = 1\n",
    "loop_b.py": "from loop_a import value\nthing = 2\n",
    "attr_a.py": "import attr_b\nvalue = 1\n",
    "attr_b.py": "import attr_a\nprint(attr_a.value)\n",
}.items():
    with open(os.path.join(root, name), "w") as f:
        f.write(text)
sys.path.insert(0, root)


def show(e):
    print(type(e).__name__ + ":", str(e).replace(root, "<root>"))


try:
    import loop_a
except ImportError as e:
    show(e)
    print(e.name, e.path.replace(root, "<root>"))
try:
    import attr_a
except AttributeError as e:
    show(e)
print(sorted(m for m in sys.modules if m.startswith(("loop_", "attr_"))))

spec = importlib.util.spec_from_file_location("by_importlib", os.path.join(root, "loop_a.py"))
module = importlib.util.module_from_spec(spec)
spec._initializing = True
try:
    module.anything
except AttributeError as e:
    show(e)
spec._initializing = False
try:
    module.anything
except AttributeError as e:
    show(e)
