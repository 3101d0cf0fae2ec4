# lzma: .xz, .lzma and raw streams with filter chains, checks, streaming
# with max_length, errors; the same bytes as CPython's.
import lzma, io
data = b"hello hello hello hello world " * 200
for preset in (0, 1, 6, 9):
    c = lzma.compress(data, preset=preset); print(preset, len(c), c[:14], lzma.decompress(c) == data)
for fmt in (lzma.FORMAT_XZ, lzma.FORMAT_ALONE):
    c = lzma.compress(data, format=fmt); print(fmt, len(c), c[:13], lzma.decompress(c) == data, lzma.decompress(c, format=fmt) == data)
filters = [{"id": lzma.FILTER_DELTA}, {"id": lzma.FILTER_LZMA2, "preset": 3, "dict_size": 1 << 20}]
raw = lzma.compress(data, format=lzma.FORMAT_RAW, filters=filters)
print(len(raw), lzma.decompress(raw, format=lzma.FORMAT_RAW, filters=filters) == data)
for check in (lzma.CHECK_NONE, lzma.CHECK_CRC32, lzma.CHECK_SHA256):
    c = lzma.compress(b"abc", check=check); d = lzma.LZMADecompressor(); d.decompress(c); print(check, len(c), d.check, d.eof)
d = lzma.LZMADecompressor()
c = lzma.compress(data)
part = d.decompress(c, 100); print(len(part), d.needs_input, d.eof)
rest = d.decompress(b"", -1); print(len(rest), d.needs_input, d.eof, d.unused_data)
for f in [lambda: lzma.decompress(b"not lzma data"), lambda: lzma.compress(b"x", format=lzma.FORMAT_ALONE, check=lzma.CHECK_CRC32), lambda: lzma.compress(b"x", preset=1, filters=filters), lambda: lzma.LZMACompressor(format=lzma.FORMAT_RAW), lambda: d.decompress(b"x")]:
    try: f()
    except Exception as e: print(type(e).__name__, e)
print(lzma.is_check_supported(lzma.CHECK_SHA256), lzma.decompress(lzma.compress(b"one") + lzma.compress(b"two")))
buf = io.BytesIO()
with lzma.LZMAFile(buf, "w") as f: f.write(b"line\n" * 50)
buf.seek(0)
with lzma.open(buf, "rt") as f: print(f.readline(), len(f.read()))
