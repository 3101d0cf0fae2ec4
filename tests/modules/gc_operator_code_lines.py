import gc, timeit, operator, _operator
print(gc.isenabled(), gc.collect(), gc.get_threshold()); gc.disable(); print(gc.isenabled()); gc.enable()
print(_operator._compare_digest(b'abc', b'abc'), _operator._compare_digest('a', 'b'), operator.add(2, 3), operator.itemgetter(1)('xy'))
print(type(timeit.default_timer()).__name__)
def f():
    x = 1
    return x
print(all(len(r) == 3 for r in f.__code__.co_lines()), all(len(p) == 4 for p in f.__code__.co_positions()))
