import contextvars
v = contextvars.ContextVar('v', default=1)
print(v.get(), v.name)
t = v.set(2); print(v.get(), t.old_value, t.var is v)
ctx = contextvars.copy_context()
def f(x):
    v.set(x)
    return v.get()
print(ctx.run(f, 10), v.get(), ctx[v], v in ctx, len(ctx) >= 1)
v.reset(t); print(v.get())
try: v.reset(t)
except RuntimeError as e: print('RuntimeError')
w = contextvars.ContextVar('w')
try: w.get()
except LookupError: print('LookupError')
print(w.get('dflt'), contextvars.Token.MISSING)
import decimal, fractions, statistics
print(decimal.Decimal('1.1') + decimal.Decimal('2.2'), fractions.Fraction(3, 4) + fractions.Fraction(1, 4), statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2]))
decimal.getcontext().prec = 5; print(decimal.Decimal(1) / decimal.Decimal(7))
