"""Rich comparisons across the built-in types: numbers of every size with
each other, sequences with their own kind, dicts for equality, sets with the
set-like dict views, and everything else only by identity for == and !=."""

d = {1: 2, 3: 4}
vals = [0, 1, True, 2**70, -2**70, 1.5, float('nan'), 2.0**70, 1j, 1+0j, 'a', 'b', b'a', bytearray(b'a'), (1, 2), (1,), [1, 2], [1],
        {1: 2}, {3: 4, 1: 2}, {1, 2}, frozenset({1}), d.keys(), d.items(), d.values(), None, range(3), range(0, 3), slice(1)]
ops = [lambda a, b: a < b, lambda a, b: a <= b, lambda a, b: a == b, lambda a, b: a != b, lambda a, b: a > b, lambda a, b: a >= b]
for a in vals:
    for b in vals:
        row = []
        for op in ops:
            try:
                row.append(str(op(a, b))[0])
            except TypeError as e:
                row.append('E')
        print(type(a).__name__, type(b).__name__, ''.join(row))
try:
    1j < 2
except TypeError as e:
    print(e)
try:
    {} < {}
except TypeError as e:
    print(e)
print(sorted([(2, 'b'), (1, 'z'), (1, 'a')]), sorted([2**70, 1.5, -2**70, 3]))
