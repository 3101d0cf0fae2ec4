# types.GenericAlias: substitution of type variables, unpacking with *,
# passing attribute lookups to the origin, pickling, and the singletons
# that pickle by name.
import typing, types
T = typing.TypeVar("T")
print(list[int] | None, int | list[int])
print(list[int].__name__, list[int].__module__, list[int].__qualname__)
print(list[T][int], dict[str, T][list[int]], list[T].__parameters__)
print(*tuple[int, ...], list(tuple[int]))
print(repr(*tuple[int]), tuple[int].__unpacked__, next(iter(tuple[int])).__unpacked__)
print(hash(list[int]) == hash(list[int]), list[int] == list[int], tuple[()], tuple[int, ...])
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
try:
    list[int][int]
except TypeError as e:
    print(e)
try:
    dict[T, T][int, str]
except TypeError as e:
    print(e)
import pickle, copy
print(pickle.loads(pickle.dumps(list[int])), copy.copy(list[int]), copy.deepcopy(dict[str, list[int]]))
print(pickle.loads(pickle.dumps(...)), pickle.loads(pickle.dumps(NotImplemented)))
Ts = typing.TypeVarTuple("Ts")
print(tuple[*Ts][int, str], tuple[int, *Ts].__parameters__)
print(list[int].__reduce__(), dir(list[int]) == dir(list))
class C(typing.Generic[T]): pass
print(C[int]().__orig_class__)
print(typing.Callable[[int], str][()] if False else typing.Callable[[T], T][int])
import collections.abc
print(collections.abc.Callable[[T], T][int], collections.abc.Callable[..., T][str])
# Iterators over sequences pickle with their position; the alias
# iterator pickles as iter() of the alias, not of what it yields.
it = iter([1, 2, 3]); next(it)
print(it.__reduce__(), list(pickle.loads(pickle.dumps(it))))
list(it); print(it.__reduce__())
t = iter((1, 2)); print(t.__reduce__(), list(pickle.loads(pickle.dumps(t))))
print(pickle.loads(pickle.dumps(*tuple[int, str])) == next(iter(tuple[int, str])))
import weakref
print(weakref.ref(list[int])() == list[int], type(iter(tuple[int])).__name__)
print(types.MappingProxyType[str, int], type[int])
class MyType(type):
    pass
try:
    MyType[int]
except TypeError as e:
    print(e)
