"""Argument errors of sys functions and the standard streams, worded as
CPython words them ("sys.intern() takes exactly one argument (0 given)"),
and the module a sys function says it belongs to."""
import sys
for e in ["sys.stdout.write()", "sys.stdout.write(1)", "sys.stdout.write('', 1)", "sys.stdout.flush(1)", "sys.stdin.readline(1, 2)", "sys.stdout.fileno(1)", "sys.exit(1, 2)", "sys.getrecursionlimit(1)", "sys.setrecursionlimit()", "sys.intern()", "sys.getsizeof()", "sys.exc_info(1)", "sys.exception(1)", "sys.stdout.isatty(1)", "sys.get_int_max_str_digits(1)", "sys.getsizeof(1, 2, 3)", "sys.intern(x=1)"]:
    try:
        print(e, '->', eval(e))
    except TypeError as x:
        print(e, '!!', x)
print(sys.intern.__module__, len.__module__)
