# try/except/else/finally with return, break and continue inside.
def f(x):
    try:
        if x == 0:
            return "zero"
        r = 10 // x
    except ZeroDivisionError:
        return "unreachable"
    else:
        return f"else {r}"
    finally:
        print("finally", x)


print(f(0), f(5))


def override():
    try:
        return "try"
    finally:
        return "finally"


print(override())


def loop():
    out = []
    for i in range(6):
        try:
            if i == 1:
                continue
            if i == 4:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out


print(loop())


def nested():
    try:
        try:
            raise KeyError("inner")
        except KeyError as e:
            raise ValueError("outer") from e
    except ValueError as e:
        return repr(e), repr(e.__cause__), e.__suppress_context__


print(nested())


def context():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise TypeError("during")
    except TypeError as e:
        return type(e.__context__).__name__, e.__cause__


print(context())


def reraise():
    try:
        raise IndexError("again")
    except IndexError:
        try:
            raise
        except IndexError as e:
            return "re-raised " + str(e)


print(reraise())
e = None
try:
    raise OSError(2, "No such file")
except OSError as err:
    e = err
print(type(e).__name__, e.errno, e.strerror, e)
try:
    e
    print("name kept")
    err
except NameError as ne:
    print("NameError", ne)


class MyError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code


try:
    raise MyError(7)
except Exception as e:
    print(type(e).__name__, e, e.code, e.args)

try:
    try:
        raise ValueError("x")
    finally:
        print("cleanup runs")
except ValueError:
    print("handled after cleanup")
