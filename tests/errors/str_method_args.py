'a'.split(1)
