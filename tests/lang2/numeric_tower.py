print(1 + 2.0, 1 + True, 2 * 1j, (1 + 2j) * (3 - 1j), (1 + 2j) / 2, abs(-3 + 4j), (2j) ** 2, 1j ** 0.5)
print(complex(2, 3).real, complex(2, 3).imag, (3 + 4j).conjugate(), complex("3-4j"), repr(complex(0, -0.0)), complex(1.5))
print(7 / 7, type(7 / 7).__name__, 2 ** 10, 2 ** -1, 2.0 ** 10, 10 ** 0, 0 ** 5, (-8) ** (1 / 3) == (-8) ** (1 / 3))
print(int(True) + float(False), bool(0j), bool(0.0), bool(-0.0), int("10") + float("0.5"), divmod(7, 2.5))
print(round(3.14159, 2), round(-0.5), round(1.25, 1), round(1e-10, 5), round(123.456, -1), round(5, 1), type(round(5.5)).__name__)
print(max(1, 2.5, 2), min([3, 1.5]), sum([1, 2.5, 3j]), sum([], 0.0), abs(-7.25), pow(2.0, 3), pow(9, 0.5))
print(1 == 1.0 == (1 + 0j), hash(1) == hash(1.0) == hash(1 + 0j), {1, 1.0, True}, 0.1 + 0.2 == 0.3, round(0.1 + 0.2, 10) == 0.3)
for bad in ("1 + 'a'", "1j < 2j", "int(1j)", "float(1j)", "divmod(1j, 2)", "(-1) ** 0.5 > 0", "1 // 0.0", "complex('x')"):
    try:
        print(eval(bad))
    except (TypeError, ZeroDivisionError, ValueError) as e:
        print(type(e).__name__, e)
print((-1) ** 0.5)
print(f"{1+2j}", str(1j), repr(-1j), repr(1e300j), 1j.real, (1j).imag, complex(1, 2) == 1 + 2j)
for args in [(0, -0.0), (0.0, -0.0), (-0.0, 0), (1+2j,), (1+2j, 3), (1, 2j), (1+1j, 1j), ("1+2j",), (), (2,), (-0.0,), ("-0j",)]:
    print(args, repr(complex(*args)))
