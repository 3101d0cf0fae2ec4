try:
    int('x')
except ValueError:
    [][0]
