# object.__reduce_ex__/__reduce__/__getstate__: copy and pickle of plain,
# slotted, list and dict subclass instances; __mro_entries__ on a function
# (typing.NamedTuple); assigning __bases__.
import copy, pickle, collections, tomllib, typing
class A: pass
a = A(); a.x = [1, 2]
b = copy.copy(a); c = copy.deepcopy(a)
print(b.x is a.x, c.x == a.x and c.x is not a.x, a.__getstate__(), A().__getstate__())
class S:
    __slots__ = ('p', 'q')
s = S(); s.p = 1
print(s.__getstate__(), copy.copy(s).p, s.__reduce_ex__(2)[1:3])
class L(list): pass
l = L([1, 2]); l.tag = 'x'
m = copy.deepcopy(l); print(m, type(m).__name__, m.tag)
class D(dict): pass
print(copy.copy(D(a=1)), type(copy.copy(D(a=1))).__name__)
class N:
    def __init__(self, v): self.v = v
    def __getnewargs__(self): return (self.v,)
    def __new__(cls, v=None): return super().__new__(cls)
print(copy.copy(N(5)).v)
try: copy.copy(x for x in [])
except TypeError as e: print("TypeError:", e)
print(pickle.loads(pickle.dumps(a)).x, pickle.loads(pickle.dumps(s)).p)
P = collections.namedtuple('P', 'x y'); print(copy.copy(P(1, 2)), pickle.loads(pickle.dumps(P(3, 4))))
class Output(typing.NamedTuple):
    a: int
    b: str = 'z'
print(Output(1), Output._fields, tomllib.loads('k = 1\n[t]\nv = "x"'))
print(type(A().__reduce__()[0]).__name__, A().__reduce__()[1])
class X: pass
class Y: pass
class Z(X):
    def who(self): return "z"
class W(Z): pass
Z.__bases__ = (Y,)
print(Z.__mro__, W.__mro__, isinstance(W(), Y), isinstance(W(), X))
for bad in [(), [Y], (Z,), (int,)]:
    try:
        Z.__bases__ = bad
    except TypeError as e:
        print("TypeError:", e)
try:
    int.__bases__ = (object,)
except TypeError as e:
    print("TypeError:", e)
