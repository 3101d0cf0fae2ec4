class AppError(Exception):
    """Base."""


class NotFound(AppError):
    def __init__(self, what):
        super().__init__(what)
        self.what = what

    def __str__(self):
        return f"{self.what} not found"


def find(x):
    raise NotFound(x)


for exc_type in (NotFound, AppError, Exception, BaseException):
    try:
        find("user")
    except exc_type as e:
        print(exc_type.__name__, "caught", repr(e), str(e), e.args, isinstance(e, AppError))
        break
try:
    try:
        find("a")
    except (KeyError, NotFound) as e:
        print("tuple catch", e)
        raise
except AppError as e:
    print("re-raised", e.what)
e = ValueError("x", 2)
print(e.args, str(e), repr(e), str(ValueError()), repr(ValueError("one")), str(KeyError("k")), repr(KeyError()))
err = RuntimeError("note me")
err.add_note("first note")
err.add_note("second")
print(err.__notes__)
try:
    raise err
except RuntimeError as caught:
    print(caught is err, caught.__traceback__ is not None, caught.__traceback__.tb_lineno > 0)
print(issubclass(KeyError, LookupError), issubclass(FileNotFoundError, OSError), OSError(2, "x").errno)
print(ZeroDivisionError.__mro__[1].__name__, StopIteration().value, StopIteration(5).value, SystemExit(2).code)
print(BaseException.__subclasses__()[0].__name__ in {"Exception", "BaseExceptionGroup", "GeneratorExit", "KeyboardInterrupt", "SystemExit"})
try:
    raise TypeError
except TypeError as e:
    print(repr(e), e.args)
try:
    raise 5
except TypeError as e:
    print("TypeError", e)
try:
    raise ValueError from 3
except TypeError as e:
    print("TypeError", e)


def finally_order():
    out = []
    try:
        try:
            out.append("try")
            raise ValueError
        finally:
            out.append("inner finally")
    except ValueError:
        out.append("except")
    else:
        out.append("else")
    finally:
        out.append("outer finally")
    return out


print(finally_order())
try:
    {}["k"]
except LookupError as e:
    print(type(e).__name__, e, e.args)
try:
    [][1]
except Exception as e:
    print(type(e).__name__, e)
x = None
try:
    x.attr
except AttributeError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
try:
    "a" < 1
except TypeError as e:
    print(e)
