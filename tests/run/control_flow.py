# Loops, comprehensions, conditionals, match statements, walrus, chained comparisons.
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == j:
            continue
        print(i, j)
else:
    print("for else")
n = 0
while n < 5:
    n += 1
    if n == 10:
        break
else:
    print("while else", n)
print([x * y for x in range(3) for y in range(3) if x != y], {x: x ** 2 for x in range(4)})
print([[c for c in w] for w in ["ab", "cd"]], 1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2)
if (m := len("hello")) > 3:
    print("walrus", m)
print("yes" if m else "no", m and "and", 0 or "or", not m)
def describe(v):
    match v:
        case 0:
            return "zero"
        case int(x) if x < 0:
            return f"negative {x}"
        case [a, b]:
            return f"pair {a},{b}"
        case [a, *rest]:
            return f"list head {a} rest {rest}"
        case {"type": "point", "x": x, **others}:
            return f"point x={x} others={others}"
        case str() | bytes():
            return "text"
        case (1, 2) | (3, 4):
            return "tuple match"
        case Point(x=0, y=yy):
            return f"on y axis at {yy}"
        case Point(xx, yy):
            return f"point {xx} {yy}"
        case None:
            return "none"
        case _:
            return "other"
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
for v in [0, -5, [1, 2], [1, 2, 3], {"type": "point", "x": 1, "z": 2}, "s", (3, 4), Point(0, 7), Point(1, 2), None, 3.5]:
    print(describe(v))
match 42:
    case 41 | 42 as val:
        print("matched", val)
x = [i for i in range(5)]
print(i if (i := 10) else 0, x)
total = 0
for a, b in [(1, 2), (3, 4)]:
    total += a * b
print(total)
del total
try:
    total
except NameError as e:
    print(e)
print(all([]), any([]), all(x > 0 for x in [1, 2]), any(x > 1 for x in [1, 2]))
