# Built-in methods and __new__ called directly with a missing or wrong receiver.
for f in [lambda: list.append(1, 2), lambda: str.upper(5), lambda: dict.get(), lambda: int.bit_length("a"), lambda: list.__len__(3)]:
    try: f()
    except TypeError as e: print(e)
for f in [lambda: int.__new__(), lambda: int.__new__(5), lambda: int.__new__(str), lambda: set.__or__({1}), lambda: list.__iadd__([]), lambda: str.__mod__("a"), lambda: object.__new__(int), lambda: list.__new__(list), lambda: dict.__new__(dict, 1, 2), lambda: tuple.__new__(tuple, [1,2])]:
    try: print(f())
    except TypeError as e: print(e)
