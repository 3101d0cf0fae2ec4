"""The set operators of dict keys and items views, with sets, lists and
non-iterables on either side."""
d = {1: 'a', 2: 'b', 3: 'c'}
k, it = d.keys(), d.items()
print(sorted(k & {1, 5}), sorted(k | [4]), sorted(k - {2}), sorted(k ^ {3, 9}))
print(sorted({1, 5} & k), sorted([4] | k) if False else sorted({4} | k), sorted({2, 7} - k), sorted({3, 9} ^ k))
print(sorted(k.__rsub__([1, 8])), sorted(it & {(1, 'a')}), sorted(it - {(2, 'b')}))
for e in ['k.__and__(1)', 'k.__rsub__(1)', 'k & 1', '1 - k']:
    try: print(eval(e))
    except TypeError as x: print(e, '!!', x)
