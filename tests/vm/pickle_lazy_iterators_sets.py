# zip, map, filter and enumerate pickle what they go on with; sets reduce
# to their items and their instance dict.
import copy
import pickle

for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    z = zip([1, 2, 3], "abc")
    next(z)
    print(proto, list(pickle.loads(pickle.dumps(z, proto))))
    m = map(pow, [2, 3], [5, 2])
    print(list(pickle.loads(pickle.dumps(m, proto))))
    f = filter(None, [0, 1, "", "x"])
    print(list(pickle.loads(pickle.dumps(f, proto))))
    e = enumerate("xyz", 10)
    next(e)
    print(list(pickle.loads(pickle.dumps(e, proto))))

z = pickle.loads(pickle.dumps(zip([1, 2], [3], strict=True)))
try:
    list(z)
except ValueError as e:
    print("ValueError", e)
print(type(zip([1], [2]).__reduce__()[1]).__name__, len(zip([1], [2], strict=True).__reduce__()))

done = map(abs, [])
list(done)
print(list(pickle.loads(pickle.dumps(done))))

print({3, 1, 2}.__reduce__()[0].__name__, sorted({3, 1, 2}.__reduce__()[1][0]), frozenset().__reduce__())

class S(set):
    pass

s = S([1, 2])
s.tag = "t"
r = s.__reduce__()
print(r[0].__name__, sorted(r[1][0]), r[2])
c = copy.deepcopy(s)
print(type(c).__name__, sorted(c), c.tag)
p = pickle.loads(pickle.dumps(s, 2))
print(type(p).__name__, sorted(p), p.tag)
print(set.__reduce_ex__({1}, 2)[0].__name__)
