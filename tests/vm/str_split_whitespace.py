# str.split/rsplit/strip treat the separator controls \x1c-\x1f and
# Unicode spaces as whitespace, as str.isspace does.
text = "a\x1cb c\x85d\u2028e\x1f\tf\u3000g"
print(text.split(), text.rsplit(), text.split(None, 2), text.rsplit(None, 2))
print(repr("\x1c x\x1d\x1e\x1f".strip()), repr("\x1fy\x1c".lstrip()), repr("\x1fy\x1c".rstrip()))
print([c.isspace() for c in "\x1c\x1d\x1e\x1f\x85\xa0\u2028 a"])
print("a,b,,c".split(","), "a,b,,c".rsplit(",", 1), "a,b,,c".split(",", 0), "abc".split("abcd"))
print("x--y--z".split("--"), "x--y--z".rsplit("--", maxsplit=1), "é—ü—".split("—"))
print("  lead and trail  ".split(), "".split(), "".split(","), "   ".split())
print("one two".split(maxsplit=0), "one two  ".rsplit(maxsplit=0))
try:
    "abc".split("")
except ValueError as e:
    print("ValueError", e)
try:
    "abc".split(1)
except TypeError as e:
    print("TypeError", e)
