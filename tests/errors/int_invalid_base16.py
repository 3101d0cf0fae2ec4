int('xyz', 16)
