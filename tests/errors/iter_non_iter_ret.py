class I:
    def __iter__(self):
        return 5
iter(I())
