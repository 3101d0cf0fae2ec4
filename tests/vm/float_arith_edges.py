# Float arithmetic: the results and errors CPython gives.
print(1.5 + 2.25, 1.5 - 2.25, 1.5 * 2.25, 1.5 / 2.25)
print(2.0 ** 0.5, 9.0 ** 0.5, 2.0 ** -1.0, 10.0 ** 2.0, 0.5 ** 3.0)
print(1e308 * 10, -1e308 * 10)
print((-8.0) ** (1 / 3))
print(0.0 ** 0.0, 0.0 ** 2.0, 1.0 ** float("inf"))
print(float("inf") ** 2.0, 2.0 ** float("-inf"))
x = 3.0
x /= 2.0
x **= 2.0
print(x)
for expr in ("1.0 / 0.0", "1.0 / -0.0", "10.0 ** 400.0", "0.0 ** -1.0", "5.0 // 0.0", "5.0 % 0.0"):
    try:
        print(eval(expr))
    except (ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__, e)
print(7.5 // 2.0, -7.5 // 2.0, 7.5 % 2.0, -7.5 % 2.0)
print(0.1 + 0.2, 1 / 3, 2 / 3 * 3)
print(float("nan") ** 0.0, 1.0 ** float("nan"))
