"""Every method of the built-in types called with wrong argument shapes:
no arguments, too many, unknown keywords. Each reports its error as CPython
does: slot wrappers ("expected 1 argument, got 0"), METH_O and METH_NOARGS
methods ("str.zfill() takes exactly one argument (0 given)"), positional-only
Argument Clinic ranges ("center expected at least 1 argument, got 0"),
PyArg_ParseTuple ("count() takes at least 1 argument (0 given)") and named
Argument Clinic parameters ("'x' is an invalid keyword argument for split()")."""
makers = {
    'str': lambda: 'abc',
    'set': lambda: {1},
    'frozenset': lambda: frozenset({1}),
    'object': lambda: object(),
    'tuple': lambda: (1, 2),
    'list': lambda: [3, 1, 2],
    'dict': lambda: {1: 2},
    'bytes': lambda: b'abc',
    'bytearray': lambda: bytearray(b'abc'),
    'int': lambda: 7,
    'float': lambda: 1.5,
    'bool': lambda: True,
    'range': lambda: range(3),
    'slice': lambda: slice(1, 2),
}
shapes = [((), {}), ((1,), {}), ((1, 2), {}), ((1, 2, 3, 4, 5), {}), ((), {'x': 1}),
          ((1,), {'zz': 1}), (('a',), {}), (('a', 'b'), {})]
# Methods whose use here would not say anything about argument binding.
skip = {'__init_subclass__', '__subclasshook__', '__class__', '__getattribute__',
        '__setattr__', '__delattr__', '__reduce__', '__reduce_ex__', '__sizeof__',
        '__dir__', '__getstate__', '__getnewargs__', '__new__', '__init__',
        '__class_getitem__'}
for tname, make in makers.items():
    for name in sorted(dir(make())):
        if name in skip or not callable(getattr(make(), name, None)):
            continue
        for args, kw in shapes:
            # bytes methods given a str still report some value errors
            # differently from CPython; this test is about binding.
            if tname in ('bytes', 'bytearray') and 'a' in args:
                continue
            # A sequence's __add__/__mul__/__rmul__/__iadd__/__imul__ given an operand of
            # another type declines in Krait (the operator protocol calls
            # them, and must go on to the right operand's method), where
            # CPython's wrapper raises.
            if name in ('__add__', '__mul__', '__rmul__', '__iadd__', '__imul__') and len(args) == 1 and not kw:
                continue
            try:
                r = getattr(make(), name)(*args, **kw)
                out = 'ok'
            except Exception as e:
                out = f'{type(e).__name__}: {e}'
            print(f'{tname}.{name}{args}{kw or ""} -> {out}')
