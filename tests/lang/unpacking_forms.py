# unpacking forms
a, b = 1, 2
(c, d), e = [3, 4], 5
f, *g = "xyz"
*h, i = range(4)
j, *k, l = 1, 2
[m, n] = (6, 7)
print(a, b, c, d, e, f, g, h, i, j, k, l, m, n)
first, second, *_ = [10, 20, 30, 40]
print(first, second, _)
for idx, (key, val) in enumerate({"p": 1, "q": 2}.items()):
    print(idx, key, val)
x = y = z = 0
x, y = y + 1, x + 2
print(x, y, z)
print(*[1, 2], *(3,), *{4: 0})
print({**{"a": 1}, **{"b": 2}, "c": 3}, [*range(2), *"ab"], (*"xy",))
def spread(*args, **kwargs):
    return args, kwargs
print(spread(*[1, 2], 3, *(4,), k=5, **{"m": 6}))
try:
    spread(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
try:
    print(*5)
except TypeError as e:
    print("TypeError:", e)
try:
    spread(**[1])
except TypeError as e:
    print("TypeError:", e)
try:
    spread(a=1, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
