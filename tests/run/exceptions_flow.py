# exceptions flow
def gen_errors():
    for exc in [ValueError("v"), KeyError("k"), TypeError("t")]:
        try:
            raise exc
        except (ValueError, KeyError) as e:
            print("handled", type(e).__name__)
        except Exception as e:
            print("generic", e)
        finally:
            print("cleanup")
gen_errors()
def reraise():
    try:
        1 / 0
    except ZeroDivisionError:
        print("logging")
        raise
try:
    reraise()
except ZeroDivisionError as e:
    print("outer got", e)
def finally_overrides():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"
print(finally_overrides())
def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return i
print(break_in_finally())
e_var = "before"
try:
    raise ValueError("x")
except ValueError as e_var:
    pass
try:
    e_var
except NameError as e:
    print("NameError:", e)
def nested_handlers():
    try:
        try:
            raise ValueError("inner")
        except ValueError as e:
            raise TypeError("middle") from e
    except TypeError as e:
        return f"{e} caused by {e.__cause__}"
print(nested_handlers())
try:
    try:
        raise ValueError("first")
    finally:
        print("finally during exception")
except ValueError as e:
    print("then caught", e)
try:
    raise ValueError("ctx") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__, e.__context__)
class Resource:
    def __del__(self): pass
errors = []
for i in range(3):
    try:
        if i % 2:
            raise IndexError(i)
        errors.append(("ok", i))
    except IndexError as e:
        errors.append(("err", e.args[0]))
    else:
        errors.append(("else", i))
print(errors)
