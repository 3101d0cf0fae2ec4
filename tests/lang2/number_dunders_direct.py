# Operator dunders called directly: int methods decline floats (NotImplemented), divmod/round/floor/ceil dunders, sequence __rmul__.
print((3).__add__(1.5), (3).__mul__("a"), (3).__radd__(1.5), (1.5).__add__(3), (1.5).__radd__(2), (1.5).__add__("x"), True.__add__(1), (3).__lt__(4.5), (3).__eq__(3.0), (2).__pow__(0.5), (7).__truediv__(2.0), (7).__floordiv__(2), (3).__and__(1.0))
for f in [lambda: "ab".__rmul__(2), lambda: [1].__rmul__(2), lambda: "a".__lt__(1), lambda: [1].__eq__((1,)), lambda: {1}.__or__([2]), lambda: {1: 2}.__or__([]), lambda: (1).__divmod__(2), lambda: (1.5).__divmod__(1), lambda: (2).__rpow__(3), lambda: (5).__round__(-1), lambda: (2.5).__round__(), lambda: (7).__index__(), lambda: (3.7).__trunc__(), lambda: (3.2).__floor__(), lambda: (3.2).__ceil__(), lambda: (-3).__abs__(), lambda: (5).__bool__(), lambda: (5).__float__(), lambda: (5.5).__int__(), lambda: "abc".__getitem__(1), lambda: "abc".__contains__("b"), lambda: "abc".__len__(), lambda: (3).__hash__() ]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
class I(int): pass
print(round(I(15), -1), divmod(I(7), 2), divmod(7, I(2)), round(I(3)), type(round(I(3))).__name__, round(True, 0), round(7, 1))
