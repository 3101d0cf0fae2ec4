# f-strings and the format-spec mini-language.
x, y, name = 3.14159, 42, "krait"
print(f"{x}", f"{x:.2f}", f"{x:10.3f}|", f"{x:<10.1f}|", f"{x:^10.1e}|", f"{y:+d}", f"{y: d}")
print(f"{y:08b}", f"{y:#x}", f"{y:#o}", f"{y:X}", f"{255:#010x}", f"{-42:=8d}", f"{1234567:,}", f"{1234567:_}")
print(f"{name!r}", f"{name:>10}", f"{name:*^11}", f"{name:.2}", f"{name!s:5}|", f"{'é'!a}")
print(f"{0.5:%}", f"{0.125:.1%}", f"{1e-7:g}", f"{123456789.0:g}", f"{1.0:g}", f"{1e16:.3g}")
print(f"{12345.6789:,.2f}", f"{-0.0:z.1f}", f"{float('inf'):>8}", f"{float('nan'):+}", f"{1.5:e}", f"{0:e}")
print(f"{x=}", f"{y = }", f"{x=:.1f}", f"{1 + 1=}")
print(f"{'nested {}'.format(1)}", f"{[1, 2][1]}", f"{ {'a': 1}['a'] }", f"{x:{'.3f'}}", f"{y:{'>'}{8}}")
print(format(42, "d"), format(3.5, ".0f"), format(2.5, ".0f"), format("s", "3"), format(True), format(1.5e300, ""))
print(f"{10:c}", f"{65:c}", f"{True:d}", f"{3:.2f}", f"{12:n}", f"{1.25:n}", f"{100:e}")
print(f"{123.456:010.2f}", f"{-123.456:010.2f}", f"{42:<+6}|", f"{3+4j}", f"{3+4j:.1f}", f"{complex(1, -1)}")
for spec in ["x", "=", "+s", ".", "1.1.1", ",b"]:
    try:
        print(format("a" if spec != ",b" else 5, spec))
    except ValueError as e:
        print("ValueError:", e)
