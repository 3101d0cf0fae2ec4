sorted([3, 'a'])
