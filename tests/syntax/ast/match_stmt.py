match x:
    case 1:
        pass
    case -1:
        pass
    case 1.5 | -2.5 | 3j | -4j | 1 + 2j | 1 - 2j | -1 + 2j:
        pass
    case 'a' | "b" 'c' | b'd':
        pass
    case None | True | False:
        pass
    case a.b | a.b.c:
        pass
    case name:
        pass
    case _:
        pass
match x:
    case [a, b, *rest]:
        pass
    case (a, b, *_):
        pass
    case a, b:
        pass
    case a, *b, c:
        pass
    case []:
        pass
    case ():
        pass
    case [a]:
        pass
    case (a):
        pass
    case (a,):
        pass
    case *a, b,:
        pass
match x:
    case {}:
        pass
    case {"a": 1, "b": b}:
        pass
    case {1: a, **rest}:
        pass
    case {a.b: c, None: d, -1: e, 1+2j: f}:
        pass
match x:
    case Point():
        pass
    case Point(1, 2):
        pass
    case Point(x=1, y=2):
        pass
    case Point(1, y=2):
        pass
    case a.B(c, d=e):
        pass
    case [Point(x=0, y=0) as p, *_]:
        pass
    case (1 | 2) as n:
        pass
    case [1, 2] as pair if pair[0] > 0:
        pass
    case {"k": [1, {"j": (a | b) as c}]}:
        pass
match x, y:
    case a, b: pass
match (x):
    case _: pass
match -x:
    case _: pass
match *a, b:
    case _: pass
