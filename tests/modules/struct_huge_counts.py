# Repeat counts far beyond memory cost nothing until the data is there.
import struct
for f in ['>2147483647B', '>2147483647Q', '3B2x4s', '<0i', '99999999999999999999B']:
    try: print(f, struct.calcsize(f))
    except Exception as e: print(f, type(e).__name__, e)
    try: print(struct.unpack(f, b'\x01' * 10))
    except Exception as e: print(f, type(e).__name__, e)
print(struct.pack('<3h2xq', 1, 2, 3, 4), struct.unpack('<3h2xq', struct.pack('<3h2xq', 1, 2, 3, 4)))
print(list(struct.iter_unpack('<2H', b'\x01\x00\x02\x00\x03\x00\x04\x00')))
import struct
s = struct.Struct('<h')
print(s.unpack_from(buffer=b'\x01\x00\x02\x00', offset=2), s.unpack_from(b'\x01\x00'))
try:
    s.unpack_from()
except TypeError as e:
    print(e)
