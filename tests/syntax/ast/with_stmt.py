with a: pass
with a as b: pass
with a as b, c as d: pass
with a as (b, c): pass
with a as [b, c]: pass
with a as b.c, d as e[0]: pass
with (a): pass
with (a, b): pass
with (a as b): pass
with (a as b, c as d,): pass
with (a, b) as c: pass
with (yield): pass
with (
    open("a") as f,
    open("b") as g,
):
    pass
with (a for a in b): pass
with a(), b(): pass
