# subprocess runs programs through _posixsubprocess.fork_exec: output
# captured, input piped, shells, cwd and env, errors from the child.
import subprocess, sys, os
r = subprocess.run(["echo", "hello", "world"], capture_output=True)
print(r.returncode, r.stdout, r.stderr)
r = subprocess.run("echo $((6*7)); echo err >&2; exit 3", shell=True, capture_output=True, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr))
print(subprocess.check_output(["cat"], input=b"piped in"))
try:
    subprocess.run(["definitely-not-a-program-xyz"])
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
try:
    subprocess.check_call(["false"])
except subprocess.CalledProcessError as e:
    print("CalledProcessError:", e)
r = subprocess.run(["pwd"], cwd="/", capture_output=True, text=True); print(r.stdout.strip())
r = subprocess.run(["sh", "-c", "echo $FOO"], env={"FOO": "bar", "PATH": os.environ["PATH"]}, capture_output=True, text=True); print(r.stdout.strip())
try:
    subprocess.run(["pwd"], cwd="/no/such/dir")
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
p = subprocess.Popen(["sh", "-c", "read x; echo got $x"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
out, _ = p.communicate("line\n"); print(out.strip(), p.returncode)
try:
    subprocess.run(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired:", e.cmd)
print(subprocess.getoutput("echo hi; exit 1"), subprocess.getstatusoutput("exit 2"))
r = subprocess.run([sys.executable, "-c", "print(6 * 7)"], capture_output=True, text=True)
print(r.stdout.strip(), r.returncode)
with open(os.devnull, "w") as null:
    print(subprocess.call(["sh", "-c", "echo to devnull"], stdout=null))
r = subprocess.run(["sh", "-c", "ls /proc/self/fd | wc -l"], capture_output=True, text=True, close_fds=True)
print("few descriptors:", int(r.stdout) < 8)
r = subprocess.run(["sh", "-c", "echo $$ > /dev/null; exit 7"], start_new_session=True)
print(r.returncode)
r, w = os.pipe()
os.write(w, memoryview(b"memoryview written\n")[:10])
os.close(w)
print(os.read(r, 100))
