# bz2: streaming compressors and decompressors (max_length, needs_input,
# unused_data), the same bytes as CPython's, BZ2File and bz2.open.
import _bz2, bz2, io
c = _bz2.BZ2Compressor(); print(c.compress(b'abc'), len(c.flush()))
for f in [lambda: c.compress(b'x'), lambda: c.flush(), lambda: _bz2.BZ2Compressor(10)]:
    try: f()
    except Exception as e: print(type(e).__name__, e)
d = _bz2.BZ2Decompressor(); print(d.needs_input, d.eof, d.unused_data)
try: d.decompress(b'garbage data here')
except Exception as e: print(type(e).__name__, e)
z = bz2.compress(b'x' * 1000)
d = _bz2.BZ2Decompressor(); print(len(d.decompress(z[:10])), d.needs_input); print(len(d.decompress(z[10:] + b'extra', 100)), d.needs_input, d.eof, d.unused_data)
print(len(d.decompress(b'', -1)) if not d.eof else 'eof', d.eof, d.unused_data)
try: d.decompress(b'x')
except Exception as e: print(type(e).__name__, e)
d = _bz2.BZ2Decompressor(); out = d.decompress(z, 100); print(len(out), d.needs_input, d.eof); out2 = d.decompress(b'', 2000); print(len(out2), d.needs_input, d.eof)
data = bytes(range(256)) * 50
for level in (1, 5, 9):
    comp = bz2.compress(data, level); print(level, len(comp), comp[:12], bz2.decompress(comp) == data)
print(bz2.decompress(bz2.compress(b"one") + bz2.compress(b"two")))
buf = io.BytesIO()
with bz2.BZ2File(buf, "wb") as f:
    f.write(b"line 1\nline 2\n" * 100)
buf.seek(0)
with bz2.BZ2File(buf) as f:
    print(f.readline(), len(f.read()))
print(bz2.open(io.BytesIO(bz2.compress("text é".encode())), "rt", encoding="utf-8").read())
