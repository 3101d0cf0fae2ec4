print([x * y for x in range(3) for y in range(3) if x != y])
print({x: [y for y in range(x)] for x in range(4)})
print({c for c in "banana"} == set("ban"), sorted({c.upper() for c in "abca"}))
print(list(x for x in range(5) if x % 2), sum(x * x for x in range(10)), max((len(w), w) for w in ["a", "bbb", "cc"]))
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)], [v for row in matrix for v in row])
x = "outer"
print([x for x in "ab"], x)
print([(lambda: i)() for i in range(3)], [f() for f in [lambda i=i: i * 10 for i in range(3)]])
gen = (n for n in range(3))
print(next(gen), list(gen), list(gen))
print([y := 5, y ** 2], [z for z in range(5) if (w := z * 2) > 4], w)
print(any(n > 3 for n in [1, 5]), all(n > 0 for n in []), list(zip(*[(1, "a"), (2, "b")])))
print(dict((k, v) for k, v in [("a", 1)]), tuple(i for i in "xy"), "".join(c for c in "abc" if c != "b"))
try:
    [1 / n for n in [1, 0]]
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)


class C:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    try:
        bad = [items for _ in range(1)]
    except NameError as e:
        err = str(e)


print(C.doubled, C.err)
print([[j for j in range(i)] for i in range(3)], [i for i in range(3) for i in range(i)])
print(sorted([(-len(w), w) for w in "the quick brown fox".split()]))
