# Precisions past Rust's formatter limit (65535) format as CPython's do: a double's
# exact expansion ends, then zeros.
import hashlib
def d(s):
    return len(s), s[:30], s[-12:], hashlib.sha256(s.encode()).hexdigest()[:12]
for spec in [".65536f", ".70000e", ".100000g", "#.70000g", ".66000%", ".2000f", ".1200e", ">70000.3f"]:
    for x in [1.5, 5e-324, -1.7976931348623157e308, 0.1, float("inf"), 0.0]:
        print(spec, x, d(format(x, spec)))
print(d("%.100000g" % 1.5), d("%.70000f" % 2.5), d("%.70000e" % 1e300))
print(d(format(complex(1.5, -2), ".70000f")), d(f"{1/3:.66000}"))
print(d(format(1.5, ".65535f")), round(2.5, 400), round(1e-320, 2000))
import sys
for spec in [".%df" % sys.maxsize, ".%df" % (2**31), "%d.1f" % sys.maxsize, ".%ds" % sys.maxsize, ".%d" % 2**64, "%de" % 2**62]:
    for v in (2.3, 5, "ab"):
        try:
            print(spec, v, len(format(v, spec)))
        except (ValueError, MemoryError) as e:
            print(spec, v, type(e).__name__, e)
for f in ["%%.%df" % sys.maxsize, "%%.%df" % 2**31, "%%%df" % sys.maxsize, "%%.%ds" % sys.maxsize, "%%%dd" % 2**62,
          "%%.%dd" % 2**62, "%.70000f", "%70000.2f"]:
    try:
        print(f[:10], len(f % 2.5))
    except (ValueError, MemoryError) as e:
        print(f[:10], type(e).__name__, e)

# Widths, precisions and field numbers too big for an index.
import sys
for f in ["{}f".format(sys.maxsize + 1), ".{}f".format(sys.maxsize + 1), "{}f".format(2**70)]:
    try:
        format(2.34, f)
    except (ValueError, MemoryError) as e:
        print(type(e).__name__, e)
for f in ["%{}f".format(sys.maxsize + 1), "%{}f".format(2**64 + 5), "%.{}f".format(2**64), "%.f", "%5.f"]:
    try:
        print(repr(f % 2.34))
    except (ValueError, MemoryError) as e:
        print(type(e).__name__, e)
for f in ["{{{}:.6f}}".format(sys.maxsize + 1), "{{{}}}".format(10**30), "{0[%d]}" % 10**30, "{0[-1]}", "{0[+1]}", "{-1}", "{0[1]}"]:
    try:
        print(f.format([2.34, 5]))
    except (ValueError, TypeError, KeyError, IndexError) as e:
        print(type(e).__name__, e)
