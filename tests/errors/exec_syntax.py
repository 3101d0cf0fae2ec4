exec('1 +')
