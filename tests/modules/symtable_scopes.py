# symtable: scopes, symbols and their flags as the compiler decides them.
import symtable
SRC = '''import os
x: int = 1
def f(a, *b, c=1, **d):
    global g
    y = a
    def inner():
        nonlocal y
        return y + x
    return [z for z in b]
class C:
    w = 1
    def m(self): return w + __class__.__name__
lambda q: q
'''


def show(t, indent=""):
    print(indent, t.get_type(), t.get_name(), t.get_lineno(), t.is_nested(), t.is_optimized(), t.has_children(),
          sorted(t.get_identifiers()))
    if t.get_type() == "function":
        print(indent, "  params", t.get_parameters(), "locals", t.get_locals(), "globals", t.get_globals(),
              "nonlocals", t.get_nonlocals(), "frees", t.get_frees())
    if t.get_type() == "class":
        print(indent, "  methods", t.get_methods())
    for name in sorted(t.get_identifiers()):
        s = t.lookup(name)
        print(indent, "   ", name, s.is_referenced(), s.is_parameter(), s.is_global(), s.is_declared_global(),
              s.is_local(), s.is_free(), s.is_imported(), s.is_assigned(), s.is_namespace(), s.is_annotated(),
              s.is_nonlocal())
    for c in t.get_children():
        show(c, indent + "  ")


show(symtable.symtable(SRC, "<s>", "exec"))
show(symtable.symtable("a + b", "<e>", "eval"))
for args in [(1, "f", "exec"), ("x", "f", "bad"), ("x +", "f", "exec")]:
    try:
        symtable.symtable(*args)
    except Exception as e:
        print(type(e).__name__, e)
