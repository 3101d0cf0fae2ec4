# generator expressions
nums = range(10)
print(sum(n * n for n in nums), max(n % 7 for n in nums), list(n for n in nums if n > 6))
gen = (c.upper() for c in "abc")
print(next(gen), "".join(gen))
pairs = ((a, b) for a in range(3) for b in range(a))
print(list(pairs))
def take(n, it):
    return [x for _, x in zip(range(n), it)]
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(take(5, naturals()), take(3, (x * x for x in naturals())))
squares = {x: x * x for x in range(5)}
print(squares, sorted(squares.items(), key=lambda kv: -kv[1])[:2])
print(tuple(x for x in "hello" if x not in "aeiou"), set(len(w) for w in ["a", "bb", "cc"]))
g = (i for i in range(3))
print(list(zip(g, g)))
