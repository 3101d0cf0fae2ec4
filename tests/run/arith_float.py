# Floats: repr, arithmetic, special values, conversions, rounding.
vals = [0.1, 0.2, 0.1 + 0.2, 1e16, 1e-5, 1e22, 123456789.123, -0.0, 1 / 3, 2.5e-10, 1e300 * 1e10, float("nan")]
for v in vals:
    print(repr(v), str(v), v == v, int(v) if v == v and abs(v) < 1e300 else None)
print(float("1.5"), float(" -2.25 "), float("inf"), float("-Infinity"), float("1_000.5"), float(7))
print(3.0 * 2, 7.0 / 2, 7.0 // 2, 7.0 % 2, -7.0 % 2, 2.0 ** 10, 10.0 ** -2)
print(round(2.675, 2), round(0.5), round(1.5), round(-0.5), round(3.14159, 3), round(1e20, -5))
print((1.5).is_integer(), (2.0).is_integer(), (0.75).as_integer_ratio(), float.__name__)
print(1e16 + 1, 0.1 * 3, 1 - 0.9, 100 * 1.1, 3.0 == 3, 1.0 < 2, 2 ** 0.5 * 2 ** 0.5)
print(max(1.5, 2), min(-0.0, 0.0), abs(-1.25), divmod(-1.0, 0.3))
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    float("abc")
except ValueError as e:
    print("ValueError", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError", e)
print(hash(0.5), hash(-1.0), hash(1.0), float("nan") != float("nan"))
