import types, sys
n = types.SimpleNamespace(a=1, b='x')
print(n, n.a, n == types.SimpleNamespace(a=1, b='x'), type(n).__name__, types.SimpleNamespace)
n.c = 3; del n.a; print(n, vars(n))
class N(types.SimpleNamespace): pass
print(N(z=1), type(sys.implementation).__name__)
try: hash(n)
except TypeError as e: print(e)
try: types.SimpleNamespace(1)
except TypeError as e: print(e)
r = types.SimpleNamespace(); r.me = r; print(r)
