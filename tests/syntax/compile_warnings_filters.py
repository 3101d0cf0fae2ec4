# Warnings raised while compiling go through the warnings module: they can
# be recorded, and a filter that makes them errors gives a SyntaxError.
import warnings


def record(source, mode="exec"):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compile(source, "<test>", mode)
        except SyntaxError as e:
            print("  SyntaxError:", e.msg, e.lineno, e.offset)
    for w in caught:
        print(" ", w.category.__name__, w.message, w.filename, w.lineno)


def as_error(source, mode="exec"):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("error")
        try:
            compile(source, "<test>", mode)
            print("  compiled")
        except SyntaxError as e:
            print("  SyntaxError:", e.msg, e.lineno, e.offset)
    print("  recorded", len(caught))


sources = [
    r"x = '\d'",
    r"x = b'\q \z'",
    "x = '''\n\\z'''",
    r"x = '\400'",
    r"x = b'\777'",
    r"x = f'\{1}'",
    r"x = f'{1}\w'",
    r"x = r'\d'",
    r"x = '\d' $",
    "x = 1 is 1",
    "assert (x, 'msg')",
    "assert ()",
    "f = [1, 2]\nx = [(1, 2) (3, 4)]",
    "x = 0x1for y in z",
    "x = '\\N{LATIN SMALL LETTER A}\\e'",
]
for source in sources:
    print(repr(source))
    record(source)
    as_error(source)

print(eval(r"'\d'"), eval(r"b'\d'"))
