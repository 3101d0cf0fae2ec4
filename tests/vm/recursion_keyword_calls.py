# The recursion limit through keyword and star calls, and generators
# created at the limit (creating one runs no frame).


def gen():
    yield 1


def rec(n, **kw):
    return rec(n + 1, **kw)


try:
    rec(0, a=1)
except RecursionError:
    # (CPython's message depends on which C-level check trips first.)
    print("RecursionError")


def at_limit(n):
    try:
        return at_limit(n + 1)
    except RecursionError:
        g = gen(**{})
        return type(g).__name__, next(g)


print(at_limit(0))


def kw_only(*, depth):
    return kw_only(depth=depth + 1)


try:
    kw_only(depth=0)
except RecursionError as e:
    print("RecursionError:", e)
