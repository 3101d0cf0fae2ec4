# Sorting keys of one native kind (ints, floats, strs, tuples of them)
# and everything that must take the general path: mixed kinds, NaN,
# subclasses with their own __lt__, keys that raise.


class Rev(str):
    def __lt__(self, other):
        return str.__gt__(self, other)


class T(tuple):
    def __lt__(self, other):
        return len(self) > len(other)


print(sorted([5, -3, True, 0, False, 2**40, -(2**62)]))
print(sorted([2.5, -0.0, 0.0, -1e300, 1e-300, float("inf")]))
print(sorted(["b", "a", "", "ab", "\u00e9", "z\U0001f600", "Z"]))
print(sorted([(1, "b"), (0, "z"), (1, "a"), (1,), (0, "z", 1), ()]))
print(sorted([(2, 1.5), (2, 0.5), (-1, 9.0)], reverse=True))
print(sorted([3, 1.5, 2, True]))
print(sorted([(1, 2.0), (1, 1), (0, 5)]))
print(sorted([2**70, 3, -(2**70), 1.5]))
nan = float("nan")
print(sorted([3.0, nan, 1.0, 2.0]))
print(sorted([(1, nan), (0, 1.0)]))
print(sorted([Rev("a"), Rev("c"), Rev("b")]))
print(sorted([T((1,)), T((1, 2, 3)), T((1, 2))]))
print(sorted([(1, [2]), (1, [1]), (0, [3])]))
# Stability: equal keys keep their order, forwards and reversed.
words = ["pear", "fig", "apple", "kiwi", "plum", "date", "lime"]
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w[-1])))
pairs = [(i % 3, -i) for i in range(10)]
pairs.sort(key=lambda p: p[0])
print(pairs)
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([(1, 2), 3])
except TypeError as e:
    print("TypeError:", e)


class Shrinker:
    def __init__(self, target):
        self.target = target

    def __eq__(self, other):
        self.target.clear()
        return True


a = [1, 2, 3]
b = [Shrinker(a), 2, 3]
print(a == b, a, len(b))
print([1, 2] < [1, 2, 0], (1, 2) > (1,), [1, 2] == [1, 2], (1, 2.0) == (1, 2))
print(max([(1, "b"), (1, "a")]), min(["b", "a"]))
