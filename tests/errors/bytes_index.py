b'ab'[5]
