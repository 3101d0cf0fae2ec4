# A class namespace lists the body's names, then the slot members, then
# a __doc__ of None when the body gave none.


class S:
    __slots__ = ("a", "b")
    x = 1


class T:
    "documented"
    __slots__ = ["c"]


class U(S):
    __slots__ = ()

    def m(self):
        return 1


for cls in (S, T, U):
    print(cls.__name__, list(cls.__dict__), cls.__doc__)
