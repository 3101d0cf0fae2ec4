x, = True
