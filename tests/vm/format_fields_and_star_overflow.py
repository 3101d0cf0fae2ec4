# Out-of-range * arguments, empty attributes and braces inside index keys in
# format fields, with CPython's exceptions.
import sys
for f in [lambda: '%*s' % (sys.maxsize + 1, ''), lambda: '%.*f' % (sys.maxsize + 1, 1/7), lambda: '%.*f' % (2**31, 1/7),
          lambda: '{0.}'.format(0), lambda: '{0.}'.format(), lambda: '{0.a.}'.format(0), lambda: '{0[}'.format(0),
          ]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
for f, a in [('{0[}]}', [{'}': 5}]), ('{0[{]}', [{'{': 6}]), ('{0:[}', [1]), ('{0[a]:{1}}', [{'a': 7}, 3]), ('{0[}', [[]]),
             ('{0[:]}', [{':': 8}]), ('{0[!]}', [{'!': 9}]), ('{0!r:>{1}}', ['a', 5]), ('{0[a]!r}', [{'a': 'b'}])]:
    try:
        print(repr(f.format(*a)))
    except Exception as e:
        print(type(e).__name__, e)
