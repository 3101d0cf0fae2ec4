# comprehension scopes
x = 10
print([x for x in range(3)], x)
print([y for y in range(3) if y], {k: v for k, v in [(1, 2)]}, {s for s in "aa"})
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)], [v for row in matrix for v in row if v % 2])
class K:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    total = sum(v for v in vals)
print(K.doubled, K.total)
g = (i * i for i in range(4))
print(next(g), list(g))
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
print([(a, b) for a in range(2) for b in range(a, 2)], [n for n in range(20) if n % 2 == 0 if n % 3 == 0])
print(list(map(lambda p: p[0] + p[1], zip([1, 2], [3, 4]))), sum(len(w) for w in ["ab", "c"]))
nested = [[j for j in range(i)] for i in range(4)]
print(nested, [[*r, 0] for r in nested[:2]])
print({i: [c for c in "xyz"[:i]] for i in range(3)})
