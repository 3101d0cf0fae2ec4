# Big integers: arithmetic, conversion, comparison, hashing.
a = 2 ** 200
b = 3 ** 150
print(a, b, a + b, a - b, a * b, a // b, a % b, -a // b, -a % b, divmod(a, -b))
print(a > b, a == 2 ** 200, hash(a) == hash(2 ** 200), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)))
print(a >> 190, a << 3, a & (2 ** 100 + 1), a | 1, a ^ a, ~a, -a, abs(-a), a.bit_length())
print(str(10 ** 50), int("9" * 60) + 1, float(2 ** 100), 2 ** 100 / 2 ** 99, 10 ** 30 / 3)
print(int(1e20), int(-1.5e19), round(2 ** 70 + 0.0), 2 ** 64 == float(2 ** 64), (2 ** 53 + 1) == float(2 ** 53 + 1))
print(pow(2, 1000, 10 ** 9 + 7), pow(7, -1, 10 ** 9 + 7), 10 ** 18 * 10, -(10 ** 18) * 10, (-3) ** 41)
print(sum(range(10 ** 6)), sum([2 ** 64] * 3), max(2 ** 70, 5), min(-2 ** 70, 5), sorted([2 ** 65, -1, 2 ** 64]))
print(f"{2 ** 70:,}", f"{2 ** 70:x}", f"{-2 ** 70:e}", hex(2 ** 70), bin(2 ** 66), oct(-2 ** 65))
print(9223372036854775807 + 1, -9223372036854775808 - 1, 9223372036854775807 * -1, (-9223372036854775808) * -1)
print(-9223372036854775808 // -1, (-9223372036854775808) % -1, abs(-9223372036854775808), 4611686018427387904 * 2)
try:
    str(10 ** 5000)
except ValueError as e:
    print("ValueError:", str(e)[:60])
print(len(str(10 ** 4000)), int("1" * 4300) % 7)
