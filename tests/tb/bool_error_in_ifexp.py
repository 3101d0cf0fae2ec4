class B:
    def __bool__(self): raise ValueError
y = B() if B() else 2
