# try/except/else/finally, raise from, context, custom exceptions, flow in finally.
def f(x):
    try:
        if x == 0:
            raise ValueError("zero")
        r = 10 / x
    except ValueError as e:
        print("caught", repr(e), e.args)
        return "value"
    except ZeroDivisionError:
        return "zde"
    else:
        print("else", r)
        return r
    finally:
        print("finally", x)
print(f(0), f(2))
class MyError(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise MyError("bad", 42)
except Exception as e:
    print(type(e).__name__, e, e.code, isinstance(e, MyError), e.args)
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise KeyError("k") from e
except KeyError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__, repr(e.__context__))
try:
    try:
        [][1]
    except IndexError:
        raise TypeError("inner")
except TypeError as e:
    print(repr(e.__context__), e.__cause__)
def loop():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
        finally:
            print("fin", i)
    return i
print(loop())
def ret_in_finally():
    try:
        return 1
    finally:
        print("cleanup")
print(ret_in_finally())
try:
    raise
except RuntimeError as e:
    print(e)
try:
    assert 1 == 2, "math broke"
except AssertionError as e:
    print("AssertionError", e)
for exc in (ValueError, TypeError, KeyError):
    try:
        raise exc("x")
    except (ValueError, KeyError) as e:
        print("tuple caught", type(e).__name__)
    except Exception as e:
        print("other", type(e).__name__)
e = ValueError("note me")
e.add_note("a note")
print(e.__notes__, str(KeyError("k")), str(KeyError()), repr(ValueError()))
def nested():
    try:
        try:
            raise ValueError(1)
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer caught", e)
nested()
try:
    {}["missing"]
except LookupError as e:
    print(type(e).__name__, e)
x = 5
try:
    pass
except Exception:
    x = 6
else:
    x = 7
print(x)
try:
    raise StopIteration(5)
except StopIteration as e:
    print(e.value)
print(issubclass(ZeroDivisionError, ArithmeticError), ValueError.__mro__)
