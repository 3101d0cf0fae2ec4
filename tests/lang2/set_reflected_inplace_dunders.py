# Set operator dunders: reflected forms, in-place forms (and super() calls to them from a subclass).
s = {1, 2}
print(s.__ror__({3}), s.__rsub__({1, 5}), frozenset([1]).__rand__({1, 2}), s.__rxor__([1]))
t = {1}
print(t.__ior__({2}) is t, t, t.__iand__({2}), t.__isub__({2}), t.__ixor__({7}), t, t.__ior__([1]))
class MySet(set):
    def __ior__(self, other):
        print("merging", sorted(other))
        return super().__ior__(other)
m = MySet([1])
m |= {2, 3}
print(sorted(m), type(m).__name__)
x = {1}
x |= {4}
x -= {1}
x ^= {5}
x &= {4, 5, 6}
print(sorted(x))
