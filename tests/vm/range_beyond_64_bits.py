# Ranges whose bounds or values leave 64 bits: indexing, membership,
# slicing, iteration across the 64-bit boundary, len() overflowing.
r = range(2**70)
print(r, bool(r), r[5], r[-1], 2**70 - 1 in r, 2**70 in r, r.index(12345), r[2**69], r.start, r.stop, r.step)
print(list(range(2**64, 2**64 + 3)), list(range(2**63 - 2, 2**63 + 2)), list(reversed(range(2**64, 2**64 + 3))))
print(list(range(-2**63 - 2, -2**63 + 2)), list(range(2**63 + 5, 2**63, -2)), range(2**65, 2**66, 2**64)[1:])
print(len(range(2**62)), range(0, 2**70, 2**60) == range(0, 2**70, 2**60), hash(range(2**64, 2**64+1)) == hash(range(2**64, 2**64+1)))
print(range(2**64)[::2**62], list(range(2**64)[2**63:2**63+2]), sum(range(2**64, 2**64 + 10)))
for i in range(9223372036854775806, 9223372036854775809):
    print(i)
it = iter(range(2**64, 2**64 + 2))
print(it.__length_hint__(), next(it), list(it))
try:
    len(r)
except OverflowError as e:
    print("OverflowError:", e)
try:
    r[2**70]
except IndexError as e:
    print("IndexError:", e)
print(1.0 in range(3), True in range(3), 2**70 in range(0, 2**71, 2))
r = range(10)
print(r[2:8:2], r[::-1], r[-3:], r[100:], r[::-3], range(0, -10, -3)[1:], list(range(5)[::-2]), range(3)[True:])
print(len(range(0, 10, 3)), range(1, 10, 2).index(7), range(10).count(3), 3 in range(0, 10, 3), 4 in range(0, 10, 3))
for bad in [(1.5,), ("a",), (1, 2, 0)]:
    try:
        range(*bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    range(10)[1:2:0]
except ValueError as e:
    print(e)
try:
    range(10)["a":]
except TypeError as e:
    print(e)
try:
    range(3)[5]
except IndexError as e:
    print(e)
try:
    range(3).index(7)
except ValueError as e:
    print(e)
