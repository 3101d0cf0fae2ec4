# The standard streams have a binary layer (buffer) and tell their
# encoding, error handlers, names and modes.
import sys

print("text first", flush=True)
sys.stdout.buffer.write(b"bytes second\n")
sys.stdout.buffer.flush()
print("text third", flush=True)
n = sys.stdout.buffer.write(bytearray(b"\xc3\xa9\n"))
sys.stdout.buffer.flush()
print(n, sys.stdout.buffer is sys.stdout.buffer, type(sys.stdin.buffer).__name__)
for s in (sys.stdin, sys.stdout, sys.stderr):
    print(s.name, s.mode, s.encoding, s.errors, s.closed, s.newlines,
          s.buffer.name, s.buffer.mode, s.buffer.fileno(), s.buffer.closed)
print(sys.stdout.buffer.writable(), sys.stdin.buffer.readable(), sys.stdout.buffer.seekable())
try:
    sys.stdout.write("surrogate: \udcff\n")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e.reason)
sys.stderr.write("escaped: \udcff\n")
sys.stdout.reconfigure(line_buffering=True)
print(sys.stdout.line_buffering)
sys.stdout.reconfigure(encoding="utf-8")
try:
    sys.stdout.buffer.write("str")
except TypeError as e:
    print("TypeError", e)
try:
    sys.stdout.reconfigure(bogus=1)
except TypeError as e:
    print("TypeError", e)
sys.stderr.buffer.write(b"to stderr\n")
sys.stderr.buffer.flush()
print(sys.stdin.buffer.readline(), sys.stdin.buffer.read(0), sys.stdin.buffer.read())
