class Bad:
    def __init__(self, x):
        self.x = x
        return x


print(Bad(None).x)
Bad(42)
