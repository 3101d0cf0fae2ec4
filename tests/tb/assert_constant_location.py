def f():
    assert False
f()
