import _weakref
from _weakref import ref, proxy, getweakrefcount, getweakrefs
class A:
    def __init__(self, n): self.n = n
    def __repr__(self): return f"A({self.n})"
    def m(self): return self.n * 2
a = A(1)
r = ref(a)
print(r() is a, ref(a) is r, getweakrefcount(a), type(r).__name__, type(r).__module__)
log = []
r2 = ref(a, lambda w: log.append(("cb", w is r2, w())))
print(getweakrefcount(a), len(getweakrefs(a)), r2.__callback__ is not None)
print(hash(r) == hash(a), r == r2, r == ref(A(2)))
del a
print(log, r(), r2())
p_target = A(5)
p = proxy(p_target)
print(p.n, p.m(), repr(p).startswith("<weakproxy at"), str(p))
p.x = 3; print(p_target.x)
del p_target
try: p.n
except ReferenceError as e: print("ReferenceError:", e)
try: ref(1)
except TypeError as e: print(e)
try: ref([])
except TypeError as e: print(e)
class L(list): pass
print(ref(L())() )
def f(): pass
print(ref(f)() is f)
class K(ref):
    __slots__ = ("key",)
    def __new__(cls, ob, cb, key):
        self = ref.__new__(cls, ob, cb)
        self.key = key
        return self
    def __init__(self, ob, cb, key):
        super().__init__(ob, cb)
b = A(3)
k = K(b, None, "kk")
print(k.key, k() is b, type(k).__name__)
class S:
    __slots__ = ('a',)
try: ref(S())
except TypeError as e: print(e)
order = []
c = A(9)
w1 = ref(c, lambda w: order.append(1))
w2 = ref(c, lambda w: order.append(2))
del c
print(order)
print("after bad")
print(ref[int])
