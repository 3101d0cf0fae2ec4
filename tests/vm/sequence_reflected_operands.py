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
