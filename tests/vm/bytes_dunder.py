# bytes(x) asks x.__bytes__() before treating x as a buffer, a count or
# an iterable (wsgiref's Headers are written with bytes(headers)).
class A:
    def __bytes__(self):
        return b"from A"


class Mapping:
    def __bytes__(self):
        return b"from Mapping"

    def __len__(self):
        return 3

    def __getitem__(self, key):
        raise KeyError(key)


class Wrong:
    def __bytes__(self):
        return "text"


class MyBytes(bytes):
    def __bytes__(self):
        return b"custom"


class Sub(bytes):
    pass


print(bytes(A()), bytes(Mapping()), bytes(MyBytes(b"abc")))
print(type(Sub(A())).__name__, Sub(A()))
print(bytearray(b"ab"), bytes(3), bytes([65, 66]))
try:
    bytes(Wrong())
except TypeError as e:
    print("TypeError:", e)
try:
    bytearray(A())
except TypeError as e:
    print("TypeError:", e)
from wsgiref.headers import Headers
print(bytes(Headers([("Content-Type", "text/plain")])))
