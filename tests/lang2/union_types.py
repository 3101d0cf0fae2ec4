# PEP 604 unions: X | Y of classes, None and generic aliases, in
# annotations and as isinstance/issubclass targets.
class A: pass
print(int | None, None | int, int | str | int, (int | str) == (str | int), hash(int|str) == hash(str|int), int | A, list[int] | None, (int | str).__args__, type(int|None).__module__, isinstance(3, int | str), isinstance(None, int | None), issubclass(bool, int | str), int | int, (int | None) | str)
print(repr(type(int|None)), type(int | None).__name__, (int | None) == (None | int), (int | str) != (int | float), isinstance("x", int | float), issubclass(A, int | A))
try:
    int | 3
except TypeError as e:
    print(e)
try:
    3 | int
except TypeError as e:
    print(e)
def f(x: int | None = None, *, y: "str | None" = None) -> list[int] | None:
    return [x] if x else None
print(f(3), f(), f.__annotations__)
class B:
    attr: dict[str, int] | None = None
    def m(self, v: float | int) -> str | bytes:
        return str(v)
print(B().m(2), B.__annotations__, B.m.__annotations__["v"])
u = int | str | None
print(u.__args__, len(u.__args__), None | None if False else "skip", bool | int)
