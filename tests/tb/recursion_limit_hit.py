import sys


def down(n):
    return down(n + 1)


sys.setrecursionlimit(200)
try:
    down(0)
except RecursionError as e:
    print("caught:", e)
print(sys.getrecursionlimit())
down(0)
