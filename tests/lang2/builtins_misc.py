print(abs(-2.5), abs(3 + 4j), all([1, "x"]), any([0, ""]), ascii("é\n"), bin(-5), bool(0.0), callable(print))
print(chr(0x1F600) == "\U0001F600", complex("1+2j"), complex(1, -1), divmod(7.5, 2), float("  -1.5e3 "), float("nan") != float("nan"))
print(hash(1) == hash(1.0), hex(-255), id(1) == id(1), int("0x1f", 16), int("0b101", 0), int(" 42 "), int(-3.9), int("-0o17", 8))
print(isinstance(True, int), issubclass(int, object), len(range(0, 10, 3)), list(map(pow, [2, 3], [3, 2])), max(3, 1, 2), min("b", "a"))
print(oct(64), ord("\n"), pow(2, -1), pow(-8, 1 / 3).real > 0, repr(round(3.14159, 3)), round(-2.5), round(0.5), round(1.5), round(12345, -2))
print(sorted([3, 1, 2], key=lambda v: -v), sum([0.1] * 10), sum(range(101)), tuple(reversed((1, 2))), type(3).__name__, type("x") is str)
print(list(filter(lambda v: v > 1, [1, 2, 3])), list(zip(range(3), "ab", [True] * 5)), next(iter(range(3))), vars(type("T", (), {"a": 1}))["a"])
print(getattr(1, "real"), hasattr("s", "upper"), dir([])[:3] == sorted(dir([]))[:3], len(dir(object)) > 10)
print(format(255, "x"), str(b"ab", "ascii"), bytes("é", "utf-8"), isinstance(range(3), range), slice(1, 5, 2), slice(3))
print(object().__class__.__name__, type(None).__name__, type(...).__name__, type(NotImplemented).__name__, Ellipsis)
print(eval("1 + 2 * 3"), eval("x + 1", {"x": 4}), eval("[a for a in range(3)]"), exec("y = 2") or "exec->None")
ns = {}
exec("def f(n):\n    return n * 3\nz = f(4)", ns)
print(ns["z"], sorted(k for k in ns if not k.startswith("__")))
code = compile("a + b", "<expr>", "eval")
print(eval(code, {"a": 1, "b": 2}), type(code).__name__, code.co_filename)
print(globals()["__name__"], "print" in dir(__builtins__), locals() is globals())
for bad in ("int('x')", "float('abc')", "complex('1+')", "chr(0x110000)", "ord('ab')", "divmod(1, 0)", "round(1.5, 'x')", "min([])", "next(iter([]))"):
    try:
        eval(bad)
    except Exception as e:
        print(type(e).__name__, e)
print(iter([1]).__class__.__name__, iter((1,)).__class__.__name__, iter("a").__class__.__name__, iter({}).__class__.__name__)
print(list(iter(lambda c=[0]: c.append(1) or len(c), 3)), input.__name__, open.__name__ if callable(open) else None)
