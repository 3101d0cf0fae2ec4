raise KeyError((1, 2))
