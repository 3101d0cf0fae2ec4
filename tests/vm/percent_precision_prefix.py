# %-formatting: precision with the '#' prefix, bytes %c, doubled grouping characters.
for s in ['%#.117x', '%#.5x', '%#10.5x', '%#-10.5x', '%#010.5x', '%#.5o', '%.5d', '%+.5d', '%#.0x', '%#.3X']:
    print(repr(s % 1), repr(s % -255))
print(repr(b'%c' % b'Z'), repr(b'%c' % 90), repr(b'%3c|%-3c|' % (b'a', 98)))
for a in [b'ZZ', 256, 'x', -1]:
    try:
        b'%c' % a
    except Exception as e:
        print(type(e).__name__, e)
for s in [',,', '__', ',_', '_,']:
    try:
        format(1, s)
    except ValueError as e:
        print(s, e)
for fmt in ['% %s', '%5%', '%-%']:
    try:
        print(fmt % 1)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print('%%|%s' % 1)


class FakeBytes:
    def __bytes__(self):
        return b'123'


class BadBytes:
    def __bytes__(self):
        return 'no'


print(b'%b %s' % (FakeBytes(), FakeBytes()))
for arg in ['x', BadBytes()]:
    try:
        b'%b' % arg
    except TypeError as e:
        print(e)
print(b'%b|%s' % (memoryview(b'abc'), memoryview(b'de')[1:]))
print(b'%r %a' % ('\u0544', 'é'))
for fmt, arg in [(b'%c', 2**128), ('%c', 2**128), ('%c', -2**70), (b'%c', -1)]:
    try:
        fmt % arg
    except OverflowError as e:
        print(fmt, e)
