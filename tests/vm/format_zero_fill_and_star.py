# The 0 flag fills with zeros whatever the alignment; str.__format__ with an
# empty spec is str(self); format_map refuses positional fields; % takes * only
# as an int, a negative one left-aligning.
class S(str):
    def __str__(self): return 'X'
print(repr(format(S('a'), '')), repr(format(S('a'), '<3')), repr('{}'.format(S('a'))), repr(f'{S("a")}'), repr('%s' % S('a')))
for sp in ['<05','^05','05','>05','x<05', '08s', '=05']:
    for v in ['ab', 5, 2.5]:
        try: print(sp, repr(format(v, sp)))
        except ValueError as e: print(sp, e)
for f in [lambda: '{}'.format_map({'a': 2}), lambda: '{0}'.format_map({'a': 2}), lambda: str.maketrans('abc','def',2), lambda: '%*s' % ('foo','bar'), lambda: '%.*s' % ('foo','bar'), lambda: '{a}{}'.format_map({'a':1})]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
print(repr('%*d' % (-5, 1)), repr('%.*f' % (-2, 1.5)), repr('%*s' % (True, 'a')), repr('%-05d|%05d|%+06.1f' % (3, -3, 2.5)))
