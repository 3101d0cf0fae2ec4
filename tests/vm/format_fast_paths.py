# Formatting paths: small and big ints, padding with wide fill
# characters, %-formatting with non-ASCII text around the directives.

for spec in ["", "d", "5", "<5", "^7", "=+8", "08", "#x", "#010b", "_x", ",", "08,", "c", "e", ".1%", "X", "#o", "n"]:
    for v in [0, 7, -42, 1234567, 2**63 - 1, -(2**63), 2**70, -(2**70)]:
        try:
            print(repr(spec), v, repr(format(v, spec)))
        except (ValueError, OverflowError) as e:
            print(repr(spec), v, type(e).__name__, e)
print(format(True, "d"), format(False, "^5"), format(True, "c"))
print(repr(format("héllo", "é^11")), repr(format(3, "€>6")), repr(format(-3.5, "€=9.2f")))
print(repr(format(65, "c")), repr(format(0x1F600, "c")), repr(format(0x1F600, "^5c")))
try:
    format(0x110000, "c")
except (ValueError, OverflowError) as e:
    print(type(e).__name__, e)
try:
    format(-1, "c")
except (ValueError, OverflowError) as e:
    print(type(e).__name__, e)
try:
    format(5, "99999999999999999999999d")
except ValueError as e:
    print("ValueError", e)
print("näme %s is %d%% ünïcode %5s|%-6d|%05.1f" % ("ünï", 42, "€", -7, 3.14159))
print("%(a)s→%(b)05d" % {"a": "α", "b": 12})
print("%c%c" % ("é", 0x263A), "%x %X %o %#x %#o" % (255, 255, 8, 255, 8))
print("%.3d|%+.5d|% d|%-+5d|" % (7, -12, 3, 4))
print("%5.2s|%-5s|%.0s|" % ("abcdef", "ab", "zz"))
try:
    "ab€ %y" % (1,)
except ValueError as e:
    print("ValueError", e)
try:
    "€%" % ()
except ValueError as e:
    print("ValueError", e)
try:
    "%s %s" % ("only",)
except TypeError as e:
    print("TypeError", e)
print(f"{12345:>10,}|{-0.5:z.0f}|{'x':*^9}|{7:#06x}|{2**64:_}")
