# match with every pattern kind.
def describe(x):
    match x:
        case 0 | 1 | 2:
            return "small int"
        case int(n) if n < 0:
            return f"negative {n}"
        case float() | complex():
            return "other number"
        case "":
            return "empty str"
        case str(s) if s.isupper():
            return f"shout {s}"
        case str():
            return "str"
        case [] | ():
            return "empty sequence"
        case [x]:
            return f"one item {x!r}"
        case [first, *middle, last]:
            return f"first {first} last {last} middle {middle}"
        case {"type": "point", "x": px, "y": py, **rest}:
            return f"point {px},{py} extra {rest}"
        case {"type": kind}:
            return f"mapping of {kind}"
        case None:
            return "none"
        case True:
            return "unreachable"
        case _:
            return f"something else: {type(x).__name__}"


for v in (0, 2, -5, 7, 1.5, 2j, "", "HEY", "hey", [], (), [1], (1, 2), [1, 2, 3, 4],
          {"type": "point", "x": 1, "y": 2, "z": 3}, {"type": "box"}, None, {1, 2}, b"x"):
    print(repr(v), "->", describe(v))


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x, y) if x == y:
            return "diagonal"
        case Point():
            return "somewhere"
        case _:
            return "not a point"


for p in (Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), "p"):
    print(where(p))

RED, GREEN = "red", "green"


class Color:
    RED = "red"
    GREEN = "green"


def color(c):
    match c:
        case Color.RED:
            return "is red"
        case Color.GREEN as g:
            return f"is {g}"
    return "unknown"


print(color("red"), color("green"), color("blue"))
match (1, (2, 3)):
    case (a, (b, c)) as whole:
        print(a, b, c, whole)
match {"k": [1, {"n": 2}]}:
    case {"k": [_, {"n": n}]}:
        print("nested", n)
match 42:
    case x:
        print("capture", x)
try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print("TypeError", e)
