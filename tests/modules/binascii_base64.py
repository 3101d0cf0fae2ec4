import binascii, base64, codecs
print(binascii.hexlify(b'\x01\xab\xff'), binascii.hexlify(b'\x01\x02\x03\x04\x05', '-', 2), binascii.hexlify(b'abcdef', b':', -4), binascii.unhexlify('01abFF'))
for s in [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar']:
    e = base64.b64encode(s); print(e, base64.b64decode(e) == s, binascii.b2a_base64(s, newline=False))
print(base64.b64decode('Zm9v\nYmFy'), base64.urlsafe_b64encode(b'\xff\xfe'), base64.b16encode(b'hi'), base64.b32encode(b'hi'), base64.b85encode(b'hi'))
print(binascii.crc32(b'hello'), binascii.crc32(b'world', binascii.crc32(b'hello ')), binascii.crc_hqx(b'abc', 0))
print(codecs.encode(b'abc', 'hex'), codecs.decode(b'616263', 'hex'), codecs.encode(b'abc', 'base64'))
for bad in ['abc', 'zz']:
    try: binascii.unhexlify(bad)
    except binascii.Error as e: print(type(e).__name__, e)
try: base64.b64decode('Zm9')
except binascii.Error as e: print(e)
try: base64.b64decode('Z')
except binascii.Error as e: print(e)
print(base64.b64decode('Zm9v===='), base64.b64decode(b'Zm9vYg=='))
