# python3's command-line options: sys.flags, -W and PYTHONWARNINGS, -X,
# -O and -OO, -E and -I, -x, -P, and the errors for a bad command line.
import os
import subprocess
import sys
import tempfile

def run(*args, env=None, input=None):
    environ = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    environ.update(env or {})
    return subprocess.run([sys.executable, *args], capture_output=True, text=True,
                          env=environ, input=input)

FLAGS = "import sys; f = sys.flags; print(f.optimize, f.dont_write_bytecode, f.no_user_site, f.ignore_environment, f.bytes_warning, f.quiet, f.isolated, f.dev_mode, f.safe_path, f.verbose, f.inspect == 0)"

for options in ([], ["-OO", "-B", "-s", "-q", "-bb"], ["-O", "-E", "-v"], ["-I"], ["-X", "dev", "-P"], ["-BsqOc"]):
    args = options + ["-c", FLAGS] if options != ["-BsqOc"] else ["-BsqOc", FLAGS]
    r = run(*args)
    print(options, r.returncode, r.stdout.strip())

r = run("-W", "once", "-Wignore::DeprecationWarning", "-X", "dev", "-X", "int_max_str_digits=800", "-c",
        "import sys; print(sys.warnoptions, sys._xoptions, sys.flags.int_max_str_digits)",
        env={"PYTHONWARNINGS": "always,error::UserWarning"})
print(r.returncode, r.stdout.strip())
r = run("-E", "-c", "import sys; print(sys.warnoptions)", env={"PYTHONWARNINGS": "error"})
print("-E:", r.stdout.strip())
r = run("-c", "import sys; print(sys.flags.dont_write_bytecode, sys.dont_write_bytecode)",
        env={"PYTHONDONTWRITEBYTECODE": "1"})
print("PYTHONDONTWRITEBYTECODE:", r.stdout.strip())

r = run("-W", "error", "-c", "import warnings; warnings.warn('boom')")
print("-W error:", r.returncode, r.stderr.strip().splitlines()[-1])
r = run("-c", "import warnings; warnings.warn('shown', DeprecationWarning); print('ran')")
print("__main__ deprecation:", r.stdout.strip(), r.stderr.strip().splitlines()[-1])

PROGRAM = """
def f():
    'a docstring'
class C:
    'a class docstring'
print(__debug__, f.__doc__, C.__doc__)
try:
    assert False, 'checked'
except AssertionError as e:
    print('assert ran:', e)
print(compile('assert 0', 's', 'exec', optimize=0) is not None)
"""
for options in ([], ["-O"], ["-OO"]):
    r = run(*options, "-c", PROGRAM)
    print(options, r.stdout.strip().replace("\n", " | "))

with tempfile.TemporaryDirectory() as d:
    script = os.path.join(d, "script.py")
    with open(script, "w") as f:
        f.write("this first line is not Python\nimport sys\nprint(sys.argv[1:], sys.path[0] == __import__('os').path.dirname(__file__))\nraise ValueError('line 4')\n")
    r = run("-x", script, "a", "-b")
    print("-x:", r.returncode, r.stdout.strip(), r.stderr.strip().splitlines()[-3].strip().split(", ")[1])
    r = run("-x", "-P", script)
    print("-P:", r.stdout.strip())

for bad in (["-Q"], ["-X"], ["-W"], ["--bogus"], ["-X", "int_max_str_digits=5", "-c", "pass"]):
    r = run(*bad)
    print(bad, r.returncode, r.stderr.splitlines()[0].replace(os.path.basename(sys.executable), "PY"))
r = run("-c")
print("-c alone:", r.returncode, r.stderr.splitlines()[0])
r = run("-", "x", input="import sys; print(sys.argv)")
print("stdin:", r.stdout.strip())
r = run("-c", "import sys; print(sys.argv)", "-O", "--", "z")
print("after -c:", r.stdout.strip())
