# str's character tests and case mappings answer from Unicode 14.0.0, as
# CPython 3.11's do: digests over a sample of code points, then the
# context-sensitive cases (final sigma, title case) and numbers in other
# scripts.
import hashlib

SAMPLE = sorted(set(range(0x800)) | set(range(0, 0x110000, 9)))

def digest(f):
    h = hashlib.sha256()
    for cp in SAMPLE:
        h.update(repr(f(chr(cp))).encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:16]

TESTS = {
    "isalpha": str.isalpha, "isalnum": str.isalnum, "isdecimal": str.isdecimal,
    "isdigit": str.isdigit, "isnumeric": str.isnumeric, "islower": str.islower,
    "isupper": str.isupper, "istitle": str.istitle, "isspace": str.isspace,
    "isprintable": str.isprintable, "isidentifier": str.isidentifier,
    "lower": str.lower, "upper": str.upper, "title": str.title,
    "casefold": str.casefold, "swapcase": str.swapcase, "capitalize": str.capitalize,
    "title+abc": lambda c: (c + "abc").title(), "istitle+abc": lambda c: (c + "abc").istitle(),
    "isupper+ABC": lambda c: (c + "ABC").isupper(), "islower+abc": lambda c: (c + "abc").islower(),
    "isidentifier a+": lambda c: ("a" + c).isidentifier(),
    "repr": repr,
}
for name, f in TESTS.items():
    print(name, digest(f))

for s in ["ΣΑΣ", "ΑΣ ΑΣ.", "Σ", "ΑΣ\u0345", "ΑΣ'Α", "Α'Σ", "ὈΔΥΣΣΕΎΣ", "ΣΑΣ1", "a\u0301Σ"]:
    print(ascii(s.lower()), ascii(s.title()), ascii(s.capitalize()), ascii(s.swapcase()), ascii(s.casefold()))
for s in ["ǅungla", "ﬁsh ŉ", "straße", "İstanbul", "they're bill's friends", "hello\u2028world",
          "\ud800abc", "ab\udfffCD", "ǈ", "ᾈ", "Ǆ"]:
    print(ascii(s.upper()), ascii(s.lower()), ascii(s.title()), ascii(s.capitalize()),
          ascii(s.swapcase()), ascii(s.casefold()), s.istitle(), s.isupper(), s.islower())
for s in ["\u0663\u0664", "\u2003 12\u3000", "\U0001D7D9\U0001D7DA", "1\x85", "\u0663.\u0665e\u0661", "1\x1c",
          "\u00b2", "\u2155", "\u0663_\u0664"]:
    for f in (int, float):
        try:
            print(ascii(s), f.__name__, f(s))
        except ValueError as e:
            print(ascii(s), f.__name__, "ValueError", ascii(str(e)))
print("a\u00a0b\u2003c\u200bd\u180ee\x1cf".split())
print(ascii("\u3000 x \u2029".strip()))
for s in ["  a b  c  ", "", "   ", "a", "\ud800 x\u3000y\u2003", " \u00e9t\u00e9  \u00e0 la  plage ", "x\x1cy\x85z"]:
    print(ascii([s.split(), s.rsplit(), s.split(None, 1), s.rsplit(None, 1), s.split(maxsplit=0),
                 s.rsplit(maxsplit=0), s.split(None, 2)]))

# Lone surrogates pass through the methods that search, split, trim and pad.
s = "\ud800ab\udc00 "
for result in [s.strip(), s.lstrip(), s.rstrip("\udc00 "), s.split("b"), s.rsplit("b"), s.split("b", 0),
               s.replace("a", "x"), s.replace("\ud800", "y"), s.replace("", "|", 3), s.center(9, "*"),
               s.ljust(8), s.rjust(7, "\udfff"), s.zfill(8), "-\ud800".zfill(4), s.partition("a"),
               s.rpartition("b"), s.partition("\udc00"), ("\t" + s).expandtabs(4),
               ("a\ud800\r\nb\x85c\u2028").splitlines(), ("a\ud800\r\nb").splitlines(True),
               "aaa".split("aa"), "aaa".rsplit("aa"), "aaa".replace("aa", "b"), "a,b,,c".split(",", 2),
               "a,b,,c".rsplit(",", 2), "xyxzx".strip("x"), " \u3000a\u3000 ".strip(), "".strip()]:
    print(ascii(result))

# ... and through str.format, format() and f-strings.
s = "\ud800x"
print(ascii("{}|{!r}|{:>5}|{:*^6}|{:.1}|{:{}}".format(s, s, s, s, s, s, 4)))
print(ascii("a\udc00{}{{}}".format(1)), ascii("{x}\udfff".format_map({"x": s})))
print(ascii(format(s)), ascii(format(s, "<4")), ascii(f"{s}{s!r:>9}{s:.1}"))
print(ascii("{:{}}".format(s, 5)), ascii("{0[0]}".format([s])))
class S(str):
    pass
for spec in ["d", "+", "=5"]:
    try:
        format(S("a"), spec)
    except ValueError as e:
        print(e)
