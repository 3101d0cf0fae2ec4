print(1, bogus=2)
