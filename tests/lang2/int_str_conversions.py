print(int("  -0042  "), int("1_000"), int("zz", 36), int("0o17", 0), int("0x_ff", 16), int("١٢٣"))
print(str(-0), str(10**20), repr(-5), format(-5, "05"), (255).to_bytes(2, "little"), (-1).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\xff\xff", "big", signed=True), (1024).bit_length(), (0).bit_length(), (255).bit_count())
print((10).__index__(), int.__name__, int(True), int(False), bool(-1), True + True, True * 3, -True)
print((6).as_integer_ratio(), (5).conjugate(), (7).real, (7).imag, (7).numerator, (7).denominator)
print(abs(-7), -7 // 2, -7 % 2, 7 // -2, divmod(-7, -2), pow(-2, 3), pow(2, 3, 3), 0 ** 0, (-1) ** 0.5 if False else "-")
for bad in ("int('')", "int('1.5')", "int('0x1')", "int('12', 1)", "int('9', 8)", "int(None)", "int([])", "(1).to_bytes(1, 'big', signed=False) and (-1).to_bytes(1, 'big')", "(256).to_bytes(1, 'big')"):
    try:
        print(eval(bad))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(sorted([True, 2, 1.5, False]), 1 == True, hash(True), {1: "a", True: "b"}, isinstance(True, int))
print(str(0.1 + 0.2), str(1e100), str(-1e-100), int("-" + "9" * 30) + 1)
print(bin(0), hex(0), oct(0), bin(-1), f"{-1:b}", f"{5:+b}", int(bin(37), 2), int(hex(-255), 16))
print(chr(97) + chr(0x263A), [ord(c) for c in "aé€"], str(12).zfill(5), "%05.1f" % -2.5, "%x" % 3054)
