def gen():
    yield 1
    raise ValueError("gen failed")
for x in gen():
    print(x)
