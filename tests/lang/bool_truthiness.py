# bool truthiness
values = [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (0,), {}, {0: 0}, set(), None, True, False, range(0), range(1), b"", b"x", 0j, 1j]
print([bool(v) for v in values])
class AlwaysFalse:
    def __bool__(self): return False
class Empty:
    def __len__(self): return 0
class Default: pass
print(bool(AlwaysFalse()), bool(Empty()), bool(Default()), not AlwaysFalse(), AlwaysFalse() or "fallback")
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or [] or "last", "" and x if False else "short-circuit")
print(True + True, True == 1, False == 0, isinstance(True, int), True & False, True | False, True ^ True)
print(str(True), repr(False), int(True), float(False), True * 3, -True, ~True, True / 2)
