# iter builtins
print(list(enumerate("abc")), list(enumerate(["x"], 10)), list(zip("ab", [1, 2, 3])), list(zip(*[[1, 2], [3, 4]])))
print(list(map(lambda a, b: a * b, [1, 2], [3, 4, 5])), list(filter(str.isupper, "aBcD")), list(reversed((1, 2, 3))))
it = iter([1, 2, 3])
print(next(it), list(it), list(it), next(it, "end"))
def gen():
    yield from range(3)
print(sum(gen()), max(gen()), min(gen()), sorted(gen(), reverse=True), any(gen()), all(gen()))
class CountDown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(CountDown(3)), [x for x in CountDown(2)], tuple(CountDown(1)))
class Seq:
    def __getitem__(self, i):
        if i > 3:
            raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq(), list(iter(Seq())))
z = zip([1, 2, 3], "ab")
print(next(z), list(z))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(zip([1], [2], strict=True)), list(map(str, range(3))), dict(enumerate("xy")))
sentinel_iter = iter([1, 2, 0, 3].pop, 0)
print(list(sentinel_iter))
