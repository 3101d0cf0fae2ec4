# Float repr picks, among the shortest round-trip strings, the one nearest
# the exact value (ties between two shortest strings), as CPython does.
vals = [1000000000000000.25, 0.1, 0.2, 0.3, 1/3, 2/3, 1e22, 1e23, 5e-324, 1.7976931348623157e308, 123456789012345678.0, 0.000123, 1e-5, 9.999999999999999e22, 2.5, 100.0, 1e16, 12345.678e10, -0.0, 3.14159, 2**52 + 0.5, 2**53 - 1.0, 4503599627370497.5]
x = 1.0
for i in range(200):
    x = x * 1.37 + 0.11
    vals.append(x)
    vals.append(1 / x)
    vals.append(x * 1e15 + 0.25)
for v in vals:
    print(repr(v), str(v), round(v, 1), round(v, 3))
