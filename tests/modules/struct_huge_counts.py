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
import struct, sys
for code, data in [('p', b'abc'), ('2p', b'abc'), ('5p', b'abc'), ('300p', b'x' * 300)]:
    packed = struct.pack(code, data)
    print(code, packed[:6], len(packed), struct.unpack(code, packed)[0][:5])
for call in [lambda: struct.pack_into('<I', bytearray(10), sys.maxsize, 1),
             lambda: struct.unpack_from('<I', bytearray(10), sys.maxsize),
             lambda: struct.pack_into('<I', bytearray(10), -2, 1),
             lambda: struct.pack_into('<I', bytearray(10), -11, 1),
             lambda: struct.unpack_from('<I', bytearray(10), -11),
             lambda: struct.unpack_from('<I', bytearray(10), -2),
             lambda: struct.calcsize('2\0i'),
             lambda: struct.pack('p', 'x')]:
    try:
        print(call())
    except struct.error as e:
        print("error", e)
b = bytearray(10)
struct.pack_into('<I', b, -4, 0x01020304)
print(b, struct.unpack_from('<I', b, -4))
