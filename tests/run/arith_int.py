# Integer arithmetic: floor division and modulo signs, big ints, shifts, pow.
for a in (7, -7, 0, 123456789):
    for b in (3, -3, 1, -1):
        print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b), a / b)
print(2 ** 100, -2 ** 63, 2 ** 63 - 1 + 1, (2 ** 64) // 3, (2 ** 64) % 1000)
print(1 << 70, (1 << 70) >> 65, -1 >> 5, ~5, ~-1, 5 & 3, 5 | 3, 5 ^ 3, -5 & 0xFF)
print(10 ** 20 * 10 ** 20, 3 ** -1, 2 ** 0.5, (-8) ** (1 / 3) if False else 0)
print(pow(3, 4, 5), pow(2, -1, 7), pow(10, 100, 97), abs(-3), abs(-2 ** 70))
print(int("42"), int("-0x1f", 16), int("0b101", 0), int("  12  "), int("1_000"), int(3.99), int(-3.99))
print(round(2.5), round(3.5), round(-2.5), round(1234, -2), round(1250, -2), round(1350, -2))
print(hex(255), oct(8), bin(5), hex(-255), (255).bit_length(), (2 ** 70).bit_length())
print(True + True, True * 10, False - 1, int(True), 3 == 3.0, 1 == True, hash(1) == hash(1.0))
print(sum(range(101)), sum([0.1] * 10), max(3, 1, 2), min([4, 2, 8]), max("abc", key=ord))
print(divmod(-7, 2), divmod(7.5, 2), 7.5 // 2, -7.5 % 2, 10 / 4)
x = 9223372036854775807
print(x + 1, x * 2, -x - 2, (x + 1) - 1 == x, type(x + 1 - 1))
print(int.from_bytes(b"\x01\x00", "big"), (1024).to_bytes(2, "little"), (-1).to_bytes(2, "big", signed=True))
print(0 ** 0, 2 ** -2, (-2) ** 2, -2 ** 2)
