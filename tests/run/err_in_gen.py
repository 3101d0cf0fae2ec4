def g():
    yield 1
    raise ValueError("from generator")
for x in g():
    print(x)
