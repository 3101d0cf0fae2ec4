def f():
    a = 1
    if a > 5:
        b = 2
    return (a,
            b)


f()
