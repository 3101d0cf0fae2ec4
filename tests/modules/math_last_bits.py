"""math: thousands of pseudo-random arguments, every result to the last bit."""
import math
xs = []
s = 12345
def rnd():
    global s
    s = (s * 1103515245 + 12345) % 2**31
    return s / 2**31
for i in range(3000):
    xs.append((rnd() - 0.3) * 10 ** (rnd() * 6 - 3))
bad = 0
for name in ['gamma', 'lgamma', 'erf', 'erfc', 'asinh', 'acosh', 'atanh', 'cbrt', 'exp', 'log', 'sin', 'expm1', 'log1p', 'sqrt', 'log2', 'log10', 'tanh', 'atan']:
    f = getattr(math, name)
    out = []
    for x in xs:
        try:
            out.append(repr(f(x)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(name, out)
for i in range(0, len(xs) - 3, 3):
    print(repr(math.hypot(xs[i], xs[i+1])), repr(math.hypot(xs[i], xs[i+1], xs[i+2])), repr(math.fsum(xs[i:i+30])), repr(math.remainder(xs[i], xs[i+1])), repr(math.fmod(xs[i], xs[i+1])), math.frexp(xs[i]), repr(math.ldexp(xs[i], int(xs[i+1]*10))), repr(math.pow(abs(xs[i]), xs[i+1])), repr(math.dist(xs[i:i+2], xs[i+2:i+4])))
