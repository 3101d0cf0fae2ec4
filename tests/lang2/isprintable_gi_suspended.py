# str.isprintable (as repr decides printability) and generator gi_suspended.
for s in ["", "abc", "a b", "a\tb", "a\nb", "é", "\x7f", "\u200b", "\u00a0", "\u3000", "x\x00", "日本", "\U0001F600", "\ud800"]:
    print(repr(s), s.isprintable())
def g():
    yield 1
x = g()
print(x.gi_suspended)
next(x)
print(x.gi_suspended, x.gi_running)
list(x)
print(x.gi_suspended)
