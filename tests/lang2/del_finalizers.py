# __del__ runs when the last reference goes (del, rebinding, return,
# list.clear, tuple release, exit), once per object.
class Res:
    def __init__(self, name):
        self.name = name
        print("open", name)

    def __del__(self):
        print("close", self.name)


a = Res("a")
b = Res("b")
del a
print("after del a")
b = None
print("after b = None")


def f():
    r = Res("local")
    print("in f")


f()
print("after f")
items = [Res("x"), Res("y")]
items.clear()
print("cleared")


class Child(Res):
    pass


c = Child("child")
del c


class Phoenix:
    saved = []

    def __del__(self):
        print("phoenix finalized")
        Phoenix.saved.append(self)


p = Phoenix()
del p
print("revived:", len(Phoenix.saved))
Phoenix.saved.clear()
print("no second finalizer")
t = (Res("t1"), Res("t2"))
del t
keep = Res("at exit")
print("end")
