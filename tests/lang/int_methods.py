# int methods
print((10).bit_length(), (-10).bit_length(), (0).bit_length(), (255).to_bytes(2, "big"), (255).to_bytes(2, "little"))
print(int.from_bytes(b"\xff\x00", "little"), int.from_bytes(b"\xff", "big", signed=True), (1024).bit_count())
print((3).conjugate(), (6).numerator, True.denominator, (5).as_integer_ratio(), (7).__index__(), (-7).__abs__())
print(int.__mro__, issubclass(bool, int), isinstance(True, int), type(True + 1).__name__, True.__class__.__name__)
print((12).__format__("04d"), (12).__format__(""), format(255, "b"), format(255, "o"), format(-255, "x"), format(255, "#_X"))
print(divmod(2 ** 70, 3), (2 ** 70).bit_length(), hash(2 ** 70) == hash(2 ** 70), 2 ** 70 // 2 ** 69, -(2 ** 70) >> 68)
print(max(range(5), key=lambda v: (v % 3, v)), sorted([3, 1, 2], reverse=True), list(map(int, "123")))
