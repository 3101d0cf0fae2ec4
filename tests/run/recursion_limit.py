# recursion limit
import sys
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
d = depth(0)
print(900 < d < 1000)
sys.setrecursionlimit(200)
def down(n):
    return 0 if n == 0 else 1 + down(n - 1)
print(down(150))
try:
    down(500)
except RecursionError as e:
    print("RecursionError:", e)
