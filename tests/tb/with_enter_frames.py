# __enter__ written in Python runs as a frame of the loop: its result is
# bound by `as`, errors in it are not seen by __exit__, and tracebacks
# show the with line and the __enter__ frame.


class Manager:
    def __init__(self, name, fail=False):
        self.name = name
        self.fail = fail
        self.log = []

    def __enter__(self):
        self.log.append("enter " + self.name)
        if self.fail:
            raise RuntimeError("cannot enter " + self.name)
        return self.name.upper()

    def __exit__(self, kind, value, tb):
        self.log.append("exit " + self.name + " " + (kind.__name__ if kind else "-"))
        return kind is KeyError


class Defaulted:
    def __enter__(self, extra=1):
        return extra

    def __exit__(self, *args):
        return False


a, b = Manager("a"), Manager("b")
with a as x, b as y:
    print(x, y)
with a:
    raise KeyError("swallowed")
print(a.log, b.log)
with Defaulted() as d:
    print("defaulted", d)
c = Manager("c", fail=True)
try:
    with c:
        print("not reached")
except RuntimeError as e:
    print("RuntimeError:", e, c.log)


def nested(depth):
    if depth == 0:
        return 0
    with Manager(str(depth)) as name:
        return len(name) + nested(depth - 1)


print(nested(50))
with Manager("z", fail=True):
    pass
