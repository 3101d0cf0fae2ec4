import enum
from enum import Enum, IntEnum, Flag, auto, StrEnum, IntFlag
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = auto()
print(Color.RED, repr(Color.GREEN), Color(3), Color['RED'], list(Color), Color.RED.name, Color.RED.value)
class P(IntEnum):
    A = 1
    B = 2
print(P.A + 1, P.B > P.A, P(2), repr(P.A))
class Perm(Flag):
    R = 4
    W = 2
    X = 1
print(Perm.R | Perm.W, repr(Perm.R | Perm.X), Perm(7), list(Perm(6)))
class S(StrEnum):
    X = auto()
print(S.X, repr(S.X), S.X == 'x')
print(len(Color), Color.RED in Color, isinstance(Color.RED, Color), Color.__members__.keys())
try: Color(9)
except ValueError as e: print(e)
E = Enum('E', 'a b c')
print(list(E), E.b.value)
