class B:
    def __bool__(self): raise ValueError
x = 1
while x < 2 and B():
    pass
