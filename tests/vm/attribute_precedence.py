class E(Exception): pass
e = E(1)
e.__dict__['args'] = 5
print(e.args)
e.args = (2,)
print(e.args, e.__dict__)
def f(): pass
f.__dict__['__defaults__'] = 3
print(f.__defaults__)
class A:
    def __init__(self): self.x = 1
class B(A):
    x = property(lambda self: "prop", lambda self, v: None)
for o in (A(), B(), A()):
    try:
        print(o.x)
    except AttributeError as err:
        print("AE", err)
class P:
    pass
objs = [P(), P(), P()]
for i, o in enumerate(objs):
    if i: o.y = i
    o.x = i
for o in objs:
    print(o.x, getattr(o, "y", None), vars(o))
P.x = property(lambda self: "class prop")
for o in objs:
    print(o.x)
