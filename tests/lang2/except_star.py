import sys
def f():
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3), KeyError(4)])
try:
    f()
except* ValueError as e:
    print("V", repr(e), repr(sys.exc_info()[1]))
except* (TypeError, KeyError) as e:
    print("TK", repr(e))
try:
    raise ValueError("naked")
except* ValueError as e:
    print("naked", repr(e), e.exceptions[0].__traceback__ is not None)
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("only V")
except ExceptionGroup as e:
    print("rest", repr(e))
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("new")
except ExceptionGroup as e:
    print("combined", repr(e), [repr(x) for x in e.exceptions])
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        raise
except ExceptionGroup as e:
    print("reraised", repr(e))
try:
    try:
        raise ValueError(5)
    except* ValueError:
        raise KeyError(6)
except KeyError as e:
    print("naked raise", repr(e), repr(e.__context__))
try:
    try:
        raise TypeError(5)
    except* ValueError:
        pass
except TypeError as e:
    print("naked nomatch", repr(e))
try:
    try:
        raise ExceptionGroup("x", [ValueError(1)])
    except* ExceptionGroup:
        pass
except TypeError as e:
    print("TE", e)
try:
    try:
        raise ExceptionGroup("x", [ValueError(1)])
    except* int:
        pass
except TypeError as e:
    print("TE", e)
def g():
    for i in range(3):
        try:
            raise ExceptionGroup("x", [ValueError(i)])
        except* ValueError:
            print("i", i)
    return "r"
print(g())
try:
    raise ExceptionGroup("eg", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
except* ValueError as e:
    print("nested V", repr(e))
except* TypeError as e:
    print("nested T", repr(e))
else:
    print("else")
finally:
    print("finally")
try:
    pass
except* ValueError:
    pass
else:
    print("else ran")
raise ExceptionGroup("top", [ValueError(1), TypeError(2)])
