# Errors raised by the second half of instruction pairs the VM fuses
# (LOAD_FAST pairs, constant operands, compare-and-branch) behave as if the
# instructions ran one by one.
import sys


def unbound_second():
    a = 1
    if False:
        b = 2
    return a + b


def unbound_first():
    if False:
        a = 1
    b = 2
    return a, b


def const_operand(x):
    return x + 1


class NoBool:
    def __lt__(self, other):
        return self

    def __bool__(self):
        raise ValueError("no truth")


def compare_branch(x):
    if x < 3:
        return "small"
    return "big"


def attr_after_load(o):
    return o.missing


def store_then_load():
    x = 5
    y = x
    del x
    return y


for f, args in [
    (unbound_second, ()),
    (unbound_first, ()),
    (const_operand, ("s",)),
    (compare_branch, (NoBool(),)),
    (compare_branch, (1,)),
    (compare_branch, (1.5,)),
    (compare_branch, (10,)),
    (attr_after_load, (3,)),
    (store_then_load, ()),
]:
    try:
        print(f.__name__, f(*args))
    except Exception as e:
        tb = e.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        print(f.__name__, type(e).__name__, e, "line", tb.tb_lineno)
