# float format edge
vals = [0.0, -0.0, 1.0, -1.5, 1e-10, 1e10, 123456.789, 1/3, 2/3, 1e100, 5e-324, 1.7976931348623157e308, float("inf"), float("-inf")]
for v in vals:
    print(repr(v), f"{v:.3f}", f"{v:.3e}", f"{v:g}", f"{v:.10g}", f"{v:10.2f}|", round(v, 2) if v == v and abs(v) != float("inf") else v)
print(0.1 + 0.7, 0.1 * 3, 1.1 * 1.1, 3.0 / 7, 2 ** 0.5, 10 / 3)
print(f"{2.5:.0f}", f"{3.5:.0f}", f"{0.125:.2f}", f"{0.375:.2f}", f"{1.005:.2f}", round(0.125, 2), round(2.675, 2))
print(float(10 ** 20), float(2 ** 63), 1e15, 1e16, 123e-7, -1e-4, 0.0001, 0.00001)
