# deep structures
l = []
for _ in range(100000):
    l = [l]
try:
    repr(l)
except RecursionError as e:
    print("RecursionError:", e)
t = ()
for _ in range(100000):
    t = (t,)
u = ()
for _ in range(100000):
    u = (u,)
try:
    print(t == u)
except RecursionError as e:
    print("RecursionError:", e)
d = {}
cur = d
for _ in range(50):
    cur["k"] = {}
    cur = cur["k"]
print(len(repr(d)))
a = [1]
a.append(a)
print(a, str(a))
dd = {"self": None}
dd["self"] = dd
print(dd)
