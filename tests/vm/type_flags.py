# type.__flags__: the bits copyreg and inspect read (heap type, abstract,
# built-in base); objects of native types are refused by pickle in every
# protocol.
import abc, inspect, pickle, zlib, copyreg
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
class B: pass
print(inspect.isabstract(A), inspect.isabstract(B), bool(B.__flags__ & (1 << 9)), bool(int.__flags__ & (1 << 9)), bool(int.__flags__ & (1 << 24)), bool(bool.__flags__ & (1 << 24)))
print(bool(list.__flags__ & (1 << 25)), bool(ValueError.__flags__ & (1 << 30)), bool(type.__flags__ & (1 << 31)), bool(dict.__flags__ & (1 << 29)))
for proto in range(6):
    try:
        pickle.dumps(zlib.compressobj(), proto)
        print(proto, "pickled")
    except (TypeError, pickle.PicklingError):
        print(proto, "refused")
class C:
    def __init__(self): self.v = [1]
for proto in range(6):
    print(proto, pickle.loads(pickle.dumps(C(), proto)).v)
