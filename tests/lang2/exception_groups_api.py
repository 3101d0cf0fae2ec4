eg = ExceptionGroup("several", [ValueError("v"), TypeError("t"), ValueError("w")])
print(repr(eg), str(eg), len(eg.exceptions), eg.message, eg.args[0])
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(repr(eg.subgroup(TypeError)), eg.subgroup(KeyError), eg.subgroup(lambda e: "w" in str(e)))
print(isinstance(eg, Exception), issubclass(BaseExceptionGroup, BaseException), type(eg).__mro__[1].__name__)
try:
    raise eg
except ExceptionGroup as caught:
    print("caught group", [type(e).__name__ for e in caught.exceptions])
for bad in ('ExceptionGroup("bad", [1])', 'ExceptionGroup("empty", [])', 'ExceptionGroup(1, [ValueError()])',
            'ExceptionGroup("x", ValueError())', 'ExceptionGroup("x", [KeyboardInterrupt()])', 'ExceptionGroup("x")'):
    try:
        eval(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
beg = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(beg).__name__, type(BaseExceptionGroup("x", [ValueError()])).__name__, str(beg))
nested = ExceptionGroup("outer", [ExceptionGroup("inner", [KeyError("k")]), OSError("o")])
print(repr(nested.split(KeyError)[0]), repr(nested.derive([ValueError("d")])), repr(nested.split((OSError, KeyError))))
g = ExceptionGroup("one", [ValueError(1)])
g.add_note("noted")
sub = g.subgroup(ValueError)
print(sub is g, str(g))
try:
    g.split(5)
except TypeError as e:
    print("TypeError", e)
