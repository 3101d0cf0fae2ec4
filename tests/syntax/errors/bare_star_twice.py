def f(*, *): pass
