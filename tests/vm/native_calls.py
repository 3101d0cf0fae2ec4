# Built-in functions and methods called with positional and keyword
# arguments, and bound built-in methods kept in variables.
xs = [3, 1, 2]
append = xs.append
append(4)
print(xs, len(xs), max(xs), min(xs), sum(xs), sorted(xs, reverse=True))
print(isinstance(1, int), isinstance("s", (int, str)), issubclass(bool, int))
print(divmod(17, 5), abs(-3), round(2.675, 2), round(7.5), hex(255), oct(8), chr(65), ord("A"))
print("-".join(map(str, xs)), "a,b".split(","), "x".center(5, "*"))
upper = "hello".upper
print(upper(), str.upper("abc"), list.__len__([1, 2]))
print(dict(a=1, b=2), list(range(2, 10, 3)), tuple("ab"), set())
print(int("ff", 16), int("12"), float("1.5"), str(12), bool([]))
print(getattr(xs, "count")(1), hasattr(xs, "nope"), callable(len), callable(1))
print(sum([1, 2, 3], 10), sum(x * x for x in range(4)), any([]), all([]))
print(next(iter([5])), next(iter([]), "default"), list(zip("ab", [1, 2])))
print(sorted(["b", "A", "c"], key=str.lower), max("abc", key=ord), min([], default=0))
print(enumerate("ab").__next__(), list(reversed([1, 2, 3])), list(filter(None, [0, 1, 2])))
for bad in ("len()", "len(1, 2)", "len(5)", "abs('x')", "max()", "int('z')", "chr(-1)", "sorted(1)"):
    try:
        eval(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    xs.append()
except TypeError as e:
    print(e)
try:
    xs.append(1, 2)
except TypeError as e:
    print(e)
try:
    len(x=1)
except TypeError as e:
    print(e)
print(xs.pop(), xs.index(1), xs.count(3), xs)
