# Compile-time SyntaxWarnings for calls and subscripts of literals ("perhaps you missed a comma?").
def f():
    try:
        return "abc"()
    except TypeError as e:
        print(e)
def g():
    for thing in ([1, 2][1.5], (1, 2)["x"], None[0], True[0], {1}[0], (x for x in [])[0], (lambda: 0)[0], f"x"["a"], "s"(1), [1](), {1: 2}(), (1, 2)(), 1.5(), ...[0], b"x"[1.0], [1][1, 2]):
        pass
print("compiled")
f()
