def memoize(fn):
    cache = {}

    def wrapper(*args):
        if args not in cache:
            cache[args] = fn(*args)
        return cache[args]

    wrapper.cache = cache
    return wrapper


@memoize
def slow_square(n):
    print("computing", n)
    return n * n


print(slow_square(4), slow_square(4), slow_square(5), sorted(slow_square.cache))


def counter_factory():
    count = 0

    def counter():
        nonlocal count
        count += 1
        return count

    def reset():
        nonlocal count
        count = 0

    return counter, reset


c, r = counter_factory()
print(c(), c(), c())
r()
print(c())


def class_decorator(cls):
    cls.decorated = True
    return cls


@class_decorator
class Thing:
    pass


print(Thing.decorated)


def repeat(times):
    def deco(fn):
        def run(*a):
            return [fn(*a) for _ in range(times)]
        return run
    return deco


@repeat(3)
def greet(name):
    return f"hi {name}"


print(greet("x"))


class Register:
    handlers = {}

    @classmethod
    def on(cls, event):
        def deco(fn):
            cls.handlers[event] = fn
            return fn
        return deco


@Register.on("start")
def handle_start():
    return "started"


print(Register.handlers["start"](), handle_start.__name__)
adders = [(lambda n: (lambda x: x + n))(i) for i in range(3)]
print([a(10) for a in adders])


def outer():
    v = "outer"

    class Inner:
        attr = v

        def method(self):
            return v

    return Inner().method(), Inner.attr


print(outer())
