def check(v):
    assert isinstance(v, int), "need an int"


check("x")
