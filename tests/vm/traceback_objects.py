# Walking exc.__traceback__: frames, code objects and line numbers.
def inner():
    raise KeyError("deep")


def outer():
    inner()


try:
    outer()
except KeyError as e:
    tb = e.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        print(code.co_name, tb.tb_lineno, type(tb.tb_frame).__name__, code.co_filename.endswith(".py"))
        tb = tb.tb_next
    print(e.with_traceback(None).__traceback__)
