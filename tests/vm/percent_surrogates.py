# %-formatting keeps lone surrogates in the format, the arguments and %c.
s = '\ud800'
for text in ['%s' % s, 'x%sy' % (s,), '%5s|' % s, '%-4s|' % s, '%.1s' % (s + 'abc'), '%r' % s, '%a' % s,
             '%c' % 0xdc80, '%c' % s, s + '%d' % 5, '%(k)s' % {'k': s}, '%(\udc00)s' % {'\udc00': 1},
             '<%s>%s</%s>' % ('key', s, 'key')]:
    print(ascii(text))
try:
    ('<%s>' % s).encode('utf-8')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e.reason)
try:
    '%\ud800' % ()
except ValueError as e:
    print('ValueError')
print('%s and %r, %5.2f%%, %-6d|, %x, %c' % ('é', 'ü', 3.14159, 42, 255, 'ß'))
print(b'%s %b %5d %c' % (b'x', b'y', 3, 65))
