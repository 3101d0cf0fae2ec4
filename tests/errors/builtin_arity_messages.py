# Every builtin called with too few or too many arguments: CPython wording.
import builtins
names = sorted(n for n in dir(builtins) if not n.startswith("_") and n[0].islower() and n not in ("input", "open", "exit", "quit", "help", "breakpoint", "copyright", "credits", "license", "print"))
for n in names:
    f = getattr(builtins, n)
    for k in range(0, 5):
        try:
            f(*([[1]] * k))
        except TypeError as e:
            m = str(e)
            if "argument" in m or "given" in m:
                print(n, k, m)
        except Exception:
            pass
