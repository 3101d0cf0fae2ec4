import sys

print("before exit")
try:
    sys.exit(3)
except SystemExit as e:
    print("caught SystemExit", e.code)
sys.stdout.flush()
raise SystemExit("fatal: giving up")
