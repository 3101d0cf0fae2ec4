import io, os
p = '/tmp/krait_io_test.txt'
with open(p, 'w') as f:
    print(f, f.name, f.mode, f.encoding, f.writable(), f.readable())
    f.write('line one\nline two\r\nline three')
    print('x', 5, file=f)
with open(p) as f:
    print(repr(f.readline()), repr(f.readline()), f.tell() > 0)
    print(repr(f.read()))
with open(p, newline='') as f: print(f.readlines())
with open(p, 'rb') as f: print(f, f.read(4), f.read(), f.tell())
with open(p, 'a', encoding='utf-8') as f: f.write('é\n')
print(open(p, encoding='latin-1').read()[-4:], len(open(p, 'rb').read()))
with open(p, 'r+b') as f: f.seek(2); f.write(b'XY'); f.seek(0); print(f.read(6))
for i, line in enumerate(open(p)): print(i, repr(line))
b = io.BytesIO(b'abc\ndef'); print(b.readline(), b.read(), b.tell(), b.getvalue()); b.write(b'!'); print(b.getvalue())
s = io.StringIO('x\ny'); print(s.readline(), s.read(), s.getvalue()); s.write('z'); print(repr(s.getvalue()), s.tell())
s = io.StringIO(); print('hi', 3, file=s); print(repr(s.getvalue()))
try: open('/nonexistent/x')
except FileNotFoundError as e: print(e)
try: open(p, 'rw')
except ValueError as e: print(e)
try: open(p, 'rb', encoding='utf-8')
except ValueError as e: print(e)
try: open(p).write('x')
except io.UnsupportedOperation as e: print('unsupported', e)
f = open(p); f.close(); print(f.closed)
try: f.read()
except ValueError as e: print(e)
print(isinstance(open(p), io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase), io.DEFAULT_BUFFER_SIZE)
w = io.TextIOWrapper(io.BytesIO(), encoding='utf-16'); w.write('hé'); w.flush(); print(w.buffer.getvalue())
os.remove(p)
import logging, pathlib, tempfile, traceback
pathlib.Path('/tmp/krait_pl.txt').write_text('data\n'); print(pathlib.Path('/tmp/krait_pl.txt').read_text(), pathlib.Path('/tmp').is_dir())
os.remove('/tmp/krait_pl.txt')
logging.basicConfig(level=logging.INFO, format='%(levelname)s:%(name)s:%(message)s', stream=__import__('sys').stdout)
logging.getLogger('t').info('hello %s', 'log')
import posix, pathlib
class P:
    def __fspath__(self): return 'abc'
print(posix.fspath(P()))
print(posix.fspath(pathlib.PurePath('x')))
import io
for nl in [None, '', '\n', '\r', '\r\n']:
    s = io.StringIO('a\rb\r\nc\nd\r', newline=nl); print(repr(nl), [s.readline() for _ in range(5)])
    t = io.TextIOWrapper(io.BytesIO(b'a\rb\r\nc\nd\r'), encoding='ascii', newline=nl); print(repr(nl), t.readlines())
