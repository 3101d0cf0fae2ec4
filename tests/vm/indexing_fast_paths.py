# Indexing of lists and tuples by ints, and of their subclasses.
xs = [10, 20, 30, 40]
t = (1, 2, 3)
print(xs[0], xs[-1], xs[-4], t[2], t[-3])
xs[1] = "b"
xs[-1] = "d"
print(xs)
print(xs[True], t[False])


class Logged(list):
    def __getitem__(self, i):
        print("get", i)
        return super().__getitem__(i)

    def __setitem__(self, i, v):
        print("set", i, v)
        super().__setitem__(i, v)


lg = Logged([1, 2, 3])
print(lg[1])
lg[0] = 9
print(lg)


class Tup(tuple):
    def __getitem__(self, i):
        return ("tup", i)


print(Tup((1, 2))[0])

for bad in (4, -5, 10**20):
    try:
        xs[bad]
    except IndexError as e:
        print("IndexError", e)
try:
    t[3]
except IndexError as e:
    print("IndexError", e)
try:
    xs[4] = 1
except IndexError as e:
    print("IndexError", e)
try:
    xs["a"]
except TypeError as e:
    print("TypeError", e)
try:
    t[1.0]
except TypeError as e:
    print("TypeError", e)

# matrix-style loops
m = [[i * 3 + j for j in range(3)] for i in range(3)]
for i in range(3):
    for j in range(3):
        m[i][j] *= 2
print(m)
total = 0
for i in range(3):
    total += m[i][i]
print(total)
