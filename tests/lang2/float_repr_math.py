vals = [0.1, 1 / 3, 2 / 3, 1e16, 1e-5, 0.0001, 123456789.0, 1.5e300, -0.0, 5e-324, 1.7976931348623157e308,
        float("inf"), -float("inf"), float("nan"), 100.0, 1e22, 1e21, 12345678901234567890.0, 0.30000000000000004]
for v in vals:
    print(repr(v), str(v), v.is_integer() if v == v and abs(v) != float("inf") else "-")
print(round(2.675, 2), round(0.125, 2), round(-1.5), round(2.5), round(3.5), round(1e20), round(0.1 + 0.2, 15))
print(int(1e20), int(-2.9), float(10**20), float("1_000.5"), float(".5"), float("5."), float("-inf"), float("Infinity"))
print((0.1).as_integer_ratio(), (2.5).hex(), float.fromhex("0x1.8p1"), (7.0).is_integer(), (1.5).__trunc__())
print(divmod(-7.0, 2), -7.0 % 2, 7.0 % -2, -7.0 // 2, 2 ** 0.5, 10 ** -2, (-2) ** 2, 2 ** -2)
print(1e308 + 1e308, -1e308 * 10, float("inf") - float("inf"), 0.0 == -0.0, hash(-0.0) == hash(0.0))
print(3 * 1.1, 1.1 + 2.2, 0.1 * 3 == 0.3, abs(-1.25), max(1.5, 2), min(-0.0, 0.0), sum([1.5, 2.5]))
print(float(True), int(3.999), 7 / 2, 7 // 2, -7 / 2, -7 // 2, 7 % -3, -7 % 3, 2**-1 == 0.5)
print(1.0 == 1, 1.5 > 1, 2**53 + 1 > 2.0**53, float(2**53 + 1) == 2**53, 10**400 > 1e308, -10**400 < -1e308)
print(f"{1e-10}", f"{1e10}", f"{123.456:.1e}", str(1e15), str(1e16), repr(1.0), repr(10.0 ** 15))
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError", e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError", e)
