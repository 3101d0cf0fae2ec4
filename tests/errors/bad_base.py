class X(5): pass
