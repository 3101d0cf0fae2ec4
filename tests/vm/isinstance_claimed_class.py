# isinstance asks __class__ when the type itself does not match: proxies
# and mocks with a spec pass for the class they stand in for.
import types
from unittest import mock


class A:
    pass


class Proxy:
    @property
    def __class__(self):
        return A


class Assigned:
    __class__ = A


class Odd:
    __class__ = 42


class Raising:
    @property
    def __class__(self):
        raise AttributeError("no class")


print(isinstance(Proxy(), A), isinstance(Proxy(), Proxy), isinstance(Assigned(), A))
print(isinstance(Odd(), A), isinstance(Raising(), A), isinstance(Raising(), Raising))
print(isinstance(Proxy(), (int, A)), issubclass(Proxy, A))
m = mock.Mock(spec=types.CodeType)
print(isinstance(m, types.CodeType), isinstance(m, mock.Mock))
import inspect
print(inspect.iscoroutinefunction(mock.AsyncMock()))
