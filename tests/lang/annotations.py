# annotations
x: int = 5
y: list[int]
print(__annotations__)
def f(a: int, b: str = "s", *args: float, c: bool = True, **kw: dict) -> None:
    pass
print(f.__annotations__)
class C:
    attr: int = 3
    other: "str"
print(C.__annotations__, C.attr)
