# Built-in iterators pickle as iter() of what is left, and ranges pickle
# by their fields.
import pickle
def roundtrip(it):
    return list(pickle.loads(pickle.dumps(it)))
r = iter(range(5)); next(r); print(roundtrip(r), pickle.loads(pickle.dumps(range(1, 9, 2))))
r = iter(range(10, 0, -3)); next(r); print(roundtrip(r))
s = iter("aé€😀b"); next(s); next(s); print(s.__reduce__(), roundtrip(s))
d = iter({1: 2, 3: 4, 5: 6}); next(d); print(d.__reduce__(), roundtrip(d))
print(roundtrip(iter({1: 2}.values())), roundtrip(iter({1: 2}.items())))
st = iter({7}); print(roundtrip(st))
c = iter([1, 2, 3].pop, 1); print(c.__reduce__()[1][1], roundtrip(c))
e = iter([]); list(e); print(e.__reduce__())
e = iter(range(0)); list(e); print(roundtrip(e))
x = iter(range(10)); x.__setstate__(7); print(list(x))
y = iter("héllo"); y.__setstate__(2); print(list(y))
