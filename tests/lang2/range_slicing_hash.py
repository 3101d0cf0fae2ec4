for r in (range(5), range(2, 20, 3), range(10, 0, -3), range(0), range(-5, 5)):
    for s in (slice(None, None, 2), slice(1, -1), slice(None, None, -1), slice(-2, None, -2), slice(100, 200), slice(3, 1)):
        print(r, s, r[s], list(r[s]) == list(r)[s])
print(hash(range(0)) == hash(range(5, 5)), hash(range(1, 2)) == hash(range(1, 3, 5)))
try:
    hash(slice(1))
except TypeError as e:
    print(e)
