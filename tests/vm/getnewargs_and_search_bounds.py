# int, float, tuple and str have __getnewargs__ (an exact copy, for
# pickling subclasses); the start/end of str and bytes searches clamp any
# int as slice bounds do, however big.
import sys
class S(str): pass
class I(int): pass
class T(tuple): pass
class F(float): pass
for v in [5, 2**70, True, I(3), 2.5, F(1.5), (1, 2), T((3,)), "x", S("y"), "\ud800"]:
    r = v.__getnewargs__()
    print(type(v).__name__, ascii(r), type(r[0]).__name__)
for f in [lambda: 'abc'.find('c', sys.maxsize + 1), lambda: 'abc'.find('', -sys.maxsize*4), lambda: 'abc'.count('a', 0, 10**30),
          lambda: 'abc'.startswith('a', -10**30), lambda: 'abc'.index('b', None, 10**20), lambda: bytearray(b'ab').rfind(b'a', -10**30, 10**30),
          lambda: b'ab'.find(b'b', 10**20), lambda: [1,2].index(2, -10**30, 10**30)]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
