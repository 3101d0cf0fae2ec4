x = 'a'
f'{x:d}'
