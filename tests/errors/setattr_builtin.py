setattr(int, 'x', 1)
