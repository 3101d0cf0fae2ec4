counter = 0


def bump():
    global counter
    counter += 1
    return counter


bump()
bump()
print(counter)


def make_global():
    global created
    created = "yes"


make_global()
print(created)
x = 1
del x
try:
    print(x)
except NameError as e:
    print("NameError", e)
lst = [1, 2, 3, 4]
del lst[0], lst[-1]
print(lst)
d = {"a": 1, "b": 2}
del d["a"]
print(d)


class O:
    pass


o = O()
o.attr = 1
del o.attr
print(hasattr(o, "attr"))


def local_unbound():
    try:
        print(v)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    v = 1


local_unbound()


def deleted_local():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return str(e)


print(deleted_local())


def outer():
    n = 0

    def inc():
        nonlocal n
        n += 1

    inc()
    inc()
    return n


print(outer())
try:
    del undefined_thing
except NameError as e:
    print("NameError", e)
