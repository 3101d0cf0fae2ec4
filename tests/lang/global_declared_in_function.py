# A name declared global in a function is an explicit global of the module too.
def f():
    global g
    g = 2
g = 1
f()
print(g)
ns = {}
exec("def h():\n    global k\n    k = 5\nk = 3\nh()\nprint(k)", ns, {})
print(ns.get('k'))
