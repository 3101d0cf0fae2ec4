"""hash() of the built-in types through their hash slots: tuples and
struct sequences by their items, frozensets, complex numbers, ranges,
read-only memoryviews and big ints by value, and the mutable types refused."""
import sys
print(hash(sys.version_info) == hash(tuple(sys.version_info)), hash(sys.float_info) == hash(tuple(sys.float_info)))
for x in [[], {}, set(), slice(1), bytearray()]:
    try: hash(x)
    except TypeError as e: print(e)
print(hash(frozenset({1,2})) == hash(frozenset({2,1})), hash(1j), hash(range(3)) == hash(range(0,3)), hash(memoryview(b'ab')) == hash(b'ab'), hash(2**100), hash((1,'a')) == hash((1,'a')))
try: hash(memoryview(bytearray(b'a')))
except ValueError as e: print(e)
try: hash(([],))
except TypeError as e: print(e)
