def add_one(x):
    return x + 1


add_one("text")
