# `-m MODULE` runs a module of sys.path as __main__, as runpy does.
import os
import subprocess
import sys
import tempfile

run = lambda *args, **kw: subprocess.run([sys.executable, *args], capture_output=True, text=True, **kw)

r = run("-m", "json.tool", "--sort-keys", input='{"b": [1, 2], "a": null}')
print(r.returncode, r.stdout, end="")

r = run("-m", "no_such_module_here")
print(r.returncode, r.stderr.strip().endswith("No module named no_such_module_here"))

with tempfile.TemporaryDirectory() as d:
    os.mkdir(os.path.join(d, "pk"))
    with open(os.path.join(d, "pk", "__init__.py"), "w") as f:
        f.write("")
    with open(os.path.join(d, "pk", "__main__.py"), "w") as f:
        f.write("import sys\nprint('package main', sys.argv[1:], __name__, __spec__.name, sys.argv[0].endswith('__main__.py'))\n")
    with open(os.path.join(d, "m1.py"), "w") as f:
        f.write("import sys\nprint('module', sys.argv[1:], __name__, sys.path[0] == __import__('os').getcwd())\nsys.exit(3)\n")
    r = run("-m", "pk", "a", "b", cwd=d)
    print(r.returncode, r.stdout, end="")
    r = run("-m", "m1", "x", cwd=d)
    print(r.returncode, r.stdout, end="")

r = run("-m")
print(r.returncode, "Argument expected for the -m option" in r.stderr)
