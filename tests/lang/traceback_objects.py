# traceback objects
import sys
def fail():
    raise ValueError("boom")
try:
    fail()
except ValueError as e:
    tb = e.__traceback__
    print(type(tb).__name__, tb.tb_lineno, tb.tb_next.tb_lineno, tb.tb_next.tb_next)
    e2 = e.with_traceback(None)
    print(e2 is e, e.__traceback__)
try:
    try:
        fail()
    except ValueError:
        info = sys.exc_info()
        print(info[0].__name__, str(info[1]), info[2] is not None)
        raise
except ValueError as again:
    print("reraised", again)
print(sys.exc_info())
