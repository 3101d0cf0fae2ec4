# cmath: values to the last bit, special values, CPython's errors.
import cmath
import math

inf, nan = math.inf, math.nan
points = [0j, -0j, complex(-0.0, 0.0), 1, -1, 2.5, -2.5, 1j, -1j, complex(3, 4), complex(-3, -4),
          complex(0.5, -0.25), complex(1e-320, 1e-320), complex(1e308, 1e308), complex(700, 1),
          complex(1, 1e-300), complex(0.71, 0.7)]
specials = [inf, -inf, nan, 0.0, -0.0, 2.3, -2.3]
names = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "exp", "log",
         "log10", "sin", "sinh", "sqrt", "tan", "tanh"]


def show(label, f, *args):
    try:
        print(label, repr(f(*args)))
    except Exception as e:
        print(label, type(e).__name__, e)


for name in names:
    f = getattr(cmath, name)
    for z in points:
        show(f"{name}({z!r})", f, z)
    for re in specials:
        for im in specials:
            show(f"{name}({re!r}, {im!r})", f, complex(re, im))

for z in points + [complex(inf, nan), complex(1e308, 1e-41), complex(1e308, 1e308 * 10)]:
    show(f"phase({z!r})", cmath.phase, z)
    show(f"polar({z!r})", cmath.polar, z)
for re in specials + [1.5]:
    for phi in specials + [1.0, 0.5]:
        show(f"rect({re!r}, {phi!r})", cmath.rect, re, phi)

for a, b in [(2, 1), (0, 2), (2, 0), (1j, 1j), (10, 10j), (8, 2), (-1, 1e-300), (100, 10)]:
    show(f"log({a!r}, {b!r})", cmath.log, a, b)

print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
print(cmath.isfinite(1 + 2j), cmath.isfinite(complex(inf, 0)), cmath.isinf(complex(0, -inf)),
      cmath.isnan(complex(nan, 0)), cmath.isnan(3))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 1.1j, rel_tol=0.2),
      cmath.isclose(complex(inf, 0), complex(inf, 0)), cmath.isclose(0j, 1e-10j, abs_tol=1e-9),
      cmath.isclose(complex(nan, 0), complex(nan, 0)))


class WithComplex:
    def __complex__(self):
        return 4j


class WithFloat:
    def __float__(self):
        return 9.0


class WithIndex:
    def __index__(self):
        return 16


class BadComplex:
    def __complex__(self):
        return 1.0


print(cmath.sqrt(WithComplex()), cmath.sqrt(WithFloat()), cmath.sqrt(WithIndex()), cmath.sqrt(True))
print(cmath.exp(10**20 // 10**19))
for call in ["cmath.sqrt('x')", "cmath.sqrt()", "cmath.sqrt(1, 2)", "cmath.sqrt(z=1)",
             "cmath.log()", "cmath.log(1, 2, 3)", "cmath.log(1, 'a')", "cmath.rect(1)",
             "cmath.rect(1j, 2)", "cmath.isclose(1)", "cmath.isclose(1, 2, 3)",
             "cmath.isclose(1, 1, rel_tol=-1)", "cmath.isclose(1, 1, abs_tol='a')",
             "cmath.sqrt(BadComplex())", "cmath.phase(None)", "cmath.exp(10**400)"]:
    show(call, eval, call)
