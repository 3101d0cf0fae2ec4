# Sequence arithmetic goes through each type's operator slot: concatenation
# and repetition (in place where the type is mutable), formatting with %,
# and the errors for operands the sequence does not take.
import sys

def show(f):
    try:
        r = f()
        print(type(r).__name__, r)
    except Exception as e:
        print(type(e).__name__, e)

l = [1]
show(lambda: l.__iadd__(range(2)))
def iadd_int():
    global l
    l += 1
show(iadd_int)
ba = bytearray(b"ab")
same = ba
ba *= 2
print(ba, ba is same)
lst = [1, 2]
alias = lst
lst *= 2
print(lst, lst is alias)
print(type(sys.version_info * 1).__name__, type((1, 2) * 1).__name__)
show(lambda: 2.5 * [1])
show(lambda: [1] * 2.5)
show(lambda: "a" + 1)
show(lambda: (1,) + [2])
show(lambda: [1] + (2,))
show(lambda: b"a" + "b")
show(lambda: bytearray(b"a") + 1)
show(lambda: 3 * "ab")
show(lambda: "%s-%d" % ("x", 3))
show(lambda: b"%s!" % b"y")
show(lambda: {1, 2} | frozenset({3}))
show(lambda: {1: 2} | {3: 4})
show(lambda: {1: 2}.keys() & {1})
show(lambda: {1: 2}.values() & {1})

class S(str):
    pass

show(lambda: S("a") + 1)
show(lambda: S("a") * 2)
show(lambda: "a" + S("b"))
show(lambda: [0] * (1 << 62))
