# exception groups basic
try:
    raise ExceptionGroup("group", [ValueError("a"), TypeError("b")])
except ExceptionGroup as eg:
    print(type(eg).__name__, eg.args[0], len(eg.args[1]))
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, BaseException))
