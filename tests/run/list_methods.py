# list methods
l = list(range(10))
print(l[::3], l[-2:], l[2:8:2], l[::-3])
l[2:5] = []
print(l)
l[:0] = ["start"]
print(l)
del l[0]
del l[-1]
print(l, l.index(8), l.count(5))
l.extend(x * x for x in range(3))
print(l, len(l))
print(l.pop(2), l.pop(), l)
l.clear()
print(l, [] == [], [1] * 0, [[0] * 2 for _ in range(2)])
m = [5, 3, 8, 1]
print(sorted(m), m, m.sort(), m, m.reverse(), m, m.copy() is m)
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[1], reverse=True))
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].remove(2)
except ValueError as e:
    print("ValueError:", e)
try:
    [1, 2].index(3)
except ValueError as e:
    print("ValueError:", e)
