a = 1
a = b = c = 1
a, b = 1, 2
(a, b) = [c, d] = e
a, *b = c
*a, b = c
[a, [b, *c]] = d
a.b = a[0] = a[1:2] = 1
a.b.c, d[e][f] = g
a = yield
a = yield b
x = *a, *b
x = 1,
(a) = 1
a = b = (yield c)
