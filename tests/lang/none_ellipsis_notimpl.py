# none ellipsis notimpl
print(None, repr(None), type(None), None is None, None == None, None != 0, bool(None))
print(..., Ellipsis, type(...).__name__, ... is Ellipsis)
print(NotImplemented, type(NotImplemented).__name__)
def f(): pass
print(f(), f() is None, [None] * 2, {None: None})
x = [1, 2, 3]
print(x[...] if False else "skip", x[:])
