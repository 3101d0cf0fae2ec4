# Weak references to classes made by a metaclass and to instances of
# subclasses of weakly referenceable built-ins; not to slotted instances.
import weakref, abc, contextlib
class Meta(type): pass
class A(metaclass=Meta): pass
r = weakref.ref(A)
print(r() is A)
class S(set): pass
print(weakref.ref(S([1]))() is None)
class L(list): pass
l = L(); print(weakref.ref(l)() is l)
class Slotted:
    __slots__ = ('x',)
try: weakref.ref(Slotted())
except TypeError as e: print("TypeError:", e)
try: weakref.ref([])
except TypeError as e: print("TypeError:", e)
class DefaultEnter(contextlib.AbstractContextManager):
    def __exit__(self, *args): super().__exit__(*args)
print(issubclass(DefaultEnter, contextlib.AbstractContextManager))
ws = weakref.WeakSet([A, DefaultEnter]); print(len(ws))
