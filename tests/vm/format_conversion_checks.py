# %x/%X/%o refuse floats, %d truncates any float; a conversion's syntax is
# checked before the field is looked up.
for f, a in [('%x', 3.14), ('%d', 3.14), ('%X', 2.0), ('%o', 1.5), ('%i', '1'), ('%c', 1.5), ('%x', '1'), ('%x', 255), ('%#o', True)]:
    try:
        print(repr(f % a))
    except Exception as e:
        print(type(e).__name__, e)
class F(float):
    pass
for f in ('%x', '%d'):
    try:
        print(repr(f % F(2.5)))
    except TypeError as e:
        print(e)
for f, a in [('{!}', []), ('{0!}', [1]), ('{!r}', []), ('{0!rs}', [1]), ('{0!}', []), ('{0!x}', [1]), ('{0!r:>4}', [1])]:
    try:
        print(repr(f.format(*a)))
    except Exception as e:
        print(type(e).__name__, e)
