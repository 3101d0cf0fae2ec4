# Slicing without a slice object (exact lists, tuples, ASCII strs, int
# or None bounds) and everything that takes the general path.

a = list(range(10))
t = tuple(a)
s = "abcdefghij"
u = "äbcdé"
for lo in [None, -12, -3, 0, 2, 9, 15]:
    for hi in [None, -12, -1, 0, 4, 10, 20]:
        print(lo, hi, a[lo:hi], t[lo:hi], s[lo:hi], u[lo:hi])
for step in [1, 2, -1, -3, None]:
    print(step, a[::step], a[8:2:step], t[1::step], s[::step], u[::step], s[-2:1:step])
print(t[:] is t, t[0:10] is t, s[:] is s, s[0:] is s, a[:] is a, a[:] == a)
print(a[True:3], a[0:2**70], a[-2**70:2], s[False:2])
try:
    a[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    a["x":2]
except TypeError as e:
    print("TypeError:", e)


class L(list):
    def __getitem__(self, key):
        return ("L", key)

    def __setitem__(self, key, value):
        print("set", key, value)


ll = L([1, 2, 3])
print(ll[1:2], ll[::2])
ll[0:1] = [9]
b = list(range(6))
b[1:3] = b
print(b)
b[2:2] = (7, 8)
print(b)
b[5:] = []
print(b)
b[-100:100] = [0]
print(b)
b[3:1] = [5, 6]
print(b)
c = [1, 2, 3, 4]
c[1:3] = "xy"
print(c)
c[::2] = [0, 0]
print(c)
try:
    c[::2] = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    c[0:1] = 5
except TypeError as e:
    print("TypeError:", e)
t2 = (1, 2)
try:
    t2[0:1] = [3]
except TypeError as e:
    print("TypeError:", e)
