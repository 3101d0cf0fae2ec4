x = 5
print(x is 5, x is not 5, x is None, x is (), x is -1, x is "s", x is (1, 2), x is ..., x is True)
print(x is 1 or x is 2, 1 is x)
if x is not None and x is not []:
    print("ok")
