# format method
print("{:<10}|{:^10}|{:>10}".format("left", "center", "right"))
print("{:*^20}".format(" title "), "{:08.3f}".format(-3.14159), "{:+,}".format(1234567))
print("{0}{1}{0}".format("ab", "cd"), "{a[0]}{b[key]}".format(a=[7], b={"key": 8}))
print("{:.3%}".format(0.1234), "{:e}".format(1234.5), "{:g}".format(0.00001234), "{:G}".format(1e20))
print("{:#b} {:#o} {:#x} {:#X}".format(10, 10, 255, 255), "{:c}".format(97), "{:n}".format(1000))
print("{!r:>8}".format("q"), "{:>{width}}".format("w", width=6), "{:.{p}f}".format(2.0 / 3, p=2))
class P:
    def __format__(self, spec):
        return f"P<{spec}>"
print("{:custom}".format(P()), format(P(), "x"), f"{P():abc}")
print("{}".format(None), "{}".format([1, 2]), "{:10}".format(True), "{:d}".format(True))
for bad in ["{", "}", "{0", "{:d}"]:
    try:
        print(bad.format("s"))
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
