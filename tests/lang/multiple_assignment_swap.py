# multiple assignment swap
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
x = [0, 1, 2]
i = 0
i, x[i] = 1, 9
print(i, x)
d = {}
d["a"] = d["b"] = 5
print(d)
p = q = [1]
p += [2]
print(p, q, p is q)
m, n = n, m = 1, 2
print(m, n)
l = [1, 2, 3, 4, 5]
l[1:3], l[0] = ["x"], "first"
print(l)
first, (second, third), *rest = 1, (2, 3), 4, 5
print(first, second, third, rest)
