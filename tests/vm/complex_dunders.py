# complex: its operator dunders, called directly and through subclasses.
class C(complex): pass
print(C(1)+1, C(1)*2j, -C(2), C(3)**2, 1-C(1), bool(C(0)), C(1)==1, 2/C(1j), C(2)**C(1))
print(type(C(1).__complex__()), C(1,2).__getnewargs__(), type(+C(1)), type(abs(C(3,4))), abs(C(3, 4)))
print(complex.__add__(1j, 'a'), complex.__pow__(1j,2), complex.__eq__(1j,'x'), complex.__lt__(1j, 2j))
print(complex.__radd__(1j, 2), complex.__rsub__(1j, 2), complex.__rtruediv__(2j, 1), complex.__rpow__(2j, 1))
for f in [lambda: complex.__pow__(1j, 2, 3), lambda: pow(1j, 2, 3), lambda: complex.__neg__(1), lambda: abs(C(1.4e308, 1.4e308)), lambda: complex.__abs__(complex(1.4e308, 1.4e308)), lambda: C(1) / 0]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(sorted(set(dir(complex))))
for args in [(2, 1j, 3), (1.5, 2, 1j), (1.5, 2, 3), (1j, 2, 3)]:
    try:
        pow(*args)
    except Exception as e:
        print(args, type(e).__name__, e)

# Exact comparisons with ints, overflow in powers, identity, format.
print(complex.__eq__(1 + 1j, 1 << 10000), complex(2**53) == 2**53 + 1, (1 << 10000) == complex(1), 3 + 0j == 3)
for a, b in [(1e200 + 1j, 2), (1e200 + 1j, 1e200 + 1j), (10j, 400), (complex(float('inf'), 0), 1), (1e308j, 1)]:
    try:
        print(pow(a, b))
    except OverflowError as e:
        print(a, b, "OverflowError", e)
z = 3 + 4j
print(complex(z) is z, type(complex(C(1))) is complex)
for spec in ['^20.2', '.2', '+.3', '', '10', 'g']:
    print(repr(format(1.123 - 3.123j, spec)), repr(format(2j, spec)), repr(format(C(-0.0, 1), spec)))
try:
    (1.5 + 0.5j).__format__('010f')
except ValueError as e:
    print("ValueError", e)


class Other(complex):
    def __complex__(self):
        return 42j


class Sub(complex):
    def __complex__(self):
        return self


import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(complex(Other(1j)), complex(Sub(2j)))
print([(w.category.__name__, str(w.message)) for w in caught])
