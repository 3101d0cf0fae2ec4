# An annotated name declared global is allowed at module level only.
global x
x: int = 3
print(x, __annotations__)
for src in ["def f():\n    global y\n    y: int\n", "class C:\n    global z\n    z: int\n",
            "def g():\n    v = 1\n    def h():\n        nonlocal v\n        v: int\n"]:
    try:
        compile(src, "<s>", "exec")
        print("compiled")
    except SyntaxError as e:
        print(e)
import symtable
t = symtable.symtable(b"# -*- coding: iso8859-15 -*-\nclass \xb4: pass\n", "?", "exec")
print(ascii(t.get_identifiers()), t.lookup("x") if "x" in t.get_identifiers() else None)
