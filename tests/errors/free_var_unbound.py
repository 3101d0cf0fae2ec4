def outer():
    def inner():
        return v
    inner()
    v = 1
outer()
