class S:
    __slots__ = ('a',)
S().b = 1
