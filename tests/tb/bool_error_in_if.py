class B:
    def __bool__(self): raise ValueError
x = 1
if B():
    pass
