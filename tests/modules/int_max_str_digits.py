# sys.set_int_max_str_digits changes the limit of int/str conversions, literals too.
import sys
print(sys.flags.int_max_str_digits, sys.get_int_max_str_digits(), sys.int_info)
sys.set_int_max_str_digits(1000); print(sys.get_int_max_str_digits())
for bad in (5, -1, 639):
    try: sys.set_int_max_str_digits(bad)
    except ValueError as e: print(e)
sys.set_int_max_str_digits(maxdigits=0); print(len(str(10**5000)), len(str(int('7'*5000))))
print(eval('1' * 5000) % 97)
sys.set_int_max_str_digits(700)
for f in (lambda: int('1'*701), lambda: str(10**701), lambda: eval('1'*701)):
    try: f()
    except (ValueError, SyntaxError) as e: print(type(e).__name__, e)
print(len(str(10**699)), int('9'*700) % 7)
try: sys.set_int_max_str_digits()
except TypeError as e: print(e)
