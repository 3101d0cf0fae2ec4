# Built-in methods that take no arguments reject extra ones; operator dunders take exactly one operand.
for f in [lambda: (5).bit_length(1), lambda: (5).__neg__(1), lambda: [].copy(1), lambda: "a".upper(1), lambda: int.bit_length(5, 1), lambda: {}.keys(1), lambda: (5).__str__(1), lambda: (1.5).is_integer(), lambda: hasattr(5, "is_integer"), lambda: (1).bit_length(), lambda: "ab".upper()]:
    try: print(f())
    except TypeError as e: print(e)
for f in [lambda: (5).__floor__(1), lambda: (5).__mul__(), lambda: (5).__mul__(1, 2), lambda: (5).__lt__(), lambda: [1].__reversed__(1), lambda: (5).__neg__(1), lambda: len.__call__([1])]:
    try: print(f())
    except TypeError as e: print(e)
