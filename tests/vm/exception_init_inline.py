# Exception classes with their own __init__, created by a call in the
# loop: args set by __new__ before __init__ runs, super().__init__
# resetting them, __init__ errors and return values, OSError's errno
# subclasses.


class AppError(Exception):
    def __init__(self, msg, code):
        self.seen_args = self.args
        super().__init__(msg)
        self.code = code


class Quiet(ValueError):
    def __init__(self, detail):
        self.detail = detail


class Bad(Exception):
    def __init__(self):
        return 5


class Strict(Exception):
    def __init__(self, a, b=2):
        super().__init__(a + b)


e = AppError("boom", 7)
print(e.args, e.seen_args, e.code, str(e), repr(e))
q = Quiet("why")
print(q.args, q.detail, str(q), repr(q))
print(Strict(1).args, Strict(1, 5).args)
try:
    Bad()
except TypeError as err:
    print("TypeError:", err)
try:
    AppError("only one")
except TypeError as err:
    print("TypeError:", err)
try:
    raise AppError("raised", 3)
except AppError as err:
    print(err.code, err.args, err.__traceback__ is not None)


class MyOSError(OSError):
    def __init__(self, *args):
        super().__init__(*args)
        self.mine = True


m = MyOSError(2, "No such file")
print(type(m).__name__, m.errno, m.strerror, m.mine)
print(type(OSError(2, "x")).__name__)
for i in range(3):
    try:
        raise Quiet(i)
    except ValueError as err:
        print(type(err).__name__, err.detail, err.args)
