pass; pass;
del a
del a, b
del a,
del (a, b), [c, d]
del a.b, a[0], a[1:2]
global a
global a, b
def f():
    nonlocal x
    nonlocal x, y
assert x
assert x, "message"
raise
raise E
raise E from cause
raise E("x") from None
return_ = 1
def g():
    return
    return 1
    return 1, 2
    return *a, b
    yield
    yield 1
    yield 1, 2
    yield from x
    x = yield
for x in y: break
while x: continue
import a
import a.b.c
import a as b, c.d as e
from a import b
from a import b as c, d
from a import (b, c,)
from a import (b as c)
from . import x
from .. import x
from ... import x
from .... import x
from .a.b import c
from ...a import *
from a import *
