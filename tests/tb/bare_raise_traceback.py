# A bare raise re-raises the exception as it is: its own line joins no
# traceback (in the handling frame or in a function called from it).
import traceback
def f():
    try:
        raise ValueError("x")
    except ValueError:
        raise
def g():
    try:
        1 / 0
    except ZeroDivisionError as e:
        err = e
    try:
        raise err
    except BaseException:
        raise
for fn in (f, g):
    try:
        fn()
    except Exception as e:
        print([(fr.name, fr.line) for fr in traceback.extract_tb(e.__traceback__)])
def reraise():
    raise
def h():
    try:
        1 / 0
    except ZeroDivisionError:
        reraise()
try:
    h()
except Exception as e:
    print([(fr.name, fr.line) for fr in traceback.extract_tb(e.__traceback__)])
def k():
    try:
        raise KeyError("k")
    finally:
        pass
try:
    k()
except Exception as e:
    print([(fr.name, fr.line) for fr in traceback.extract_tb(e.__traceback__)])
