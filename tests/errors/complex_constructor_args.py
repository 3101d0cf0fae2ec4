# complex() argument handling: __complex__, strings, and the error wording.
class C:
    def __complex__(self): return 1+2j
class F:
    def __float__(self): return 2.5
for args in [([1],), (1, [1]), ("1", 2), (1, "2"), (C(),), (F(),), (F(), F()), ("1+2j",), (1j, 1j), (True,), (C(), 1)]:
    try: print(complex(*args))
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
