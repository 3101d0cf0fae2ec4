a + b - c * d / e // f % g ** h @ i
a << b >> c & d ^ e | f
-a ** -b, (-a) ** b, a ** b ** c, ~a + +b
not a, not not a, a and b and c, a or b or c, a and b or c and d, not a or b
a < b, a <= b < c, a == b != c, a is b, a is not b, a in b, a not in b, a > b >= c
(a + b) * c, a + (b * c), ((a))
x if y else z, a if b else c if d else e
(yield), (yield x), (yield from y)
await_ = 1
