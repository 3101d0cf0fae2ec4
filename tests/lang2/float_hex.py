for x in (0.0, -0.0, 1.0, 2.5, 0.1, -1e-310, 5e-324, 1.7976931348623157e308, 3.141592653589793, 1e22, float("inf"), float("nan")):
    h = x.hex()
    print(h, float.fromhex(h) == x or x != x)
for s in ("0x1p-1074", "0x1.fffffffffffff8p1023" if False else "0x1.ffp3", " -0X1.8P+1 ", "1", "0x.8", "0x10", "inf", "-nan", "0x1.00000000000008p0", "0x1.00000000000018p0", "0x123456789abcdef0123p0"):
    print(repr(s), float.fromhex(s))
for bad in ("", "0x", "0xg", "0x1p", "0x1p99999"):
    try:
        print(float.fromhex(bad))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
