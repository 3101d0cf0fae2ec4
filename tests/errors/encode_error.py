'\u20ac'.encode('ascii')
