class Resource:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc, tb is not None)
        return self.suppress


with Resource("a") as r:
    print("body", r.name)
with Resource("outer"), Resource("inner") as inner:
    print("both", inner.name)
with Resource("quiet", suppress=True):
    raise ValueError("swallowed")
print("after suppressed")
try:
    with Resource("loud"):
        raise KeyError("escapes")
except KeyError as e:
    print("caught", e)


def early():
    with Resource("ret"):
        return "returned"


print(early())
for i in range(3):
    with Resource(f"loop{i}"):
        if i == 0:
            continue
        if i == 1:
            break
try:
    with 42:
        pass
except TypeError as e:
    print("TypeError", e)


class NoExit:
    def __enter__(self):
        return self


try:
    with NoExit():
        pass
except TypeError as e:
    print("TypeError", e)


class Gen:
    def __init__(self):
        self.log = []

    def __enter__(self):
        return self.log

    def __exit__(self, *args):
        self.log.append("exited")


g = Gen()
with g as log:
    log.append("inside")
print(g.log)
