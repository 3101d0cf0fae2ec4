class Matrix:
    def __init__(self, rows):
        self.rows = rows

    def __getitem__(self, idx):
        r, c = idx
        return self.rows[r][c]

    def __setitem__(self, idx, v):
        r, c = idx
        self.rows[r][c] = v

    def __delitem__(self, idx):
        del self.rows[idx]

    def __len__(self):
        return len(self.rows)

    def __contains__(self, v):
        return any(v in row for row in self.rows)

    def __iter__(self):
        return iter(self.rows)

    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows

    def __hash__(self):
        return hash(tuple(map(tuple, self.rows)))

    def __repr__(self):
        return f"Matrix({self.rows})"

    def __str__(self):
        return "\n".join(" ".join(map(str, r)) for r in self.rows)

    def __bool__(self):
        return bool(self.rows)

    def __call__(self, scale):
        return Matrix([[v * scale for v in r] for r in self.rows])

    def __neg__(self):
        return self(-1)

    def __format__(self, spec):
        return f"<{len(self)} rows{':' + spec if spec else ''}>"


m = Matrix([[1, 2], [3, 4]])
print(m[0, 1], len(m), 3 in m, 9 in m, list(m), bool(Matrix([])), m == Matrix([[1, 2], [3, 4]]))
m[1, 0] = 30
print(repr(m), m(2), -m)
print(str(m))
print(f"{m}", f"{m:wide}", format(m, "x"), {m: "hashable"}[Matrix([[1, 2], [30, 4]])])
del m[0]
print(m, len(m))


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __int__(self):
        return self.cents // 100

    def __float__(self):
        return self.cents / 100

    def __index__(self):
        return self.cents

    def __round__(self, n=None):
        return round(self.cents / 100, n)

    def __abs__(self):
        return Money(abs(self.cents))

    def __lt__(self, o):
        return self.cents < o.cents

    def __le__(self, o):
        return self.cents <= o.cents

    def __repr__(self):
        return f"Money({self.cents})"


x = Money(-1234)
print(int(x), float(x), round(x), round(x, 1), abs(x), hex(Money(255)), [0, 1, 2][Money(1)], Money(1) < Money(2), Money(3) >= Money(2))
print(sorted([Money(5), Money(-1), Money(3)]), max(Money(1), Money(9)))


class Ctx:
    def __len__(self):
        return 0


print(bool(Ctx()), not Ctx(), "yes" if Ctx() else "no")


class NoBool:
    def __bool__(self):
        return 1


try:
    bool(NoBool())
except TypeError as e:
    print("TypeError", e)
