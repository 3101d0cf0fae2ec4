import struct
print(struct.pack('<hHiIqQ', -2, 65535, -3, 4000000000, -5, 2**64-1), struct.pack('>f d', 1.5, -2.25), struct.pack('@bhi', 1, 2, 3), struct.calcsize('@bhi'), struct.calcsize('=bhi'))
print(struct.unpack('<hHiI', b'\xfe\xff\xff\xff\xfd\xff\xff\xff\x00\x28\x6b\xee'), struct.unpack('>?c3s', b'\x01xabc'), struct.pack('5p', b'hi'), struct.unpack('5p', b'\x02hi\x00\x00'))
print(struct.pack('<e', 1.5), struct.unpack('<e', b'\x00\x3e'), struct.pack('!I', 1), struct.pack('2x2b', 1, 2))
s = struct.Struct('<HH'); print(type(s).__name__, s.size, s.format, s.pack(1, 2), s.unpack(b'\x01\x00\x02\x00'), list(s.iter_unpack(b'\x01\x00\x02\x00' * 2)))
b = bytearray(6); struct.pack_into('<HH', b, 2, 7, 8); print(b, struct.unpack_from('<H', b, 2))
for fmt, v in [('<h', 40000), ('<B', -1), ('<i', 'x'), ('<Q', -1)]:
    try: struct.pack(fmt, v)
    except struct.error as e: print(e)
try: struct.unpack('<I', b'ab')
except struct.error as e: print(e)
try: struct.pack('<I', 1, 2)
except struct.error as e: print(e)
try: struct.calcsize('z')
except struct.error as e: print(e)
for f in ['<b','<B','<h','<H','<i','<I','<q','<Q','@l','@L']:
    for v in [2**40 if 'q' not in f.lower() else 2**64, -1, 2**70]:
        try: struct.pack(f, v)
        except struct.error as e: print(f, e)
