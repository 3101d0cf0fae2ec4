# int.to_bytes/from_bytes with 3.11 defaults, iterables of ints, and their errors; int.__format__ type check.
for f in [lambda: (5).to_bytes(), lambda: (5).to_bytes(2), lambda: (-1).to_bytes(1), lambda: (-1).to_bytes(1, signed=True), lambda: (5).to_bytes(1, "little"), lambda: int.from_bytes(b"\x01\x02"), lambda: int.from_bytes([1, 2], "little"), lambda: int.from_bytes(5), lambda: (300).to_bytes(1), lambda: (5).to_bytes(-1), lambda: (5).to_bytes(1, "middle"), lambda: int.from_bytes(b"\xff", signed=True), lambda: (1).__format__(None), lambda: format(5, "")]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
