x = 5
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0, 1 < 2 < 3 < 4 > 0, (1 < x) < 2, not 1 == 2)
print(x if x > 3 else -x, "yes" if [] else "no", 0 or "default", "a" and "b", None or 0 or [], 1 and 0 and 2)
print(7 // 2, 7 % 2, -7 // 2, 2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, ~5, 5 & 3, 5 | 3, 5 ^ 3, 1 << 4, 256 >> 3)
print(3 * "ab", [0] * 3, 10 - 2 - 3, 100 / 10 / 5, 2 * 3 + 4 * 5, (2 + 3) * 4, -(-3), +True)
print(1 in [1, 2], 3 not in {1: 2}, "b" in "abc", None is None, [] is not [], x is not None)


def noisy(v):
    print("eval", v)
    return v


print(noisy(1) < noisy(2) < noisy(0) < noisy(99))
print(noisy(0) and noisy(1), noisy(2) or noisy(3))
a = [1, 2]
b = a
a += [3]
print(a is b, b)
t = (1, 2)
u = t
t += (3,)
print(t is u, u)
n = 10
n -= 3
n *= 2
n //= 3
n **= 2
n %= 7
n <<= 2
n >>= 1
n |= 8
n &= 12
n ^= 5
print(n)
s = "a"
s += "b"
s *= 2
print(s)
print((y := 4) * y, [z := 1, z + 1], (w := 0) or "falsy")
print(True + 1, True == 1, 1.0 == True, "1" == 1, [1] == [1.0], (1, 2) == [1, 2], {1, 2} == {2, 1})
