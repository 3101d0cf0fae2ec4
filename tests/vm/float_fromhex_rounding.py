# float.fromhex rounds once to the nearest double (ties to even), through
# subnormals and up to overflow, and takes exponents of any size (a huge
# one hung).
import hashlib
import random

for s in ['0x1p-1074', '0x.8p-1074', '0x.8000001p-1074', '0x1.fffffffffffff8p1023',
          '0x1.fffffffffffff7ffp1023', '0x0p123456789123456789', '0x1p123456789123456789',
          '-0x1p-123456789123456789', '0x' + '0' * 10000 + '1p0', '0x1' + '0' * 5000 + 'p-20000',
          '0x1.00000000000008p0', '0x1.00000000000018p0', ' 0X1P+3 ', '0x1p', '0x.p1', '0x1p1.5']:
    try:
        print(repr(s[:40]), float.fromhex(s).hex())
    except (ValueError, OverflowError) as e:
        print(repr(s[:40]), type(e).__name__, e)

r = random.Random(7)
out = []
for _ in range(4000):
    n = r.randint(1, 40)
    digs = ''.join(r.choice('0123456789abcdef') for _ in range(n))
    k = r.randint(0, n)
    s = digs[:k] + '.' + digs[k:] if r.random() < 0.7 else digs
    if s == '.':
        s = '0.'
    e = r.choice([r.randint(-1200, 1100), r.randint(-1080, -1000), r.randint(1000, 1030), r.randint(-20, 20)])
    try:
        out.append(float.fromhex(f"0x{s}p{e}").hex())
    except OverflowError:
        out.append("OverflowError")
print(hashlib.sha256("\n".join(out).encode()).hexdigest())
