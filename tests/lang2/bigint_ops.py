# Ints grow past 64 bits transparently; the results match CPython's.
a = 2**63 - 1
print(a + 1, -a - 2, a * a, (a + 1) // 3, (a + 1) % 1000, -(a + 1))
print(2**100, 3**64 - 1, (-2) ** 63, (-2) ** 64)
print(10**30 // 7, 10**30 % 7, divmod(-10**20, 3), divmod(10**20, -3))
print((1 << 100) >> 90, 1 << 64, (2**70) & (2**70 - 1), (2**70) | 1, (2**70) ^ (2**69))
print(~(2**65), abs(-(2**80)), int(2**64 / 2), 2**64 == 2.0**64)
x = 1
for i in range(1, 30):
    x *= i
print(x, len(str(x)), x.bit_length())
print(hash(2**61 - 1), hash(2**61), hash(-(2**61)), hash(2**100) == hash(2**100 % (2**61 - 1)))
print(int("123456789012345678901234567890") + 1)
print(hex(2**70), oct(2**65), bin(2**66))
print(pow(2, 100, 10**9 + 7), pow(3, 10**5, 1000))
print(sorted([2**64, -(2**64), 0, 2**63, -1]))
print(max(2**100, 1.0), 2**100 > 1e30, 2**53 + 1 == float(2**53 + 1))
print(round(2**70, -20), (2**70).to_bytes(9, "big").hex(), int.from_bytes(b"\x01" * 10, "little"))
try:
    float(10**400)
except OverflowError as e:
    print("OverflowError", e)
try:
    2**64 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
big = 10**4300
try:
    str(big)
except ValueError as e:
    print("ValueError", str(e)[:60])
print(len(str(10**4299)))
try:
    int("1" * 4301)
except ValueError as e:
    print("ValueError", str(e)[:60])
