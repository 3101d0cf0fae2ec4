# zlib over the zlib library: the same bytes as CPython's, every framing,
# streaming objects, checksums; gzip and zipfile on top.
import zlib, gzip, io, zipfile, os, tempfile
data = b"hello hello hello hello world " * 200
for level in (-1, 0, 1, 6, 9):
    c = zlib.compress(data, level)
    print(level, len(c), zlib.crc32(c), zlib.decompress(c) == data)
for wbits in (9, 15, -15, -9, 31, 25):
    c = zlib.compress(data, 6, wbits)
    print(wbits, len(c), c[:4], zlib.decompress(c, wbits) == data, zlib.decompress(c, 47) == data if wbits > 0 else "")
print(zlib.crc32(b"abc"), zlib.crc32(b"abc", 5), zlib.adler32(b"abc"), zlib.adler32(b"abc", 7), zlib.crc32(b""), zlib.adler32(data))
co = zlib.compressobj(9, zlib.DEFLATED, -15)
parts = [co.compress(data[:1000]), co.compress(data[1000:]), co.flush()]
c = b"".join(parts)
print([len(p) for p in parts], c == zlib.compress(data, 9, -15))
d = zlib.decompressobj(-15)
out = d.decompress(c[:50]) + d.decompress(c[50:] + b"trailing")
print(out == data, d.eof, d.unused_data, d.unconsumed_tail)
d = zlib.decompressobj()
c = zlib.compress(data)
first = d.decompress(c, 100)
print(len(first), len(d.unconsumed_tail) > 0, d.eof)
rest = d.decompress(d.unconsumed_tail)
print(first + rest == data, d.eof)
co = zlib.compressobj()
s1 = co.compress(b"abc") + co.flush(zlib.Z_SYNC_FLUSH)
print(s1)
for f in [lambda: zlib.decompress(b'garbage'), lambda: zlib.decompress(zlib.compress(b'abc'*10)[:-3]), lambda: zlib.compress(b'x', 10), lambda: zlib.decompressobj().decompress(b'x', -1), lambda: zlib.compressobj(6, zlib.DEFLATED, 40)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
z = zlib.compress(b"dictionary text", zdict=None) if False else None
co = zlib.compressobj(zdict=b"hello world")
c = co.compress(b"hello world hello") + co.flush()
d = zlib.decompressobj(zdict=b"hello world")
print(c, d.decompress(c))
g = gzip.compress(b"gzip data " * 10, mtime=0)
print(g, gzip.decompress(g))
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as f:
    f.write(b"line one\nline two\n")
buf.seek(0)
with gzip.GzipFile(fileobj=buf) as f:
    print(f.readlines())
tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "a.zip")
with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("one.txt", "first file " * 50)
    z.writestr("two.txt", b"second")
with zipfile.ZipFile(path) as z:
    print(z.namelist(), z.read("one.txt")[:22], z.getinfo("one.txt").compress_size, z.testzip())
