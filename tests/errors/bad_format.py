format(1, 'q')
