# staticmethod objects are callable (3.10+): they call what they wrap.
def double(x):
    return 2 * x


s = staticmethod(double)
print(s(21), callable(s), s.__call__(4))


class A:
    helper = staticmethod(double)
    table = {"f": staticmethod(len)}


print(A.helper(3), A().helper(5), A.table["f"]("abcd"))
try:
    staticmethod(None)()
except TypeError as e:
    print("TypeError:", e)
