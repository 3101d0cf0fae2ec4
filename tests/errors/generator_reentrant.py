def g():
    yield next(gen)
gen = g()
next(gen)
