from __future__ import annotations
def f(x: int) -> list[int]:
    return [x]
print(f(1), f.__annotations__)
print("{a} {b}".format_map({"a": 1, "b": 2}))
class P:
    x: int = 3
    y: "str"
print(P.__annotations__, P.x)
print(list(enumerate("ab", start=5)), *range(3), sep="|")
a = [3, 1, 2]
a.sort(key=lambda v: -v)
print(a, sorted({3: 1, 1: 2}.items(), key=lambda kv: kv[1]))
print(isinstance([], (list, tuple)), type(None)(), (1).__pow__(2), 2 .__rpow__(3))
s = "hello world"
print(s.title().swapcase(), s.split(maxsplit=1), s.rsplit(" ", maxsplit=1), s.index("o", 5), s.count("l", 3))
print(max([], default="empty"), min(3, 4, key=lambda v: -v), sum(x for x in range(5) if x & 1))
print(dict(sorted({"b": 1, "a": 2}.items())), list(map(str.upper, ["a"])), list(filter(str.isdigit, "a1b2")))
print(round(2.5), round(3.5), divmod(-9, 4), 7 .bit_length(), int("1010", base=2), float.is_integer(2.0))
x = [i for i in range(10)]
print(x[::3], x[-3::-3], x[2:-2:2])
print(f"{'nested'!r:^12}", f"{3.0:g}", f"{1e-7:.2g}", f"{123456789:,.2f}")
import sys
print(sys.getsizeof(1) > 0 if hasattr(sys, "getsizeof") else True)
import __future__
print(hasattr(__future__, "annotations"), "division" in __future__.all_feature_names)


class Defaulting(dict):
    def __missing__(self, key):
        return f"<{key}>"


print("{name} is {age}".format_map(Defaulting(name="Ann")))
try:
    "{x}".format_map({})
except KeyError as e:
    print("KeyError", e)
g = (x * 2 for x in range(3))
print(sum(g), list(g))
print(all(isinstance(v, int) for v in [1, 2]), any(v > 5 for v in [1, 9]))
def kw(a, /, b, *, c=3, **rest):
    return a, b, c, rest
print(kw(1, 2, d=4), kw(1, b=5, c=6))
nums = [1, 2, 3, 4]
evens, odds = [n for n in nums if n % 2 == 0], [n for n in nums if n % 2]
print(evens, odds, list(zip(evens, odds, strict=True)))
print(" ".join(f"{k}={v}" for k, v in {"a": 1}.items()), "x".join([]), ",".join(map(str, range(3))))
text = "the cat the dog"
freq = {}
for w in text.split():
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])))
print(hash("a") == hash("a"), id(text) == id(text), len({1: 2}), bool({}), [] or None)
