# A max_length far beyond the output (sys.maxsize) bounds nothing and
# allocates nothing up front, in each streaming decompressor.
import bz2
import lzma
import sys
import zlib

data = b"payload " * 1000
for name, comp, decomp in [
    ("zlib", zlib.compress(data), zlib.decompressobj()),
    ("bz2", bz2.compress(data), bz2.BZ2Decompressor()),
    ("lzma", lzma.compress(data), lzma.LZMADecompressor()),
]:
    out = decomp.decompress(comp, sys.maxsize)
    print(name, len(out), out == data, decomp.eof)


class CustomInt:
    def __index__(self):
        return 100


# Integer arguments take objects with __index__.
d = zlib.decompressobj()
print(len(d.decompress(zlib.compress(data), CustomInt())), len(zlib.decompress(zlib.compress(data), 15, CustomInt())))
