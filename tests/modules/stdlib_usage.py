# Programs as the standard library's users write them: pickle in every
# protocol, inspect, json and re errors, typing protocols, warnings,
# argparse errors, pathlib/os.walk/glob/shutil archives, tracebacks;
# built-in functions pickle by name, built-in classes name their module.
import pickle, inspect, traceback, warnings, argparse, tempfile, shutil, pathlib, os, glob, json, re, sys, typing, io, contextlib
class P:
    def __init__(self, a): self.a = a
    def __eq__(self, o): return type(o) is P and o.a == self.a
for proto in range(0, 6):
    print(proto, pickle.loads(pickle.dumps([P(1), {"k": (1, 2.5, None)}, b"x", {3}], protocol=proto)) == [P(1), {"k": (1, 2.5, None)}, b"x", {3}])
def sample(x, y=2):
    "doc"
    return x + y
print(inspect.getsource(sample).splitlines()[0], inspect.getdoc(sample), inspect.getfullargspec(sample).args, inspect.getmodule(sample).__name__)
try:
    json.loads('{"a": }')
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e)
try:
    re.compile("(unclosed")
except re.error as e:
    print("re.error:", e)
@typing.runtime_checkable
class HasLen(typing.Protocol):
    def __len__(self) -> int: ...
print(isinstance([], HasLen), isinstance(3, HasLen))
with warnings.catch_warnings():
    warnings.simplefilter("always")
    f = io.StringIO()
    with contextlib.redirect_stderr(f):
        warnings.warn("deprecated thing", DeprecationWarning)
    print(f.getvalue().split(": ", 1)[1])
p = argparse.ArgumentParser(prog="tool")
p.add_argument("--count", type=int, required=True)
f = io.StringIO()
with contextlib.redirect_stderr(f):
    try:
        p.parse_args(["--count", "x"])
    except SystemExit as e:
        print("exit", e.code)
print(f.getvalue())
d = pathlib.Path(tempfile.mkdtemp())
(d / "sub").mkdir(); (d / "sub" / "a.txt").write_text("hello"); (d / "b.py").write_bytes(b"x=1")
print(sorted(str(x.relative_to(d)) for x in d.rglob("*")), (d / "sub" / "a.txt").read_text(), (d / "b.py").stat().st_size)
print(sorted(os.path.relpath(os.path.join(r, f), d) for r, _, fs in os.walk(d) for f in fs))
print(sorted(os.path.relpath(x, d) for x in glob.glob(str(d / "**" / "*"), recursive=True)))
arch = shutil.make_archive(str(d / "arch"), "gztar", d / "sub"); print(os.path.basename(arch), os.path.getsize(arch) > 0)
arch = shutil.make_archive(str(d / "arch"), "zip", d / "sub"); print(os.path.basename(arch))
shutil.rmtree(d)
try:
    def inner(): raise ValueError("bad")
    inner()
except ValueError:
    tb = traceback.format_exc()
    print(tb.splitlines()[0], tb.splitlines()[-1], len(traceback.extract_tb(sys.exc_info()[2])))
import codecs
print(type(len).__module__, len.__reduce__(), codecs.encode.__reduce__(), [].append.__reduce__()[0] is getattr)
print(int.__module__, type(sys.flags).__module__, type(iter([])).__module__)
try:
    int.__module__ = "x"
except TypeError as e:
    print("TypeError:", e)
class K: pass
K.__module__ = "elsewhere"
print(K.__module__, repr(K))
