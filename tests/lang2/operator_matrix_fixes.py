# Operators between built-in values that used to go wrong: repetition of
# non-sequences, %-formatting with mapping-like arguments, bytes % complex,
# unary +/- on complex, big ints in bytes, sets looked up in sets, slice
# ordering.
cases = [
    lambda: 0 * {3},
    lambda: {3} * 2,
    lambda: 2 * range(3),
    lambda: True * {1: 2},
    lambda: 1.5 * frozenset([4]),
    lambda: "ab" % [1],
    lambda: "" % b"x",
    lambda: "ab" % range(2),
    lambda: "%s" % [1],
    lambda: "%(a)s" % [1],
    lambda: b"x" % [1],
    lambda: b"x" % 2j,
    lambda: bytearray(b"y") % {1: 2},
    lambda: bytearray(b"%d") % 5,
    lambda: -(2j),
    lambda: +(1 - 2j),
    lambda: 2 ** 65 in b"x",
    lambda: 300 in bytearray(b"y"),
    lambda: 2 ** 65 * "ab",
    lambda: {3} in {3},
    lambda: {1} in {frozenset({1})},
    lambda: slice(1, 2) < slice(1, 3),
    lambda: slice(None, 1) >= slice(None, 1),
    lambda: slice(1) < slice(None),
]
for f in cases:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
