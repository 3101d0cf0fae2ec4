n = 1234567.891
print(f"{n:,.2f}|{n:_.1f}|{n:e}|{n:.3E}|{n:g}|{n:%}|{0.5:.0%}|{n:015.2f}|{-n:+,.0f}")
print(f"{42:b}|{42:#b}|{42:o}|{42:#o}|{42:x}|{42:#X}|{42:08b}|{-42:x}|{255:_x}|{10**8:_}")
print(f"{'hi':<6}|{'hi':>6}|{'hi':^6}|{'hi':*^7}|{'hi':.1}|{'hi'!r:>8}|{3:=+5}|{-3:=5}")
print(f"{3.14159:.3}|{1e-7:g}|{1e16:g}|{123456789:.3g}|{0.0001:g}|{1.5:10.3f}|{-0.0:z.1f}|{float('inf'):>6}")
print(f"{65:c}|{True}|{True:d}|{None!s:>5}|{[1, 2]!s:^10}|{'é'!a}|{3 + 4j}|{(1+2j):.1f}")
print("{0} {1} {0}".format("a", "b"), "{name}-{age}".format(name="x", age=3), "{:>{w}}".format("r", w=4))
print("{0[1]} {1[k]} {2.real}".format([1, 2], {"k": "v"}, 3j), "{{literal}}".format(), "{!r}".format("q"))
print(format(1234.5, ",.1f"), format(10, "03"), format("s", "^5"), format(0.1, ".20f"), format(1e100, ".2e"))
w, p = 10, 3
print(f"{n:{w}.{p}f}|{'x':{'>'}{w}}|{n=}|{1+1=}|{n!r:>20}")
for bad in ("{:d}".format, "{:s}".format):
    try:
        bad(1.5)
    except ValueError as e:
        print("ValueError", e)
try:
    format("x", "d")
except ValueError as e:
    print("ValueError", e)
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError", e)
try:
    "{x}".format()
except KeyError as e:
    print("KeyError", e)
print("%s %r %d %5.1f %-4d| %x %o %e %c %%" % ("s", "r", 7, 2.25, 3, 255, 8, 12345.678, 66))
print("%(a)s-%(b)03d" % {"a": "A", "b": 5}, "%*d" % (5, 42), "%.*f" % (2, 3.14159), "%+d %+d" % (1, -1))
