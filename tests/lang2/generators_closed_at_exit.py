# Suspended generators held by module globals are closed at exit, in the
# order CPython clears the module (_private names first).
def gen(name):
    try:
        yield 1
    finally:
        print("closing", name)


a = gen("a")
next(a)
_b = gen("_b")
next(_b)
c = gen("c")
next(c)


async def never():
    pass


pending = never()
print("end of program")
