pritn('x')
