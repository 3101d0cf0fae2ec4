# str(), tuple() and list() with one argument: conversions, identity of an
# exact tuple, errors from the argument.
print(tuple([1,2]), tuple("ab"), tuple(x for x in range(3)), list((1,2)), list({1:2}), str(3), str(b"x"), str([1]))
t = (1, 2)
print(tuple(t) is t, list(t) == [1, 2])
class S:
    def __str__(self): return "S!"
print(str(S()))
try:
    tuple(5)
except TypeError as e: print(e)
try:
    list(5)
except TypeError as e: print(e)
class Bad:
    def __str__(self): return 5
try:
    str(Bad())
except TypeError as e: print(e)
