# match patterns
def m(x):
    match x:
        case 1 | 2 | 3:
            return "small"
        case "hi" | "hello":
            return "greeting"
        case [] :
            return "empty list"
        case [x] if x > 10:
            return f"single big {x}"
        case [x]:
            return f"single {x}"
        case [0, *_]:
            return "starts with zero"
        case (a, b, c):
            return f"triple {a}{b}{c}"
        case {"op": "add", "args": [a, b]}:
            return f"add {a + b}"
        case {"op": op}:
            return f"op {op}"
        case {}:
            return "empty mapping"
        case float() as f if f > 1:
            return f"big float {f}"
        case int() | float():
            return "number"
        case True:
            return "unreachable"
        case _:
            return f"default {x!r}"
for v in [2, "hi", [], [11], [5], [0, 1, 2], (1, 2, 3), {"op": "add", "args": [1, 2]}, {"op": "mul"}, {"k": 1}, 2.5, 0.5, -4, None, "other", [1, 2]]:
    print(repr(v), "->", m(v))
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x, 0):
            return f"x-axis {x}"
        case Point(x=0, y=y):
            return f"y-axis {y}"
        case Point(x=x, y=y) if x == y:
            return "diagonal"
        case Point():
            return "elsewhere"
for p in [Point(0, 0), Point(3, 0), Point(0, 4), Point(2, 2), Point(1, 5), "nope"]:
    print(where(p) if isinstance(p, Point) else "not a point")
match (1, [2, 3]):
    case (a, [b, *c]):
        print(a, b, c)
match {"x": 1, "y": 2, "z": 3}:
    case {"x": x, **rest}:
        print(x, rest)
match 5:
    case n if n > 3:
        print("guard with capture", n)
match "str":
    case str(s):
        print("str class pattern", s)
import sys
match sys.version_info:
    case (3, minor, *_):
        print("python 3", minor)
try:
    match 1:
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print("TypeError:", e)
