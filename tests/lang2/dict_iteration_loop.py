# for over dicts and their views: order, exhaustion, changes during iteration.
d = {1: 2, 3: 4}
for k in d:
    print(k)
for v in d.values():
    print(v)
try:
    for k in d:
        d[k + 10] = 0
except RuntimeError as e:
    print(e)
d = {i: i for i in range(5)}
for k in d:
    if k == 2:
        del d[4]
        d[9] = 9
print(d)
for k in {}:
    print("never")
else:
    print("empty")
e = {"a": 1}
it = iter(e)
print(next(it), list(it), list(it))
