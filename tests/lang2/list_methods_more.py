xs = [5, 3, 8, 1]
xs.sort()
print(xs, xs.index(8), xs.count(3))
xs.sort(reverse=True)
print(xs)
xs.reverse()
xs.insert(1, 2)
xs.insert(-1, 7)
xs.insert(100, 9)
print(xs, xs.pop(0), xs.pop(), xs.pop(-2), xs)
xs.remove(3)
xs.extend(range(3))
xs += "ab"
print(xs, len(xs))
del xs[1:3]
xs[0:0] = [10, 11]
xs[-2:] = []
print(xs)
xs[::2] = [0] * len(xs[::2])
print(xs)
c = xs.copy()
c.clear()
print(c, xs, [] == c, [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [[1]] * 2)
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
pairs = [(2, "b"), (1, "b"), (2, "a")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]), min(pairs), max(pairs, key=lambda p: p[1]))
nested = [[3, 2], [1], []]
for n in nested:
    n.sort()
print(nested, sorted(nested), sum(nested, []))
try:
    [3, "a"].sort()
except TypeError as e:
    print("TypeError", e)
try:
    xs.remove(99)
except ValueError as e:
    print("ValueError", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError", e)
try:
    xs[::2] = [1, 2, 3, 4, 5, 6, 7]
except ValueError as e:
    print("ValueError", e)
a = [1, 2, 3]
b = a
a += [4]
a = a + [5]
print(a, b, a is b)
print(list(map(lambda x: x * 2, [1, 2])), [x for x in range(10) if x % 3 == 0][::-1])
m = [[0] * 3 for _ in range(2)]
m[0][0] = 1
print(m, [[0] * 2] * 2)
print(list(enumerate(["a", "b"], 1)), [*range(3), *"ab"], [i * j for i in range(3) for j in range(i)])
