compile('x', 'f', 'bad')
