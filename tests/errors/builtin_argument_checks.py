# Argument checks of builtins: which argument is checked first, None named
# as None in "must be str" errors, three-argument pow, sets not subscriptable.
cases = [
    lambda: issubclass(1, 2),
    lambda: issubclass(int, 2),
    lambda: zip(1, [2]),
    lambda: zip([1], None),
    lambda: enumerate(1.5, "a"),
    lambda: sum(5, "a"),
    lambda: sum([1], "a"),
    lambda: round(5, "a"),
    lambda: pow(2.0, 3, 5),
    lambda: pow(2, None, 5),
    lambda: str(b"x", None),
    lambda: bytes("x", None),
    lambda: type("X", None, {}),
    lambda: bytes.fromhex(None),
    lambda: format(1, None),
    lambda: {1}[0],
    lambda: reversed({1}),
    lambda: hasattr(frozenset(), "__getitem__"),
]
for f in cases:
    try:
        print(repr(f()))
    except TypeError as e:
        print("TypeError:", e)
