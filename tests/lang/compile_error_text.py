# SyntaxErrors found after parsing (by CPython's symbol table and code
# generator) quote the line from the file they name, so code compiled from
# a string quotes none; errors of the parser quote the source.
import traceback

for src in ["x = [y async for y in z]", "return 5", "def f():\n    nonlocal q",
            "break", "f(**a, *b)", "a = yield = 3", "del f()", "def g():\n    yield\n    return\nimport *"]:
    try:
        compile(src, "<text>", "exec")
    except SyntaxError as e:
        print(repr(e.msg), e.lineno, e.offset, repr(e.text), e.end_offset)

try:
    exec("for x in y:\n    pass\nelse:\n    continue\n")
except SyntaxError:
    print(traceback.format_exc().splitlines()[-3:])
