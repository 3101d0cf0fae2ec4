"""A sequence (or a subclass) on the left of + and * gives way to the right
operand's __radd__/__rmul__, and concatenating another type raises."""
class V:
    def __radd__(self, o): return 'radd'
    def __rmul__(self, o): return 'rmul'
class T(tuple): pass
class L(list): pass
class S(str): pass
for x in [T((1,)), L([1]), S('a'), (1,), [1], 'a']:
    print(type(x).__name__, x + V(), x * V())
    try: x + 1
    except TypeError as e: print(e)
print(T((1,)) + (2,), L([1]) + [2], S('a') + 'b', T((1,)) * 2)
class B(bytes): pass
class BA(bytearray): pass
for x in [b'ab', B(b'ab'), bytearray(b'ab'), BA(b'ab')]:
    print(type(x).__name__, x + V(), x * V(), x + b'c', x * 2, x % ())
ba = bytearray(b'x')
ba += b'yz'
ba *= 2
print(ba, b'ab'.__bytes__(), bytearray(b'a').__alloc__() >= 2, bytearray.__hash__)
try: ba += 1
except TypeError as e: print(e)
