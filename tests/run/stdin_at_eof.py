# Reading standard input when it is empty (the tests run with no input):
# every reading method sees the end; input() raises EOFError.
import sys

print(repr(sys.stdin.readline()), repr(sys.stdin.read()), sys.stdin.readlines())
print([line for line in sys.stdin])
print(sys.stdin.fileno(), sys.stdout.fileno(), sys.stderr.fileno())
print(sys.stdin.readable(), sys.stdout.writable())
sys.stdout.writelines(["one ", "two\n"])
try:
    input("prompt> ")
except EOFError as e:
    print()
    print("EOFError:", e)
