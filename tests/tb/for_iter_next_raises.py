class It:
    def __iter__(self): return self
    def __next__(self): raise KeyError
for x in It():
    pass
