# exit() and quit() raise SystemExit like sys.exit; dir(module) lists its namespace.
import sys
print("argv" in dir(sys), "__class__" in dir(sys))
try:
    exit(4)
except SystemExit as e:
    print("code", e.code)
try:
    quit()
except SystemExit as e:
    print("code", e.code)
exit("bye")
