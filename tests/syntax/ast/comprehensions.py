[x for x in y]
[x for x in y if x if not x]
[(x, y) for x in a for y in b if x < y]
{x for x in y}
{k: v for k, v in d.items()}
(x for x in y)
[x for x, in y]
[x for (a, b) in y]
[x for [a, *b] in y]
[x for x.attr in y]
[x for x[0] in y]
[[y for y in x] for x in z]
[y := f(x) for x in data]
[x for x in range(3) if (y := x)]
async def f():
    [x async for x in y]
    [await x for x in y]
    {x: y async for x, y in z}
    (x async for x in y if await x)
