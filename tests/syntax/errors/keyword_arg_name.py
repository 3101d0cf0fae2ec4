def f(for): pass
