# Scopes: class bodies, comprehensions, closures over loop variables, global/nonlocal.
x = "global"
class C:
    x = "class"
    y = [x for _ in range(1)]
    def method(self):
        return x
print(C.y, C().method())
def outer():
    x = "enclosing"
    class D:
        z = x
    return D.z
print(outer())
fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
def make():
    funcs = []
    for i in range(3):
        def f(i=i):
            return i
        funcs.append(f)
    return funcs
print([f() for f in make()])
def nest():
    a = 1
    def mid():
        def inner():
            nonlocal a
            a += 10
            return a
        return inner()
    return mid(), a
print(nest())
def shadow():
    len = 5
    return len
print(shadow(), len("abc"))
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump(); print(counter)
def cell_after():
    def get():
        return v
    v = "late"
    return get()
print(cell_after())
print([(lambda: k)() for k in range(3)], (lambda: x)())
g = (x for x in range(3))
x = "rebound"
print(list(g), x)
def deleter():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return str(e)
print(deleter())
class Counter:
    total = 0
    def add(self):
        Counter.total += 1
        self.total = Counter.total * 100
c = Counter(); c.add(); c.add()
print(Counter.total, c.total)
def __private_test():
    class K:
        __secret = 1
        def get(self):
            return self.__secret
    return K().get(), hasattr(K(), "_K__secret")
print(__private_test())
