dict([1, 2])
