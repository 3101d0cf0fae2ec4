# The checks CPython makes on `obj.__class__ = value` before assigning.


class A:
    pass


a = A()
for target, value in [(a, 5), (a, "B"), (1, A), ("s", A), ([], A)]:
    try:
        target.__class__ = value
    except TypeError as e:
        print("TypeError:", e)
try:
    setattr(a, "__class__", None)
except TypeError as e:
    print("TypeError:", e)
print(a.__class__ is A, type(a).__name__, "__class__" in vars(a))
