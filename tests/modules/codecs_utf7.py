# The utf-7 codec: encoding, decoding with error handlers, incremental decoding.
import codecs, random
rng = random.Random(7)
alphabet = [chr(c) for c in range(0, 128)] + ['\u00e9', '\u263a', '\u65e5', '\U0001f600', '\ud800', '\udc00', '+', '-', '+-', '-']
for i in range(300):
    s = ''.join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
    e = s.encode('utf-7')
    d = e.decode('utf-7')
    print(repr(s), e, d == s)
pieces = [b'+', b'-', b'A', b'G', b'E', b'2D3', b'dyQ', b'a', b'\x80', b'!', b'/', b'+AGE', b'3cn', b'x', b'+-']
for i in range(300):
    b = b''.join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
    for errors in ('strict', 'replace', 'ignore', 'backslashreplace'):
        try:
            r = repr(b.decode('utf-7', errors))
        except UnicodeDecodeError as e:
            r = f"ERR {e.start} {e.end} {e.reason}"
        print(b, errors, r)
    print(b, codecs.utf_7_decode(b, 'replace', False))
dec = codecs.getincrementaldecoder('utf-7')()
print([dec.decode(bytes([c])) for c in b'a+AGEAYQ-b+2D3dyQ'], dec.decode(b'', True))
