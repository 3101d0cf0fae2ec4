b1 = b'abc', B"def", rb'\d', bR'\n', Br"x", RB'y'
b2 = b'\x00\xff\n\t\\\'"', b"\101\7", b'a' b'b'
b3 = b'\q', b"it's", b'\u1234'
b4 = b''
