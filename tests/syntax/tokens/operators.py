a = b + c - d * e / f // g % h ** i @ j
a += 1; a -= 1; a *= 1; a /= 1; a //= 1; a %= 1; a **= 1; a @= 1
a &= 1; a |= 1; a ^= 1; a <<= 1; a >>= 1
a < b <= c > d >= e == f != g
x = ~a & b | c ^ d << e >> f
def f(x) -> int: return x
y = [1, 2][0:1:1]; z = {1: 2}; w = (...)
if (n := 10) > 5: pass
print(1if x else 2)
