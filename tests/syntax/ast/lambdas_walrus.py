lambda: 0
lambda x: x
lambda x, y=1, *args, z, w=2, **kw: 0
lambda x, /, y: 0
lambda *, x: x
lambda *a, **k: (a, k)
lambda x=lambda: 0: x
if (n := len(a)) > 10:
    pass
while chunk := f.read(10):
    pass
print(y := 5)
(z := (y := (x := 0)))
{(c := a): (a := b) for __ in range(6)}
