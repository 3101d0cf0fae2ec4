# A match on a bytearray that shrinks afterwards gives what is left there,
# as slicing would.
import re
s = bytearray(b'abcdefgh')
m = re.search(b'[a-h]+', s)
m2 = re.search(b'[e-h]+', s)
print(m.group(), m2.group())
s[:] = b'xyz'
print(m.group(), m2.group(), m.span(), m2.groups())
