# Class calls: __init__ runs as a frame of its own; its result must be None.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    def __repr__(self):
        return f"Point3({self.x}, {self.y}, {self.z})"


print([Point(i, -i) for i in range(3)])
print(Point3(1, 2, 3))


class Counted:
    made = 0

    def __init__(self):
        Counted.made += 1


for _ in range(5):
    Counted()
print("made", Counted.made)


# __init__ replaced after instances were made
def new_init(self, a, b=10):
    self.total = a + b


Point.__init__ = new_init
p = Point(1)
print(p.total, Point(1, 2).total)
print(Point3(4, 5, 6))


class Picky:
    def __init__(self, n):
        if n < 0:
            raise ValueError(f"negative: {n}")
        self.n = n


try:
    Picky(-1)
except ValueError as e:
    print("ValueError", e)


class Returns:
    def __init__(self, v):
        return v


print(type(Returns(None)).__name__)
for v in (0, "", [], Returns):
    try:
        Returns(v)
    except TypeError as e:
        print("TypeError", e)


class WithNew:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        return super().__new__(cls)

    def __init__(self, a):
        print("init", a)


WithNew(7)


class Other:
    pass


class NotMine:
    def __new__(cls, a):
        return Other()

    def __init__(self, a):
        print("never runs")


print(type(NotMine(1)).__name__)

try:
    Point(1, 2, 3, 4)
except TypeError as e:
    print(e)
try:
    Other(1)
except TypeError as e:
    print(e)


def deep(n):
    return Point(n, n) if n == 0 else deep(n - 1)


print(deep(50))


class Recur:
    def __init__(self, n):
        self.child = Recur(n - 1) if n else None


r = Recur(30)
depth = 0
while r.child:
    r = r.child
    depth += 1
print("depth", depth)
