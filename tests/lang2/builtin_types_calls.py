print(list(), list("ab"), list({"a": 1}), list(range(2)), tuple([1, 2]), dict(), dict(a=1), dict([("b", 2)]))
print(set("aab") == {"a", "b"}, frozenset([1]), str(), str(5), str(b"x", "utf-8"), int(), float(), complex(), bool())
print(type(1)(2), type("s")("t"), type([])((1,)), type(())([1]), type({}).fromkeys("a"), bytes(2), bytearray(1))
print(type("Dyn", (object,), {"x": 1})().x, type("D2", (dict,), {})(a=1), isinstance(type, type))
print(int.__name__, str.__qualname__, list.__module__, dict.__doc__ is not None or True, bool.__bases__, float.__mro__)
print(str.upper("x"), list.append, int.__add__(1, 2), float.__mul__(2.0, 3), str.join(",", "ab"), dict.get({"a": 1}, "a"))
print(int.from_bytes(b"\x01", "big"), dict.fromkeys([1]), str.maketrans("a", "b"), float.fromhex("0x1p1"), int.bit_length(8))
for bad in ("list(5)", "dict(1)", "dict([1])", "int([1])", "set(3)", "tuple(None)", "str(1, 2)", "bool(1, 2)"):
    try:
        eval(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
