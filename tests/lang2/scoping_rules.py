x = "global"


def read_global():
    return x


def shadow():
    x = "local"
    return x


def enclosing():
    x = "enclosing"

    def inner():
        return x

    return inner()


print(read_global(), shadow(), enclosing(), x)


class Scope:
    x = "class"

    def method(self):
        return x

    y = [x for _ in range(1)]


print(Scope().method(), Scope.y, Scope.x)


def late_binding():
    fns = []
    for i in range(3):
        fns.append(lambda: i)
    return [f() for f in fns]


print(late_binding())


def uses_builtin():
    return len("abc")


def shadows_builtin():
    len = lambda s: "shadowed"
    return len("abc")


print(uses_builtin(), shadows_builtin(), len("x"))


def nested_global():
    def set_it():
        global new_name
        new_name = "set from nested"

    set_it()


nested_global()
print(new_name)
i = "unchanged"
[i for i in range(3)]
print(i)
for j in range(2):
    pass
print(j)


def comprehension_sees_class():
    class K:
        vals = [1, 2]
        doubled = [v * 2 for v in vals]
    return K.doubled


print(comprehension_sees_class())
print(eval("x"), eval("x", {"x": "dict global"}), eval("x + y", {"x": "a"}, {"y": "b"}))
exec("z = x + '!'")
print(z)
