# Attribute access, calls and descriptors follow the dunders a class has
# now, including ones added or removed after the class statement.


class P:
    def __init__(self):
        self.x = 1


p = P()
print(p.x, callable(p))
try:
    p.missing
except AttributeError as e:
    print(e)
P.__getattr__ = lambda self, name: "fallback " + name
print(p.x, p.missing)
P.__getattribute__ = lambda self, name: "everything " + name
print(p.x, p.missing)
del P.__getattribute__
print(p.x, p.missing)
del P.__getattr__
try:
    p.missing
except AttributeError as e:
    print(e)

log = []
P.__setattr__ = lambda self, name, value: log.append((name, value))
P.__delattr__ = lambda self, name: log.append(("del", name))
p.y = 5
del p.x
print(log, vars(p))
del P.__setattr__, P.__delattr__
p.y = 6
print(vars(p))

P.__call__ = lambda self, *a, **k: ("call", a, k)
print(callable(p), p(1, k=2))
del P.__call__
print(callable(p))
try:
    p()
except TypeError as e:
    print(e)


# A subclass sees its base's new hooks.
class Q(P):
    pass


q = Q()
P.__getattr__ = lambda self, name: "from P " + name
print(q.nothing)


# A descriptor becomes a data descriptor when it gains __set__.
class D:
    def __get__(self, obj, owner=None):
        return "D.get"


class Host:
    d = D()


h = Host()
h.__dict__["d"] = "instance value"
print(h.d)
D.__set__ = lambda self, obj, value: print("D.set", value)
print(h.d)
h.d = 3
try:
    del h.d
except AttributeError as e:
    print("AttributeError", e)
del D.__get__
print(Host.d.__class__.__name__, h.d)


# Subclasses of the built-in descriptors, with and without their own
# __get__.
class LoudClassMethod(classmethod):
    def __get__(self, obj, owner=None):
        print("LoudClassMethod.__get__")
        return super().__get__(obj, owner)


class QuietProperty(property):
    pass


class Uses:
    @LoudClassMethod
    def which(cls):
        return cls.__name__

    @QuietProperty
    def size(self):
        return 7


print(Uses.which(), Uses().which(), Uses().size)
try:
    Uses().size = 1
except AttributeError as e:
    print(e)


# A metaclass's hooks act on its classes.
class Meta(type):
    def __getattr__(cls, name):
        return "Meta sees " + name

    def __call__(cls, *args):
        return ("Meta made", cls.__name__, args)


class WithMeta(metaclass=Meta):
    real = 1


print(WithMeta.real, WithMeta.unreal, WithMeta(1, 2))


# __slots__ members.
class S:
    __slots__ = ("a",)


s = S()
try:
    s.a
except AttributeError as e:
    print(e)
s.a = 1
del s.a
try:
    del s.a
except AttributeError as e:
    print(e)
try:
    S.a.__get__(P())
except TypeError as e:
    print(e)


# The dunders made from the descriptor slots, and their reprs.
f = lambda self: self
print(f.__get__(1)(), type(f).__get__)
print(type(S.a).__get__, type(S.a).__set__, type(S.a).__delete__)
print(staticmethod.__get__, property.__delete__, hasattr(list.append, "__get__"))
print(str.__len__, list.__getitem__, int.__add__, object.__setattr__)
print(S.a.__get__(None, S) is S.a)
try:
    S.a.__get__(None, None)
except TypeError as e:
    print(e)
