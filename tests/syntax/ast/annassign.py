x: int
x: int = 5
(x): int = 5
x.y: list[int] = []
x[0]: str
x: tuple = 1, 2
x: int = yield
def f(a: int, b: 'str' = 'x', *args: int, c: float, **kw: dict) -> None:
    y: int
def g(*args: *Ts): pass
