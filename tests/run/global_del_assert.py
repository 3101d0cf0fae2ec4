# global del assert
g = 1
def f():
    global g, newg
    g = 2
    newg = "created"
f()
print(g, newg)
x = [1, 2, 3]
del x[0]
print(x)
y = 5
del y
try:
    print(y)
except NameError as e:
    print("NameError:", e)
d = {"a": 1}
del d["a"]
print(d)
class O: pass
o = O(); o.attr = 1; del o.attr
print(hasattr(o, "attr"))
try:
    del o.attr
except AttributeError as e:
    print("AttributeError:", e)
assert True
assert 1 + 1 == 2, "never"
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("bare AssertionError", repr(e))
a, b = 1, 2
a, b = b, a
print(a, b)
i = j = k = 0
i += 1
print(i, j, k)
x = y = []
x.append(1)
print(y)
