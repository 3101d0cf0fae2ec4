# A subclass of map or filter with an __init__ of its own takes keyword
# arguments (they go to its __init__); map and filter themselves, and
# subclasses without one, refuse them.
class MyMap(map):
    def __init__(self, func, *its, scale=1):
        self.scale = scale

class MyFilter(filter):
    def __init__(self, func, it, label=""):
        self.label = label

m = MyMap(str, [1, 2], scale=3)
print(list(m), m.scale)
f = MyFilter(None, [0, 1, 2], label="nonzero")
print(list(f), f.label)

class Plain(map):
    pass

for call in (lambda: map(str, [1], x=1), lambda: filter(None, [1], x=1),
             lambda: Plain(str, [1], x=1)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
