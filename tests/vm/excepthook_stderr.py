# An uncaught exception goes through sys.excepthook, and the default hook
# writes to sys.stderr as the program left it.
import io
import sys

captured = io.StringIO()
sys.stderr = captured
try:
    raise KeyError("caught here")
except KeyError:
    sys.excepthook(*sys.exc_info())
sys.stderr = sys.__stderr__
print(captured.getvalue().splitlines()[-1])


def hook(kind, value, tb):
    print("hook saw", kind.__name__, value, tb.tb_lineno)


sys.excepthook = hook
raise ValueError("uncaught")
