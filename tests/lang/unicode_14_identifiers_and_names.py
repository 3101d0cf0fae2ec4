# Identifiers and \N{...} names follow Unicode 14.0.0, Python 3.11's
# version: U+1E4D0, a Nag Mundari letter, came in 15.0. An identifier's
# characters are checked as written; NFKC applies to valid names only.
def attempt(source):
    try:
        ns = {}
        exec(source, ns)
        print(sorted(k for k in ns if not k.startswith("__")))
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.offset)

attempt("\U0001e4d0 = 1")
attempt("\ufb01 = 2\n\u212b = 3\n\u2118 = 4")
attempt("x\u2075 = 3")
attempt("\u00e9t\u00e9 = 1; \u0435 = 2")
attempt("a\u309b = 1")
attempt("\u2160 = 1")
try:
    eval(r'"\N{NAG MUNDARI LETTER O}"')
except SyntaxError as e:
    print("SyntaxError", e.msg)
print(ascii(eval(r'"\N{LATIN SMALL LETTER A}\N{latin capital letter gha}\N{BOM}"')))
print(ascii(b"\\N{MELTING FACE}\\N{grinning face}".decode("unicode_escape")))
try:
    b"\\N{NAG MUNDARI LETTER O}".decode("unicode_escape")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e.reason)
print("\U0001fae0\U0001e4d0\u00e9".encode("ascii", "namereplace"))
