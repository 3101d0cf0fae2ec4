# Bools and floats held inline: equality, hashing and identity as dict
# and set keys, arithmetic on bools, signed zeros and NaN.
d = {0.0: "zero"}
print(d[-0.0], d.get(0), -0.0 == 0.0, {0.0, -0.0}, {1, 1.0, True}, {True: "a", 1: "b", 1.0: "c"})
nan = float("nan")
print(nan == nan, nan is nan, [nan] == [nan], nan in [nan], {nan: 1}[nan], nan != nan)
print(True + True, True & False, True ^ True, True | False, ~True, -True, +False, abs(True))
print(hash(True), hash(-0.0), hash(0.0), hash(1.5), hash(-1.0), int(True), float(True))
print(round(2.5), round(-0.5), divmod(-7.5, 2), -0.0, repr(-0.0), format(-0.0, "z.1f"))
print(sorted([0.0, -0.0, -1.0, 2, True, False]), max(True, 0.5), min(-0.0, 0.0))
print(1.0 < 2, 2 < 1.5, True < 1.5, 2**70 > 1e21, 1e300 * 10, -(2.0**0.5), 7.0 // 2, 7 % 2.5)
print(True == 1, True == 1.0, False == 0.0, True is True, (1 == 1) is True, not 0.0, not -0.0)
print(bool(0.0), bool(nan), bool(-0.0), 3 * True, [1, 2][True], "ab"[False], 1.5 + True)
x = 0.1 + 0.2
print(x, x == 0.3, x.hex(), float.fromhex(x.hex()) == x, (0.5).as_integer_ratio())
print(isinstance(True, int), type(True + 0), type(True / 1), str(False), f"{True:d} {1.0:g}")
