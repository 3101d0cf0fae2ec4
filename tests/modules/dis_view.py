# The standard library's dis over Krait's code objects: co_code laid out
# as CPython 3.11's bytecode (RESUME, PRECALL/CALL, KW_NAMES, inline
# caches, relative jumps, the prologue of closures and generators).
import dis

print([i.opname for i in dis.get_instructions("x + 1")])

def arithmetic(a, b=2, *, c):
    d = a * b - c
    return d ** 2 // 3

def calls(obj, items):
    obj.method(1, key=items)
    print(len(items), sep="")
    return sorted(items, reverse=True)

def branches(x):
    if x > 0:
        y = "positive"
    elif x is None:
        y = None
    else:
        y = -x
    return y

def outer():
    v = 1
    def inner():
        return v + 1
    return inner

def counter(n):
    yield n
    yield from range(n)

def unpack(pair):
    a, b = pair
    first, *rest = b
    return {a: rest, "k": [first, *rest]}

import io, re

def show(text):
    text = re.sub(r"0x[0-9a-f]+", "0x...", text)
    print(text.replace(__file__, "FILE"))

for f in (arithmetic, calls, branches, outer, outer(), counter, unpack):
    out = io.StringIO()
    dis.dis(f, file=out)
    show(out.getvalue())
    print("-" * 20)

ins = list(dis.get_instructions(calls))
print([(i.opname, i.offset, i.arg, i.argrepr) for i in ins[:6]])
show(dis.code_info(arithmetic))
bc = dis.Bytecode("a = b.c[d]")
print(bc.dis())
print(list(dis.findlinestarts(branches.__code__)))
print(arithmetic.__code__.co_code[:4], len(calls.__code__.co_code))

# `x is None` in a condition jumps on the value, as CPython's peephole
# pass compiles it.
def check(x):
    if x is not None:
        return 1
    return 0 if x is None else 2
print([i.opname for i in dis.get_instructions(check) if "JUMP" in i.opname])
print(check(None), check(0))
print(bool(check.__code__.co_flags & 64))
