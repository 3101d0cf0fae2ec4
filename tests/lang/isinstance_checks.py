# isinstance checks
class A: pass
class B(A): pass
class Meta(type):
    def __instancecheck__(cls, obj): return obj == "magic"
    def __subclasscheck__(cls, sub): return sub is int
class Magic(metaclass=Meta): pass
print(isinstance(B(), A), isinstance(A(), B), isinstance(B(), (int, A)), issubclass(B, A), issubclass(A, (B, object)))
print(isinstance("magic", Magic), isinstance("other", Magic), issubclass(int, Magic), issubclass(str, Magic))
print(isinstance(1, (bool, str)), isinstance(True, (bool,)), isinstance([], object), isinstance(int, type), isinstance(type, type))
print(type(B()) is B, type(B()) == A, B.__base__ is A, A.__subclasses__() == [B], object in B.__mro__)
